import SheetModel

/// The line that states a sheet's stage in text output when it was inferred from the
/// content, so that nobody is surprised that result rules did (or did not) run. It is a
/// note, not a finding: it has no rule, is not counted in the summary, never fails the
/// gate and never enters a baseline, SARIF result or JSON diagnostic (JSON and SARIF carry
/// the stage of every file in their own fields).
public enum StageNote {
    /// `file: info: …` (no line or column: editors' problem matchers, which need
    /// `file:line:col:`, do not take it for a finding). Nil unless the stage was inferred.
    public static func line(file: String, stage: ResolvedStage, english: Bool) -> String? {
        guard stage.source == .inferred else { return nil }
        return "\(file): info: " + message(stage.stage, english: english)
    }

    /// Why the stage was inferred, and how to choose it instead.
    public static func message(_ stage: SheetStage, english: Bool) -> String {
        switch (stage, english) {
        case (.review, false):
            return "段階 review（振り返り）で検査しました: 実績・課題・今後の方向性・総括に記入があるため内容から推定"
                + "（--stage か .sheetlint.yml の stage: で指定できます）"
        case (.plan, false):
            return "段階 plan（当初設定）で検査しました: 実績・課題・今後の方向性・総括がすべて空のため内容から推定"
                + "（--stage か .sheetlint.yml の stage: で指定できます）"
        case (.review, true):
            return "checked at stage review (year-end review), inferred because 実績, 課題・今後の方向性 or 総括 has text"
                + " (choose the stage with --stage or stage: in .sheetlint.yml)"
        case (.plan, true):
            return "checked at stage plan (goal-setting), inferred because 実績, 課題・今後の方向性 and 総括 are all empty"
                + " (choose the stage with --stage or stage: in .sheetlint.yml)"
        }
    }
}
