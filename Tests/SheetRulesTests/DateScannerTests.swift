import Foundation
import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// `DateScanner` stands in for the expressions of the `date` and `era-year` checks only if
/// it finds exactly what ICU finds: the same matches, in the same order, with the same group
/// ranges. Compared here on every text of the fixtures and the real sheet (as written and
/// normalized), on random texts built from the characters the expressions care about and
/// their look-alikes, and its character classes on every code point.
final class DateScannerTests: XCTestCase {
    typealias Scan = (DateScanner) -> ([UInt16]) -> [[Range<Int>?]]

    /// Every expression with the scanner function that stands in for it, for `eras`.
    private func expressions(_ eras: Eras) throws -> [(String, TextPattern, Scan)] {
        let era = EraYearCheck.sources(eras)
        return [
            ("eraZero", try TextPattern(DateCheck.eraZeroSource(eras)), DateScanner.eraZero),
            ("yearMonthDay", DateCheck.yearMonthDay, DateScanner.yearMonthDay),
            ("monthDay", DateCheck.monthDay, DateScanner.monthDay),
            ("slashMonthDay", DateCheck.slashMonthDay, DateScanner.slashMonthDay),
            ("month", DateCheck.month, DateScanner.month),
            ("eraFirst", try TextPattern(era.eraFirst), DateScanner.eraFirst),
            ("westernFirst", try TextPattern(era.westernFirst), DateScanner.westernFirst),
        ]
    }

    private func engine(_ pattern: TextPattern, _ text: String) throws -> [[Range<Int>?]] {
        let (found, stop) = try pattern.regex.get().matches(Array(text.utf16), upTo: .max, budget: nil)
        XCTAssertNil(stop)
        return found
    }

    private func compare(_ texts: [String], eras: Eras, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let scanner = try XCTUnwrap(DateScanner(eras: eras.list.map(\.name)))
        var matched = 0
        for (name, pattern, scan) in try expressions(eras) {
            for text in texts {
                let expected = try engine(pattern, text)
                matched += expected.count
                // The scanner itself stands in for the engine on texts within the BMP.
                guard !MatchText(text).isBMP || scan(scanner)(Array(text.utf16)) == expected else {
                    XCTFail("\(name) differs on \(text.debugDescription): engine \(expected), scanner \(scan(scanner)(Array(text.utf16)))",
                            file: file, line: line)
                    return matched
                }
                // With the prefilters the checks use (a digit, the required characters).
                XCTAssertEqual(scanner.matches(pattern, scan, in: MatchText(text), budget: nil), expected, "\(name) on \(text.debugDescription)",
                               file: file, line: line)
            }
        }
        return matched
    }

    func testSameMatchesOnEveryTextOfTheFixturesAndTheRealSheet() throws {
        var texts = Set<String>()
        for sheet in try SelectorEquivalenceTests.sheets() + realSheet() {
            for m in try Selector("**").select(in: sheet.tree) {
                guard let t = m.node.text else { continue }
                texts.insert(t)
                texts.insert(TextNormalization.normalize(t))
            }
        }
        XCTAssertGreaterThan(texts.count, 300)
        let matched = try compare(texts.sorted(), eras: .standard)
        XCTAssertGreaterThan(matched, 20, "the texts hold dates and era years")
    }

