import Foundation
@testable import SheetReading
import SheetModel
import XCTest

/// The reader's fast paths (shared runs, strings written as UTF-8, one-pass line decoding,
/// scalar comparison where `String` comparison could not answer differently) against the
/// code they replaced, kept here as the reference.
final class ReaderFastPathTests: XCTestCase {
    /// Texts with the scalars that make `String` comparison differ from scalar comparison:
    /// combining marks, precomposed kana, compatibility ideographs, astral scalars, CR/LF.
    private let tricky: [String] = [
        "", "a", "都市経営部", "令和4年度 都市経営部", "が", "か\u{3099}", "総合計\u{FAA3}", "e\u{301}", "\u{212B}", "😀x",
        "- 2 -", "p.3", "4ページ", "ヘ\u{309A}ージ", "２／５", "随時", "随\u{0301}時", "毎月末", "\u{FA5C}績",
        "推進：随時 次期計画の策定：令和4年度", "点検(毎月)", "(1) 続けます。", "部 長", "籾床 和弘", "\r\n", "\u{3000}x\u{A0}",
    ]

    func testStringOfScalarsIsTheStringOfThoseScalars() {
        var rng = SystemRandomNumberGenerator()
        var samples = tricky.map { Array($0.unicodeScalars) }
        for _ in 0..<200 {
            samples.append((0..<Int.random(in: 0...40, using: &rng)).map { _ in
                let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF]
                return Unicode.Scalar(UInt32.random(in: ranges.randomElement(using: &rng)!, using: &rng))!
            })
        }
        for scalars in samples {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            let made = String(scalarsOf: scalars)
            XCTAssertEqual(Array(made.utf8), Array(String(view).utf8))
            XCTAssertEqual(Array(made.unicodeScalars), scalars)
        }
    }

    func testLinesAreDecodedAsBefore() {
        let texts = ["", "\n", "\n\n", "a", "a\n", "a\r\nb", "a\rb\r", "a\r\r\nb\n\r", "| 都市 | が |\r\n😀\n", "x\u{0}y"]
            + tricky.map { $0 + "\n" + $0 }
            + [String(repeating: "か😀a\u{301}ä", count: 2000) + "\r\n" + String(repeating: "漢", count: 5000), String(repeating: "x", count: 5000)]
        for text in texts {
            var lines = SheetDecoder.splitLines(text)
            if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
            if lines.count == 1, lines[0].isEmpty { lines = [] }
            let split = SourceLines.split(text)
            XCTAssertEqual(split.map { Array($0.scalars) }, lines.map { Array($0.unicodeScalars) }, text.debugDescription)
            // Each line is a range of the text's storage, written from column 1; a run's
            // string is copied from the text.
            XCTAssertEqual(split.map(\.string), lines.map { String($0) }, text.debugDescription)
            XCTAssertEqual(split.map(\.line), Array(0..<split.count).map { $0 + 1 }, text.debugDescription)
            for line in split {
                XCTAssertEqual((0..<line.count).map(line.column), Array(0..<line.count).map { $0 + 1 })
                XCTAssertEqual(line.string, String(scalarsOf: line.scalars))
                for _ in 0..<8 where line.count > 0 {
                    let a = Int.random(in: 0...line.count), b = Int.random(in: a...line.count)
                    let slice = line.slice(a..<b)
                    XCTAssertEqual(slice.string, String(scalarsOf: line.scalars.dropFirst(a).prefix(b - a)), text.debugDescription)
                    XCTAssertEqual(slice.firstColumn, a < b ? a + 1 : nil)
                }
            }
        }
    }

    func testRunSlicesKeepScalarsAndColumns() {
        let line = Array("| ab&amp;c | <p>x</p>y |".unicodeScalars)
        let run = Run(line: line, number: 3)
        let slice = run.slice(2..<10)
        XCTAssertEqual(slice.string, "ab&amp;c")
        XCTAssertEqual((0..<slice.count).map(slice.column), Array(3...10))
        var builder = RunBuilder(slice.slice(0..<2))
        builder.append("&", column: 5)
        builder.append(slice.slice(7..<8))
        let built = builder.run
        XCTAssertEqual(built.string, "ab&c")
        XCTAssertEqual((0..<built.count).map(built.column), [3, 4, 5, 10])
        XCTAssertEqual(built.slice(1..<4).span(file: "f"), SourceSpan(file: "f", line: 3, startColumn: 4, endColumn: 11))
        XCTAssertEqual(slice.string, "ab&amp;c", "appending to a copy leaves the run it was cut from alone")
        XCTAssertEqual(CellHTML.blocks(slice).map(\.run.string), ["ab&c"])
        XCTAssertEqual(CellHTML.blocks(slice).map { (0..<$0.run.count).map($0.run.column) }, [[3, 4, 5, 10]])
        let blocks = CellHTML.blocks(run.slice(12..<23))
        XCTAssertEqual(blocks.map(\.run.string), ["x", "y"])
        XCTAssertEqual(blocks.map { $0.run.span(file: "f").start.column }, [17, 22])
        let explicit = Run(scalars: Array("ab".unicodeScalars), columns: [4, 9], line: 1)
        XCTAssertEqual([explicit.column(0), explicit.column(1)], [4, 9])
    }

    func testCitationLabelsMatchAsStrings() {
        for text in ["総合計画", "総合計\u{FAA3}", "総 合 計 画 5-2-①", "基本政策：70", "総合計画の推進", "総合計", "基本政", "総合計画\u{301} 1-1-1"] {
            let run = Run(line: Array(text.unicodeScalars), number: 1)
            let label = CitationCollector.label(of: run)
            // The reference: the first four non-space folded scalars compared as a `String`.
            let key = String(String.UnicodeScalarView(run.folded.filter { !ScalarFolding.isSpace($0) }.prefix(4)))
            if key != "総合計画" && key != "基本政策" { XCTAssertNil(label, text) }
            if text.unicodeScalars.starts(with: "総合計\u{FAA3}".unicodeScalars) { XCTAssertNotNil(label, text) }
        }
    }

    func testTimingWordsAreFoundAsStringSearchFindsThem() {
        for text in tricky + ["年度末", "毎\u{FA5C}", "中旬ごろ", "四半期ごと", "常\u{3099}時"] {
            let folded = Array(text.unicodeScalars).map(ScalarFolding.fold)
            let digitRule = folded.indices.contains { i in
                ScalarFolding.digit(folded[i]) != nil && i + 1 < folded.count && ["年", "月", "日", "回"].contains(folded[i + 1])
            }
            let string = String(String.UnicodeScalarView(folded))
            let reference = digitRule || ScheduleParsing.timingWords.contains { string.contains($0) }
            XCTAssertEqual(ScheduleParsing.looksLikeTiming(folded), reference, text)
        }
    }

    func testFurnitureFiltersAgreeWithTheFullCheck() {
        let span = SourceSpan(file: "f", line: 1, startColumn: 1, endColumn: 2)
        let headers = [
            Header(department: Field(text: "都市経営部", span: span), position: Field(text: "部 長", span: span),
                   name: Field(text: "籾床 和弘", span: span)),
            Header(department: Field(text: "都市経営部\u{301}", span: span)),
            Header(),
        ]
        var lines = tricky
        for a in tricky.prefix(12) { for b in ["", " 部局長", "（当初設定）", " 2022", "-", "ページ"] { lines.append(a + b) } }
        for header in headers {
            var filter = PageFurniture.HeaderScalars(header: Header())
            for text in lines {
                let run = Run(line: Array(text.unicodeScalars), number: 1)
                let key = ScalarFolding.key(text)
                let reference = run.count <= PageFurniture.maxLength && !key.isEmpty
                    && (PageFurniture.isPageNumber(key) || PageFurniture.isRunningHeader(key, header: header))
                XCTAssertEqual(PageFurniture.isFurniture(run, header: header, filter: &filter), reference, text)
            }
        }
    }

    func testGoalNumbersAreReadAsBefore() {
        let cells = ["1", "１２", "No.3", "NO. 4", "no.5", "No6", "目標7", "目 標 8", "No.目標9", "+10", "-1", "0", "1000", "12a",
                     "No.\u{301}1", "目標\u{FA5C}1", "1\u{301}", "<p>2</p>", "<p>No.</p><p>3</p>", "x", "目標", "ー1", "٣",
                     "&#49;", "<b>1</b>", "&nbsp;2&nbsp;", "<p>目標</p> 4", "No.<br>5", "1<!-- c -->", "<p>1 2</p>",
                     String(repeating: "<b>1</b>", count: 40), String(repeating: "&amp;", count: 40)]
            + tricky
        for cell in cells {
            let run = Run(line: Array(cell.unicodeScalars), number: 1)
            // The reference: the former code, on the joined fragments as a `String`.
            var key = ScalarFolding.key(CellHTML.fragments(run).map(\.string).joined())
            for prefix in ["No.", "NO.", "no.", "No", "目標"] where key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
            let reference = (1...3).contains(key.count) ? Int(key).flatMap { $0 > 0 ? $0 : nil } : nil
            XCTAssertEqual(MarkdownSheetParser.goalNumber(run), reference, cell)
        }
    }

    func testHeaderRowsAreRecognisedAsBefore() {
        let long = String(repeating: "取組み事項", count: 9)
        let rows: [[String]] = [
            ["No", "当年度目標", "実績", "課題"], ["", "取組み事項", long], [long, "実績"], ["実績", long],
            [String(repeating: "か\u{3099}", count: 30)], [String(repeating: "a", count: 41)], [String(repeating: "a", count: 40)],
            [String(repeating: "実", count: 41) + "\u{301}"], ["1", "x"], ["<p>実績</p>", "<b>課題</b>"],
            ["実&amp;績", "<p>課</p><p>題</p>", "&#x5B9F;績"], ["<p>" + long + "</p>"], [String(repeating: "<b>実</b>", count: 45)],
            ["&nbsp;実績&nbsp;", "工<!-- x -->程"],
        ]
        for cells in rows {
            let runs = cells.map { Run(line: Array($0.unicodeScalars), number: 1) }
            // The reference: the former code, which read every cell whole.
            var reference: [Int: ColumnRole]? = [:]
            for (i, cell) in runs.enumerated() {
                var key: [Unicode.Scalar] = []
                for fragment in CellHTML.fragments(cell) {
                    for s in fragment.scalars where !ScalarFolding.isSpace(s) { key.append(ScalarFolding.fold(s)) }
                }
                guard !key.isEmpty else { continue }
                if key.count > 40, String(String.UnicodeScalarView(key)).count > 40 { reference = nil; break }
                if let role = TableRoles.role(of: key, midTerm: false) { reference?[i] = role } else { reference = nil; break }
            }
            if reference?.isEmpty == true { reference = nil }
            XCTAssertEqual(TableRoles.headerRoles(runs, midTerm: false)?.dictionary, reference, "\(cells)")
        }
    }
}
