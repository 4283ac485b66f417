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

    /// `RuleEngine.dedupe` as it was: a finding is dropped when another lies inside its
    /// span (a strictly smaller span, or the same span deeper in the model).
    static func pairwise(_ findings: [Finding]) -> [Finding] {
        findings.indices.filter { o in
            !findings.indices.contains { i in
                let (outer, inner) = (findings[o], findings[i])
                return i != o && outer.span.start <= inner.span.start && inner.span.end <= outer.span.end
                    && (inner.span.start != outer.span.start || inner.span.end != outer.span.end
                        || inner.path.count > outer.path.count)
            }
        }.map { findings[$0] }
    }

    /// Issue #8, defect 5: the pairwise comparison was quadratic, and a table row of 32k
    /// identical items took 14.8 s. The sorted sweep must keep exactly what it kept.
    func testSweepKeepsWhatThePairwiseComparisonKept() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let findings = (0..<Int.random(in: 2...30, using: &generator)).map { _ in
                let start = Int.random(in: 1...8, using: &generator)
                return finding(String(repeating: "p", count: Int.random(in: 1...3, using: &generator)),
                               start, start + Int.random(in: 0...4, using: &generator))
            }
            let pairwise = Self.pairwise(findings)
            XCTAssertEqual(RuleEngine.dedupe(findings), pairwise, "\(findings.map { ($0.span.start.column, $0.span.end.column, $0.path) })")
        }
    }

    func testManyIdenticalFindingsDedupeInLinearithmicTime() {
        // 50,000 findings of one message on distinct spans: pairwise this is 2.5e9 comparisons.
        let findings = (0..<50_000).map { finding("p", $0 * 2 + 1, $0 * 2 + 2) }
        XCTAssertEqual(RuleEngine.dedupe(findings).count, 50_000)
    }
}