    func testSameMatchesOnRandomTexts() throws {
        let pieces = ["0", "00", "1", "2", "4", "9", "12", "2023", "20231", "٣", "१२", "𝟎", "１", " ", "  ", "\u{3000}", "\t", "\u{2003}",
                      "\n", "月", "年", "日", "度", "元", "令和", "平成", "令", "和", "/", ".", "(", ")", "（", "a", "あ", "・", "-",
                      "~", "😀", "〇", "①"]
        var rng = SplitMix(seed: 20261126)
        var texts: [String] = []
        for _ in 0..<20000 {
            let count = Int(rng.next() % 14)
            texts.append((0..<count).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        // Well-formed dates and era pairs with spaces and digits around them.
        texts += ["令和6年度(2025年度)", "令和 元 年度 ( 2019 年度 )", "2022年(令和4年)", "12022年度（令和4年度）", "令和00年", "平成 0 年",
                  "2023/2/29", "12023/2/29", "2023 年 4 月 31", "2023/4/31/", "2023/4/311", "4月31日", "14月31日", "4 月 3 1 日",
                  "4/31", "4/31/", "/4/31", "13月", "13月1日", "1.13月", "3月 12日", "3月 123日", "123月", "令和4年(2022年)令和5年(2023年)"]
        let matched = try compare(texts, eras: .standard)
        XCTAssertGreaterThan(matched, 500)
    }

    func testOtherErasAndNamesTheScannerLeavesToTheEngine() throws {
        let eras = Eras(list: [("明治", 1868), ("大正", 1912), ("昭和", 1926)])
        _ = try compare(["明治0年", "昭和 00 年", "大正元年(1912年)", "1926年(昭和元年)", "昭和64年(1989年)", "明治和0年"], eras: eras)
        XCTAssertNil(DateScanner(eras: []))
        XCTAssertNil(DateScanner(eras: ["令和", "令"]), "one name a prefix of another")
        XCTAssertNil(DateScanner(eras: ["令和|平成"]))
        XCTAssertNil(DateScanner(eras: ["R.", "H"]))
        XCTAssertNil(DateScanner(eras: ["R 1"]))
        XCTAssertNotNil(DateScanner(eras: ["令和", "平成"]))
    }

    /// `isDigit` and `isSpace` are ICU's `\d` and `\s` on every code point of the BMP (the
    /// scanner reads no other), no code point of U+3000–U+9FFF (skipped undecoded by
    /// `MatchText.mayHoldDigit`) is a digit, and `mayHoldDigit` is true for every text
    /// holding a code point ICU calls a digit.
    func testCharacterClassesAgreeWithTheEngineOnEveryCodePoint() throws {
        let digit = try TextPattern("\\d").regex.get(), space = try TextPattern("\\s").regex.get()
        var scalars = (0...0x10FFFF).compactMap { Unicode.Scalar(UInt32($0)) }[...]
        var digitCount = 0
        while !scalars.isEmpty {
            let chunk = scalars.prefix(4096)
            scalars = scalars.dropFirst(4096)
            let text = String(String.UnicodeScalarView(chunk))
            let units = Array(text.utf16)
            var digits = Set<Int>(), spaces = Set<Int>()
            for m in digit.matches(units, upTo: .max, budget: nil).0 { digits.insert(m[0]!.lowerBound) }
            for m in space.matches(units, upTo: .max, budget: nil).0 { spaces.insert(m[0]!.lowerBound) }
            var offset = 0
            for s in chunk {
                let isDigit = digits.contains(offset)
                digitCount += isDigit ? 1 : 0
                if s.value <= 0xFFFF {
                    guard DateScanner.isDigit(s.value) == isDigit, DateScanner.isSpace(s.value) == spaces.contains(offset) else {
                        return XCTFail(String(format: "U+%04X: \\d %@, \\s %@", s.value, "\(isDigit)", "\(spaces.contains(offset))"))
                    }
                }
                if isDigit && !MatchText.mayHoldDigit("あ\(s)x") { return XCTFail(String(format: "mayHoldDigit on U+%04X", s.value)) }
                if (0x3000...0x9FFF).contains(s.value) { XCTAssertFalse(isDigit) }
                offset += s.utf16.count
            }
        }
        XCTAssertGreaterThan(digitCount, 600)
        XCTAssertFalse(MatchText.mayHoldDigit("令和元年度・取組み（ア）"))
    }

    private func realSheet() -> [Sheet] {
        let url = SelectorEquivalenceTests.repo.deletingLastPathComponent()
            .appendingPathComponent("shared/fixtures/real/toyonaka-r4-toshikeiei.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return [MarkdownSheetReader.read(text: text, file: "real.md")]
    }
}

/// A small seeded generator, so a failing random text can be found again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
