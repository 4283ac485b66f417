@testable import SheetRules
import XCTest

/// Message templates: `{name}` placeholders and `[[…]]` parts kept only when their
/// placeholders have values; errors for an unclosed `{` or `[[`.
final class MessageTemplateTests: XCTestCase {
    func testPiecesAndRendering() throws {
        let t = try MessageTemplate("{section} No.{goal}: 「{written}」[[（候補: {suggestion}）]]です。]]")
        XCTAssertEqual(t.pieces, [
            .placeholder("section"), .text(" No."), .placeholder("goal"), .text(": 「"), .placeholder("written"),
            .text("」"), .optional([.text("（候補: "), .placeholder("suggestion"), .text("）")]), .text("です。]]"),
        ])
        XCTAssertEqual(t.render(["section": "当年度", "goal": "1", "written": "0"]), "当年度 No.1: 「0」です。]]")
        XCTAssertEqual(t.render(["section": "S", "goal": "2", "written": "x", "suggestion": "5-1-①"]),
                       "S No.2: 「x」（候補: 5-1-①）です。]]")
        XCTAssertEqual(try MessageTemplate("[[a[[{b}]]c]]{d}").pieces,
                       [.optional([.text("a"), .optional([.placeholder("b")]), .text("c")]), .placeholder("d")])
        XCTAssertEqual(try MessageTemplate("").pieces, [])
        XCTAssertEqual(try MessageTemplate("}]] [x] {}").pieces, [.text("}]] [x] "), .placeholder("")])
        XCTAssertThrowsError(try MessageTemplate("a {b"))
        XCTAssertThrowsError(try MessageTemplate("a [[b"))
    }
}
