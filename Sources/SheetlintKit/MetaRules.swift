import SheetReporting
import SheetRules

/// Rules that are not YAML data because they judge sheetlint's own input rather than the
/// sheet's content: reader notes and suppression directives. They are listed, reported in
/// SARIF and configurable like any other rule.
public enum MetaRules {
    public static let readerNote = ReportedRule(
        id: ReaderNotes.ruleId, severity: .warning,
        summary: "Text the reader could not place in the model (or a truncated file).",
        description: "The reader keeps every cell, but text it cannot attribute to a goal, item or citation "
            + "(for example text outside the goal tables) would be missed by every other rule. "
            + "読み取れなかった内容は他のルールの検査対象になりません。",
        tags: ["reader"])
    public static let unusedSuppression = ReportedRule(
        id: "unused-suppression", severity: .warning,
        summary: "A sheetlint-disable comment or suppress: entry that suppresses nothing.",
        description: "A suppression that no longer hides any finding is stale: remove it so it cannot hide a "
            + "future problem. 何も抑止していない抑止コメントは削除してください。",
        tags: ["suppressions"])
    public static let invalidSuppression = ReportedRule(
        id: "invalid-suppression", severity: .error,
        summary: "A suppression names a rule that does not exist, or is not a sheetlint directive.",
        description: "A misspelt rule id in a suppression silently suppresses nothing; sheetlint reports it so "
            + "the author fixes the id. 存在しないルール ID を指定した抑止は誤りです。",
        tags: ["suppressions"])

    public static let all = [readerNote, unusedSuppression, invalidSuppression]
}
