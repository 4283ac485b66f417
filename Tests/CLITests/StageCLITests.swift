import Foundation
import XCTest

/// `--stage` and `stage:` through the binary, on the gate fixture and on its goal-setting
/// form (実績, 課題・今後の方向性 and 総括 cells emptied).
final class StageCLITests: XCTestCase {
    private var dir: URL!

    /// The gate sheet as submitted at goal-setting: the same file with its results,
    /// directions and 総括 cells emptied.
    static let goalSettingSheet = CLIFixtures.gateSheet
        .replacingOccurrences(of: "| <p>(1) 総括です。</p> |", with: "| |")
        .replacingOccurrences(of: "| <p>(1) 開きました。</p> <p>(2) 調査しました。</p> | <p>(1) 続けます。</p> <p>(2) 続けます。</p> |",
                              with: "| | |")

    override func setUpWithError() throws {
        dir = try CLIRunner.temporaryDirectory(self)
        XCTAssertNotEqual(Self.goalSettingSheet, CLIFixtures.gateSheet)
        try CLIFixtures.write(CLIFixtures.gateSheet, "review.md", in: dir)
        // Another department's sheet: two sheets of one department and year would also be
        // a duplicate-sheet error, which these tests are not about.
        try CLIFixtures.write(Self.goalSettingSheet.replacingOccurrences(of: "架空部", with: "架空第二部"), "plan.md", in: dir)
    }

    private func lint(_ args: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(["lint", "--lang", "en"] + args, in: dir)
    }

