import SheetModel
import Yams

/// Decodes a rule's `examples: {fail: [...], pass: [...]}`.
enum RuleExampleParser {
    /// Fail and pass examples; both lists must be non-empty, so every rule shows what it
    /// reports and what it accepts.
    static func parse(_ value: YAMLValue) throws(RuleFileError) -> ([RuleExample], [RuleExample]) {
        let map = try value.mapping(allowed: ["fail", "pass"], what: "examples")
        var fail: [RuleExample] = [], pass: [RuleExample] = []
        for item in try map.required("fail").sequence("examples.fail") {
            let m = try item.mapping(allowed: ["sheet", "sheets", "catalogs", "count", "stage"], what: "fail example")
            let countValue = try m.required("count")
            let count = try countValue.int("count")
            guard count > 0 else {
                throw countValue.error("fail の例の count は 1 以上です", "a fail example's count must be at least 1")
            }
            fail.append(try example(m, item: item, count: count))
        }
        for item in try map.required("pass").sequence("examples.pass") {
            let m = try item.mapping(allowed: ["sheet", "sheets", "catalogs", "stage"], what: "pass example")
            pass.append(try example(m, item: item, count: 0))
        }
        guard !fail.isEmpty, !pass.isEmpty else {
            throw value.error("examples には fail と pass を 1 つ以上ずつ書いてください",
                              "examples need at least one fail and one pass example")
        }
        return (fail, pass)
    }

    /// One example: `sheet:` (one sheet) or `sheets:` (a list of `{path, sheet}`, for rules
    /// that compare sheets), and optional `catalogs:` (catalogue mappings).
    private static func example(_ m: YAMLMapping, item: YAMLValue, count: Int) throws(RuleFileError) -> RuleExample {
        var sheets: [ExampleSheet] = []
        switch (m["sheet"], m["sheets"]) {
        case (let one?, nil):
            sheets = [ExampleSheet(path: "sheet.yaml", text: try sheetText(one))]
        case (nil, let many?):
            for entry in try many.sequence("sheets") {
                let e = try entry.mapping(allowed: ["path", "sheet"], what: "sheets entry")
                sheets.append(ExampleSheet(path: try e.required("path").string("path"),
                                           text: try sheetText(e.required("sheet"))))
            }
            guard !sheets.isEmpty else { throw many.error("sheets が空です", "sheets is empty") }
        default:
            throw item.error("例には sheet か sheets のどちらか一方を書いてください",
                             "an example needs exactly one of sheet and sheets")
        }
        var catalogs: [String] = []
        for entry in try m["catalogs"]?.sequence("catalogs") ?? [] { catalogs.append(try sheetText(entry)) }
        return RuleExample(sheet: sheets[0].text, count: count, stage: try stage(m["stage"]), file: item.file,
                           position: item.position, sheets: sheets, catalogs: catalogs)
    }

    /// An example's `stage: plan|review`; nil when not written.
    private static func stage(_ value: YAMLValue?) throws(RuleFileError) -> SheetStage? {
        guard let value else { return nil }
        return try RuleFileParser.stage(value, what: "stage")
    }

    /// The example as canonical YAML text: a block string as written, or a mapping
    /// re-serialized.
    private static func sheetText(_ value: YAMLValue) throws(RuleFileError) -> String {
        switch value.node {
        case .scalar(let s):
            return s.string
        case .mapping:
            do {
                return try Yams.serialize(node: value.node, width: -1, allowUnicode: true)
            } catch {
                throw value.error("例のシートを YAML に戻せません: \(error)", "cannot serialize the example sheet: \(error)")
            }
        default:
            throw value.error("sheet はマッピングかブロック文字列で書いてください",
                              "sheet must be a mapping or a block string")
        }
    }
}
