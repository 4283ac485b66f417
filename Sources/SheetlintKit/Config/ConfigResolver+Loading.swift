import Foundation
import SheetModel
import SheetReading
import SheetRules

extension ConfigResolver {
    /// The layers of the configuration at `path` (absolute): its `extends` (depth first,
    /// in the order written), then itself. A file reached twice is applied once, at its
    /// first place. Only whole chains are cached, so the result for a file does not depend
    /// on which sheet asked first.
    mutating func layers(of path: String) -> [ConfigLayer] {
        if let cached = combined[path] { return cached }
        var seen = Set<String>()
        let result = layers(of: path, chain: []).filter { seen.insert($0.path).inserted }
        combined[path] = result
        return result
    }

    private mutating func layers(of path: String, chain: [String]) -> [ConfigLayer] {
        guard let file = configFile(at: path) else { return [] }
        let directory = ConfigPath.parent(of: path)
        let root = RepositoryRoot.of(directory: directory, currentDirectory: currentDirectory)
        let chain = chain + [path]
        var out: [ConfigLayer] = []
        for base in file.extends {
            let target = ConfigPath.absolute(base.value, in: directory)
            guard RepositoryRoot.contains(target, root: root) else {
                errorSet.insert(outside("extends", base, root: root, in: file.file))
                continue
            }
            if chain.contains(target) {
                let names = (chain + [target]).map(display).joined(separator: " → ")
                errorSet.insert(ConfigError(file: file.file, position: base.position,
                                            message: "extends が循環しています: \(names)",
                                            messageEn: "extends forms a cycle: \(names)"))
                continue
            }
            guard FileManager.default.fileExists(atPath: target) else {
                errorSet.insert(ConfigError(file: file.file, position: base.position,
                                            message: "extends のファイル「\(base.value)」が見つかりません（\(display(target))）",
                                            messageEn: "extends file '\(base.value)' not found (\(display(target)))"))
                continue
            }
            out += layers(of: target, chain: chain)
        }
        var catalogs: [(file: String, path: String, catalog: Catalog)] = []
        for entry in file.catalogs {
            let target = ConfigPath.absolute(entry.value, in: directory)
            guard RepositoryRoot.contains(target, root: root) else {
                errorSet.insert(outside("catalogs", entry, root: root, in: file.file))
                continue
            }
            if let catalog = catalog(at: target, namedAt: entry, in: file.file) {
                catalogs.append((display(target), target, catalog))
            }
        }
        out.append(ConfigLayer(path: path, directory: directory, file: file, catalogs: catalogs))
        return out
    }

    /// A path named in a configuration that leaves its repository: refused, not read.
    private func outside(_ key: String, _ entry: ConfigValue<String>, root: String, in file: String) -> ConfigError {
        ConfigError(file: file, position: entry.position,
                    message: "\(key) のファイル「\(entry.value)」はリポジトリ（\(display(root))）の外にあるため読みません",
                    messageEn: "\(key) file '\(entry.value)' is outside the repository (\(display(root))); not read")
    }

    /// The parsed file at `path`, read once; nil (with an error recorded) when unreadable.
    /// A file with errors still yields what could be read.
    mutating func configFile(at path: String) -> ConfigFile? {
        if let cached = parsed[path] { return cached }
        var result: ConfigFile?
        let name = display(path)
        do {
            let text = try InputFile.readText(path)
            let (file, errors) = ConfigFile.parse(text: text, file: name, knownRuleIds: knownRuleIds, rules: rules)
            errorSet.formUnion(errors)
            result = file
        } catch let error where error.kind == .notFound {
            errorSet.insert(ConfigError(file: name, message: "設定ファイルが見つからないか読めません",
                                        messageEn: "configuration file not found or unreadable"))
        } catch {
            errorSet.insert(ConfigError(file: name, message: error.message, messageEn: error.messageEn))
        }
        parsed[path] = .some(result)
        return result
    }

