import Foundation
import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// Rules declare the stages they apply to (`stages:`), the engine runs only those that apply
/// at a sheet's stage, and rule examples are checked at their own stage.
final class StageRuleTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A rule file of one `required` rule on the results, with `stages` as written.
    private func ruleFile(stages: String?, examples: String = "{fail: [{sheet: {annualGoals: [{number: 1, results: 済}, {number: 2}]}, count: 1}], pass: [{sheet: {annualGoals: [{number: 1, results: 済}]}}]}") -> String {
        """
        version: 1
        rules:
          - id: t
            severity: error
            summary: s
            description: d
            message: "m"
            message_en: "m"
            selector: "annualGoals[*].results"
            kind: required
        \(stages.map { "    stages: \($0)\n" } ?? "")    examples: \(examples)

        """
    }

    func testStagesDefaultToEveryStageAndAreReadAsListOrWord() {
        XCTAssertEqual(Support.ruleSet(ruleFile(stages: nil)).rule(id: "t")?.stages, [.plan, .review])
        XCTAssertEqual(Support.ruleSet(ruleFile(stages: "review")).rule(id: "t")?.stages, [.review])
        XCTAssertEqual(Support.ruleSet(ruleFile(stages: "[review, plan]")).rule(id: "t")?.stages, [.plan, .review])
    }

    func testBadStagesAreLoadErrorsWithPosition() {
        XCTAssertEqual(Support.errors(ruleFile(stages: "[]")).map(\.description),
                       ["t.yml:11:13: stages needs at least one of plan, review (leave it out for every stage)"])
        XCTAssertEqual(Support.errors(ruleFile(stages: "[review, year-end]")).map(\.description),
                       ["t.yml:11:22: unknown stages 'year-end'; allowed values: plan (goal-setting), review (year-end review)"])
        XCTAssertEqual(Support.errors(ruleFile(stages: "[plan, plan]")).map(\.description),
                       ["t.yml:11:20: stages lists 'plan' twice"])
        XCTAssertEqual(Support.errors(ruleFile(stages: nil, examples: "{fail: [{sheet: {}, count: 1, stage: april}], pass: [{sheet: {annualGoals: []}}]}"))
                           .map(\.description),
                       ["t.yml:11:52: unknown stage 'april'; allowed values: plan (goal-setting), review (year-end review)"])
    }

    func testEngineRunsOnlyTheRulesOfTheSheetsStage() throws {
        let set = Support.ruleSet(ruleFile(stages: "[review]"))
        let planSheet = try Support.sheet("annualGoals: [{number: 1, plan: [{number: 1, text: 調査（9月）}]}]")
        XCTAssertEqual(SheetStage.inferred(from: planSheet), .plan)
        XCTAssertEqual(RuleEngine.evaluate(set, on: planSheet).count, 0, "inferred plan: the review rule does not run")
        XCTAssertEqual(RuleEngine.evaluate(set, on: planSheet, stage: .plan).count, 0)
        XCTAssertEqual(RuleEngine.evaluate(set, on: planSheet, stage: .review).map(\.path), ["annualGoals[0].results"])
        // A rule for every stage runs at both.
        let both = Support.ruleSet(ruleFile(stages: nil))
        XCTAssertEqual(RuleEngine.evaluate(both, on: planSheet, stage: .plan).count, 1)
        XCTAssertEqual(RuleEngine.evaluate(both, on: planSheet, stage: .review).count, 1)
    }

    func testExamplesRunAtTheirStage() throws {
        // The fail example has results in goal 1: inferred review, so the review rule fires.
        XCTAssertEqual(Support.ruleSet(ruleFile(stages: "[review]")).runExamples(), [])
        // Declared at plan, the same example gives nothing, and the failure says at which stage.
        let atPlan = Support.ruleSet(ruleFile(stages: "[review]", examples:
            "{fail: [{sheet: {annualGoals: [{number: 1, results: 済}, {number: 2}]}, count: 1, stage: plan}], pass: [{sheet: {annualGoals: []}}]}"))
        XCTAssertEqual(atPlan.runExamples().map(\.messageEn),
                       ["t: fail example (stage plan) expected 1 finding(s), got 0 []"])
    }

    /// The default rules: results, directions and 総括 only at review; citations, schedules,
    /// structure, dates and style at both.
    func testDefaultRulesHaveTheirStages() {
        let reviewOnly: Set = ["result-missing", "plan-item-without-result", "result-without-plan", "direction-missing",
                               "plan-item-without-direction", "approach-without-review"]
        for rule in RuleSet.loadDefault().rules {
            let want: [SheetStage] = reviewOnly.contains(rule.id) ? [.review] : rule.id == "partial-review" ? [.plan] : [.plan, .review]
            XCTAssertEqual(rule.stages, want, rule.id)
        }
    }

    /// Every stage is covered by the default rules' own examples (`rules test`): each rule of
    /// one stage has an example checked at the other, where it must stay silent.
    func testDefaultExamplesCoverEachStage() throws {
        let set = RuleSet.loadDefault()
        for rule in set.rules where rule.stages.count == 1 {
            let other: SheetStage = rule.stages == [.review] ? .plan : .review
            let atOther = try rule.passExamples.filter { example in
                let sheet = try CanonicalSheetReader.read(text: example.sheet, file: "e.yml")
                return (example.stage ?? .inferred(from: sheet)) == other
            }
            XCTAssertFalse(atOther.isEmpty, "\(rule.id) has no pass example at stage \(other)")
        }
        XCTAssertEqual(set.runExamples(), [])
    }

    func testExplanationShowsTheStages() throws {
        let rule = try XCTUnwrap(RuleSet.loadDefault().rule(id: "result-missing"))
        XCTAssertTrue(rule.explanation(english: true).contains("\nstages: review (year-end review only: 振り返り)\n"),
                      rule.explanation(english: true))
        XCTAssertTrue(rule.explanation(english: true).contains("fails with 1 finding(s) at stage review:"))
        XCTAssertTrue(rule.explanation().contains("\n段階 (stages): review（振り返りのみ）\n"), rule.explanation())
        let anyStage = try XCTUnwrap(RuleSet.loadDefault().rule(id: "plan-code-placeholder"))
        XCTAssertTrue(anyStage.explanation(english: true).contains("\nstages: plan, review (every stage)\n"))
    }

    /// The JSON Schema for rule files lists exactly the keys the parser accepts.
    func testRuleSchemaListsTheParsersKeys() throws {
        let url = Self.repo.appendingPathComponent("rules/schema/rule.schema.json")
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let defs = try XCTUnwrap(schema["$defs"] as? [String: Any])
        let rule = try XCTUnwrap((defs["rule"] as? [String: Any])?["properties"] as? [String: Any])
        XCTAssertEqual(Set(rule.keys), Set(RuleFileParser.ruleKeys))
        XCTAssertEqual((defs["stage"] as? [String: Any])?["enum"] as? [String], SheetStage.allCases.map(\.rawValue))
    }
}

