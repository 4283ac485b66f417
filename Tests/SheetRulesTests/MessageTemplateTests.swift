import Foundation
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

/// `TextNormalization.trimmingSpaces` removes what Foundation's
/// `trimmingCharacters(in: .whitespaces)` removes.
final class TrimmingSpacesTests: XCTestCase {
    func testAgreesWithFoundation() {
        let texts = ["", " ", "\t a b \t", "\u{3000}5-2-①\u{3000}", "\u{00A0}x\u{2009}", "x\n", "\n x \n", " \u{301}a ",
                     "都市経営部", " 70", "70 ", "\u{200B}x\u{200B}", "\u{FEFF}x", "a\u{1680}", "\u{202F}b\u{205F}"]
        var all = texts
        // Every scalar of the Basic Multilingual Plane alone and around a letter.
        for v in 0..<0x10000 {
            guard let s = Unicode.Scalar(v) else { continue }
            all.append(String(s))
            all.append("\(s)a\(s)")
        }
        for t in all {
            guard TextNormalization.trimmingSpaces(t) == t.trimmingCharacters(in: .whitespaces) else {
                return XCTFail("differs on \(t.debugDescription)")
            }
        }
    }
}
