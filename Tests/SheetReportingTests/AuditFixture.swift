import Foundation
import SheetModel
import SheetReading
@testable import SheetReporting
import SheetRules

/// Small hand-written sheets and catalogues whose audit figures are counted by hand in the
/// tests' comments.
enum AuditFixture {
    static func sheet(_ yaml: String, file: String) throws -> Sheet {
        try CanonicalSheetReader.read(text: yaml, file: file)
    }

    static func catalog(_ yaml: String) throws -> Catalog {
        try Catalog.parse(text: yaml, file: "<test catalogue>")
    }

    /// A finding of `rule` in `file` at `line`.
    static func finding(_ rule: String, _ severity: Severity, _ file: String, line: Int) -> Finding {
        Finding(ruleId: rule, severity: severity, message: "\(rule) ja", messageEn: "\(rule) en",
                span: SourceSpan(file: file, line: line, startColumn: 3, endColumn: 9), path: "x")
    }

    static func input(_ sheets: [Sheet], findings: [Finding] = [], catalogs: [Catalog] = [],
                      language: ReportLanguage = .ja) -> AuditInput {
        AuditInput(sheets: sheets.map { AuditInput.StagedSheet(sheet: $0, stage: .inferred(from: $0), stageSource: .inferred) },
                   findings: findings.sorted(), catalogs: Dictionary(uniqueKeysWithValues: catalogs.map { ($0.id, $0) }),
                   language: language, root: "/work", outputDirectory: "/work/reports/out", toolVersion: "test")
    }

    /// 3 annual goals whose completion is counted by hand:
    /// - No.1: plan (1)(2)(3); results (1)(3); directions (1)(2)(3) → items 3, with result 2
    ///   ((2) has none), with direction 3, complete 2.
    /// - No.2: plan as unnumbered text; results text; no directions → items 1, result 1,
    ///   direction 0, complete 0.
    /// - No.3: plan (1)(2); results as unnumbered text (answers both); directions (2) →
    ///   items 2, result 2, direction 1, complete 1.
    /// Totals: 6 items, 5 with a result, 4 with a direction, 3 complete → 50%.
    static let review2023 = """
    fiscalYear: 2023
    header: {department: 緑化推進部, position: 部長, name: 甲}
    annualGoals:
      - number: 1
        title: 公園の再整備
        plan: [{number: 1, text: 設計（5月）}, {number: 2, text: 工事（9月）}, {number: 3, text: 開園（3月）}]
        results: [{number: 1, text: 設計しました。}, {number: 3, text: 開園しました。}]
        directions: [{number: 1, text: a}, {number: 2, text: b}, {number: 3, text: c}]
        planCodes: [{code: 4-2-①, title: みどりを守り育てます。}, {code: 0-0-0}]
        policies: [{number: 52, title: 脱炭素のまちづくり}]
      - number: 2
        title: 街路樹の点検
        plan: 街路樹を点検します（通年）。
        results: 1200本を点検しました。
        planCodes: [{code: 9-9-①}]
        policies: [{number: 0}]
      - number: 3
        title: 緑のカーテン
        plan: [{number: 1, text: 配布（5月）}, {number: 2, text: 講習（6月）}]
        results: 配布と講習を行いました。
        directions: [{number: 2, text: 続けます。}]
        planCodes: [{code: 4-2-①, title: みどりを守り育てます。}]
        policies: [{number: 52, title: 脱炭素のまちづくり}]
    """

    /// The same department a year later: goal 公園の再整備 carried over with its code changed
    /// (4-2-① → 4-1-①), 緑のカーテン carried over unchanged. Completion: No.1 plan (1)(2),
    /// results (1)(2), directions (1)(2) → 2 of 2; No.2 plan (1), results (1), no direction
    /// → 0 of 1. 2 of 3 → 66.7%, +16.7 points on 2023's 50%.
    static let review2024 = """
    fiscalYear: 2024
    header: {department: 緑化推進部, position: 部長, name: 甲}
    annualGoals:
      - number: 1
        title: 公園の再整備
        plan: [{number: 1, text: 工事（6月）}, {number: 2, text: 開園（3月）}]
        results: [{number: 1, text: 工事しました。}, {number: 2, text: 開園しました。}]
        directions: [{number: 1, text: a}, {number: 2, text: b}]
        planCodes: [{code: 4-1-①, title: 脱炭素の取組みを進めます。}]
        policies: [{number: 52, title: 脱炭素のまちづくり}]
      - number: 2
        title: 緑のカーテン
        plan: [{number: 1, text: 配布（5月）}]
        results: [{number: 1, text: 配布しました。}]
        planCodes: [{code: 4-2-①, title: みどりを守り育てます。}]
        policies: [{number: 52, title: 脱炭素のまちづくり}]
    """

    /// Another department, 2024, at goal-setting: no result anywhere, so no completion.
    static let plan2024 = """
    fiscalYear: 2024
    header: {department: 防災部, position: 部長, name: 乙}
    annualGoals:
      - number: 1
        title: 避難所の点検
        plan: [{number: 1, text: 点検（7月）}]
        planCodes: [{code: 2-1-③, title: 避難の備えを充実させます。}, {code: 5-2}]
        policies: [{number: 20, title: 避難所の環境整備}, {number: 52, title: 脱炭素のまちづくり}]
    """

    /// A partial 総合計画 catalogue listing 4 directions (the plan has more).
    static let partialPlan = """
    version: 1
    catalog: sogo-keikaku
    name: テスト総合計画
    key_pattern: '^(?<chapter>\\d+)-(?<measure>\\d+)-(?<direction>[①-⑳])$'
    ranges: {chapter: {min: 1, max: 5}, measure: {min: 1, max: 3}}
    complete: false
    entries:
      - {key: 2-1-③, title: 避難の備えを充実させます。}
      - {key: 4-1-①, title: 脱炭素の取組みを進めます。}
      - {key: 4-2-①, title: みどりを守り育てます。}
      - {key: 5-2-①, title: 効果的・効率的な市政運営を進めます。}
    """

    /// 基本政策 1–60, every number exists.
    static let policies = """
    version: 1
    catalog: kihon-seisaku-2022
    name: テスト基本政策
    key_pattern: '^(?<number>\\d+)$'
    ranges: {number: {min: 1, max: 60}}
    every_in_range_exists: true
    complete: true
    entries:
      - {key: "20", title: 避難所の環境整備}
      - {key: "52", title: 脱炭素のまちづくり}
    """

    /// Three departments, complete.
    static let departments = """
    version: 1
    catalog: departments
    name: テスト部局
    key_pattern: '^\\S+$'
    complete: true
    entries: [{key: 緑化推進部}, {key: 防災部}, {key: 会計室}]
    """
}
