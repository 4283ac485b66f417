import XCTest
@testable import SheetReporting

/// Every format on the fixed report, byte for byte.
final class GoldenTests: XCTestCase {
    func testTextJapanese() { assertGolden(ReportFormat.text.render(ReportFixture.report(.ja)), named: "report.ja.txt") }
    func testTextEnglish() { assertGolden(ReportFormat.text.render(ReportFixture.report(.en)), named: "report.en.txt") }
    func testJSON() { assertGolden(ReportFormat.json.render(ReportFixture.report()), named: "report.json") }
    func testSARIF() { assertGolden(ReportFormat.sarif.render(ReportFixture.report()), named: "report.sarif") }
    func testGitHub() { assertGolden(ReportFormat.github.render(ReportFixture.report(.en)), named: "report.github.txt") }
    func testJUnit() { assertGolden(ReportFormat.junit.render(ReportFixture.report()), named: "report.junit.xml") }

    func testRenderingIsDeterministic() {
        for format in ReportFormat.allCases {
            XCTAssertEqual(format.render(ReportFixture.report()), format.render(ReportFixture.report()), "\(format)")
        }
    }
}
