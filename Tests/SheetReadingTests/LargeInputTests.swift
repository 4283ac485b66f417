@testable import SheetReading
import SheetModel
import XCTest

/// A 2 MB cell is read whole, with the right spans, and without quadratic work (this is a
/// correctness test with a generous bound, not a benchmark: see benchmarks/run.sh).
final class LargeInputTests: XCTestCase {
    func testTwoMegabyteCellIsReadWhole() throws {
        let long = String(repeating: "あ", count: 700_000)  // 2.1 MB of UTF-8
        let text = """
        | 部 局 | 架空部 | 補 職 | 部長 | 氏 名 | 山田 |
        |--|--|--|--|--|--|

        3. 当年度目標

        | No | 当年度目標 | 実績 | |
        |--|--|--|--|
        | 1 | <p>題</p><p>(1) \(long)</p> | <p>(1) 実施</p> | |

        """
        let started = Date()
        let sheet = MarkdownSheetReader.read(text: text, file: "big.md")
        let item = try XCTUnwrap(sheet.annualGoals.first?.plan.items.first)
        XCTAssertEqual(item.number, 1)
        XCTAssertEqual(item.text.unicodeScalars.count, 700_000)
        // `| 1 | <p>題</p><p>` is 17 scalars: the marker `(1)` starts at column 18, the text at 22.
        XCTAssertEqual(item.span.start, SourcePosition(line: 8, column: 18))
        XCTAssertEqual(item.span.end, SourcePosition(line: 8, column: 22 + 700_000))
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "linear work only, even in a debug build")
    }
}
