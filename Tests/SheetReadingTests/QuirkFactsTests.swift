import Foundation
import SheetModel
import XCTest
@testable import SheetReading

/// The key facts of each quirk fixture, asserted directly so that a wrong golden dump
/// cannot hide a reader bug. One test per fixture, named after its quirk.
final class QuirkFactsTests: XCTestCase {
    private func sheet(_ name: String) throws -> Sheet { try QuirkFixtures.read(name) }

    private func span(_ s: SourceSpan?) -> String? { s?.compactDescription }

    private func timings(_ list: ItemList) -> [String?] {
        list.items.flatMap { item in item.schedule.map(\.timing) + item.subItems.flatMap { $0.schedule.map(\.timing) } }
    }

    func testRepeatedHeaderTables() throws {
        let s = try sheet("repeated-header-tables")
        XCTAssertEqual(s.annualGoals.map(\.number), [1, 2])
        XCTAssertEqual(s.midTermGoals.map(\.number), [1, 2])
        // The second table's header rows are neither a goal nor goal text.
        XCTAssertEqual(s.annualGoals[1].title?.text, "市民活動の支援")
        XCTAssertEqual(s.annualGoals[1].plan.numbers, [1, 2])
        XCTAssertEqual(s.annualGoals[0].directions.numbers, [1])
        XCTAssertEqual(s.annualGoals[0].policies.map(\.number), [12])
        XCTAssertEqual(s.midTermGoals[1].schedule.numbers, [1])
        XCTAssertFalse(s.annualGoals.flatMap { $0.plan.items.map(\.text) }.contains { $0.contains("取組み事項") })
    }

    func testExtraCells() throws {
        let s = try sheet("extra-cells")
        // The 5th cell of a row under a 4-column header is read, not dropped.
        XCTAssertEqual(s.annualGoals[0].planCodes.map(\.code), ["2-1-①", "2-1-③"])
        XCTAssertEqual(s.annualGoals[0].planCodes[1].title, "子育て家庭を支えます。")
        XCTAssertEqual(span(s.annualGoals[0].planCodes[1].span), "22:30-22:47")
        XCTAssertEqual(s.midTermGoals[0].planCodes.map(\.code), ["2-1-①", "2-1-③"])
        XCTAssertEqual(s.annualGoals[0].directions.numbers, [1])
    }

    func testSpacerRows() throws {
        let s = try sheet("spacer-rows")
        XCTAssertEqual(s.annualGoals.map(\.number), [1, 2])
        XCTAssertEqual(s.annualGoals.map { $0.planCodes.map(\.code) }, [["2-3-①"], ["2-3-②"]])
        XCTAssertEqual(s.annualGoals.map { $0.policies.map(\.number) }, [[25], [26]])
        // A goal's span ends on its last citation's line, not on the spacer row after it.
        XCTAssertEqual(s.midTermGoals[0].span.start.line, 38)
        XCTAssertEqual(s.midTermGoals[0].span.end.line, 43)
    }

    func testParagraphs() throws {
        let s = try sheet("p-paragraphs")
        let goal = s.annualGoals[0]
        XCTAssertEqual(goal.title?.text, "文化芸術の振興")
        XCTAssertEqual(goal.plan.numbers, [1, 2])
        XCTAssertEqual(goal.plan.items[0].subItems.map(\.number), [1, 2])
        XCTAssertEqual(goal.plan.items[0].subItems[1].text, "文化祭の開催(11月)")
        // `<p>(1)</p>` alone, then its sub-items in their own paragraphs.
        XCTAssertEqual(goal.results.numbers, [1, 2])
        XCTAssertEqual(goal.results.items[0].text, "")
        XCTAssertEqual(goal.results.items[0].subItems.map(\.number), [1, 2])
        XCTAssertEqual(s.midTermGoals[0].schedule.numbers, [1, 2])
    }

    func testUnclosedUl() throws {
        let goal = try sheet("unclosed-ul").annualGoals[0]
        XCTAssertEqual(goal.plan.numbers, [1, 2])
        XCTAssertEqual(goal.plan.items[0].schedule.map(\.text), ["所有者への説明", "除却費の補助"])
        XCTAssertEqual(goal.plan.items[0].schedule.map(\.timing), ["5月", "随時"])
        // The <p> after the unclosed <ul> starts item (2), which gets its own bullet.
        XCTAssertEqual(goal.plan.items[1].schedule.map(\.timing), ["通年"])
        XCTAssertEqual(goal.results.numbers, [1, 2])
    }

