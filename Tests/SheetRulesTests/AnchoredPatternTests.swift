@testable import SheetRules
import XCTest

/// `AnchoredPattern` stands in for ICU on the anchored, deterministic expressions of codes
/// and numbers only if it finds exactly what ICU finds: the same match, with the same
/// groups, or none. Compared here on the built-in expressions of that form and on random
/// expressions of its grammar, over random texts of digits (ASCII, full-width, other
/// scripts, beyond the BMP), circled numbers, dashes, brackets and line terminators.
final class AnchoredPatternTests: XCTestCase {
    private func engine(_ source: String, _ units: [UInt16]) throws -> [[Range<Int>?]] {
        let (found, stop) = try TextPattern(source).regex.get().matches(units, upTo: .max, budget: nil)
        XCTAssertNil(stop)
        return found
    }

    func testWhichExpressionsAreRead() {
        for source in ["^\\d+-\\d+-[①-⑳]$", "^(?<chapter>\\d+)-(?<measure>\\d+)-(?<direction>[①-⑳])$", "^(?<number>\\d+)$", "^0+$",
                       "^(\\d+)-(\\d+)-(\\d{1,2})$", "^(\\d+)-(\\d+)-\\((\\d{1,2})\\)$", "^[A-Z]{2}\\d{3,}$", "^x?\\d$", "^0(-0){0,2}$", "^(?:ab)+$"] {
            XCTAssertNotNil(AnchoredPattern(source), source)
        }
        for source in ["^(a+)?$", "^(a(b))*c$", "^(-0){0,2}-$", "^.{1,3}$", "^a|b$", "^(a|b)$", "^\\d+\\d$", "^\\d+?$", "^\\d++$", "^[^a]$", "^a*$", "^$",
                       "\\d+", "^\\d+", "^(?i)a$", "^\\s+$", "^[\\n]$", "^a b$", "^(a$", "^a)$", "^\\w$", "^[a-]$", "^[b-a]$",
                       "^\\d*0$", "^a?a$", "^[&]$", "^[[a]]$", "^a{2,1}$", "^a{x}$", "^(?=a)a$", "^\\1a$", "^😀$"] {
            XCTAssertNil(AnchoredPattern(source), source)
        }
    }

    /// Group numbers by name, as ICU gives them.
    func testGroupNumbersByName() throws {
        for source in ["^(?<chapter>\\d+)-(?<measure>\\d+)-(?<direction>[①-⑳])$", "^(?<number>\\d+)$", "^(a)(?<x>b)(?:c)(?<y2>d)(?<z>e)?$"] {
            let anchored = try XCTUnwrap(AnchoredPattern(source), source)
            let regex = try TextPattern(source).regex.get()
            for name in ["chapter", "measure", "direction", "number", "x", "y2", "z", "nothing"] {
                XCTAssertEqual(anchored.names[name], regex.groupNumber(name), "\(source) \(name)")
            }
        }
        XCTAssertNil(AnchoredPattern("^(?<a>1)(?<a>2)$"), "a name given twice")
    }

    private let pieces = ["0", "1", "9", "12", "٣", "१", "１", "０", "-", "－", "①", "⑳", "㉑", "(", ")", "a", "b", "x", "A", "\n", "\r",
                          "\r\n", "\u{0B}", "\u{2028}", "\u{85}", " ", "😀", "𝟘", "/"]

