import Foundation
import SheetModel
import SheetReading
import SheetRules
import XCTest

/// The acceptance expectation on the real published sheet, when `../shared` is present:
/// exactly the errors and warnings listed in its expected file, and no other.
final class RealSheetTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let real = repo.deletingLastPathComponent().appendingPathComponent("shared/fixtures/real/toyonaka-r4-toshikeiei.md")

    func testRealSheetGivesExactlyTheExpectedErrorsAndWarnings() throws {
        guard let text = try? String(contentsOf: Self.real, encoding: .utf8) else {
            throw XCTSkip("../shared/fixtures/real is not present")
        }
        let sheet = MarkdownSheetReader.read(text: text, file: "toyonaka-r4-toshikeiei.md")
        let findings = RuleEngine.evaluate(RuleSet.loadDefault(), on: sheet).filter { $0.severity != .info }
        let got = findings.map { "\($0.ruleId)@\($0.span.start.line)" }
        // plan-item-without-direction may point at the goal's first row (66) or the plan row (67).
        let expected = ["policy-placeholder@27", "plan-code-placeholder@51", "policy-placeholder@91",
                        "plan-code-placeholder@104", "plan-item-without-schedule@50"]
        XCTAssertEqual(Set(got.filter { !$0.hasPrefix("plan-item-without-direction") }), Set(expected),
                       findings.map { "\($0.ruleId)@\($0.span.start.line) \($0.path) \($0.message)" }.joined(separator: "\n"))
        let direction = got.filter { $0.hasPrefix("plan-item-without-direction") }
        XCTAssertEqual(direction.count, 1)
        XCTAssertTrue(["plan-item-without-direction@66", "plan-item-without-direction@67"].contains(direction.first ?? ""),
                      "\(direction)")
        XCTAssertEqual(findings.count, 6)
    }
}
