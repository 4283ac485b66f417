import Foundation
import XCTest

/// Issue #8, defect 1, follow-up: a pattern written in a repository's `.sheetlint.yml` (here
/// in `notation-variance`'s options) that hits its step limit is reported with the
/// configuration file and the line and column where the pattern is written, not the rule's
/// own file, which does not contain it.
final class RegexLimitCLITests: XCTestCase {
    func testAConfigurationPatternOverLimitNamesTheConfigurationAndPosition() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let config = """
            rules:
              notation-variance:
                options:
                  groups:
                    - name: evil
                      variants:
                        - {label: a, pattern: "(a+)+$"}
                        - {label: b, pattern: "b"}

            """
        try CLIFixtures.write(config, "sheets/.sheetlint.yml", in: dir)
        let yaml = """
            fiscalYear: 2024
            header: {department: 架空部, position: 部長, name: 山田 花子}
            mission: [{number: 1, text: "\(String(repeating: "a", count: 1000))!"}]

            """
        try CLIFixtures.write(yaml, "sheets/sheet.yaml", in: dir)
        let r = try CLIRunner.run(["lint", "--lang", "en", "sheets"], in: dir)
        let lines = r.stdout.split(separator: "\n").map(String.init).filter { $0.contains("exceeded its work limit") }
        XCTAssertEqual(lines.count, 1, r.stdout + r.stderr)
        let line = lines.first ?? ""
        XCTAssertTrue(line.contains("rule notation-variance (sheets/.sheetlint.yml:7:35)"), line)
        XCTAssertTrue(line.contains("'(a+)+$' exceeded its work limit"), line)
        XCTAssertFalse(line.contains("style.yml"), line)
        XCTAssertEqual(r.status, 1, r.stderr)
    }

    func testARulesOwnPatternStillNamesTheRuleFileWhenAConfigurationChangesAnotherOption() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let rule = """
            version: 1
            rules:
              - id: t
                severity: warning
                summary: s
                description: d
                message: "{value}"
                message_en: "{value}"
                selector: "mission.items[*].text"
                kind: pattern
                options: {pattern: '(a+)+$', normalize: true}
                examples: {fail: [{sheet: {mission: [{number: 1, text: "aaa"}]}, count: 1}], pass: [{sheet: {mission: [{number: 1, text: "b"}]}}]}

            """
        try CLIFixtures.write(rule, "rules/t.yml", in: dir)
        try CLIFixtures.write("rules:\n  t:\n    options: {normalize: false}\n", "sheets/.sheetlint.yml", in: dir)
        let yaml = """
            fiscalYear: 2024
            header: {department: 架空部, position: 部長, name: 山田 花子}
            mission: [{number: 1, text: "\(String(repeating: "a", count: 1000))!"}]

            """
        try CLIFixtures.write(yaml, "sheets/sheet.yaml", in: dir)
        let r = try CLIRunner.run(["lint", "--lang", "en", "--rules", "rules", "sheets"], in: dir)
        let lines = r.stdout.split(separator: "\n").map(String.init).filter { $0.contains("exceeded its work limit") }
        XCTAssertEqual(lines.count, 1, r.stdout + r.stderr)
        XCTAssertTrue(lines.first?.contains("rule t (rules/t.yml:11:24)") ?? false, "\(lines)")
    }
}
