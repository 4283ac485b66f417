import SheetModel
import SheetRules

/// Text for `sheetlint rules`, `rules explain` and `rules test`.
public enum RulesCatalogue {
    /// One line per rule: id, severity, the stages it runs at (`all`, `plan` or `review`),
    /// summary; sorted by id. The built-in rules that judge sheetlint's own input
    /// (`MetaRules`) are listed too: a configuration can name them like any other.
    /// Summaries are Japanese (`summary_ja`) unless `english` or the rule has none.
    public static func list(_ rules: RuleSet, english: Bool = false) -> String {
        func stages(_ s: [SheetStage]) -> String { s == SheetStage.allCases ? "all" : s.map(\.rawValue).joined(separator: ",") }
        let sorted = (rules.rules.map { (id: $0.id, severity: $0.severity, stages: stages($0.stages),
                                         summary: english ? $0.summary : $0.summaryJa ?? $0.summary) }
            + MetaRules.all.map { (id: $0.id, severity: $0.severity, stages: stages($0.stages),
                                   summary: english ? $0.summary : metaSummaryJa[$0.id] ?? $0.summary) })
            .sorted { $0.id < $1.id }
        let width = sorted.map(\.id.count).max() ?? 0
        return sorted.map { rule in
            rule.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  "
                + rule.stages.padding(toLength: 6, withPad: " ", startingAt: 0) + "  " + rule.summary
        }.joined(separator: "\n") + "\n"
    }

    /// Description, check, messages and examples of rule `id`; nil when no such rule.
    public static func explain(_ rules: RuleSet, id: String, english: Bool = false) -> String? {
        if let rule = rules.rule(id: id) { return rule.explanation(english: english) }
        guard let meta = MetaRules.all.first(where: { $0.id == id }) else { return nil }
        let summary = english ? meta.summary : metaSummaryJa[meta.id] ?? meta.summary
        return "\(meta.id) [\(meta.severity.rawValue)]\n\(summary)\n\n\(meta.description)\n\n"
            + (english ? "kind: built-in (judges sheetlint's own input; not a YAML rule, but configurable like one)\n"
                       : "種類 (kind): 組み込み（sheetlint への入力そのものを判定します。YAML の規則ではありませんが、同じように設定できます）\n")
    }

    /// Japanese summaries of the built-in rules.
    static let metaSummaryJa: [String: String] = [
        MetaRules.readerNote.id: "読み取りでモデルのどこにも置けなかった内容（または途中で切れたファイル）。",
        MetaRules.unusedSuppression.id: "何も抑止していない sheetlint-disable コメントか suppress: の項目。",
        MetaRules.invalidSuppression.id: "存在しない規則を指定した抑止、または sheetlint の指示でない抑止コメント。",
    ]

    /// The known rule id nearest to a misspelt `id`, for "did you mean".
    public static func suggestion(_ rules: RuleSet, for id: String) -> String? {
        Spelling.closest(id, in: rules.rules.map(\.id) + MetaRules.all.map(\.id))
    }

    /// Runs the examples of the rules in `ids` (all when nil); one line per failure.
    public static func test(_ rules: RuleSet, ids: Set<String>? = nil, english: Bool) -> (report: String, failures: Int) {
        let failures = rules.runExamples(ids: ids)
        let tested = rules.rules.filter { ids?.contains($0.id) ?? true }
        let examples = tested.reduce(0) { $0 + $1.failExamples.count + $1.passExamples.count }
        var lines = failures.map { f in
            "\(f.file):\(f.position.line):\(f.position.column): \(english ? f.messageEn : f.message) [\(f.ruleId)]"
        }
        // How many examples each stage was checked at, so that a rule set tested at one stage only shows.
        let stages = tested.flatMap { $0.failExamples + $0.passExamples }.compactMap { rules.stage(of: $0) }
        let perStage = SheetStage.allCases.map { stage in "\(stage.rawValue) \(stages.filter { $0 == stage }.count)" }
            .joined(separator: english ? ", " : "、")
        lines.append(english
            ? "\(tested.count) rules, \(examples) examples: \(examples - failures.count) passed, \(failures.count) failed (by stage: \(perStage))"
            : "\(tested.count) 個のルール、\(examples) 個の例: \(examples - failures.count) 件成功、\(failures.count) 件失敗（段階別: \(perStage)）")
        return (lines.joined(separator: "\n") + "\n", failures.count)
    }
}
