import Foundation
import XCTest

/// Inline suppressions in Markdown sheets and `suppress:` in canonical YAML.
final class SuppressionCLITests: XCTestCase {
    private func lint(_ sheet: String, name: String = "sheet.md") throws -> CLIRunner.Result {
        let dir = try CLIRunner.temporaryDirectory(self)
        try CLIFixtures.write(sheet, name, in: dir)
        return try CLIRunner.run(["lint", "--format", "json", name], in: dir)
    }

    private func ruleIds(_ result: CLIRunner.Result) throws -> [String] {
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stderr)
        return (json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String }
    }

    /// The gate sheet with `comment` inserted as its own line before line `line` (1-based).
    private func sheet(inserting comment: String, before line: Int) -> String {
        var lines = CLIFixtures.gateSheet.components(separatedBy: "\n")
        lines.insert(comment, at: line - 1)
        return lines.joined(separator: "\n")
    }

    func testDisableNextLine() throws {
        let result = try lint(sheet(inserting: "<!-- sheetlint-disable-next-line plan-code-placeholder -->", before: 20))
        XCTAssertEqual(result.status, 0, "the only error is suppressed")
        let ids = try ruleIds(result)
        XCTAssertFalse(ids.contains("plan-code-placeholder"))
        XCTAssertTrue(ids.contains("plan-item-without-schedule"), "other rules still report")
        XCTAssertFalse(ids.contains("unused-suppression"))
    }

    func testCommentLineInsideATableKeepsTheTable() throws {
        // Line 19 is the goal row; the comment sits between two rows of the same table.
        let result = try lint(sheet(inserting: "<!-- sheetlint-disable-next-line plan-item-without-schedule -->", before: 19))
        let ids = try ruleIds(result)
        XCTAssertFalse(ids.contains("plan-item-without-schedule"))
        XCTAssertTrue(ids.contains("plan-code-placeholder"), "the goal and its citations were still read")
    }

    func testDisableEnableRegion() throws {
        var text = sheet(inserting: "<!-- sheetlint-enable -->", before: 22)
        text = text.replacingOccurrences(of: "| 1 | <p>架空の目標</p>", with: "<!-- sheetlint-disable plan-code-placeholder, plan-item-without-schedule -->\n| 1 | <p>架空の目標</p>")
        let ids = try ruleIds(try lint(text))
        XCTAssertFalse(ids.contains("plan-code-placeholder"))
        XCTAssertFalse(ids.contains("plan-item-without-schedule"))
        XCTAssertTrue(ids.contains("mixed-width-brackets"), "outside the region nothing is suppressed")
    }

    func testUnusedSuppressionIsReported() throws {
        let result = try lint(sheet(inserting: "<!-- sheetlint-disable-next-line policy-unknown -->", before: 20))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let unused = (json["diagnostics"] as? [[String: Any]] ?? []).filter { $0["ruleId"] as? String == "unused-suppression" }
        XCTAssertEqual(unused.count, 1)
        XCTAssertEqual(unused.first?["line"] as? Int, 20)
        XCTAssertEqual(unused.first?["severity"] as? String, "warning")
    }

    func testUnknownRuleIdIsAnError() throws {
        let result = try lint(sheet(inserting: "<!-- sheetlint-disable-next-line plan-code-placeholdr -->", before: 20))
        XCTAssertEqual(result.status, 1)
        let ids = try ruleIds(result)
        XCTAssertTrue(ids.contains("invalid-suppression"))
        XCTAssertTrue(ids.contains("plan-code-placeholder"), "a misspelt id suppresses nothing")
        let misspeltDirective = try lint(sheet(inserting: "<!-- sheetlint-disabel plan-code-placeholder -->", before: 20))
        XCTAssertTrue(try ruleIds(misspeltDirective).contains("invalid-suppression"))
    }

    func testCanonicalSuppressList() throws {
        let yaml = """
        header: {department: 架空部, position: 部長, name: 山田 花子}
        mission: [{number: 1, text: 使命}]
        approaches: [{number: 1, approach: 方針, review: 総括}]
        annualGoals:
          - number: 1
            title: 目標
            plan: [{number: 1, text: 会議を開きます(9月)}]
            results: [{number: 1, text: 開きました}]
            directions: [{number: 1, text: 続けます}]
            planCodes: [{code: 0-0-0}]
            policies: [{number: 70, title: みんなで取り組み支え合うまちづくりの推進}]
        midTermGoals:
          - number: 1
            title: 中期目標
            body: [{number: 1, text: 進めます}]
            schedule: [{number: 1, text: 策定：令和5年度(2023年度)}]
            planCodes: [{code: 5-2-①, title: 公正で効果的・効率的な市政運営を進めます。}]
            policies: [{number: 70, title: みんなで取り組み支え合うまちづくりの推進}]
        suppress:
          - {rule: plan-code-placeholder, path: "annualGoals[0]"}
          - {rule: policy-unknown}
        """
        let result = try lint(yaml, name: "sheet.yaml")
        let ids = try ruleIds(result)
        XCTAssertFalse(ids.contains("plan-code-placeholder"), result.stdout)
        XCTAssertEqual(ids.filter { $0 == "unused-suppression" }.count, 1, "the policy-unknown entry hides nothing")
        XCTAssertEqual(result.status, 0, result.stdout)
    }
}
