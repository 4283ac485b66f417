import Foundation
import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// The `era-year` and `date` checks pass over texts before normalizing them (`DateFacts`,
/// `EraNameBytes`), scan only the expressions a text can match, and read numbers from the
/// units. Pinned here against the code they replaced, kept below as the reference: every
/// text normalized, every expression run by the engine (ICU), numbers read through
/// `Int(String)`. Compared on every text of the fixtures and the real sheet and on random
/// texts of the characters the expressions care about, their look-alikes (full-width forms,
/// other decimal digits, characters beyond the BMP) and dates of every form.
final class DateChecksEquivalenceTests: XCTestCase {
    // MARK: The facts

    private func samples() throws -> [String] {
        var texts = ["", "a", "令和６年度（２０２５年度）", "2023／4／31", "4月", "年", "（）", "()", "😀", "٣", "Ｈ31"]
        for v in Array(0..<0x10000) + [0x1D7CE, 0x11DE0, 0x1F600, 0x10FFFF] {
            guard let s = Unicode.Scalar(v) else { continue }
            texts.append(String(s))
            texts.append("あ\(s)a\(s)")
        }
        return texts + (try fixtureTexts())
    }

    func testDateFactsAreThoseOfTheNormalizedText() throws {
        for t in try samples() {
            let facts = DateFacts(t)
            let normalized = Array(TextNormalization.normalize(t).utf16)
            func holds(_ c: Character) -> Bool { normalized.contains(c.utf16.first!) }
            XCTAssertTrue(facts.contains(.known))
            guard facts.contains(.digit) == MatchText.mayHoldDigit(t),
                  facts.contains(.beyondBMP) == !MatchText(t).isBMP,
                  facts.contains(.slash) == holds("/"), facts.contains(.month) == holds("月"), facts.contains(.year) == holds("年"),
                  facts.contains(.open) == holds("("), facts.contains(.close) == holds(")") else {
                return XCTFail("facts of \(t.debugDescription): \(facts.rawValue)")
            }
        }
    }

    func testEraNamesAreFoundInTheWrittenTextWhenTheyAreInTheNormalizedOne() throws {
        XCTAssertNil(EraNameBytes(["Ｈ"]), "a name normalization folds")
        XCTAssertNil(EraNameBytes(["H"]), "a name of ASCII, which full-width letters fold to")
        XCTAssertNil(EraNameBytes([]))
        let names = ["令和", "平成", "ｱ"]
        let bytes = try XCTUnwrap(EraNameBytes(names))
        func contains(_ text: [UInt16], _ name: [UInt16]) -> Bool {
            guard text.count >= name.count else { return false }
            return (0...(text.count - name.count)).contains { text[$0..<($0 + name.count)].elementsEqual(name) }
        }
        for t in try samples() + ["令和", "x令和", "令 和", "平成令", "ｱ", "ｱｱ", "令和\u{3000}"] {
            let normalized = Array(TextNormalization.normalize(t).utf16)
            let expected = names.contains { contains(normalized, Array($0.utf16)) }
            guard bytes.occur(in: t) == expected else { return XCTFail(t.debugDescription) }
        }
    }

    // MARK: The checks against the engine

