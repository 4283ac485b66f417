import Foundation
import XCTest

/// Rule authors' workflow through the binary: a new rule in a `--rules` directory works
/// without rebuilding, broken rule files are located, and the rest still list.
final class RulesCLITests: XCTestCase {
    private let newRule = """
    version: 1
    rules:
      - id: title-too-short
        severity: warning
        summary: A goal title of fewer than 4 characters says too little.
        description: Reviewers cannot tell what a one-word goal is about.
        message: "目標 No.{goal} の題名「{value}」が短すぎます。"
        message_en: "goal No.{goal}: the title '{value}' is too short."
        selector: "annualGoals[*].title"
        kind: pattern
        options:
          pattern: "^.{1,3}$"
        examples:
          fail:
            - count: 1
              sheet:
                annualGoals: [{number: 1, title: 広報}]
          pass:
            - sheet:
                annualGoals: [{number: 1, title: 戦略的な広報の推進}]
    """

    func testNewRuleFromDirectoryWorksWithoutRebuilding() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        try CLIFixtures.write(newRule, "my-rules/titles.yml", in: dir)
        let sheet = CLIFixtures.gateSheet.replacingOccurrences(of: "<p>架空の目標</p>", with: "<p>目標</p>")
        try CLIFixtures.write(sheet, "sheet.md", in: dir)
        let result = try CLIRunner.run(["lint", "--rules", "my-rules", "sheet.md"], in: dir)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("warning: 目標 No.1 の題名「目標」が短すぎます。 [title-too-short]"), result.stdout)
        let list = try CLIRunner.run(["rules", "--rules", "my-rules"], in: dir)
        XCTAssertTrue(list.stdout.contains("title-too-short"))
        let test = try CLIRunner.run(["rules", "test", "my-rules", "--lang", "en"], in: dir)
        XCTAssertEqual(test.status, 0, test.stdout + test.stderr)
        XCTAssertTrue(test.stdout.contains("1 rules, 2 examples: 2 passed, 0 failed"), test.stdout)
    }

    func testBrokenRuleFileIsLocatedAndOthersStillList() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        let misspelt = newRule.replacingOccurrences(of: "    summary:", with: "    sumary:")
        try CLIFixtures.write(misspelt, "bad/titles.yml", in: dir)
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheet.md", in: dir)
        let lint = try CLIRunner.run(["lint", "--rules", "bad", "sheet.md"], in: dir)
        XCTAssertEqual(lint.status, 2)
        XCTAssertTrue(lint.stderr.contains("bad/titles.yml:5:5:"), lint.stderr)
        XCTAssertEqual(lint.stdout, "", "no report is made with half the rules")
        let list = try CLIRunner.run(["rules", "--rules", "bad"], in: dir)
        XCTAssertEqual(list.status, 2)
        XCTAssertTrue(list.stdout.contains("plan-code-placeholder"), "the other rules still list")
        XCTAssertTrue(list.stderr.contains("bad/titles.yml:5:5:"))
    }

    func testExampleThatDoesNotBehaveIsALoadError() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        let wrongCount = newRule.replacingOccurrences(of: "- count: 1", with: "- count: 2")
        try CLIFixtures.write(wrongCount, "rules/titles.yml", in: dir)
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheet.md", in: dir)
        let lint = try CLIRunner.run(["lint", "--rules", "rules", "sheet.md"], in: dir)
        XCTAssertEqual(lint.status, 2)
        XCTAssertTrue(lint.stderr.contains("rules/titles.yml:"), lint.stderr)
        let test = try CLIRunner.run(["rules", "test", "rules"], in: dir)
        XCTAssertEqual(test.status, 2, test.stdout)
        XCTAssertTrue(test.stdout.contains("title-too-short"), test.stdout)
    }

    func testExplainShowsDescriptionAndExamples() throws {
        let result = try CLIRunner.run(["rules", "explain", "plan-code-placeholder"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("plan-code-placeholder [error]"))
        XCTAssertTrue(result.stdout.contains("\n例 ("), result.stdout)
        XCTAssertTrue(try CLIRunner.run(["rules", "explain", "plan-code-placeholder", "--lang", "en"]).stdout.contains("\nexample ("))
        XCTAssertEqual(try CLIRunner.run(["rules", "explain", "no-such-rule"]).status, 2)
    }
}
