import Foundation
import SheetModel
import Yams

extension Catalog {
    static let fileKeys = ["version", "catalog", "name", "description", "sources", "key_pattern", "ranges",
                           "every_in_range_exists", "complete", "titles_complete", "headings", "entries"]

    /// Parses a catalogue file (`version: 1`, `catalog: <id>`, …). Throws the first of
    /// `parseReportingErrors`'s errors.
    public static func parse(text: String, file: String) throws(RuleFileError) -> Catalog {
        let (catalog, errors) = parseReportingErrors(text: text, file: file)
        if let first = errors.first { throw first }
        guard let catalog else {
            throw RuleFileError(file: file, position: SourcePosition(line: 1, column: 1),
                                message: "カタログを読めません", messageEn: "cannot read the catalogue")
        }
        return catalog
    }

    /// Parses a catalogue file and reports every independent mistake at once, each with
    /// file, line and column, sorted by position: an unknown key, a wrong type, a bad
    /// pattern, a key that is not of the `key_pattern` form or lies outside `ranges`, a
    /// duplicate entry, a missing or empty title where titles must be present. A broken
    /// entry is skipped and the others are still checked. The catalogue is nil when any
    /// error was found.
    public static func parseReportingErrors(text: String, file: String) -> (Catalog?, [RuleFileError]) {
        var errors: [RuleFileError] = []
        func attempt<T>(_ body: () throws(RuleFileError) -> T) -> T? {
            do throws(RuleFileError) { return try body() } catch { errors.append(error); return nil }
        }
        guard let root = attempt({ () throws(RuleFileError) in try RuleFileParser.compose(text: text, file: file) }),
              let map = attempt({ () throws(RuleFileError) in try root.mapping(allowed: fileKeys, what: "catalogue file") })
        else { return (nil, errors) }
        _ = attempt { () throws(RuleFileError) in try RuleFileParser.checkVersion(map) }
        let id = attempt { () throws(RuleFileError) in try map.required("catalog").string("catalog") }
        let keyPattern = attempt { () throws(RuleFileError) in try map.required("key_pattern").pattern("key_pattern") }
        var ranges: [String: ClosedRange<Int>] = [:]
        if let r = map["ranges"], let keyPattern,
           let rangesMap = attempt({ () throws(RuleFileError) in
               try r.mapping(allowed: Self.groupNames(keyPattern.source), what: "ranges") }) {
            for entry in rangesMap.entries {
                _ = attempt { () throws(RuleFileError) in
                    let bounds = try entry.value.mapping(allowed: ["min", "max"], what: "ranges.\(entry.key)")
                    let lo = try bounds.required("min").int("min"), hi = try bounds.required("max").int("max")
                    guard lo <= hi else { throw entry.value.error("min が max より大きいです", "min is greater than max") }
                    ranges[entry.key] = lo...hi
                }
            }
        }
        let name = attempt { () throws(RuleFileError) in try map["name"]?.string("name") }
        let sources = attempt { () throws(RuleFileError) in try map["sources"]?.strings("sources").map(\.0) ?? [] }
        let everyInRange = attempt { () throws(RuleFileError) in
            try map["every_in_range_exists"]?.bool("every_in_range_exists") ?? false }
        let complete = attempt { () throws(RuleFileError) in try map.required("complete").bool("complete") }
        let titlesComplete = attempt { () throws(RuleFileError) in
            try map["titles_complete"]?.bool("titles_complete") ?? false }
        if let d = map["description"] { _ = attempt { () throws(RuleFileError) in try d.string("description") } }
        var headings: [Entry] = []
        for item in attempt({ () throws(RuleFileError) in try map["headings"]?.sequence("headings") ?? [] }) ?? [] {
            guard let heading = attempt({ () throws(RuleFileError) in try Self.entry(item, what: "headings") }) else { continue }
            if heading.title?.isEmpty ?? true {
                errors.append(item.error("見出し「\(heading.key)」に title がありません", "heading '\(heading.key)' has no title"))
            }
            headings.append(heading)
        }
        var entries: [String: Entry] = [:]
        for item in attempt({ () throws(RuleFileError) in try map["entries"]?.sequence("entries") ?? [] }) ?? [] {
            guard let entry = attempt({ () throws(RuleFileError) in try Self.entry(item, what: "entries") }) else { continue }
            guard entries[entry.key] == nil else {
                errors.append(item.error("キー「\(entry.key)」が重複しています", "duplicate entry '\(entry.key)'"))
                continue
            }
            entries[entry.key] = entry
            if let keyPattern {
                if !keyPattern.matches(entry.key) {
                    errors.append(item.error("キー「\(entry.key)」が key_pattern（\(keyPattern.source)）の形ではありません",
                                             "entry '\(entry.key)' does not have the key_pattern form (\(keyPattern.source))"))
                } else {
                    for (group, range) in ranges.sorted(by: { $0.key < $1.key }) {
                        guard let text = keyPattern.namedGroup(group, in: entry.key), let n = Int(text), !range.contains(n) else { continue }
                        errors.append(item.error(
                            "キー「\(entry.key)」の \(group) \(n) が ranges（\(range.lowerBound)〜\(range.upperBound)）の外です",
                            "entry '\(entry.key)': \(group) \(n) is outside ranges (\(range.lowerBound)–\(range.upperBound))"))
                    }
                }
            }
            if entry.title?.isEmpty == true || (entry.title == nil && titlesComplete == true) {
                errors.append(item.error("キー「\(entry.key)」に title がありません（titles_complete: true または空の title）",
                                         "entry '\(entry.key)' has no title (titles_complete is true, or the title is empty)"))
            }
        }
        errors.sort { ($0.line, $0.column, $0.messageEn) < ($1.line, $1.column, $1.messageEn) }
        guard errors.isEmpty, let id, let keyPattern, let sources, let everyInRange, let complete, let titlesComplete else {
            return (nil, errors)
        }
        return (Catalog(id: id, name: (name ?? nil) ?? id, sources: sources, keyPattern: keyPattern, ranges: ranges,
                        everyInRangeExists: everyInRange, complete: complete, titlesComplete: titlesComplete,
                        entries: entries, headings: headings, file: file), [])
    }

