import SheetModel
import XCTest
@testable import SheetReading

/// What counts as page furniture (skipped silently) and what is still text.
final class PageFurnitureTests: XCTestCase {
    private let header = Header(department: Field(text: "都市経営部", span: SourceSpan(file: "f", line: 1, startColumn: 1, endColumn: 2)),
                                position: Field(text: "部 長", span: SourceSpan(file: "f", line: 1, startColumn: 1, endColumn: 2)),
                                name: Field(text: "籾床 和弘", span: SourceSpan(file: "f", line: 1, startColumn: 1, endColumn: 2)))

    private func furniture(_ text: String) -> Bool {
        PageFurniture.isFurniture(Run(scalars: Array(text.unicodeScalars), columns: Array(1...max(1, text.unicodeScalars.count)),
                                      line: 1), header: header)
    }

    func testPageNumbers() {
        for text in ["- 2 -", "― 2 ―", "－２－", "ー 12 ー", "2 / 5", "２／５", "2", "p.3", "P 3", "4 ページ", "- 3 / 10 -"] {
            XCTAssertTrue(furniture(text), text)
        }
    }

    func testRunningHeaders() {
        for text in ["都市経営部", "令和4年度 都市経営部", "令和4年度(2022年度) 部局長の目標設定シート", "都 市 経 営 部　部 長　籾床 和弘",
                     "2022年度 都市経営部 目標設定シート（当初設定）", "令和元年度"] {
            XCTAssertTrue(furniture(text), text)
        }
    }

    func testTextIsNotFurniture() {
        for text in ["(2) 続けます。", "(2)", "2022年度に策定します", "都市経営部の取組み", "12回開催", "部局長の目標設定シート",
                     "2-1", "1234", "※ 別紙のとおり", "第2回", "- (1) 市民とともに"] {
            XCTAssertFalse(furniture(text), text)
        }
    }
}
