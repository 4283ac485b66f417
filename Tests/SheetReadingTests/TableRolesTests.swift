@testable import SheetReading
import SheetModel
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

/// Section headings are recognised on scalars; the answer is the one the former `String`
/// comparison gives (kept here as the reference).
final class SectionHeadingTests: XCTestCase {
    func testScalarRecognitionAgreesWithTheStringReference() {
        let lines = [
            "3. 当年度目標と振り返り", "## ３．当年度目標", "| 4. 中期目標 |", "4.中期目標（令和4～6年度）", "今年度目標", "今年度目標について",
            "2. 取り組み方針", "取組方針", "取組み方針と総括", "1. 部局の使命", "使命", "**使命**", "(1) 中期目標を達成する",
            "四、取組方針", "一.部局の使命", "当年度目標の達成に向けて取り組みます。地区ごとの説明会を開き、意見を反映しました。",
            "中期目標", "中期目\u{3099}標", "今年度目標\u{FE0F}", "取組\u{200D}方針", "部局の使命\u{0301}", "", "#", "### 3)",
            "使命を果たすため、当年度目標と中期目標をつなぐ", "取り組み", "部長", "中", "\u{F9F4}期目標",
        ]
        for line in lines {
            let scalars = Array(line.unicodeScalars)
            XCTAssertEqual(SectionHeading.section(of: scalars), Self.reference(scalars), line)
        }
        XCTAssertEqual(SectionHeading.section(of: Array("3. 当年度目標と振り返り".unicodeScalars)), .annualGoals)
        XCTAssertEqual(SectionHeading.section(of: Array("中期目\u{3099}標".unicodeScalars)), nil)
    }

    /// The recognition as it was written before it worked on scalars.
    static func reference(_ scalars: [Unicode.Scalar]) -> SectionKind? {
        guard scalars.count <= SectionHeading.maxLength else { return nil }
        let key = ScalarFolding.key(String(String.UnicodeScalarView(scalars)))
        guard !key.isEmpty else { return nil }
        var body = Substring(key)
        let marked = body.hasPrefix("#") || body.hasPrefix("**") || body.first.map({ $0.isNumber || "一二三四".contains($0) }) == true
        body = body.drop { "#*".contains($0) }
        if body.hasPrefix("(") { return nil }
        body = body.drop { $0.isNumber || "一二三四".contains($0) }
        body = body.drop { ".)、．:".contains($0) }
        guard body.count <= (marked ? 80 : 30) else { return nil }
        return SectionHeading.section(ofString: body)
    }
}