    private static func entry(_ item: YAMLValue, what: String) throws(RuleFileError) -> Entry {
        let m = try item.mapping(allowed: ["key", "title", "source", "uncertain", "note"], what: what)
        let key = TextNormalization.normalize(try m.required("key").string("key"))
        return Entry(key: key, title: try m["title"]?.string("title"), source: try m["source"]?.string("source"),
                     uncertain: try m["uncertain"]?.bool("uncertain") ?? false)
    }

    /// The named groups `(?<name>…)` of an expression, for validating `ranges`.
    static func groupNames(_ source: String) -> [String] {
        var names: [String] = []
        var rest = Substring(source)
        while let r = rest.range(of: "(?<") {
            let after = rest[r.upperBound...]
            if let end = after.firstIndex(of: ">"), after.first != "=", after.first != "!" {
                names.append(String(after[..<end]))
            }
            rest = after
        }
        return names
    }
}

extension Catalog {
    /// Reads and parses a catalogue file at `path` (UTF-8). For `--catalog FILE` style
    /// options; add the result to a set with `RuleSet.add(_:)`.
    public static func load(path: String) throws(RuleFileError) -> Catalog {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw RuleFileError(file: path, position: SourcePosition(line: 1, column: 1),
                                message: "カタログファイルを UTF-8 のテキストとして読めません",
                                messageEn: "cannot read the catalogue file as UTF-8 text")
        }
        return try parse(text: text, file: path)
    }
}

extension Catalog {
    /// A built-in catalogue's `key_pattern`, written at `line`:`column` of `file`: compiled
    /// on first use, as the patterns of the built-in rule files are (the tests compile it).
    static func builtInPattern(_ source: String, file: String, line: Int, column: Int) -> TextPattern {
        var pattern = TextPattern(compilingOnFirstUse: source)
        pattern.origin = TextPattern.Origin(file: file, position: SourcePosition(line: line, column: column))
        return pattern
    }

    /// A built-in catalogue's entries by key, each key normalized as `parse` does.
    static func builtIn(entries: [Entry]) -> [String: Entry] {
        var byKey: [String: Entry] = [:]
        byKey.reserveCapacity(entries.count)
        for entry in builtIn(headings: entries) { byKey[entry.key] = entry }
        return byKey
    }

    /// A built-in catalogue's headings, each key normalized as `parse` does.
    static func builtIn(headings: [Entry]) -> [Entry] {
        headings.map { entry in
            var entry = entry
            entry.key = TextNormalization.normalize(entry.key)
            return entry
        }
    }
}
