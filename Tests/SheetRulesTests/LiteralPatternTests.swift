@testable import SheetRules
import XCTest

/// Expressions read as plain text are found exactly as ICU finds them.
final class LiteralPatternTests: XCTestCase {
    func testWhatCountsAsPlainText() {
        for source in ["取組み", "～", "〜", "~", "子供", "随時", "通年", "[（）]", "[()]", "abc-1:2", "[〜～~]"] {
            XCTAssertNotNil(LiteralPattern(source), source)
        }
        for source in ["", "[]", "a|b", "a.b", "a*", "a+", "a?", "^a", "a$", "(a)", "\\(", "[^a]", "[a-c]", "[[a]]", "[:alpha:]",
                       "a{2}", "\\d", "(?i)a", "a b", "a\u{3000}b", "a#b", "[a&b]", "😀", "a\u{200B}b", "取組(?!み)"] {
            XCTAssertNil(LiteralPattern(source), source)
        }
    }

    func testSameMatchesAsTheEngineOnRandomTexts() throws {
        let sources = ["取組み", "～", "~", "子供", "[（）]", "[()]", "aa", "aba", "-", "[〜～~]"]
        let pieces = ["取", "組", "み", "取組み", "取組", "～", "〜", "~", "子", "供", "子供", "（", "）", "(", ")", "a", "b", "aa", "ab",
                      "-", " ", "😀", "あ"]
        var rng = SplitMix(seed: 42)
        for source in sources {
            let pattern = try TextPattern(source)
            XCTAssertNotNil(LiteralPattern(source))
            for _ in 0..<3000 {
                let text = (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
                let engine = try pattern.regex.get().matches(Array(text.utf16), upTo: .max, budget: nil).0
                XCTAssertEqual(pattern.matchRanges(in: MatchText(text)), engine, "/\(source)/ on \(text.debugDescription)")
                XCTAssertEqual(pattern.firstRange(in: MatchText(text)), engine.first?.first ?? nil)
            }
        }
    }
}
