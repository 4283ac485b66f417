@testable import SheetReading
import XCTest

/// Header words are compared on scalars; the answer is the one the `String` comparison
/// (Foundation's `contains`, by canonical equivalence) gives, including for keys written
/// with combining marks or compatibility ideographs.
final class TableRolesTests: XCTestCase {
    func testScalarComparisonAgreesWithStringComparison() {
        let keys = [
            "No", "NO", "no.", "No.", "nO", "番号", "項番", "番号欄", "取組み事項", "当年度の取組み事項・スケジュール",
            "取組事項", "取り組み事項", "当年度目標", "中期目標", "スケジュール", "工程", "実績", "取組みを行った結果", "成果",
            "めざす成果など", "課題", "今後の方向性", "総括", "方針", "取り組み方針", "取組方針", "備考", "", "1", "(1)",
            "スケシ\u{3099}ュール", "取組み事項\u{0301}", "N\u{0301}o", "\u{F9F4}績", "実\u{FA5C}", "KNo", "\u{212A}",
            "ＮＯ", "総 括",
        ]
        for key in keys {
            let scalars = Array(key.unicodeScalars)
            for midTerm in [false, true] {
                XCTAssertEqual(TableRoles.role(of: scalars, midTerm: midTerm), TableRoles.role(ofString: key, midTerm: midTerm),
                               "\(key) \(midTerm)")
            }
        }
        XCTAssertEqual(TableRoles.role(of: Array("スケシ\u{3099}ュール".unicodeScalars), midTerm: false), .schedule)
        XCTAssertEqual(TableRoles.role(of: Array("当年度の取組み事項".unicodeScalars), midTerm: true), .body)
    }

    func testContains() {
        func c(_ a: String, _ b: String) -> Bool { TableRoles.contains(Array(a.unicodeScalars), Array(b.unicodeScalars)) }
        XCTAssertTrue(c("abc", "bc"))
        XCTAssertTrue(c("abc", "abc"))
        XCTAssertFalse(c("ab", "abc"))
        XCTAssertFalse(c("abd", "bc"))
        XCTAssertTrue(c("ab", ""))
        XCTAssertTrue(c("aab", "ab"))
    }
}
