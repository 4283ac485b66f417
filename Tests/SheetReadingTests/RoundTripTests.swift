import Foundation
import SheetModel
import XCTest
@testable import SheetReading

/// Markdown → canonical YAML (or JSON) → model gives the model the Markdown reader gave,
/// for every quirk fixture. Spans are stripped: they say where each form wrote a value.
final class RoundTripTests: XCTestCase {
    private func assertRoundTrip(_ form: String, file: StaticString = #filePath, line: UInt = #line,
                                 write: (Sheet) -> String) throws {
        let names = try QuirkFixtures.names()
        XCTAssertFalse(names.isEmpty, file: file, line: line)
        for name in names {
            let sheet = try QuirkFixtures.read(name)
            let text = write(sheet)
            let back: Sheet
            do {
                back = try CanonicalSheetReader.read(text: text, file: "\(name).\(form)")
            } catch {
                XCTFail("\(name): the canonical \(form) does not read back: \(error)", file: file, line: line)
                continue
            }
            let expected = sheet.tree.strippingSpans(), actual = back.tree.strippingSpans()
            XCTAssertTrue(actual == expected, "\(name) via \(form): "
                          + QuirkFixtures.firstDifference(actual.dump(), expected.dump()), file: file, line: line)
            XCTAssertTrue(back.contentEquals(sheet), "\(name) via \(form)", file: file, line: line)
        }
    }

    func testMarkdownToYAMLToModelKeepsTheModel() throws {
        try assertRoundTrip("yaml") { CanonicalSheetWriter.yaml($0) }
    }

    func testMarkdownToJSONToModelKeepsTheModel() throws {
        try assertRoundTrip("json") { CanonicalSheetWriter.json($0) }
    }

    func testWithoutSpanKeysToo() throws {
        try assertRoundTrip("yaml") { CanonicalSheetWriter.yaml($0, spans: false) }
        try assertRoundTrip("json") { CanonicalSheetWriter.json($0, spans: false) }
    }

    /// The comparison is not vacuous: a changed value is seen.
    func testStrippedTreesStillDifferInContent() throws {
        let sheet = try QuirkFixtures.read("placeholders")
        var changed = sheet
        changed.annualGoals[0].policies[0].number = 1
        XCTAssertNotEqual(changed.tree.strippingSpans(), sheet.tree.strippingSpans())
    }
}