    func testBulletsWithoutLi() throws {
        let s = try sheet("bullets-without-li")
        let plan = s.annualGoals[0].plan
        XCTAssertEqual(plan.numbers, [1, 2])
        XCTAssertEqual(plan.items[0].schedule.map(\.timing), ["6月", "9月～10月"])
        XCTAssertEqual(plan.items[1].schedule.map(\.text), ["公表"])
        // Bullets alone in a schedule cell, with nested parentheses in the timing.
        XCTAssertEqual(timings(s.midTermGoals[0].schedule), ["令和8年度(2026年度)", "随時"])
    }

    func testLiClosedAndUnclosed() throws {
        let s = try sheet("li-closed-and-unclosed")
        let plan = s.annualGoals[0].plan
        XCTAssertEqual(plan.numbers, [1, 2])
        // `<li>` with and without `・`, closed or not, is one schedule bullet each.
        XCTAssertEqual(plan.items[0].schedule.map(\.text), ["大規模施設の査察", "飲食店の査察"])
        XCTAssertEqual(plan.items[0].schedule.map(\.timing), ["6月", "随時"])
        XCTAssertEqual(plan.items[0].text, "防火査察を行います。")
        XCTAssertEqual(plan.items[1].schedule.map(\.text), ["訪問による点検", "広報誌での啓発"])
        XCTAssertEqual(plan.items[1].schedule.map(\.timing), ["10月", "毎月"])
        XCTAssertEqual(s.midTermGoals[0].schedule.numbers, [1, 2])
    }

    func testBrLineBreaks() throws {
        let s = try sheet("br-line-breaks")
        let goal = s.annualGoals[0]
        XCTAssertEqual(goal.title?.text, "防災訓練の実施")
        XCTAssertEqual(goal.plan.numbers, [1, 2])
        // <br>, <br/>, <BR> and <br /> all end a line.
        XCTAssertEqual(goal.plan.items.map { $0.schedule.map(\.timing) }, [["9月"], ["11月"]])
        XCTAssertEqual(goal.results.numbers, [1, 2])
        XCTAssertEqual(goal.directions.numbers, [1, 2])
        XCTAssertEqual(s.midTermGoals[0].schedule.numbers, [1, 2])
    }

    func testCharacterEntities() throws {
        let goal = try sheet("character-entities").annualGoals[0]
        XCTAssertEqual(goal.title?.text, "商店街&市場の振興")
        // An entity keeps the column of its `&`: 振興 ends at column 22 although 7 more
        // scalars were written before it.
        XCTAssertEqual(span(goal.title?.span), "20:10-20:23")
        XCTAssertEqual(goal.plan.items[0].text, "空き店舗の<出店>を支援します。(随時)")
        XCTAssertEqual(goal.plan.items[1].text, "まちあるきマップを作ります。(10月)")
        XCTAssertEqual(goal.plan.numbers, [1, 2])
    }

    func testLabelInFirstColumn() throws {
        let s = try sheet("label-in-first-column")
        XCTAssertEqual(s.annualGoals[0].planCodes.map(\.code), ["4-6-①"])
        XCTAssertEqual(s.annualGoals[0].policies.map(\.number), [62])
        XCTAssertEqual(s.midTermGoals[0].planCodes.map(\.code), ["4-6-①"])
        // `| 62 | 創業の支援 |` after the label is a citation, not goal No. 62.
        XCTAssertEqual(s.midTermGoals.map(\.number), [1])
        XCTAssertEqual(s.midTermGoals[0].policies.map(\.title), ["創業の支援"])
        XCTAssertEqual(span(s.midTermGoals[0].policies[0].span), "34:3-34:13")
    }

    func testLabelInSecondColumn() throws {
        let s = try sheet("label-in-second-column")
        XCTAssertEqual(s.annualGoals[0].planCodes.map(\.code), ["5-2-①"])
        XCTAssertEqual(s.annualGoals[0].policies.map(\.number), [66])
        XCTAssertEqual(s.midTermGoals[0].planCodes.map(\.code), ["5-2-①"])
        XCTAssertEqual(s.midTermGoals[0].policies.map(\.number), [66])
        XCTAssertEqual(span(s.annualGoals[0].planCodes[0].span), "22:5-22:26")
    }

