import Foundation
@testable import SheetRules
import XCTest

/// `RuleFileParser.isRuleId` replaced a regular expression compiled for every rule at load
/// (`^[a-z0-9]+(-[a-z0-9]+)*$` with NSRegularExpression): it must accept exactly what that
/// expression accepted, including ICU's `$` before one line terminator ending the text.
final class RuleIdCheckTests: XCTestCase {
    func testAcceptsExactlyWhatTheFormerExpressionAccepted() {
        var cases = ["", "a", "z9", "plan-code-placeholder", "a-b-c", "-a", "a-", "a--b", "A", "a_b", "a b", "a.b",
                     "ａ", "é", "a-1-2-x", "0", "-", "--", "日本", "a\u{301}", "a-\u{0}", "kebab-Case"]
        let terminators = ["\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\n\n", "\r\r", "\n\r", "\t", " "]
        for base in ["abc", "a-b", "", "-", "a-"] {
            for t in terminators { cases += [base + t, t + base] }
        }
        // Every pair of characters from a small alphabet with the boundaries that matter.
        let alphabet = ["a", "m", "z", "0", "9", "-", "A", "_", "\n", "/", "`", "{", ":", "@"]
        for x in alphabet { for y in alphabet { cases += [x + y, x + y + "a", "a" + x + y] } }
        let former = try! NSRegularExpression(pattern: "^[a-z0-9]+(-[a-z0-9]+)*$")
        for id in cases {
            let expected = former.firstMatch(in: id, range: NSRange(id.startIndex..., in: id)) != nil
            XCTAssertEqual(RuleFileParser.isRuleId(id), expected, id.debugDescription)
        }
    }
}
