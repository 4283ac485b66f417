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
            XCTAssertEqual(rule.stages, reviewOnly.contains(rule.id) ? [.review] : [.plan, .review], rule.id)
        }
    }

    /// Every stage is covered by the default rules' own examples (`rules test`): each
    /// review-only rule has an example checked at plan, where it must stay silent.
    func testDefaultExamplesCoverEachStage() throws {
        let set = RuleSet.loadDefault()
        for rule in set.rules where rule.stages == [.review] {
            let atPlan = try rule.passExamples.filter { example in
                let sheet = try CanonicalSheetReader.read(text: example.sheet, file: "e.yml")
                return (example.stage ?? .inferred(from: sheet)) == .plan
            }
            XCTAssertFalse(atPlan.isEmpty, "\(rule.id) has no pass example at stage plan")
        }
        XCTAssertEqual(set.runExamples(), [])
    }

    func testExplanationShowsTheStages() throws {
        let rule = try XCTUnwrap(RuleSet.loadDefault().rule(id: "result-missing"))
        XCTAssertTrue(rule.explanation().contains("\nstages: review (year-end review only: 振り返り)\n"), rule.explanation())
        XCTAssertTrue(rule.explanation().contains("fails with 1 finding(s) at stage review:"))
        let anyStage = try XCTUnwrap(RuleSet.loadDefault().rule(id: "plan-code-placeholder"))
        XCTAssertTrue(anyStage.explanation().contains("\nstages: plan, review (every stage)\n"))
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
