import Foundation
import SheetModel
import SheetReading

extension RuleSet {
    /// The built-in rules and catalogues (from `rules/` at build time). They are tested to
    /// load without error; should one not, it is left out rather than trapping.
    public static func loadDefault() -> RuleSet {
        loadDefaultReportingErrors().0
    }

    /// The built-in set and the errors it produced (empty unless the build is broken).
    public static func loadDefaultReportingErrors() -> (RuleSet, [RuleFileError]) {
        defaultSet
    }

    /// Built once per process: the embedded text never changes. The catalogues are values
    /// written at build time (`DefaultRuleSet.catalogs()`, which BuiltInCatalogTests compares
    /// with what `Catalog.parse` reads from the embedded files): decoding them and checking
    /// every entry against its key pattern was a sixth of a lint process's instructions.
    private static let defaultSet: (RuleSet, [RuleFileError]) = {
        var set = RuleSet()
        for catalog in DefaultRuleSet.catalogs() { set.add(catalog) }
        let files = DefaultRuleSet.files.filter { !isBuiltInCatalog($0.name) }
            .map { (name: YAMLValue.defaultPrefix + $0.name, text: $0.text) }
        return set.adding(files: files, catalogFlags: files.map { _ in false })
    }()

    /// True for the name (under `rules/`) of a built-in catalogue file.
    static func isBuiltInCatalog(_ name: String) -> Bool { name.hasPrefix("catalogs/") }

    /// Adds the rule and catalogue files in `directory` on top of `base`: `*.yml` / `*.yaml`
    /// in it and in its `catalogs/` subdirectory, in name order. A file with top-level
    /// `catalog:` is a catalogue; one with `rules:` a rule file. A rule replaces a rule of
    /// `base` with the same id; a catalogue one with the same id. Returns what loaded and an
    /// error for every file or rule that did not; an unreadable directory is one error.
    public static func load(directory: String, over base: RuleSet) -> (RuleSet, [RuleFileError]) {
        let fm = FileManager.default
        var paths: [String] = []
        for dir in [directory, (directory as NSString).appendingPathComponent("catalogs")] {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                if dir == directory {
                    return (base, [RuleFileError(file: directory, position: SourcePosition(line: 1, column: 1),
                                                 message: "ルールのディレクトリが見つかりません",
                                                 messageEn: "rule directory not found")])
                }
                continue
            }
            guard let entries = try? fm.contentsOfDirectory(atPath: dir) else {
                return (base, [RuleFileError(file: dir, position: SourcePosition(line: 1, column: 1),
                                             message: "ルールのディレクトリを読めません（権限を確認してください）",
                                             messageEn: "cannot read the rule directory (check permissions)")])
            }
            let names = entries.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted()
            paths += names.map { (dir as NSString).appendingPathComponent($0) }
        }
        var files: [(name: String, text: String)] = []
        var errors: [RuleFileError] = []
        for path in paths {
            // Only a regular file is read, and the message says what is wrong (permission,
            // a FIFO or directory, size, encoding): never a hang on a FIFO.
            do {
                files.append((path, try InputFile.readText(path)))
            } catch {
                errors.append(RuleFileError(file: path, position: SourcePosition(line: 1, column: 1),
                                            message: error.message, messageEn: error.messageEn))
            }
        }
        let (set, more) = base.adding(files: files)
        return (set, errors + more)
    }

    /// Adds files given as text (`name` is used in errors and spans): catalogues first, so
    /// rules in the same batch may cite them.
    public func adding(files: [(name: String, text: String)]) -> (RuleSet, [RuleFileError]) {
        adding(files: files, catalogFlags: files.map { Self.looksLikeCatalog($0.text) })
    }

    /// As `adding(files:)`, with which files are catalogues already known.
    func adding(files: [(name: String, text: String)], catalogFlags isCatalog: [Bool]) -> (RuleSet, [RuleFileError]) {
        var set = self
        var errors: [RuleFileError] = []
        for (file, catalog) in zip(files, isCatalog) where catalog {
            do { set.add(try Catalog.parse(text: file.text, file: file.name)) } catch { errors.append(error) }
        }
        // An id may replace a rule of `self` (a default), but two files of one batch giving
        // the same id is an error: which one wins would depend on file names.
        var added: [String: Rule] = [:]
        for (file, catalog) in zip(files, isCatalog) where !catalog {
            let (rules, ruleErrors) = RuleFileParser.parseRules(text: file.text, file: file.name, catalogs: set.catalogs)
            for rule in rules {
                if let first = added[rule.id] {
                    errors.append(RuleFileError(
                        file: rule.file, position: rule.position,
                        message: "ルール id「\(rule.id)」は \(first.file):\(first.position.line) でも定義されています",
                        messageEn: "rule id '\(rule.id)' is also defined at \(first.file):\(first.position.line)"))
                    continue
                }
                added[rule.id] = rule
                set.add(rule)
            }
            errors += ruleErrors
        }
        return (set, errors.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) })
    }

    /// True when the file's top level has a `catalog:` key (a cheap look, before parsing).
    static func looksLikeCatalog(_ text: String) -> Bool {
        // A line starting with `catalog:`, found on the bytes (splitting the text into lines
        // was a tenth of start-up).
        let key = Array("catalog:".utf8)
        var atLineStart = true, matched = 0
        for byte in text.utf8 {
            if atLineStart || matched > 0 {
                if byte == key[matched] {
                    matched += 1
                    if matched == key.count { return true }
                    atLineStart = false
                    continue
                }
                matched = 0
            }
            atLineStart = byte == UInt8(ascii: "\n")
        }
        return false
    }
}
