import Foundation
import SheetlintKit
import SheetModel
import SheetReading
import SheetRules
import XCTest

/// `stage:` in `.sheetlint.yml` (top level and per override) and the order that decides a
/// sheet's stage: `--stage`, then the configuration, then the sheet's content.
final class StageConfigTests: XCTestCase {
    private let planSheet = try! CanonicalSheetReader.read(
        text: "annualGoals: [{number: 1, plan: [{number: 1, text: 調査（9月）}]}]", file: "p.yml")
    private let reviewSheet = try! CanonicalSheetReader.read(
        text: "annualGoals: [{number: 1, plan: [{number: 1, text: 調査（9月）}], results: 調査しました。}]", file: "r.yml")

    func testTopLevelStageAndOverrideStageByGlob() throws {
        let tree = try ConfigTree()
        try tree.write(".sheetlint.yml", """
            stage: review
            overrides:
              - files: ["submitted/2026-04/**"]
                stage: plan
              - files: ["submitted/2026-04/mixed/**"]
                stage: auto
                rules: {notation-variance: off}

            """)
        var resolver = tree.resolver()
        XCTAssertEqual(resolver.effectiveConfig(forSheet: tree.path("a.md")).stage, .review)
        XCTAssertEqual(resolver.effectiveConfig(forSheet: tree.path("submitted/2026-04/都市経営部.md")).stage, .plan)
        let mixed = resolver.effectiveConfig(forSheet: tree.path("submitted/2026-04/mixed/a.md"))
        XCTAssertEqual(mixed.stage, .auto)
        XCTAssertEqual(mixed.levelWords, ["notation-variance=off"])
        XCTAssertEqual(resolver.errors, [])
    }

    func testBadStageIsAnErrorWithPosition() throws {
        let tree = try ConfigTree()
        try tree.write(".sheetlint.yml", "stage: april\noverrides:\n  - files: [a.md]\n    stage: [plan]\n  - files: [b.md]\n")
        var resolver = tree.resolver()
        _ = resolver.effectiveConfig(forSheet: tree.path("a.md"))
        XCTAssertEqual(resolver.errorLines, [
            ".sheetlint.yml:1:8: unknown stage 'april'; allowed values: plan (goal-setting), review (year-end review), auto (inferred from the content)",
            ".sheetlint.yml:4:12: overrides[0].stage must be a string",
            ".sheetlint.yml:5:5: overrides[1] needs rules, stage or both",
        ])
    }

    func testOptionThenConfigThenContent() {
        let fixed = EffectiveConfig(stageChoice: .plan)
        // --stage plan|review wins over everything.
        XCTAssertEqual(fixed.stage(of: planSheet, option: .review), ResolvedStage(.review, source: .option))
        // --stage auto infers even when the configuration fixes a stage.
        XCTAssertEqual(fixed.stage(of: reviewSheet, option: .auto), ResolvedStage(.review, source: .inferred))
        // No option: the configuration's stage.
        XCTAssertEqual(fixed.stage(of: reviewSheet, option: nil), ResolvedStage(.plan, source: .config))
        // Neither, or `stage: auto`: the content decides.
        XCTAssertEqual(EffectiveConfig.none.stage(of: planSheet, option: nil), ResolvedStage(.plan, source: .inferred))
        XCTAssertEqual(EffectiveConfig(stageChoice: .auto).stage(of: reviewSheet, option: nil),
                       ResolvedStage(.review, source: .inferred))
    }
}

extension EffectiveConfig {
    init(stageChoice: StageChoice) {
        self.init()
        stage = stageChoice
    }
}
