import Foundation
import XCTest

/// A configuration or rule file with several mistakes reports them all in one run, each at
/// its file:line:col; a broken entry is skipped and the others are still checked.
final class EveryErrorCLITests: XCTestCase {
    func testAConfigurationWithSixMistakesReportsSixErrors() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheet.md", in: dir)
        try CLIFixtures.write("""
            fiscalYear: 1800
            lang: fr
            rulez: {}
            rules:
              plan-code-placehodler: off
              notation-variance: loud
            ignore: ["a//b"]

            """, ".sheetlint.yml", in: dir)
        let r = try CLIRunner.run(["lint", "sheet.md", "--lang", "en"], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "")
        let positions = r.stderr.split(separator: "\n").map { line in
            line.split(separator: ":").prefix(4).joined(separator: ":")
        }
        XCTAssertEqual(positions, ["sheetlint: .sheetlint.yml:1:13", "sheetlint: .sheetlint.yml:2:7", "sheetlint: .sheetlint.yml:3:1",
                                   "sheetlint: .sheetlint.yml:5:3", "sheetlint: .sheetlint.yml:6:22", "sheetlint: .sheetlint.yml:7:10"],
                       r.stderr)
        XCTAssertTrue(r.stderr.contains("unknown key 'rulez' in config (did you mean 'rules'?)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("unknown rule id 'plan-code-placehodler' (did you mean 'plan-code-placeholder'?)"), r.stderr)
    }

    func testARuleWithFourMistakesReportsFourErrorsAndTheOtherRulesStillLoad() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        try CLIFixtures.write("""
            version: 1
            rules:
              - id: rule-one
                severity: eror
                summary: One.
                description: One.
                message: "{nosuch}"
                message_en: "x"
                selector: "annualGoals[*].title"
                kind: pattern
                options: {pattern: "(", colour: red}
                examples:
                  fail: [{count: 1, sheet: {}}]
                  pass: [{sheet: {}}]
              - id: rule-two
                severty: warning
                summary: Two.
                description: Two.
                message: "題名が空です"
                message_en: "empty title"
                selector: "annualGoals[*].title"
                kind: pattern
                options: {pattern: "^$"}
                examples:
                  fail: [{count: 1, sheet: {annualGoals: [{number: 1, title: ""}]}}]
                  pass: [{sheet: {annualGoals: [{number: 1, title: 目標}]}}]

            """, "rules/mine.yml", in: dir)
        let r = try CLIRunner.run(["rules", "--rules", "rules", "--lang", "en"], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr.split(separator: "\n").map(String.init), [
            "sheetlint: rules/mine.yml:4:15: severity must be one of error, warning, info",
            "sheetlint: rules/mine.yml:7:14: unknown placeholder {nosuch}; available: code, field, goal, match, number, path, section, title, value, written",
            "sheetlint: rules/mine.yml:11:24: pattern: invalid regular expression '(': a group opened with ( is not closed with ), or a ) has no ( (at character 1)",
            "sheetlint: rules/mine.yml:11:29: unknown key 'colour' in options of kind pattern; allowed keys: pattern, normalize, except",
            "sheetlint: rules/mine.yml:16:5: unknown key 'severty' in rule (did you mean 'severity'?); allowed keys: id, severity, summary, description, summary_ja, description_ja, message, message_en, selector, kind, options, stages, examples",
        ])
        // The broken rules are left out; every default rule is still listed.
        XCTAssertTrue(r.stdout.contains("plan-code-placeholder"), r.stdout)
        XCTAssertFalse(r.stdout.contains("rule-one"), r.stdout)
    }
}
