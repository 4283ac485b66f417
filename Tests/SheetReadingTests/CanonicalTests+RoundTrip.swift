import Foundation
import SheetModel
import XCTest
@testable import SheetReading

/// Writer output, and writer → reader round trips.
extension CanonicalTests {
    /// A sheet whose strings are the ones YAML writers get wrong.
    private func trickySheet() -> Sheet {
        let span = SourceSpan(file: "t", line: 3, startColumn: 2, endColumn: 9)
        let awkward = ["0", "2022", "yes", "null", "~", "", "1:30", "a: b", "- x", "#x", "[x]", "@x", " lead",
                       "trail ", "multi\nline", "ends\n", "two\n\n", "\ttab", "quote\"s", "back\\slash",
                       "ctl\u{1}", "ls\u{2028}ps\u{2029}", "😀 𠮷", "が (decomposed)", "1.5", "0x10", "<<", "="]
        var sheet = Sheet(file: "t")
        sheet.header = Header(department: Field(text: "0", span: span), position: nil,
                              name: Field(text: "true", span: span), span: span)
        sheet.mission = ItemList(items: awkward.enumerated().map { index, text in
            Item(number: index % 3 == 0 ? nil : index, text: text,
                 schedule: [ScheduleEntry(text: text, timing: index % 2 == 0 ? nil : text, span: span)], span: span)
        }, span: span)
        sheet.approaches = [Approach(number: nil, approach: Field(text: "a: b", span: span), review: nil, span: span)]
        sheet.annualGoals = [AnnualGoal(number: 1, title: Field(text: "2022", span: span),
                                        planCodes: [PlanCode(code: "0", written: "０", title: nil, span: span)],
                                        policies: [PolicyCitation(number: 0, written: "0", title: "no", span: span)],
                                        span: span)]
        sheet.midTermGoals = [MidTermGoal(number: nil, body: ItemList(items: [
            Item(number: 1, text: "x", subItems: [SubItem(number: 2, text: "null", span: span)], span: span),
        ], span: span), span: span)]
        return sheet
    }

    func testYAMLRoundTripOfTheExampleAndOfAwkwardStrings() throws {
        for sheet in [try example().sheet, trickySheet()] {
            for spans in [true, false] {
                let yaml = CanonicalSheetWriter.yaml(sheet, spans: spans)
                let back = try CanonicalSheetReader.read(text: yaml, file: "w.yaml")
                XCTAssertEqual(back.tree.strippingSpans(), sheet.tree.strippingSpans(), yaml)
                XCTAssertEqual(CanonicalSheetWriter.yaml(back, spans: false), CanonicalSheetWriter.yaml(sheet, spans: false))
            }
        }
    }

    func testJSONRoundTripOfTheExampleAndOfAwkwardStrings() throws {
        for sheet in [try example().sheet, trickySheet()] {
            let json = CanonicalSheetWriter.json(sheet)
            let back = try CanonicalSheetReader.read(text: json, file: "w.json")
            XCTAssertTrue(back.contentEquals(sheet), json)
            // Foundation's parser agrees that it is JSON.
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)))
        }
    }

    func testSpansReadBackPointAtTheWrittenElements() throws {
        let yaml = CanonicalSheetWriter.yaml(try example().sheet, spans: false)
        let back = try CanonicalSheetReader.read(text: yaml, file: "w.yaml")
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let title = try XCTUnwrap(back.annualGoals[1].title)
        XCTAssertEqual(lines[title.span.start.line - 1].dropFirst(title.span.start.column - 1), "市民活動の担い手づくり")
    }

    func testJSONOutputIsExact() {
        var sheet = Sheet(file: "j")
        sheet.fiscalYear = 2024
        sheet.header = Header(department: Field(text: "市民協働部\t\"/\"", span: sheet.span), span: nil)
        sheet.approaches = [Approach(number: 1, approach: nil, review: nil,
                                     span: SourceSpan(file: "j", line: 25, startColumn: 1, endColumn: 30))]
        XCTAssertEqual(CanonicalSheetWriter.json(sheet), """
            {
              "span": "1:1-1:1",
              "fiscalYear": 2024,
              "header": {
                "department": "市民協働部\\t\\"/\\"",
                "position": null,
                "name": null
              },
              "mission": {
                "items": []
              },
              "approaches": [
                {
                  "span": "25:1-25:30",
                  "number": 1,
                  "approach": null,
                  "review": null
                }
              ],
              "annualGoals": [],
              "midTermGoals": []
            }

            """)
    }

    func testYAMLOutputIsExact() {
        var sheet = Sheet(file: "y")
        sheet.fiscalYear = 2024
        sheet.header = Header(department: Field(text: "市民協働部", span: sheet.span), span: nil)
        sheet.annualGoals = [AnnualGoal(number: 1, planCodes: [
            PlanCode(code: "0", written: "0", title: "a: b", span: SourceSpan(file: "y", line: 2, startColumn: 3, endColumn: 8)),
        ], span: SourceSpan(file: "y", start: .init(line: 1, column: 1), end: .init(line: 3, column: 1)))]
        XCTAssertEqual(CanonicalSheetWriter.yaml(sheet), """
            span: "1:1-1:1"
            fiscalYear: 2024
            header:
              department: 市民協働部
              position: null
              name: null
            mission:
              items: []
            approaches: []
            annualGoals:
            - span: "1:1-3:1"
              number: 1
              title: null
              plan:
                items: []
              results:
                items: []
              directions:
                items: []
              planCodes:
              - span: "2:3-2:8"
                code: "0"
                written: "0"
                title: 'a: b'
              policies: []
            midTermGoals: []

            """)
    }
}
