import SheetModel
@testable import SheetRules
import XCTest

final class PresenceAndPatternTests: XCTestCase {
    func testRequiredReportsEveryEmptyHeaderFieldWithItsLabel() throws {
        let found = try Support.findings(selector: "header.*", kind: "required", message: "{field}", messageEn: "{field}",
                                         sheet: "header: {department: 都市経営部, position: \"　\"}\n")
        // The absent name falls back to the header's span, which starts before the position.
        XCTAssertEqual(found.map(\.message), ["氏名", "補職"])
        XCTAssertEqual(found.map(\.messageEn), ["name", "position"])
        XCTAssertEqual(found.map(\.path), ["header.name", "header.position"])
    }

    func testRequiredWithWhenChecksOnlyNodesWhoseConditionIsWritten() throws {
        let found = try Support.findings(selector: "approaches[*]", kind: "required",
                                         options: "{field: review, when: approach}", message: "{number}",
                                         sheet: """
                                         approaches:
                                           - {number: 1, approach: 方針}
                                           - {number: 2, review: 総括だけ}
                                           - {number: 3}
                                         """)
        XCTAssertEqual(found.map(\.message), ["1"])
        XCTAssertEqual(found.first?.span.start.line, 2, "the approach's own span, since review has none")
    }

    func testCountMinAndMaxIgnoreEmptyElements() throws {
        let sheet = """
        annualGoals:
          - {number: 1, policies: [1, 2, 3]}
          - {number: 2, policies: []}
        """
        let tooFew = try Support.findings(selector: "annualGoals[*].policies", kind: "count", options: "{min: 1}",
                                          message: "{goal}:{count}", sheet: sheet)
        XCTAssertEqual(tooFew.map(\.message), ["2:0"])
        let tooMany = try Support.findings(selector: "annualGoals[*].policies", kind: "count", options: "{max: 2}",
                                           message: "{goal}:{count}/{max}", sheet: sheet)
        XCTAssertEqual(tooMany.map(\.message), ["1:3/2"])
    }

    func testPatternMatchesFullWidthDigitsAndDashesAfterNormalization() throws {
        let sheet = """
        annualGoals:
          - number: 1
            planCodes: [{code: "０－０－０"}, {written: "0‐0"}, {code: "5-2-①"}]
        """
        let found = try Support.findings(selector: "annualGoals[*].planCodes[*].code", kind: "pattern",
                                         options: "{pattern: '^0(-0){0,2}$'}", message: "{written}", sheet: sheet)
        XCTAssertEqual(found.map(\.message), ["０－０－０", "0‐0"])
        XCTAssertEqual(found.map(\.span.start.line), [3, 3])
    }

    func testPatternWithoutNormalizationSeesTheTextAsWritten() throws {
        let found = try Support.findings(selector: "mission.items[*].text", kind: "pattern",
                                         options: "{pattern: '[0-9]', normalize: false}",
                                         sheet: "mission: [{number: 1, text: 全角の１だけ}, {number: 2, text: 半角の1}]\n")
        XCTAssertEqual(found.map(\.path), ["mission.items[1].text"])
    }

    func testNotPatternSuggestsTheCircledFormOnlyWhenClear() throws {
        let found = try Support.findings(
            selector: "annualGoals[*].planCodes[*].code", kind: "not-pattern",
            options: "{pattern: '^\\d+-\\d+-[①-⑳]$', except: '^0(-0)*$', suggest: [{pattern: '^(\\d+)-(\\d+)-(\\d{1,2})$', replace: '$1-$2-${circled:3}'}]}",
            message: "{value}[[ → {suggestion}]]",
            sheet: "annualGoals:\n  - {number: 1, planCodes: [\"５－２－１\", \"5-2\", \"0-0-0\", \"5-2-②\"]}\n")
        XCTAssertEqual(found.map(\.message), ["5-2-1 → 5-2-①", "5-2"])
    }

    func testEnumerationComparesAfterNormalization() throws {
        let found = try Support.findings(selector: "header.position", kind: "enumeration",
                                         options: "{values: [部長, 局長]}", message: "{value}/{expected}",
                                         sheet: "header: {position: 課長}\n")
        XCTAssertEqual(found.map(\.message), ["課長/部長, 局長"])
        XCTAssertEqual(try Support.findings(selector: "header.position", kind: "enumeration",
                                            options: "{values: [部長]}", sheet: "header: {position: 部長}\n").count, 0)
    }

    func testFindingsAreSortedByFileLineColumnAndRule() {
        let span = { (l: Int, c: Int) in SourceSpan(file: "a", line: l, startColumn: c, endColumn: c + 1) }
        let f = { (id: String, l: Int, c: Int) in
            Finding(ruleId: id, severity: .info, message: "", messageEn: "", span: span(l, c), path: "")
        }
        let sorted = [f("b", 2, 1), f("a", 10, 1), f("z", 2, 1), f("a", 2, 3)].sorted()
        XCTAssertEqual(sorted.map { "\($0.span.start.line):\($0.span.start.column):\($0.ruleId)" },
                       ["2:1:b", "2:1:z", "2:3:a", "10:1:a"])
    }
}