    /// The catalogue at `path`, parsed once; a missing file is reported where `entry`
    /// names it in `configFile`, a broken one at its own line and column.
    private mutating func catalog(at path: String, namedAt entry: ConfigValue<String>, in configFile: String) -> Catalog? {
        if let cached = loadedCatalogs[path] { return cached }
        var result: Catalog?
        do {
            let text = try InputFile.readText(path)
            do {
                let catalog = try Catalog.parse(text: text, file: display(path))
                // A catalogue no rule cites would change nothing: say so rather than let a
                // city believe its catalogue is in use.
                let cited = rules.citedCatalogIds
                if cited.contains(catalog.id) {
                    result = catalog
                } else {
                    let ids = cited.sorted().joined(separator: ", ")
                    errorSet.insert(ConfigError(
                        file: configFile, position: entry.position,
                        message: "catalogs のカタログ「\(catalog.id)」（\(display(path))）を参照する規則がありません。既定のカタログを置き換えるには、その id（\(ids)）を catalog: に書いてください",
                        messageEn: "no rule cites the catalogue '\(catalog.id)' (\(display(path))) named in catalogs; to replace a default catalogue, give it that catalogue's id (\(ids)) in catalog:"))
                }
            } catch {
                errorSet.insert(ConfigError(error))
            }
        } catch {
            let why = error.kind == .notFound ? ("", "") : (": " + error.message, ": " + error.messageEn)
            errorSet.insert(ConfigError(file: configFile, position: entry.position,
                                        message: "catalogs のファイル「\(entry.value)」が見つからないか読めません（\(display(path))）\(why.0)",
                                        messageEn: "catalogs file '\(entry.value)' not found or unreadable (\(display(path)))\(why.1)"))
        }
        loadedCatalogs[path] = .some(result)
        return result
    }
}

/// Path arithmetic on `/`-separated strings, without touching the filesystem (symbolic
/// links are not resolved, so results do not depend on the machine's layout).
enum ConfigPath {
    /// `path` made absolute against `directory` (absolute) and normalized.
    static func absolute(_ path: String, in directory: String) -> String {
        normalize(path.hasPrefix("/") ? path : join(directory, path))
    }

    /// Removes empty and `.` segments and resolves `..`; `/..` stays `/`.
    static func normalize(_ path: String) -> String {
        // Nearly every path is already normal (a sheet's, twice per sheet, in the serial part
        // of a run): splitting it into `Substring`s and joining them again cost 18,000
        // instructions a path.
        if isNormalASCII(path) { return path }
        return normalizeBySegments(path)
    }

    /// `normalize` by splitting into segments: the reference for `isNormalASCII`
    /// (`ConfigPathTests`).
    static func normalizeBySegments(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// True when `path` is ASCII, absolute, and has no empty, `.` or `..` segment and no
    /// final `/` (except `/` itself): then `normalizeBySegments(path) == path`. Only ASCII,
    /// because `split` and the segment comparisons work on `Character`s, and a combining
    /// mark after `/` or `.` makes another character of it.
    static func isNormalASCII(_ path: String) -> Bool {
        let answer = path.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.first == UInt8(ascii: "/") else { return false }
            if bytes.count == 1 { return true }
            var length = 0, dots = 0
            for b in bytes.dropFirst() {
                if b >= 0x80 { return false }
                if b == UInt8(ascii: "/") {
                    if length == 0 || (length == dots && dots <= 2) { return false }
                    length = 0
                    dots = 0
                } else {
                    length += 1
                    if b == UInt8(ascii: ".") { dots += 1 }
                }
            }
            return length > 0 && !(length == dots && dots <= 2)
        }
        return answer ?? false
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The directory containing `path` (absolute, normalized); `/` for `/`.
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// `path` relative to `directory` (both absolute, normalized), `"."` for the directory
    /// itself; nil when `path` is outside it.
    static func relative(_ path: String, to directory: String) -> String? {
        if path == directory { return "." }
        let prefix = directory == "/" ? "/" : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}