    func testLabelThenCodesOnNextRows() throws {
        let s = try sheet("label-then-codes-next-rows")
        XCTAssertEqual(s.annualGoals[0].planCodes.map(\.code), ["5-2-①", "5-2-③"])
        XCTAssertEqual(s.annualGoals[0].policies.map(\.number), [66, 68])
        XCTAssertEqual(s.midTermGoals[0].planCodes.map(\.code), ["5-2-③", "5-2-①"])
        XCTAssertEqual(s.midTermGoals[0].policies.map(\.number), [68])
    }

    func testLabelAndCodeInOneCell() throws {
        let s = try sheet("label-and-code-same-cell")
        XCTAssertEqual(s.annualGoals[0].planCodes.map(\.code), ["5-2-④"])
        XCTAssertEqual(s.annualGoals[0].policies.map(\.number), [67])
        XCTAssertEqual(s.annualGoals[0].policies[0].title, "デジタル市役所の推進")
        // `総合計画：5-2-④ …`: the separator after the label is not part of the code.
        XCTAssertEqual(s.midTermGoals[0].planCodes.map(\.written), ["5-2-④"])
        XCTAssertEqual(s.midTermGoals[0].planCodes[0].title, "デジタル技術を活用します。")
        XCTAssertEqual(s.midTermGoals[0].policies.map(\.number), [67])
    }

    func testCodeAndTitleInTwoCells() throws {
        let s = try sheet("code-title-split-cells")
        let code = s.annualGoals[0].planCodes
        XCTAssertEqual(code.map(\.code), ["3-2-①"])
        XCTAssertEqual(code[0].title, "安全な道路をつくります。")
        // The span covers both cells.
        XCTAssertEqual(span(code[0].span), "22:5-22:25")
        XCTAssertEqual(s.annualGoals[0].policies.map(\.title), ["道路の長寿命化"])
        XCTAssertEqual(s.midTermGoals[0].planCodes.map(\.title), ["安全な道路をつくります。"])
        XCTAssertEqual(s.midTermGoals[0].policies.map(\.number), [28])
    }

    func testSeveralPairsOnOneRow() throws {
        let s = try sheet("several-pairs-per-row")
        let goal = s.annualGoals[0]
        XCTAssertEqual(goal.planCodes.map(\.code), ["3-3-①", "3-3-②"])
        XCTAssertEqual(goal.planCodes.map(\.title), ["公共交通を守ります。", "移動しやすいまちをつくります。"])
        XCTAssertEqual(goal.policies.map(\.number), [35, 44, 46])
        XCTAssertEqual(goal.policies.map(\.title), ["スマートシティの推進", "公共交通の充実", "移動支援の拡充"])
        XCTAssertEqual(s.annualGoals.count, 1)
        XCTAssertEqual(s.midTermGoals[0].policies.map(\.number), [35, 44])
    }

    func testPlanOnTheNextRow() throws {
        let goal = try sheet("plan-on-next-row").annualGoals[0]
        XCTAssertEqual(goal.title?.text, "緑化の推進")
        XCTAssertEqual(goal.plan.numbers, [1, 2])
        XCTAssertEqual(goal.plan.items[1].schedule.map(\.timing), ["4月・10月"])
        XCTAssertEqual(goal.results.numbers, [1, 2])
        XCTAssertEqual(goal.directions.numbers, [1])
        // The goal starts on its number row; its plan text sits on the next line.
        XCTAssertEqual(goal.span.start.line, 20)
        XCTAssertEqual(goal.plan.items[0].span.start.line, 21)
        XCTAssertEqual(goal.planCodes.map(\.code), ["3-5-①"])
    }

