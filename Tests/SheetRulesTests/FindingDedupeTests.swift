import SheetModel
@testable import SheetRules
import XCTest

/// One problem reached through nested fields is reported once, at the innermost span.
final class FindingDedupeTests: XCTestCase {
    private func finding(_ path: String, _ start: Int, _ end: Int, message: String = "m") -> Finding {
        Finding(ruleId: "era-year-mismatch", severity: .error, message: message, messageEn: message,
                span: SourceSpan(file: "f.md", line: 3, startColumn: start, endColumn: end), path: path)
    }

    func testNestedSameMessageKeepsInnermost() {
        let outer = finding("midTermGoals[1].schedule.items[1].text", 10, 40)
        let inner = finding("midTermGoals[1].schedule.items[1].schedule[0].timing", 20, 40)
        XCTAssertEqual(RuleEngine.dedupe([outer, inner]), [inner])
    }

    func testDifferentMessagesOrDisjointSpansAreKept() {
        let a = finding("a", 10, 40, message: "令和6年度")
        let b = finding("b", 20, 30, message: "令和7年度")
        let c = finding("c", 50, 60, message: "令和6年度")
        XCTAssertEqual(Set(RuleEngine.dedupe([a, b, c])), Set([a, b, c]))
    }
}