/// The stage a sheet's content shows, on mixed sheets.
final class StageInferenceTests: XCTestCase {
    private func stage(_ yaml: String) throws -> SheetStage { SheetStage.inferred(from: try Support.sheet(yaml)) }

    func testNoResultDirectionOrReviewAnywhereIsPlan() throws {
        XCTAssertEqual(try stage("""
            approaches: [{number: 1, approach: 連携を進めます。}]
            annualGoals:
              - {number: 1, plan: [{number: 1, text: 調査します（9月）。}], results: [], directions: ""}
              - {number: 2, plan: [{number: 1, text: 報告します（3月）。}]}
            midTermGoals: [{number: 1, body: 進めます。, schedule: 令和7年度に策定}]
            """), .plan)
    }

    func testAnyResultDirectionOrReviewMakesAReview() throws {
        // One goal of three with results: a half-filled review is a review.
        XCTAssertEqual(try stage("""
            annualGoals:
              - {number: 1, plan: [{number: 1, text: 調査します（9月）。}]}
              - {number: 2, plan: [{number: 1, text: 報告します（3月）。}], results: 報告しました。}
              - {number: 3, plan: [{number: 1, text: 公表します（4月）。}]}
            """), .review)
        // Directions alone, or a 総括 alone, are review content too.
        XCTAssertEqual(try stage("annualGoals: [{number: 1, directions: 引き続き進めます。}]"), .review)
        XCTAssertEqual(try stage("approaches: [{number: 1, approach: 連携を進めます。, review: 協定を結びました。}]"), .review)
    }

    /// A half-filled review sheet is checked at review: the goals without results are reported
    /// as they always were, and nothing is said about the filled ones.
    func testHalfFilledReviewReportsTheMissingResults() throws {
        let sheet = try Support.sheet("""
            annualGoals:
              - {number: 1, plan: [{number: 1, text: 調査します（9月）。}], results: [{number: 1, text: 調査しました。}], directions: 続けます。}
              - {number: 2, plan: [{number: 1, text: 報告します（3月）。}]}
            """)
        XCTAssertEqual(SheetStage.inferred(from: sheet), .review)
        let found = RuleEngine.evaluate(RuleSet.loadDefault(), on: sheet)
            .filter { RuleSet.loadDefault().rule(id: $0.ruleId)?.stages == [.review] }
        XCTAssertEqual(found.map { "\($0.ruleId) \($0.path)" },
                       ["direction-missing annualGoals[1].directions", "result-missing annualGoals[1].results"])
    }
}

/// At goal-setting, a schedule whose time has already passed is not a finding: no rule reads
/// today's date, so the gate gives the same answer next month (and next year).
final class PastScheduleTests: XCTestCase {
    func testAPastScheduleIsNotAFindingAtPlan() throws {
        let sheet = try Support.sheet("""
            fiscalYear: 2019
            header: {department: 架空部, position: 部長, name: 山田 花子}
            mission: [{number: 1, text: 使命です。}]
            approaches: [{number: 1, approach: 方針です。}]
            annualGoals:
              - number: 1
                title: 架空の目標
                plan:
                  - {number: 1, text: 計画を策定します。, schedule: [{text: 策定, timing: 令和元年(2019年)4月}]}
                  - {number: 2, text: 説明会を開きます（2019年5月10日）。}
                planCodes: [{code: 5-2-①, title: 公正で効果的・効率的な市政運営を進めます。}]
                policies: [{number: 70, title: みんなで取り組み支え合うまちづくりの推進}]
            midTermGoals:
              - {number: 1, title: 架空の中期目標, body: 進めます。, schedule: "①策定：令和2年度(2020年度)", planCodes: [{code: 5-2-①}], policies: [{number: 70}]}
            """)
        for stage: SheetStage? in [.plan, nil] {
            let found = RuleEngine.evaluate(RuleSet.loadDefault(), on: sheet, stage: stage).filter { $0.severity != .info }
            XCTAssertEqual(found.map { "\($0.ruleId) \($0.path)" }, [], "stage \(stage?.rawValue ?? "auto")")
        }
    }

    func testNoRuleReadsTheClock() throws {
        let sources = StageRuleTests.repo.appendingPathComponent("Sources/SheetRules")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 20)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for clock in ["Date()", "Date.now", "Date(timeIntervalSinceNow", "CFAbsoluteTimeGetCurrent"] {
                XCTAssertFalse(text.contains(clock), "\(file) reads the clock (\(clock)): findings would change with the day")
            }
        }
    }
}
