import Foundation
import SheetModel
import XCTest
@testable import SheetReading

final class CanonicalTests: XCTestCase {
    /// The example sheet shipped in examples/canonical, found from this file's path.
    func example() throws -> (text: String, sheet: Sheet) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/canonical/shimin-kyodo.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        return (text, try CanonicalSheetReader.read(text: text, file: "shimin-kyodo.yaml"))
    }

    func readError(_ text: String, file: String = "s.yaml") -> ReadError? {
        do {
            _ = try CanonicalSheetReader.read(text: text, file: file)
            return nil
        } catch {
            return error as? ReadError
        }
    }

    // MARK: - Reading

    func testReadsTheExampleSheet() throws {
        let sheet = try example().sheet
        XCTAssertEqual(sheet.fiscalYear, 2024)
        XCTAssertEqual(sheet.fiscalYearSource, .field)
        XCTAssertEqual(sheet.header.department?.text, "市民協働部")
        XCTAssertEqual(sheet.header.name?.text, "山田 花子")
        XCTAssertEqual(sheet.mission.numbers, [1, 2])
        XCTAssertEqual(sheet.approaches.map(\.number), [1, 2])
        XCTAssertEqual(sheet.sectionsPresent, Set(SectionKind.allCases))
        let first = sheet.annualGoals[0]
        XCTAssertEqual(first.title?.text, "地域自治の推進")
        XCTAssertEqual(first.plan.items[0].subItems.map(\.number), [1, 2])
        XCTAssertEqual(first.plan.items[0].subItems[0].schedule, [
            ScheduleEntry(text: "説明会", timing: "6月～9月", span: first.plan.items[0].subItems[0].schedule[0].span),
        ])
        XCTAssertEqual(first.planCodes.map(\.code), ["1-2-①"])
        XCTAssertEqual(first.planCodes[0].written, "1-2-①")
        XCTAssertEqual(first.policies.map(\.number), [12])
        // The string shorthand: one unnumbered item.
        let second = sheet.annualGoals[1]
        XCTAssertEqual(second.plan.items.count, 1)
        XCTAssertNil(second.plan.items[0].number)
        XCTAssertEqual(second.planCodes.map(\.code), ["0-0-0"])
        XCTAssertEqual(second.policies.map(\.number), [0])
        let midTerm = sheet.midTermGoals[0]
        XCTAssertEqual(midTerm.planCodes[0].code, "1-2-①")
        XCTAssertEqual(midTerm.planCodes[0].written, "１－２－①")
        XCTAssertEqual(midTerm.policies[0].number, 12)
        XCTAssertEqual(midTerm.policies[0].written, "１２")
        XCTAssertEqual(midTerm.schedule.items[0].schedule[0].timing, "令和9年(2027年)3月")
    }

    func testSpansAreLineAndUnicodeScalarColumn() throws {
        let text = """
            fiscalYear: 2024
            header: {department: 市民協働部, position: 部長, name: 𠮷田 太郎}
            annualGoals:
            - number: 1
              title: 地域自治の推進
              planCodes:
              - {code: 1-2-①, title: "地域で支え合う"}

            """
        let sheet = try CanonicalSheetReader.read(text: text, file: "s.yaml")
        XCTAssertEqual(sheet.header.span?.compactDescription, "2:9-2:55")
        XCTAssertEqual(sheet.header.department?.span.compactDescription, "2:22-2:27")
        XCTAssertEqual(sheet.header.position?.span.compactDescription, "2:39-2:41")
        // 𠮷 is one scalar (two UTF-16 units): the name ends at 54, not 55.
        XCTAssertEqual(sheet.header.name?.span.compactDescription, "2:49-2:54")
        XCTAssertEqual(sheet.annualGoals[0].span.compactDescription, "4:3-7:36")
        XCTAssertEqual(sheet.annualGoals[0].title?.span.compactDescription, "5:10-5:17")
        XCTAssertEqual(sheet.annualGoals[0].planCodes[0].span.compactDescription, "7:5-7:36")
        XCTAssertEqual(sheet.span.compactDescription, "1:1-7:36")
        XCTAssertEqual(sheet.span.file, "s.yaml")
    }

    func testSpansOfBlockAndQuotedScalarsAndCRLF() throws {
        let text = "mission: |\r\n  第一行\r\n  第二行\r\napproaches:\r\n- approach: \"方針\\n二行目\"\r\n  review: '総括''s'\r\n"
        let sheet = try CanonicalSheetReader.read(text: text, file: "s.yaml")
        XCTAssertEqual(sheet.mission.items.map(\.text), ["第一行\n第二行\n"])
        XCTAssertEqual(sheet.mission.span?.compactDescription, "1:10-3:6")
        XCTAssertEqual(sheet.approaches[0].approach?.text, "方針\n二行目")
        XCTAssertEqual(sheet.approaches[0].approach?.span.compactDescription, "5:13-5:22")
        XCTAssertEqual(sheet.approaches[0].review?.text, "総括's")
        XCTAssertEqual(sheet.approaches[0].review?.span.compactDescription, "6:11-6:18")
    }

    func testSpanKeysInTheInputAreIgnored() throws {
        let text = "span: \"40:1-90:2\"\nheader:\n  span: \"7:7-8:8\"\n  department: 市民協働部\n"
        let sheet = try CanonicalSheetReader.read(text: text, file: "s.yaml")
        XCTAssertEqual(sheet.header.span?.compactDescription, "3:3-4:20")
        XCTAssertEqual(sheet.span.compactDescription, "1:1-4:20")
    }

    func testReadsJSONWithEscapes() throws {
        let json = """
            {
              "fiscalYear": 2024,
              "header": {"department": "\\u5e02\\u6c11\\u5354\\u50cd\\u90e8", "position": "\\/\\u90e8\\u9577",
                         "name": "\\ud842\\udfb7\\u7530"},
              "mission": {"items": []},
              "annualGoals": [{"number": 1, "title": "t", "planCodes": [{"code": "5-2-\\u2460", "title": null}],
                               "policies": [{"number": 70, "written": "70", "title": null}]}]
            }
            """
        let sheet = try CanonicalSheetReader.read(text: json, file: "s.json")
        XCTAssertEqual(sheet.header.department?.text, "市民協働部")
        XCTAssertEqual(sheet.header.position?.text, "/部長")
        XCTAssertEqual(sheet.header.name?.text, "𠮷田")
        XCTAssertEqual(sheet.annualGoals[0].planCodes[0].code, "5-2-①")
        XCTAssertNil(sheet.annualGoals[0].planCodes[0].title)
        XCTAssertEqual(sheet.annualGoals[0].policies[0].number, 70)
        XCTAssertEqual(sheet.header.span?.compactDescription, "3:13-4:43")
        XCTAssertEqual(sheet.mission.span?.compactDescription, "5:14-5:27")
        XCTAssertEqual(sheet.sectionsPresent, [.mission, .annualGoals])
    }

    func testPlainListAndStringItemListForms() throws {
        let text = """
            mission:
            - 市民とともに歩む。
            - number: 2
              marker: （２）
              text: 地域を支える。
            approaches: []
            midTermGoals:
            - body: 一つの文。
              schedule: ""

            """
        let sheet = try CanonicalSheetReader.read(text: text, file: "s.yaml")
        XCTAssertEqual(sheet.mission.items.map(\.text), ["市民とともに歩む。", "地域を支える。"])
        XCTAssertEqual(sheet.mission.items.map(\.number), [nil, 2])
        XCTAssertEqual(sheet.mission.items[1].marker, "（２）")
        XCTAssertEqual(sheet.midTermGoals[0].body.items.map(\.text), ["一つの文。"])
        XCTAssertNil(sheet.midTermGoals[0].number)
        XCTAssertTrue(sheet.midTermGoals[0].schedule.items.isEmpty)
        XCTAssertEqual(sheet.sectionsPresent, [.mission, .approaches, .midTermGoals])
        XCTAssertEqual(sheet.fiscalYearSource, .unknown)
    }

    func testPlaceholderCodesStayStrings() throws {
        let text = "annualGoals:\n- planCodes: [0, 0-0-0, {code: 0}, {code: ５－２－①}]\n  policies: [0, \"７０\"]\n"
        let sheet = try CanonicalSheetReader.read(text: text, file: "s.yaml")
        XCTAssertEqual(sheet.annualGoals[0].planCodes.map(\.code), ["0", "0-0-0", "0", "5-2-①"])
        XCTAssertEqual(sheet.annualGoals[0].planCodes.map(\.written), ["0", "0-0-0", "0", "５－２－①"])
        XCTAssertEqual(sheet.annualGoals[0].policies.map(\.number), [0, 70])
        let yaml = CanonicalSheetWriter.yaml(sheet, spans: false)
        XCTAssertTrue(yaml.contains("code: \"0\""), yaml)
        XCTAssertTrue(yaml.contains("code: 0-0-0"), yaml)
        XCTAssertTrue(try CanonicalSheetReader.read(text: yaml, file: "w.yaml").contentEquals(sheet))
    }

    func testCodeNormalization() {
        XCTAssertEqual(CodeNormalization.planCode("５－２－①"), "5-2-①")
        XCTAssertEqual(CodeNormalization.planCode(" 5ー2‐① "), "5-2-①")
        XCTAssertEqual(CodeNormalization.planCode("5 − 2 – ④"), "5-2-④")
        XCTAssertEqual(CodeNormalization.planCode("０-０-０"), "0-0-0")
        XCTAssertEqual(CodeNormalization.planCode("０"), "0")
        XCTAssertEqual(CodeNormalization.planCode("5-2-1"), "5-2-1")  // a plain-digit direction stays, for rules
        XCTAssertEqual(CodeNormalization.planCode("コード－1"), "コード－1")  // not between digits: text
        XCTAssertEqual(CodeNormalization.planCode(CodeNormalization.planCode("５－２－①")), "5-2-①")
        XCTAssertEqual(CodeNormalization.policyNumber("７０"), 70)
        XCTAssertNil(CodeNormalization.policyNumber("七十"))
        XCTAssertNil(CodeNormalization.policyNumber(""))
    }
}
