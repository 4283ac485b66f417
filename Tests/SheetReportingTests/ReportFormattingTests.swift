import Foundation
import SheetModel
import SheetRules
import XCTest
@testable import SheetReporting

/// Paths, summaries, JSON escaping and rule metadata.
final class ReportFormattingTests: XCTestCase {
    func testArtifactPaths() {
        XCTAssertEqual(ArtifactPath("/r/a/b.md", root: "/r").display, "a/b.md")
        XCTAssertEqual(ArtifactPath("/r/a/b.md", root: "/r/").display, "a/b.md")
        XCTAssertEqual(ArtifactPath("/rx/b.md", root: "/r").display, "/rx/b.md")
        XCTAssertFalse(ArtifactPath("/rx/b.md", root: "/r").isRelative)
        XCTAssertEqual(ArtifactPath("./a.md", root: "/r").display, "a.md")
        XCTAssertEqual(ArtifactPath("../a.md", root: nil).display, "../a.md")
        XCTAssertEqual(ArtifactPath("/a.md", root: nil).uri, "file:///a.md")
        XCTAssertEqual(ArtifactPath("a b/目標:1#?.md", root: nil).uri, "a%20b/%E7%9B%AE%E6%A8%99%3A1%23%3F.md")
        XCTAssertEqual(ArtifactPath.rootURI("/work/my repo/"), "file:///work/my%20repo/")
    }

    func testSummaries() {
        XCTAssertEqual(TextReporter.summary(ReportFixture.report(.ja)), "2 個のエラー、1 個の警告、1 個の情報（3 ファイル）")
        XCTAssertEqual(TextReporter.summary(ReportFixture.report(.en)), "2 errors, 1 warning, 1 info in 3 files")
        let empty = LintReport(findings: [], rules: [], files: ["a.md"], language: .en, toolVersion: "0")
        XCTAssertEqual(TextReporter.render(empty), "0 errors, 0 warnings, 0 infos in 1 file\n")
    }

    func testTextKeepsEachFindingOnOneLine() {
        let text = TextReporter.render(ReportFixture.report(.en))
        XCTAssertTrue(text.contains("sheets/都市経営部 目標.md:31:15: info: Full-width and half-width brackets are mixed: 50%, check [mixed-width-brackets]\n"), text)
        // Four findings, two stage notes (the two files whose stage was inferred), the summary.
        XCTAssertEqual(text.split(separator: "\n").count, 7)
    }

    func testJSONEscapingRoundTrips() throws {
        let message = "引用\"\\/ \u{01}\u{1F}\t\r\n😀"
        let finding = Finding(ruleId: "r", severity: .error, message: message, messageEn: "m",
                              span: SourceSpan(file: "a.md", line: 1, startColumn: 1, endColumn: 2), path: "p")
        let text = JSONReporter.render(LintReport(findings: [finding], rules: [], files: ["a.md"], toolVersion: "0"))
        XCTAssertTrue(text.contains(#""引用\"\\/ \u0001\u001f\t\r\n😀""#), text)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]]
        XCTAssertEqual(diagnostics?.first?["message"] as? String, message)
    }

    func testRuleNamesAndCategories() {
        XCTAssertEqual(ReportedRule(id: "plan-code-missing", severity: .error, summary: "", description: "").pascalCaseName,
                       "PlanCodeMissing")
        XCTAssertEqual(ReportedRule.category(ofRuleFile: "<default>/citations.yml"), "citations")
        XCTAssertEqual(ReportedRule.category(ofRuleFile: "my.rules/dates.yaml"), "dates")
        XCTAssertEqual(SARIFReporter.level(.info), "note")
    }

    func testTagsOfLoadedDefaultRules() {
        let rules = RuleSet.loadDefault().rules.map(ReportedRule.init)
        XCTAssertFalse(rules.isEmpty)
        XCTAssertEqual(rules.first { $0.id == "plan-code-missing" }?.tags, ["citations"])
    }
}
