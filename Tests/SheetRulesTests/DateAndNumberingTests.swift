import SheetModel
@testable import SheetRules
import XCTest

final class DateAndNumberingTests: XCTestCase {
    func eraFindings(_ text: String) throws -> [String] {
        try Support.findings(selector: "**", kind: "era-year", message: "{match}={expected}",
                             sheet: "mission: [{number: 1, text: \"\(text)\"}]\n").map(\.message)
    }

    func testEraYearAcceptsCorrectPairsIncludingGannenAndFullWidth() throws {
        XCTAssertEqual(try eraFindings("令和元年(2019年)、令和元年度（2019年度）、令和４年度（２０２２年度）"), [])
        XCTAssertEqual(try eraFindings("平成30年度(2018年度)、平成31年(2019年)、令和4年(2022)8月末"), [])
        XCTAssertEqual(try eraFindings("2024年度（令和6年度）、令和10年度（2028年度）"), [])
    }

    /// Matched after folding widths, quoted as written.
    func testEraYearReportsMismatchesInBothOrders() throws {
        XCTAssertEqual(try eraFindings("令和6年度(2025年度)"), ["令和6年度(2025年度)=2024"])
        XCTAssertEqual(try eraFindings("令和元年（2020年）"), ["令和元年（2020年）=2019"])
        XCTAssertEqual(try eraFindings("２０２３年（令和４年）"), ["２０２３年（令和４年）=2022"])
        XCTAssertEqual(try eraFindings("平成30年(2019年)"), ["平成30年(2019年)=2018"])
    }

    func dateFindings(_ text: String) throws -> [String] {
        try Support.findings(selector: "**", kind: "date", message: "{match}", messageEn: "{reason}",
                             sheet: "mission: [{number: 1, text: \"\(text)\"}]\n").map(\.message)
    }

    func testInvalidDates() throws {
        XCTAssertEqual(try dateFindings("13月に開始"), ["13月"])
        XCTAssertEqual(try dateFindings("締切は4/31"), ["4/31"])
        XCTAssertEqual(try dateFindings("令和0年度"), ["令和0年"])
        XCTAssertEqual(try dateFindings("２月３０日"), ["２月３０日"], "quoted as written, matched after folding")
        XCTAssertEqual(try dateFindings("2023/2/29"), ["2023/2/29"])
        XCTAssertEqual(try dateFindings("令和5年4月31日"), ["4月31日"])
    }

    /// `\d` matches every decimal digit, not only ASCII: a month or day written in other
    /// digits is read by their value (reading them with `Int(_:)` gave nil, and the check
    /// crashed on it).
    func testDatesInOtherDecimalDigitsAreReadNotCrashedOn() throws {
        XCTAssertEqual(try dateFindings("٣月に開始"), [])
        XCTAssertEqual(try dateFindings("١٣月に開始"), ["١٣月"])
        XCTAssertEqual(try dateFindings("४/३१"), ["४/३१"])
        XCTAssertEqual(try dateFindings("2023年٢月٣٠日"), ["2023年٢月٣٠"])
    }

    func testValidDatesAndLookalikes() throws {
        XCTAssertEqual(try dateFindings("2024/2/29、2月29日、4/1公表、12月末、令和元年5月1日"), [])
        XCTAssertEqual(try dateFindings("年3~4回、1on1、3か月、14回のカリキュラム、77%、2022/04/01"), [])
    }

    func testSequenceReportsGapsAndRepeatsOfCircledSubItems() throws {
        let found = try Support.findings(
            selector: "**.subItems", kind: "sequence", message: "{number}:{expected}:{problem}",
            messageEn: "{problem}",
            sheet: """
            annualGoals:
              - number: 1
                plan:
                  - number: 1
                    text: x
                    subItems: [{number: 1, text: ①}, {number: 2, text: ②}, {number: 4, text: ④}, {number: 4, text: ④}, {number: 5, text: ⑤}]
            """)
        XCTAssertEqual(found.map(\.message), ["4:3:番号が飛んでいます", "4:5:番号が重複または逆行しています"])
        XCTAssertEqual(found.map(\.messageEn), ["skips a number", "repeats or goes back"])
    }

    func testSequenceSkipsUnnumberedItemsAndChecksGoalNumbers() throws {
        let found = try Support.findings(
            selector: "[annualGoals, \"*Goals[*].*.items\"]", kind: "sequence", message: "{path}",
            sheet: """
            annualGoals:
              - number: 1
                plan: [{text: 前置き}, {number: 1, text: a}, {number: 2, text: b}]
              - number: 3
                results: [{number: 2, text: a}]
            """)
        XCTAssertEqual(found.map(\.message), ["annualGoals[1]", "annualGoals[1].results.items[0]"])
    }

    func testUniqueComparesNormalizedKeysWithinEachGoalOnly() throws {
        let found = try Support.findings(
            selector: "[\"*Goals[*].planCodes\", \"*Goals[*].policies\"]", kind: "unique",
            options: "{key: [code, number]}", message: "{key}/{written}",
            sheet: """
            annualGoals:
              - {number: 1, planCodes: [5-2-①, "５－２－①"], policies: [70, 69]}
              - {number: 2, planCodes: [5-2-①], policies: [70]}
            midTermGoals:
              - {number: 1, policies: [70, "７０"]}
            """)
        XCTAssertEqual(found.map { "\($0.path) \($0.message)" },
                       ["annualGoals[0].planCodes[1] 5-2-①/５－２－①", "midTermGoals[0].policies[1] 70/７０"])
    }
}
