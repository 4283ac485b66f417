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
            let m = try item.mapping(allowed: ["sheet", "count", "stage"], what: "fail example")
            let countValue = try m.required("count")
            let count = try countValue.int("count")
            guard count > 0 else {
                throw countValue.error("fail の例の count は 1 以上です", "a fail example's count must be at least 1")
            }
            fail.append(RuleExample(sheet: try sheetText(m.required("sheet")), count: count, stage: try stage(m["stage"]),
                                    file: item.file, position: item.position))
        }
        for item in try map.required("pass").sequence("examples.pass") {
            let m = try item.mapping(allowed: ["sheet", "stage"], what: "pass example")
            pass.append(RuleExample(sheet: try sheetText(m.required("sheet")), count: 0, stage: try stage(m["stage"]),
                                    file: item.file, position: item.position))
        }
        guard !fail.isEmpty, !pass.isEmpty else {
            throw value.error("examples には fail と pass を 1 つ以上ずつ書いてください",
                              "examples need at least one fail and one pass example")
        }
        return (fail, pass)
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