    /// A goal-setting sheet: goal 2's row holds only its number and title (results and
    /// directions still empty), after goal 1's policy rows (`| 12 | 地域自治の推進 |`). The
    /// first row of a goal table is a goal row, whatever its cells hold.
    func testGoalSettingTitleOnlyRowStartsAGoal() throws {
        let s = try sheet("goal-setting-title-only-row")
        XCTAssertEqual(s.annualGoals.map(\.number), [1, 2])
        XCTAssertEqual(s.annualGoals[0].policies.map(\.number), [12, 67])
        XCTAssertEqual(s.annualGoals[1].title?.text, "市民活動の支援")
        XCTAssertEqual(s.annualGoals[1].span.start.line, 29)
        XCTAssertEqual(s.fiscalYear, 2024)
        XCTAssertEqual(s.annualGoals[1].plan.numbers, [1])
        XCTAssertEqual(timings(s.annualGoals[1].plan), ["10月"])
        XCTAssertEqual(s.annualGoals[1].planCodes.map(\.code), ["1-2-②"])
        XCTAssertEqual(s.annualGoals[1].policies.map(\.number), [13])
        XCTAssertTrue(s.annualGoals.allSatisfy { $0.results.isEmpty && $0.directions.isEmpty })
        XCTAssertEqual(s.notes, [])
        XCTAssertEqual(SheetStage.inferred(from: s), .plan)
    }

    /// Page numbers and running headers between the tables are skipped without a note; the
    /// one real stray line (※ …) still gets its note.
    func testPageFurnitureIsSkippedOtherTextIsNoted() throws {
        let s = try sheet("page-furniture")
        XCTAssertEqual(s.mission.items.map(\.text), ["きれいな空気と水を守る", "ごみを減らす"])
        XCTAssertEqual(s.approaches.map { $0.review?.text }, ["監視を続けました。"])
        XCTAssertEqual(s.annualGoals.map(\.number), [1, 2])
        XCTAssertEqual(s.midTermGoals.map(\.number), [1])
        XCTAssertEqual(s.notes.map { "\($0.code)@\($0.span.start.line)" }, ["unplaced-text@45"])
    }

    func testMidTermInlineBodyWithScheduleInFourthCell() throws {
        let goal = try sheet("midterm-inline-body-schedule-4th-cell").midTermGoals[0]
        XCTAssertEqual(goal.title?.text, "人権啓発の推進")
        XCTAssertEqual(goal.body.numbers, [1, 2])
        XCTAssertEqual(goal.body.items[1].text, "相談窓口の周知を強めます。")
        XCTAssertEqual(goal.schedule.numbers, [1, 2])
        XCTAssertEqual(timings(goal.schedule), ["令和7年度（2025年度）", "随時"])
        // The schedule is read from the 4th cell (column 57), the 3rd being empty.
        XCTAssertEqual(goal.schedule.span?.start.column, 57)
        XCTAssertEqual(goal.planCodes.map(\.code), ["1-1-①"])
        XCTAssertEqual(goal.policies.map(\.number), [3])
    }

    func testFullWidthForms() throws {
        let s = try sheet("full-width-forms")
        let goal = s.annualGoals[0]
        XCTAssertEqual(goal.number, 1)  // written １
        XCTAssertEqual(goal.plan.numbers, [1, 2])  // written （１）（２）
        XCTAssertEqual(goal.results.numbers, [1, 2])
        XCTAssertEqual(goal.planCodes.map(\.code), ["3-4-②"])
        XCTAssertEqual(goal.planCodes.map(\.written), ["３－４－②"])
        XCTAssertEqual(goal.policies.map(\.number), [47])
        XCTAssertEqual(goal.policies.map(\.written), ["４７"])
        XCTAssertEqual(timings(s.midTermGoals[0].schedule), ["令和８年度（２０２６年度）"])
        XCTAssertEqual(s.fiscalYear, 2026)  // ８年度 read with its full-width digit
    }

    func testSpacedLabels() throws {
        let s = try sheet("spaced-labels")
        XCTAssertEqual(s.header.department?.text, "会計室")
        XCTAssertEqual(s.header.position?.text, "室　長")  // as written
        XCTAssertEqual(s.header.name?.text, "岡本 透")
        XCTAssertEqual(s.annualGoals[0].planCodes.map(\.code), ["5-2-①"])
        XCTAssertEqual(s.annualGoals[0].policies.map(\.number), [66])
        XCTAssertEqual(s.midTermGoals[0].planCodes.map(\.code), ["5-2-①"])
        XCTAssertEqual(s.midTermGoals[0].policies.map(\.number), [66])
    }

