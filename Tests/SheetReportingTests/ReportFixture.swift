import SheetModel
import SheetRules
@testable import SheetReporting

/// One fixed report used by every golden: Japanese messages, multi-byte columns, a file
/// name with a space and kanji, an absolute path under the root, a clean file, a multi-line
/// span, an empty span, and messages that need escaping in every format.
enum ReportFixture {
    static let root = "/work/repo"
    static let sheetA = "sheets/都市経営部 目標.md"
    static let sheetB = "/work/repo/sheets/b.md"
    static let clean = "./sheets/clean.md"

    static let rules: [ReportedRule] = [
        ReportedRule(id: "plan-code-placeholder", severity: .error,
                     summary: "A goal cites a placeholder 総合計画 code such as 0-0-0.",
                     description: "A placeholder code means the goal was never traced to the plan.",
                     tags: ["citations"]),
        ReportedRule(id: "result-missing", severity: .error, summary: "実績 is empty.",
                     description: "Every annual goal reports what was done.", tags: ["results"]),
        ReportedRule(id: "direction-missing", severity: .warning, summary: "課題・今後の方向性 is empty.",
                     description: "Say what comes next.", tags: ["results"]),
        ReportedRule(id: "mixed-width-brackets", severity: .info, summary: "Full- and half-width brackets are mixed.",
                     description: "Use one width of bracket within a sheet.", tags: ["style"]),
    ]

    static let lines: [String] = [
        "# 令和6年度 目標シート",
        "",
        "| 部局 | 都市経営部 |",
        "",
        "## 当年度目標と振り返り",
        "",
        "| 目標 | 内容 |",
        "|---|---|",
        "| 1 | 行財政改革の推進 |",
        "",
        "総合計画",
        "　　　　０－０－０（施策）",
        "",
    ]

    static let findings: [Finding] = [
        Finding(ruleId: "plan-code-placeholder", severity: .error,
                message: "総合計画コード「０－０－０」は仮の値です", messageEn: "Plan code \"0-0-0\" is a placeholder",
                span: SourceSpan(file: sheetA, line: 12, startColumn: 5, endColumn: 10),
                path: "annualGoals[0].planCodes[0]"),
        Finding(ruleId: "result-missing", severity: .error,
                message: "実績が空です", messageEn: "The result (実績) is empty",
                span: SourceSpan(file: sheetA, start: SourcePosition(line: 20, column: 3),
                                 end: SourcePosition(line: 22, column: 1)),
                path: "annualGoals[1].result"),
        Finding(ruleId: "mixed-width-brackets", severity: .info,
                message: "括弧の全角（）と半角() が混在しています: 50%, 要確認",
                messageEn: "Full-width and half-width brackets are mixed:\n50%, check",
                span: SourceSpan(file: sheetA, line: 31, startColumn: 15, endColumn: 16),
                path: "annualGoals[1].plan.items[0].text"),
        Finding(ruleId: "direction-missing", severity: .warning,
                message: "課題・今後の方向性が空です <注意> & \"引用\"", messageEn: "Direction is empty <note> & \"quote\"",
                span: SourceSpan(file: sheetB, line: 5, startColumn: 1, endColumn: 1),
                path: "annualGoals[0].direction"),
    ]

    static func report(_ language: ReportLanguage = .ja, root: String? = root) -> LintReport {
        LintReport(findings: findings, rules: rules, files: [sheetA, sheetB, clean], language: language,
                   root: root, toolVersion: "0.1.0", sourceLines: [sheetA: lines],
                   stages: [sheetA: ResolvedStage(.review, source: .inferred), sheetB: ResolvedStage(.plan, source: .config),
                            clean: ResolvedStage(.plan, source: .inferred)])
    }
}
