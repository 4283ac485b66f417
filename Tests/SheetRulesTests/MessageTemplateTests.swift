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

    /// Templates are read on UTF-8 bytes unless a delimiter could be part of a larger
    /// character; either way the pieces and errors are those of the reading by characters.
    func testReadingOnBytesGivesThePiecesOfReadingByCharacters() throws {
        var templates: [String] = []
        for rule in RuleSet.loadDefault().rules { templates += [rule.message.source, rule.messageEn.source] }
        XCTAssertGreaterThan(templates.count, 60)
        for t in templates {
            XCTAssertNotNil(try MessageTemplate.piecesOnScalars(t), "a built-in template left to the slow reading: \(t)")
        }
        let parts = ["[[", "]]", "[", "]", "{", "}", "{a}", "x", "の", "（", "）", "\u{301}", "\u{3099}", "\u{FF9E}", "\u{200D}",
                     "\u{600}", "\u{903}", "é", "\r", "\n", "\r\n", "🇯🇵", "👍🏽", "\u{302A}", "ｶ", "\u{E0100}", " ", "}}", "{{"]
        var generator = SystemRandomNumberGenerator()
        var samples = templates + ["", "{", "[[", "]]", "{\u{301}a}", "[\u{301}[x]]", "[[a]\u{301}]", "{a}\u{301}",
                                   "\u{600}{a}", "[[{a}\u{3099}]]", "の{a}の", "（[[{b}]]）"]
        for _ in 0..<5000 {
            samples.append((0..<Int.random(in: 1...8, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined())
        }
        var fast = 0
        for t in samples {
            let slow = Result<[MessageTemplate.Piece], SelectorError> { () throws(SelectorError) in
                try MessageTemplate.piecesOnCharacters(t)
            }
            let quick = Result<[MessageTemplate.Piece]?, SelectorError> { () throws(SelectorError) in
                try MessageTemplate.piecesOnScalars(t)
            }
            if case .success(nil) = quick { continue }
            fast += 1
            switch (quick, slow) {
            case (.success(let a?), .success(let b)): XCTAssertEqual(a, b, t.debugDescription)
            case (.failure(let a), .failure(let b)): XCTAssertEqual(a.messageEn, b.messageEn, t.debugDescription)
            default: XCTFail("one reading throws, the other does not: \(t.debugDescription)")
            }
        }
        XCTAssertGreaterThan(fast, 1000)
    }
}
