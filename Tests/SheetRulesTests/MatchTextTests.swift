@testable import SheetRules
import XCTest

/// The hand-written text conversions of the rule engine against the code they replaced.
final class MatchTextTests: XCTestCase {
    /// The former `normalize`: every scalar through `fold`.
    private func scalarNormalize(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map(TextNormalization.fold)))
    }

    private func samples() -> [String] {
        var texts = ["", "a", "５－２－①", "4月～5月", "（１）取組み", "\u{3000}x", "〜∼∾", "ｱｲｳ", "ー", "😀（😀）",
                     "e\u{301}（", "\u{FF5E}\u{FF5F}\u{FF00}", "‐‑‒–—―−﹣"]
        // Every scalar of the Basic Multilingual Plane (and a few beyond) alone, and between others.
        for v in Array(0..<0x10000) + [0x1F600, 0x20BB7, 0x10FFFF] {
            guard let s = Unicode.Scalar(v) else { continue }
            texts.append(String(s))
            texts.append("あ\(s)a\(s)")
        }
        return texts
    }

    func testNormalizeAgreesWithFoldingEveryScalar() {
        for t in samples() {
            let n = TextNormalization.normalize(t)
            guard n == scalarNormalize(t), Array(n.utf8) == Array(scalarNormalize(t).utf8) else {
                return XCTFail("differs on \(t.debugDescription)")
            }
            // Normalization neither makes nor removes a digit (`normalizedLeaves(withDigitsOnly:)`).
            XCTAssertEqual(MatchText.mayHoldDigit(t), MatchText.mayHoldDigit(n), t.debugDescription)
            // nil exactly when nothing folds.
            XCTAssertEqual(TextNormalization.normalizedIfChanged(t) == nil, n == t, t.debugDescription)
        }
    }

    func testTitleKeyAgreesWithTheFormerCode() {
        func former(_ text: String) -> String {
            var s = String(String.UnicodeScalarView(TextNormalization.normalize(text).unicodeScalars.filter {
                !TextNormalization.isWhitespace($0)
            }))
            while let last = s.last, last == "。" || last == "." || last == "｡" { s.removeLast() }
            return s
        }
        for t in samples() + ["多角的な連携に取り組みます。", " 公民学連携の推進 。", "a. .", "。。", "x。\u{3099}"] {
            guard TextNormalization.titleKey(t) == former(t) else { return XCTFail("differs on \(t.debugDescription)") }
        }
    }

    func testSubstringsAgreeWithTheStandardLibrary() {
        var texts = samples().filter { $0.unicodeScalars.count > 1 }
        texts += ["令和６年度（２０２５年度）😀x", "a😀b😀", "\u{10FFFF}z"]
        for t in texts {
            let text = MatchText(t)
            let units = Array(t.utf16)
            XCTAssertEqual(text.units, units)
            XCTAssertEqual(MatchText.utf16(t), units)
            XCTAssertEqual(text.isBMP, !t.unicodeScalars.contains { $0.value > 0xFFFF }, t.debugDescription)
            for range in [0..<units.count, 0..<(units.count / 2), (units.count / 2)..<units.count, 1..<units.count] {
                // Including ranges that split a surrogate pair: both give U+FFFD for the half.
                XCTAssertEqual(text.substring(range), String(decoding: units[range], as: UTF16.self), t.debugDescription)
            }
        }
    }

    /// A code point in the text always has its bit set; most others do not.
    func testScalarMaskNeverMissesACodePointOfTheText() {
        var absent = 0
        for t in samples() {
            let mask = ScalarMask(t)
            for s in t.unicodeScalars where !mask.mayContain(s.value) { return XCTFail("\(t.debugDescription) misses \(s)") }
            if !mask.mayContain(0x7D44) { absent += 1 }  // 組
        }
        XCTAssertGreaterThan(absent, 1000)
    }

    /// The mask read from the UTF-8 bytes without decoding them holds exactly the low 8 bits
    /// of the text's code points, as the mask made from decoded code points did.
    func testScalarMaskHoldsExactlyTheLowBitsOfTheCodePoints() {
        for t in samples() + ["", "a", "é", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}", "😀取組（）"] {
            let mask = ScalarMask(t)
            let low = Set(t.unicodeScalars.map { $0.value & 0xFF })
            let fromCodePoints = ScalarMask(codePoints: t.unicodeScalars.map(\.value))
            for v in UInt32(0)..<256 where mask.mayContain(v) != low.contains(v) || fromCodePoints.mayContain(v) != low.contains(v) {
                return XCTFail("\(t.debugDescription): bit \(v)")
            }
        }
    }

    func testDigitValues() {
        let text = MatchText("12月٣月१२月x2023")
        XCTAssertEqual(text.digitsValue(0..<2), 12)
        XCTAssertEqual(text.digitsValue(3..<4), 3, "ARABIC-INDIC DIGIT THREE")
        XCTAssertEqual(text.digitsValue(5..<7), 12, "DEVANAGARI ONE TWO")
        XCTAssertNil(text.digitsValue(7..<9), "月 is not a digit")
        XCTAssertEqual(text.digitsValue(9..<13), 2023)
        XCTAssertNil(text.digitsValue(9..<9))
    }
}
