import Foundation
import XCTest

/// Exit codes for every gate control, on a sheet with one error, one warning and one info.
final class GateCLITests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try CLIRunner.temporaryDirectory(self)
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheet.md", in: dir)
    }

    private func lint(_ extra: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(["lint"] + extra + ["sheet.md"], in: dir)
    }

    func testDefaultGateFailsOnErrorsOnly() throws {
        let result = try lint([])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("sheet.md:20:20: error:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[plan-item-without-schedule]"))
        XCTAssertTrue(result.stdout.contains("[mixed-width-brackets]"))
    }

    func testFailOnLevels() throws {
        // Without the error, --fail-on decides whether the warning or the info fails.
        let noError = try lint(["--baseline", try baselineOf(rule: "plan-code-placeholder"), "--fail-on", "warning"])
        XCTAssertEqual(noError.status, 1, noError.stderr)
        let onlyInfo = try lint(["--baseline", try baselineOf(rule: "plan-code-placeholder", "plan-item-without-schedule"),
                                 "--fail-on", "warning"])
        XCTAssertEqual(onlyInfo.status, 0, onlyInfo.stderr)
        let infoFails = try lint(["--baseline", try baselineOf(rule: "plan-code-placeholder", "plan-item-without-schedule"),
                                  "--fail-on", "info"])
        XCTAssertEqual(infoFails.status, 1)
        XCTAssertEqual(try lint(["--fail-on", "fatal"]).status, 2)
    }

    func testMaxWarnings() throws {
        let baseline = try baselineOf(rule: "plan-code-placeholder")
        XCTAssertEqual(try lint(["--baseline", baseline, "--max-warnings", "1"]).status, 0)
        XCTAssertEqual(try lint(["--baseline", baseline, "--max-warnings", "0"]).status, 1)
        XCTAssertEqual(try lint(["--max-warnings", "-1"]).status, 2)
    }

    func testQuietPrintsErrorsOnlyButKeepsTheGate() throws {
        let result = try lint(["--quiet"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("[plan-code-placeholder]"))
        XCTAssertFalse(result.stdout.contains("[plan-item-without-schedule]"), result.stdout)
        XCTAssertFalse(result.stdout.contains("[mixed-width-brackets]"))
        let baseline = try baselineOf(rule: "plan-code-placeholder")
        XCTAssertEqual(try lint(["--quiet", "--baseline", baseline, "--max-warnings", "0"]).status, 1,
                       "--quiet hides warnings from output, not from the gate")
    }

    func testBareSheetlintLintsTheCurrentDirectory() throws {
        let bare = try CLIRunner.run([], in: dir)
        XCTAssertEqual(bare.status, 1)
        XCTAssertTrue(bare.stdout.contains("sheet.md:20:20: error:"), bare.stdout)
        let file = try CLIRunner.run(["sheet.md", "--lang", "en"], in: dir)
        XCTAssertEqual(file.status, 1)
        XCTAssertTrue(file.stdout.contains("1 error, 1 warning, 1 info in 1 file"), file.stdout)
    }

    func testUnusableOptionsExitTwo() throws {
        XCTAssertEqual(try lint(["--format", "xml"]).status, 2)
        XCTAssertEqual(try lint(["--lang", "fr"]).status, 2)
        XCTAssertEqual(try lint(["--jobs", "0"]).status, 2)
        XCTAssertEqual(try CLIRunner.run(["lint", "missing.md"], in: dir).status, 2)
    }

    /// A baseline accepting the findings of `rules`, written with --write-baseline and then
    /// filtered to those rules.
    private func baselineOf(rule rules: String...) throws -> String {
        let all = dir.appendingPathComponent("all.json").path
        let written = try lint(["--write-baseline", all])
        XCTAssertEqual(written.status, 0, written.stderr)
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: all))) as? [String: Any])
        let entries = try XCTUnwrap(object["entries"] as? [[String: Any]])
        object["entries"] = entries.filter { rules.contains($0["rule"] as? String ?? "") }
        let path = dir.appendingPathComponent("baseline-\(rules.joined(separator: "+")).json").path
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        return path
    }
}
