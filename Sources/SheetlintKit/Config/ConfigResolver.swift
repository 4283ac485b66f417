import Foundation
import SheetModel
import SheetRules

/// Finds, loads and combines configuration files for the sheets of one run.
///
/// For each sheet the nearest `.sheetlint.yml` (or `.sheetlint.yaml`) found by walking up
/// from the sheet's directory to the filesystem root applies, alone: configurations of
/// parent directories are not merged unless named by `extends`. With `--config FILE`
/// that file applies to every sheet and nothing is searched. Every file (configuration or
/// catalogue) is read and parsed at most once; errors are collected in `errors`, each
/// once, with file, line and column.
///
/// A value type: call it from one task (before evaluating sheets in parallel), then hand
/// the resulting `EffectiveConfig` values to the workers.
public struct ConfigResolver: Sendable {
    /// File names searched for, in order of preference.
    public static let fileNames = [".sheetlint.yml", ".sheetlint.yaml"]

    /// Rule ids a configuration may name.
    public let knownRuleIds: Set<String>
    /// The run's rules, for recompiling those whose options a configuration changes.
    let rules: RuleSet
    /// `--config FILE` (absolute, normalized), or nil to search.
    let explicitConfig: String?
    /// Absolute, normalized; relative paths are resolved against it and shown relative to it.
    let currentDirectory: String

    var parsed: [String: ConfigFile?] = [:]
    var nearest: [String: String?] = [:]
    var combined: [String: [ConfigLayer]] = [:]
    var loadedCatalogs: [String: Catalog?] = [:]
    var errorSet: Set<ConfigError> = []

    /// A resolver for a run with `rules` loaded (defaults plus `--rules`).
    ///
    /// - Parameters:
    ///   - rules: The rules of the run; `rules:` may name only their ids and `extraRuleIds`.
    ///   - extraRuleIds: Ids reported outside the rule set (reader notes, suppressions).
    ///   - explicitConfig: `--config FILE`; overrides discovery for every sheet. A missing
    ///     file is an error.
    ///   - currentDirectory: The directory relative paths are taken from.
    public init(rules: RuleSet, extraRuleIds: Set<String> = [ReaderNotes.ruleId], explicitConfig: String? = nil,
                currentDirectory: String = FileManager.default.currentDirectoryPath) {
        knownRuleIds = Set(rules.rules.map(\.id)).union(extraRuleIds)
        self.rules = rules
        let cwd = ConfigPath.normalize(currentDirectory)
        self.currentDirectory = cwd
        self.explicitConfig = explicitConfig.map { ConfigPath.absolute($0, in: cwd) }
    }

    /// Every error met so far, each once, sorted by file, line and column. Any of them
    /// should make the run exit 2.
    public var errors: [ConfigError] { errorSet.sorted() }

    /// True when `path` (relative to the current directory or absolute) is a catalogue
    /// that `config` names: a directory search finds it, but it is not a sheet.
    public func isCatalogue(_ path: String, of config: EffectiveConfig) -> Bool {
        config.catalogPaths.contains(ConfigPath.absolute(path, in: currentDirectory))
    }

    /// The configuration for the sheet at `path` (relative to the current directory or
    /// absolute). `EffectiveConfig.none` when no configuration file applies.
    public mutating func effectiveConfig(forSheet path: String) -> EffectiveConfig {
        let sheet = ConfigPath.absolute(path, in: currentDirectory)
        return effectiveConfig(sheet: sheet, directory: ConfigPath.parent(of: sheet))
    }

    /// The configuration that applies in `directory` itself (e.g. `"."`), for run-wide
    /// settings such as `lang` that do not belong to one sheet.
    public mutating func effectiveConfig(forDirectory directory: String) -> EffectiveConfig {
        let dir = ConfigPath.absolute(directory, in: currentDirectory)
        return effectiveConfig(sheet: nil, directory: dir)
    }

    /// The configuration file that applies to files in `directory` (absolute), if any.
    mutating func configPath(forDirectory directory: String) -> String? {
        if let explicit = explicitConfig { return explicit }
        if let known = nearest[directory] { return known }
        var found: String?
        let fm = FileManager.default
        let candidates = Self.fileNames.map { ConfigPath.join(directory, $0) }.filter { fm.fileExists(atPath: $0) }
        if let first = candidates.first {
            found = first
            for other in candidates.dropFirst() {
                errorSet.insert(ConfigError(
                    file: display(other),
                    message: "同じディレクトリに \(Self.fileNames[0]) もあるため、このファイルは使われません。どちらかにまとめてください",
                    messageEn: "\(Self.fileNames[0]) in the same directory is used instead of this file; keep only one"))
            }
        } else if directory != "/" {
            found = configPath(forDirectory: ConfigPath.parent(of: directory))
        }
        nearest[directory] = found
        return found
    }

    private mutating func effectiveConfig(sheet: String?, directory: String) -> EffectiveConfig {
        guard let configPath = configPath(forDirectory: directory) else { return .none }
        let layers = layers(of: configPath)
        var config = EffectiveConfig(configFile: display(configPath))
        for layer in layers {
            let relative = sheet.flatMap { ConfigPath.relative($0, to: layer.directory) }
            layer.apply(to: &config, sheetPath: relative)
        }
        return config
    }

    /// `path` as shown to the user: relative to the current directory when inside it.
    func display(_ path: String) -> String {
        ConfigPath.relative(path, to: currentDirectory) ?? path
    }
}

/// One configuration file of an `extends` chain, with its directory and loaded catalogues.
struct ConfigLayer: Sendable {
    /// Absolute path of the file.
    var path: String
    /// Absolute directory its globs and paths are relative to.
    var directory: String
    var file: ConfigFile
    var catalogs: [(file: String, path: String, catalog: Catalog)]

    /// Applies this layer over `config`: `rules`, then each matching override in order,
    /// then `ignore`. `sheetPath` is relative to `directory`; nil when the sheet lies
    /// outside it (no glob matches then) or for directory-wide settings.
    func apply(to config: inout EffectiveConfig, sheetPath: String?) {
        if let year = file.fiscalYear { config.fiscalYear = year.value }
        if let lang = file.lang { config.lang = lang.value }
        if let stage = file.stage { config.stage = stage.value }
        for (name, path, catalog) in catalogs {
            config.catalogs.append(catalog)
            config.catalogFiles.append(name)
            config.catalogPaths.insert(path)
        }
        for setting in file.rules { config.apply(setting) }
        guard let sheetPath else { return }
        for override in file.overrides where override.files.contains(where: { $0.value.matchesPathOrAncestor(sheetPath) }) {
            for setting in override.rules { config.apply(setting) }
            if let stage = override.stage { config.stage = stage.value }
        }
        if file.ignore.contains(where: { $0.value.matchesPathOrAncestor(sheetPath) }) {
            config.isIgnored = true
        }
    }
}