    private func randomTexts(_ count: Int, _ rng: inout SplitMix) -> [String] {
        (0..<count).map { _ in (0..<Int(rng.next() % 9)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined() }
    }

    func testBuiltInExpressionsAgreeWithTheEngine() throws {
        var rng = SplitMix(seed: 3)
        let texts = randomTexts(4000, &rng) + ["5-2-①", "５－２－①", "0-0-0", "70", "0", "00", "5-2-1", "5-2-(1)", "5-2-①\n", "5-2-①\r\n",
                                               "5-2-①\n\n", "70\u{2028}", "\n", "1\r", "١٢", "5-2-①😀", "𝟘", "7𝟘"]
        for source in ["^\\d+-\\d+-[①-⑳]$", "^(?<chapter>\\d+)-(?<measure>\\d+)-(?<direction>[①-⑳])$", "^(?<number>\\d+)$", "^0+$",
                       "^(\\d+)-(\\d+)-(\\d{1,2})$", "^(\\d+)-(\\d+)-\\((\\d{1,2})\\)$", "^0(-0){0,2}$"] {
            let anchored = try XCTUnwrap(AnchoredPattern(source))
            for text in texts {
                let units = Array(text.utf16)
                let expected = try engine(source, units)
                if let found = anchored.matches(units) {
                    guard found == expected else { return XCTFail("/\(source)/ on \(text.debugDescription): \(found) vs \(expected)") }
                } else {
                    // Left to the engine only for texts beyond the BMP.
                    XCTAssertFalse(MatchText(text).isBMP, "/\(source)/ on \(text.debugDescription)")
                }
                // And through `TextPattern`, as the checks call it.
                XCTAssertEqual(try TextPattern(source).matchRanges(in: MatchText(text)), expected)
            }
        }
    }

    func testRandomExpressionsOfTheGrammarAgreeWithTheEngine() throws {
        var rng = SplitMix(seed: 17)
        let atoms = ["\\d", "0", "1", "-", "a", "x", "[①-⑳]", "[0-9]", "[a-c]", "[ax]", "\\(", "\\)", "\\-", "/", "[１-９]", "①"]
        let quantifiers = ["", "", "", "?", "*", "+", "{2}", "{1,2}", "{0,3}", "{2,}"]
        var read = 0, matched = 0, quantifiedGroups = 0
        for _ in 0..<3000 {
            var body = ""
            var groups = 0
            for _ in 0..<(1 + Int(rng.next() % 5)) {
                var piece = atoms[Int(rng.next() % UInt64(atoms.count))] + quantifiers[Int(rng.next() % UInt64(quantifiers.count))]
                switch rng.next() % 7 {
                case 0:
                    groups += 1
                    piece = "(\(piece))"
                case 1:
                    groups += 1
                    piece = "(?<g\(groups)>\(piece))"
                case 2: piece = "(?:\(piece))"
                case 3:
                    // A quantified group of single characters.
                    groups += 1
                    let body = (0..<(1 + Int(rng.next() % 2))).map { _ in atoms[Int(rng.next() % UInt64(atoms.count))] }.joined()
                    piece = "(\(body))" + ["?", "*", "+", "{0,2}", "{2}", "{1,}"][Int(rng.next() % 6)]
                default: break
                }
                body += piece
            }
            let source = "^\(body)$"
            guard let anchored = AnchoredPattern(source) else { continue }
            read += 1
            if ["){", ")?", ")*", ")+"].contains(where: source.contains) { quantifiedGroups += 1 }
            for text in randomTexts(60, &rng) + ["1", "11-", "a1", "(1)", "①", "x\n", "-\r\n", "00"] {
                let units = Array(text.utf16)
                let expected = try engine(source, units)
                matched += expected.count
                if let found = anchored.matches(units) {
                    guard found == expected else { return XCTFail("/\(source)/ on \(text.debugDescription): \(found) vs \(expected)") }
                }
            }
        }
        XCTAssertGreaterThan(read, 300)
        XCTAssertGreaterThan(quantifiedGroups, 50)
        XCTAssertGreaterThan(matched, 300)
    }

    /// Long texts go to the engine, so its step count (and the rule's budget) is as before.
    func testLongTextsAreLeftToTheEngine() throws {
        let anchored = try XCTUnwrap(AnchoredPattern("^\\d+$"))
        XCTAssertEqual(anchored.matches(Array(String(repeating: "1", count: AnchoredPattern.maxUnits).utf16))?.count, 1)
        XCTAssertNil(anchored.matches(Array(String(repeating: "1", count: AnchoredPattern.maxUnits + 1).utf16)))
        XCTAssertEqual(try TextPattern("^\\d+$").count(in: String(repeating: "1", count: 5000)), 1)
    }
}
