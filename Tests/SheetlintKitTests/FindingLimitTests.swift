import SheetModel
import SheetRules
import SheetlintKit
import XCTest

/// `ResourceLimits.maxFindingsPerFile` at and past the limit.
final class FindingLimitTests: XCTestCase {
    private func findings(_ n: Int) -> [Finding] {
        (0..<n).reversed().map { i in
            Finding(ruleId: "r", severity: .warning, message: "m\(i)", messageEn: "m\(i)",
                    span: SourceSpan(file: "s.md", line: i + 1, startColumn: 1, endColumn: 2), path: "")
        }
    }

    func testFindingsPerFileAtAndPastTheLimit() {
        let limit = ResourceLimits.maxFindingsPerFile
        let (at, atNotice) = Sheetlint.capped(findings(limit), file: "s.md")
        XCTAssertEqual(at.count, limit)
        XCTAssertNil(atNotice)
        let (past, pastNotice) = Sheetlint.capped(findings(limit + 1), file: "s.md")
        XCTAssertEqual(past.count, limit)
        XCTAssertEqual(past.first?.span.start.line, 1, "the first findings in output order are kept")
        XCTAssertEqual(past.last?.span.start.line, limit)
        XCTAssertEqual(pastNotice?.messageEn,
                       "s.md: more than \(limit) findings; only the first \(limit) are reported (\(limit + 1) counted; the limit per file)")
    }
}