    /// The findings of `kind` on one sheet holding each text as an item, as `line:message`.
    private func findings(_ kind: String, _ texts: [String], options: String? = nil, message: String) throws -> [String] {
        var yaml = "mission:\n"
        for (i, t) in texts.enumerated() { yaml += "  - {number: \(i + 1), text: \(Self.quoted(t))}\n" }
        let found = try Support.findings(selector: "**", kind: kind, options: options, message: message, sheet: yaml)
        return found.map { "\($0.span.start.line):\($0.message)" }.sorted()
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s.value {
            case 0x20...0x7E where s != "\"" && s != "\\": out.unicodeScalars.append(s)
            case 0x10000...: out += String(format: "\\U%08X", s.value)
            default: out += String(format: "\\u%04X", s.value)
            }
        }
        return out + "\""
    }

    /// The former `era-year`: every text normalized, both expressions by the engine.
    private func referenceEra(_ texts: [String], _ eras: Eras) throws -> [String] {
        let sources = EraYearCheck.sources(eras)
        let (eraFirst, westernFirst) = (try TextPattern(sources.eraFirst), try TextPattern(sources.westernFirst))
        var out = Set<String>()
        for (i, t) in texts.enumerated() where !t.isEmpty {
            let written = MatchText(t), text = MatchText(TextNormalization.normalize(t))
            let a = eraFirst.matchRanges(in: text).map { ($0[0], $0[1], $0[2], $0[3]) }
            let b = westernFirst.matchRanges(in: text).map { ($0[0], $0[2], $0[3], $0[1]) }
            for (whole, era, n, western) in a + b {
                guard let era, let n, let western, let year = Int(text.substring(western)) else { continue }
                let eraName = text.substring(era), eraYear = text.substring(n)
                guard let expected = eras.western(eraName, eraYear), expected != year, eraYear != "0" else { continue }
                out.insert("\(i + 2):\(whole.map { writtenMatch($0, text, written) } ?? "")=\(expected)")
            }
        }
        return out.sorted()
    }

    /// The former `date`: every text normalized, the five expressions by the engine.
    private func referenceDate(_ texts: [String], _ eras: Eras) throws -> [String] {
        let eraZero = try TextPattern(DateCheck.eraZeroSource(eras))
        let engine = { (source: String) in try TextPattern(source) }
        let yearMonthDay = try engine(DateCheck.yearMonthDay.source), monthDay = try engine(DateCheck.monthDay.source)
        let slashMonthDay = try engine(DateCheck.slashMonthDay.source), month = try engine(DateCheck.month.source)
        var out = Set<String>()
        for (i, t) in texts.enumerated() where !t.isEmpty {
            let written = MatchText(t), text = MatchText(TextNormalization.normalize(t))
            var found: [(Range<Int>, String)] = []
            func value(_ group: Range<Int>?) -> Int? { group.flatMap(text.digitsValue) }
            for m in eraZero.matchRanges(in: text) {
                guard let whole = m[0] else { continue }
                found.append((whole, "元号の0年はありません（初年は元年）"))
            }
            for m in yearMonthDay.matchRanges(in: text) {
                guard let whole = m[0], let mo = value(m[2]), let day = value(m[3]) else { continue }
                let year = m[1].flatMap { Int(text.substring($0)) }
                if let p = DateCheck.problem(month: mo, day: day, year: year) { found.append((whole, p.0)) }
            }
            for pattern in [monthDay, slashMonthDay] {
                for m in pattern.matchRanges(in: text) {
                    guard let whole = m[0], let mo = value(m[1]), let day = value(m[2]) else { continue }
                    if let p = DateCheck.problem(month: mo, day: day, year: nil) { found.append((whole, p.0)) }
                }
            }
            for m in month.matchRanges(in: text) {
                guard let whole = m[0], let mo = value(m[1]) else { continue }
                if let p = DateCheck.problem(month: mo, day: nil, year: nil) { found.append((whole, p.0)) }
            }
            var reasons = Set<String>()
            for (range, reason) in found where reasons.insert(reason).inserted {
                out.insert("\(i + 2):\(writtenMatch(range, text, written))|\(reason)")
            }
        }
        return out.sorted()
    }

    private func compare(_ texts: [String], eras: Eras = .standard, options: String? = nil,
                         file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let era = try findings("era-year", texts, options: options, message: "{match}={expected}")
        XCTAssertEqual(Array(Set(era)).sorted(), try referenceEra(texts, eras), "era-year", file: file, line: line)
        let date = try findings("date", texts, options: options, message: "{match}|{reason}")
        XCTAssertEqual(Array(Set(date)).sorted(), try referenceDate(texts, eras), "date", file: file, line: line)
        return era.count + date.count
    }

    private func fixtureTexts() throws -> [String] {
        var texts = Set<String>()
        for sheet in try SelectorEquivalenceTests.sheets() + realSheet() {
            for m in try Selector("**").select(in: sheet.tree) {
                if let t = m.text { texts.insert(t) }
            }
        }
        return texts.sorted()
    }

    func testSameFindingsOnEveryTextOfTheFixturesAndTheRealSheet() throws {
        let texts = try fixtureTexts()
        XCTAssertGreaterThan(texts.count, 300)
        XCTAssertGreaterThanOrEqual(try compare(texts), 2, "the fixtures hold wrong dates and era years")
    }

    func testSameFindingsOnRandomTexts() throws {
        let pieces = ["0", "00", "1", "2", "4", "9", "12", "13", "29", "30", "31", "2019", "2023", "2024", "20231", "٣", "१२", "𝟎",
                      "１", "２", "０", "３１", " ", "\u{3000}", "\t", "\n", "月", "年", "日", "度", "元", "令和", "平成", "令", "和",
                      "/", "／", ".", "(", ")", "（", "）", "a", "あ", "・", "-", "~", "😀", "〇", "①", "Ｈ"]
        var rng = SplitMix(seed: 20261127)
        var texts: [String] = []
        for _ in 0..<3000 {
            let count = Int(rng.next() % 16)
            texts.append((0..<count).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        // Era years across era boundaries, in both orders, in full width and with spaces;
        // dates of every form.
        texts += ["平成31年(2019年)", "令和元年(2019年)", "平成30年度(2018年度)", "平成元年(1989年)", "平成元年(1988年)", "令和元年（２０２０年）",
                  "２０１９年（平成３１年）", "2019年(令和元年)", "2018年度（令和元年度）", "令和 ５ 年 度 （ ２０２３ 年 度 ）", "令和00年(2018年)",
                  "令和٣年(2021年)", "令和3年(٢٠٢١年)", "令和4年(2022年)😀令和6年(2025年)", "😀平成0年", "令和0年度", "令和　0　年",
                  "2023/2/29", "2024/2/29", "2100/2/29", "2000/2/29", "２０２３／２／２９", "2023年2月29日", "2023 年 4 月 31 日",
                  "4月31日", "４月３１日", "4/31", "4/31/", "13月", "0月", "12月32日", "2/30😀", "😀13月", "१३月", "2023年٢月٣٠日"]
        XCTAssertGreaterThan(try compare(texts), 50)
    }

    /// Era names of the rule's options: plain ones (the scanner and the byte test), and ones
    /// the byte test or the scanner cannot take (left to the normalized text or the engine).
    func testSameFindingsWithOtherEras() throws {
        let texts = ["明治0年", "昭和 00 年", "大正元年(1912年)", "1926年(昭和元年)", "昭和64年(1989年)", "昭和64年(1990年)", "Ｓ64年(1990年)",
                     "S64年(1990年)", "S 1年(1927年)", "1927年(Ｓ元年)", "Ｓ0年", "昭和2年4月31日"]
        for (eras, yaml) in [
            (Eras(list: [("明治", 1868), ("大正", 1912), ("昭和", 1926)]),
             "{eras: [{name: 明治, first_year: 1868}, {name: 大正, first_year: 1912}, {name: 昭和, first_year: 1926}]}"),
            (Eras(list: [("S", 1926), ("昭和", 1926)]), "{eras: [{name: S, first_year: 1926}, {name: 昭和, first_year: 1926}]}"),
            (Eras(list: [("S.", 1926)]), "{eras: [{name: S., first_year: 1926}]}"),
        ] {
            XCTAssertGreaterThan(try compare(texts, eras: eras, options: yaml), 0)
        }
    }

    private func realSheet() -> [Sheet] {
        let url = SelectorEquivalenceTests.repo.deletingLastPathComponent()
            .appendingPathComponent("shared/fixtures/real/toyonaka-r4-toshikeiei.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return [MarkdownSheetReader.read(text: text, file: "real.md")]
    }
}