    /// `rule@line` of every finding in text output.
    private func findings(_ output: String) -> [String] {
        output.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: ":", maxSplits: 3)
            guard parts.count == 4, Int(parts[1]) != nil, let open = line.lastIndex(of: "[") else { return nil }
            return "\(line[line.index(after: open)...].dropLast())@\(parts[1])"
        }
    }

    func testAutoInfersEachSheetsStageAndSaysSoOnce() throws {
        let result = try lint(["plan.md", "review.md"])
        XCTAssertEqual(result.status, 1, "the placeholder 0-0-0 is an error at every stage")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { $0.hasPrefix("plan.md: info: checked at stage plan (goal-setting), inferred") }.count, 1,
                       result.stdout)
        XCTAssertEqual(lines.filter { $0.hasPrefix("review.md: info: checked at stage review (year-end review), inferred") }.count,
                       1)
        // The notes are not findings: the summary counts the findings only.
        XCTAssertTrue(result.stdout.hasSuffix("2 errors, 2 warnings, 2 infos in 2 files\ngate failed: 2 errors meet --fail-on error\n"),
                      result.stdout)
        XCTAssertFalse(findings(result.stdout).contains { $0.hasPrefix("result-missing") || $0.hasPrefix("direction-missing") })
    }

    func testGoalSettingFormFailsAtReviewWithExactlyTheResultFindings() throws {
        let auto = findings(try lint(["plan.md"]).stdout)
        let plan = findings(try lint(["--stage", "plan", "plan.md"]).stdout)
        let review = try lint(["--stage", "review", "plan.md"])
        XCTAssertEqual(auto, plan)
        XCTAssertEqual(auto, ["mixed-width-brackets@6", "plan-item-without-schedule@19", "plan-code-placeholder@20"])
        XCTAssertEqual(review.status, 1)
        let added = findings(review.stdout).filter { !plan.contains($0) }.sorted()
        XCTAssertEqual(added, ["approach-without-review@12", "direction-missing@19", "result-missing@19"])
        XCTAssertEqual(Set(plan).subtracting(findings(review.stdout)), [])
        XCTAssertFalse(review.stdout.contains(": info: checked at stage"), "a stage chosen by --stage is not announced")
    }

    func testJSONAndSARIFCarryTheStagePerFile() throws {
        let json = try lint(["--format", "json", "plan.md", "review.md"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sheets = try XCTUnwrap(object["sheets"] as? [[String: String]])
        XCTAssertEqual(sheets, [["file": "plan.md", "stage": "plan", "stageSource": "inferred"],
                                ["file": "review.md", "stage": "review", "stageSource": "inferred"]])
        let sarif = try lint(["--format", "sarif", "--stage", "review", "plan.md"])
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let artifact = try XCTUnwrap((run["artifacts"] as? [[String: Any]])?.first)
        XCTAssertEqual(artifact["properties"] as? [String: String], ["stage": "review", "stageSource": "option"])
    }

    func testConfigurationStageAndOverrideAndOptionPrecedence() throws {
        try CLIFixtures.write("stage: review\noverrides:\n  - files: [\"plan.md\"]\n    stage: plan\n", ".sheetlint.yml", in: dir)
        let json = try lint(["--format", "json", "plan.md", "review.md"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["sheets"] as? [[String: String]],
                       [["file": "plan.md", "stage": "plan", "stageSource": "config"],
                        ["file": "review.md", "stage": "review", "stageSource": "config"]])
        // --stage wins over the configuration; --stage auto brings inference back.
        let forced = try lint(["--stage", "review", "plan.md"])
        XCTAssertTrue(findings(forced.stdout).contains("result-missing@19"), forced.stdout)
        let auto = try lint(["--stage", "auto", "review.md", "plan.md"])
        XCTAssertTrue(auto.stdout.contains("plan.md: info: checked at stage plan (goal-setting), inferred"), auto.stdout)
    }

    /// A half-filled review: at auto it is a review (the missing results are errors); declared
    /// a goal-setting sheet, the results already written are a partial-review warning.
    func testHalfFilledSheetAtAutoAndAtPlan() throws {
        try CLIFixtures.write("""
            header: {department: 架空部, position: 部長, name: 山田 花子}
            annualGoals:
              - {number: 1, plan: [{number: 1, text: 調査します（9月）。}], results: 調査しました。, directions: 続けます。}
              - {number: 2, plan: [{number: 1, text: 報告します（3月）。}]}

            """, "half.yaml", in: dir)
        let auto = try lint(["half.yaml"])
        XCTAssertTrue(findings(auto.stdout).contains("result-missing@4"), auto.stdout)
        XCTAssertFalse(auto.stdout.contains("[partial-review]"))
        let plan = try lint(["--stage", "plan", "half.yaml"])
        XCTAssertTrue(plan.stdout.contains(
            "half.yaml:3:65: warning: goal-setting sheet, but annual goal No.1 has results (実績) while No.2 have none"), plan.stdout)
        XCTAssertFalse(findings(plan.stdout).contains { $0.hasPrefix("result-missing") })
    }

    /// The bundled goal-setting example passes the gate at auto and at plan, and fails at
    /// review with exactly the result, direction and 総括 findings.
    func testGoalSettingExamplePassesTheGate() throws {
        for args in [["lint"], ["lint", "--stage", "plan"]] {
            let r = try CLIRunner.run(args + ["--format", "json", "examples/kankyo-goal-setting.md"])
            XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            XCTAssertEqual((json["diagnostics"] as? [Any])?.count, 0, r.stdout)
            XCTAssertEqual((json["sheets"] as? [[String: String]])?.first?["stage"], "plan")
        }
        let review = try CLIRunner.run(["lint", "--stage", "review", "examples/kankyo-goal-setting.md"])
        XCTAssertEqual(review.status, 1)
        XCTAssertEqual(findings(review.stdout).map { $0.split(separator: "@")[0] }.sorted(),
                       Array(repeating: "approach-without-review", count: 3) + Array(repeating: "direction-missing", count: 3)
                           + Array(repeating: "result-missing", count: 3))
    }

    /// A suppression of a rule that does not run at the sheet's stage is not "unused": it is
    /// needed at the other stage. A suppression of a rule that ran and found nothing still is.
    func testSuppressionOfARuleNotRunAtTheStageIsNotUnused() throws {
        var lines = Self.goalSettingSheet.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let goalRow = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("| 1 |") })
        lines.insert("<!-- sheetlint-disable-next-line result-missing, invalid-date -->", at: goalRow)
        try CLIFixtures.write(lines.joined(separator: "\n"), "suppressed.md", in: dir)
        let auto = try lint(["suppressed.md"])
        XCTAssertFalse(auto.stdout.contains("'result-missing' suppresses nothing"), auto.stdout)
        XCTAssertTrue(auto.stdout.contains("the suppression of 'invalid-date' suppresses nothing"), auto.stdout)
        let review = try lint(["--stage", "review", "suppressed.md"])
        XCTAssertFalse(findings(review.stdout).contains { $0.hasPrefix("result-missing") }, review.stdout)
        XCTAssertTrue(findings(review.stdout).contains { $0.hasPrefix("direction-missing") }, review.stdout)
        XCTAssertFalse(review.stdout.contains("'result-missing' suppresses nothing"), review.stdout)
    }

    /// `rules explain` and `rules` show each rule's stages.
    func testRulesShowTheirStages() throws {
        let explain = try CLIRunner.run(["rules", "explain", "result-missing", "--lang", "en"])
        XCTAssertEqual(explain.status, 0)
        XCTAssertTrue(explain.stdout.contains("\nstages: review (year-end review only: 振り返り)\n"), explain.stdout)
        let list = try CLIRunner.run(["rules"]).stdout.split(separator: "\n")
        XCTAssertTrue(list.contains { $0.hasPrefix("result-missing ") && $0.contains(" error    review  ") }, "\(list)")
        XCTAssertTrue(list.contains { $0.hasPrefix("partial-review ") && $0.contains(" warning  plan    ") }, "\(list)")
        XCTAssertTrue(list.contains { $0.hasPrefix("plan-code-placeholder ") && $0.contains(" error    all     ") }, "\(list)")
    }

    /// `rules test` checks the default examples at both stages and says how many at each.
    func testRulesTestCoversEachStage() throws {
        let r = try CLIRunner.run(["rules", "test", "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.stdout)
        let counts = r.stdout.split(separator: "(by stage: ").last.map { $0.dropLast(2).split(separator: ",") } ?? []
        XCTAssertEqual(counts.count, 2, r.stdout)
        for stage in counts {
            let parts = stage.split(separator: " ")
            XCTAssertGreaterThan(Int(parts.last ?? "") ?? 0, 5, "\(stage) in \(r.stdout)")
        }
    }

    /// A baseline written at one stage is pruned at the same stage: `baseline prune --stage`.
    func testBaselinePruneTakesTheStage() throws {
        let write = try lint(["--stage", "review", "--write-baseline", "b.json", "plan.md"])
        XCTAssertEqual(write.status, 0, write.stderr)
        let kept = try CLIRunner.run(["baseline", "prune", "--lang", "en", "--stage", "review", "--baseline", "b.json", "plan.md"],
                                     in: dir)
        XCTAssertEqual(kept.status, 0, kept.stderr)
        XCTAssertTrue(kept.stdout.contains("kept 6 entries, dropped 0"), kept.stdout)
        let dropped = try CLIRunner.run(["baseline", "prune", "--lang", "en", "--baseline", "b.json", "plan.md"], in: dir)
        XCTAssertTrue(dropped.stdout.contains("kept 3 entries, dropped 3"), dropped.stdout)
    }

    func testQuietHidesTheNoteAndBadStageExits2() throws {
        let quiet = try lint(["--quiet", "plan.md"])
        XCTAssertFalse(quiet.stdout.contains("checked at stage"), quiet.stdout)
        let bad = try lint(["--stage", "april", "plan.md"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--stage must be one of: auto, plan, review"), bad.stderr)
        try CLIFixtures.write("stage: april\n", ".sheetlint.yml", in: dir)
        let badConfig = try lint(["plan.md"])
        XCTAssertEqual(badConfig.status, 2)
        XCTAssertTrue(badConfig.stderr.contains(".sheetlint.yml:1:8: unknown stage 'april'"), badConfig.stderr)
    }
}
