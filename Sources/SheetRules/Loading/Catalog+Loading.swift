import Foundation
import SheetModel
import Yams

extension Catalog {
    static let fileKeys = ["version", "catalog", "name", "description", "sources", "key_pattern", "ranges",
                           "every_in_range_exists", "complete", "titles_complete", "headings", "entries"]

    /// Parses a catalogue file (`version: 1`, `catalog: <id>`, …). Throws with file, line
    /// and column for an unknown key, a wrong type, a bad pattern or a duplicate entry.
    public static func parse(text: String, file: String) throws(RuleFileError) -> Catalog {
        let root = try RuleFileParser.compose(text: text, file: file)
        let map = try root.mapping(allowed: fileKeys, what: "catalogue file")
        try RuleFileParser.checkVersion(map)
        let id = try map.required("catalog").string("catalog")
        let keyValue = try map.required("key_pattern")
        let keyPattern = try keyValue.pattern("key_pattern")
        var ranges: [String: ClosedRange<Int>] = [:]
        if let r = map["ranges"] {
            let rangesMap = try r.mapping(allowed: Self.groupNames(keyPattern.source), what: "ranges")
            for entry in rangesMap.entries {
                let bounds = try entry.value.mapping(allowed: ["min", "max"], what: "ranges.\(entry.key)")
                let lo = try bounds.required("min").int("min"), hi = try bounds.required("max").int("max")
                guard lo <= hi else { throw entry.value.error("min が max より大きいです", "min is greater than max") }
                ranges[entry.key] = lo...hi
            }
        }
        var entries: [String: Entry] = [:]
        for item in try map["entries"]?.sequence("entries") ?? [] {
            let entry = try Self.entry(item, what: "entries")
            guard entries[entry.key] == nil else {
                throw item.error("キー「\(entry.key)」が重複しています", "duplicate entry '\(entry.key)'")
            }
            entries[entry.key] = entry
        }
        var headings: [Entry] = []
        for item in try map["headings"]?.sequence("headings") ?? [] { headings.append(try Self.entry(item, what: "headings")) }
        return Catalog(
            id: id, name: try map["name"]?.string("name") ?? id,
            sources: try map["sources"]?.strings("sources").map(\.0) ?? [],
            keyPattern: keyPattern, ranges: ranges,
            everyInRangeExists: try map["every_in_range_exists"]?.bool("every_in_range_exists") ?? false,
            complete: try map.required("complete").bool("complete"),
            titlesComplete: try map["titles_complete"]?.bool("titles_complete") ?? false,
            entries: entries, headings: headings, file: file)
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