    func testPlaceholders() throws {
        let s = try sheet("placeholders")
        for goalCodes in [s.annualGoals[0].planCodes, s.midTermGoals[0].planCodes] {
            XCTAssertEqual(goalCodes.map(\.code), ["0-0-0"])
            XCTAssertEqual(goalCodes.map(\.title), [nil])
        }
        XCTAssertEqual(s.annualGoals[0].policies.map(\.number), [0])
        XCTAssertEqual(s.midTermGoals[0].policies.map(\.number), [0])
        XCTAssertEqual(span(s.annualGoals[0].planCodes[0].span), "21:20-21:25")
    }

    func testCircledScheduleEntries() throws {
        let schedule = try sheet("circled-schedule-entries").midTermGoals[0].schedule
        XCTAssertEqual(schedule.numbers, [1, 2, 3, 4])
        XCTAssertEqual(schedule.items.map { $0.schedule.map(\.text) },
                       [["整備計画の策定"], ["工場の着工"], ["稼働"], ["資源化率の公表"]])
        XCTAssertEqual(timings(schedule), ["令和5年(2023年)4月", "令和6年度(2024年度)～令和8年度(2026年度)",
                                           "令和9年(2027年)10月", "毎年度"])
    }

    func testTitleLineGivesTheFiscalYear() throws {
        let s = try sheet("title-line-fiscal-year")
        // 令和5年度 from the title, although the plan names 令和4年度 first.
        XCTAssertEqual(s.fiscalYear, 2023)
        XCTAssertEqual(s.fiscalYearSource, .field)
        XCTAssertEqual(s.header.department?.text, "教育委員会事務局")
        XCTAssertEqual(s.annualGoals.map(\.number), [1])
    }

    func testNoYearLeavesTheFiscalYearUnknown() throws {
        let s = try sheet("no-year")
        XCTAssertNil(s.fiscalYear)
        XCTAssertEqual(s.fiscalYearSource, .unknown)
        XCTAssertEqual(s.annualGoals.map(\.number), [1])
    }

    /// crlf-line-ends, utf8-bom, shift-jis-cp932 and utf16le hold one sheet stored four
    /// ways; every way reads to the same model, line:col spans included (only the file
    /// names in the spans differ, and `dump()` does not print them).
    func testEncodingsAndLineEndsReadAlike() throws {
        let crlf = try QuirkFixtures.decoded("crlf-line-ends")
        XCTAssertEqual(crlf.encoding, .utf8)
        XCTAssertTrue(crlf.text.contains("\r\n"))
        let bom = try QuirkFixtures.decoded("utf8-bom")
        XCTAssertEqual(bom.encoding, .utf8)
        XCTAssertTrue(bom.hadBOM)
        XCTAssertEqual(try QuirkFixtures.decoded("shift-jis-cp932").encoding, .cp932)
        XCTAssertEqual(try QuirkFixtures.decoded("utf16le").encoding, .utf16LE)

        let reference = try sheet("utf8-bom")
        XCTAssertEqual(reference.header.department?.text, "地域福祉部")
        XCTAssertEqual(span(reference.header.department?.span), "1:8-1:13")  // the BOM takes no column
        XCTAssertEqual(reference.annualGoals[0].plan.items[0].schedule.map(\.timing), ["8月", "3月"])
        XCTAssertEqual(reference.midTermGoals[0].schedule.numbers, [1])
        for name in ["crlf-line-ends", "shift-jis-cp932", "utf16le"] {
            XCTAssertEqual(try sheet(name).tree.dump(), reference.tree.dump(), name)
        }
    }

    /// The bytes on disk are what the names say (git must not normalise them).
    func testEncodedFixturesKeepTheirBytes() throws {
        func bytes(_ name: String) throws -> [UInt8] {
            [UInt8](try Data(contentsOf: QuirkFixtures.folder.appendingPathComponent(name + ".md")))
        }
        XCTAssertEqual(Array(try bytes("utf8-bom").prefix(3)), [0xEF, 0xBB, 0xBF])
        let crlf = try bytes("crlf-line-ends")
        XCTAssertTrue(zip(crlf, crlf.dropFirst()).contains { $0 == (0x0D, 0x0A) })
        XCTAssertFalse(zip(crlf, crlf.dropFirst()).contains { $0.1 == 0x0A && $0.0 != 0x0D })
        XCTAssertEqual(try bytes("utf16le")[1], 0x00)  // `|` then NUL
        XCTAssertNil(String(bytes: try bytes("shift-jis-cp932"), encoding: .utf8))
    }
}
