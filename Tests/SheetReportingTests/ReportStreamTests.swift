import SheetModel
import SheetRules
@testable import SheetReporting
import XCTest

/// Reports written through `ReportStream` (as `lint` writes them to standard output and to
/// `--output`) are the same bytes as the rendered string, however the buffer splits them.
final class ReportStreamTests: XCTestCase {
    func testStreamedReportIsTheRenderedOneInEveryFormat() {
        // Enough findings for several buffers of every format.
        var findings: [Finding] = []
        for n in 0..<1_500 {
            var f = ReportFixture.findings[n % ReportFixture.findings.count]
            f.span.start.line = n + 1
            f.span.end.line = n + 2
            findings.append(f)
        }
        var report = LintReport(findings: findings.sorted(), rules: ReportFixture.rules,
                                files: [ReportFixture.sheetA, ReportFixture.sheetB], root: ReportFixture.root, toolVersion: "0")
        report.gate = GateVerdict(failOn: .warning, maxWarnings: 1, reasons: [.maxWarnings(limit: 1, count: 750)])
        for format in ReportFormat.allCases {
            var chunks: [[UInt8]] = []
            var stream = ReportStream { chunks.append(Array($0)); return true }
            format.render(report, to: &stream)
            stream.finish()
            let rendered = format.render(report)
            XCTAssertGreaterThan(chunks.count, 1, "\(format)")
            XCTAssertEqual(chunks.joined().count, rendered.utf8.count, "\(format)")
            XCTAssertTrue(chunks.joined().elementsEqual(rendered.utf8), "\(format)")
            XCTAssertFalse(stream.failed)
        }
    }

    func testADestinationThatRefusesIsNotWrittenAgain() {
        var calls = 0
        let stream = ReportStream { _ in calls += 1; return false }
        for _ in 0..<3 { stream.write(String(repeating: "x", count: ReportStream.bufferSize)) }
        stream.finish()
        XCTAssertTrue(stream.failed)
        XCTAssertEqual(calls, 1)
    }
}
