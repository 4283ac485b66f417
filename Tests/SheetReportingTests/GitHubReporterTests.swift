import SheetModel
import SheetRules
import XCTest
@testable import SheetReporting

final class GitHubReporterTests: XCTestCase {
    func testDataEscaping() {
        XCTAssertEqual(GitHubReporter.escapeData("50%\r\n次: a,b"), "50%25%0D%0A次: a,b")
    }

    func testPropertyEscaping() {
        XCTAssertEqual(GitHubReporter.escapeProperty("dir/a,b:c%.md\n"), "dir/a%2Cb%3Ac%25.md%0A")
    }

    func testCommandPerSeverity() {
        let finding = Finding(ruleId: "x-y", severity: .info, message: "全角（）: 1,2\n次", messageEn: "m",
                              span: SourceSpan(file: "d/a,b:c.md", line: 3, startColumn: 4, endColumn: 6), path: "p")
        var report = LintReport(findings: [finding], rules: [], files: ["d/a,b:c.md"], toolVersion: "0")
        XCTAssertEqual(GitHubReporter.render(report),
                       "::notice file=d/a%2Cb%3Ac.md,line=3,col=4,endLine=3,endColumn=6,title=x-y::全角（）: 1,2%0A次\n")
        report.findings[0].severity = .warning
        XCTAssertTrue(GitHubReporter.render(report).hasPrefix("::warning file="))
        report.findings[0].severity = .error
        XCTAssertTrue(GitHubReporter.render(report).hasPrefix("::error file="))
    }
}
