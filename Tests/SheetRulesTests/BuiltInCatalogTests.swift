import SheetModel
@testable import SheetRules
import XCTest

/// The built-in catalogues are written as Swift values at build time
/// (scripts/generate-default-rules), so that start-up neither decodes nor checks them. Each
/// value must be exactly the catalogue `Catalog.parse` reads from the embedded file: every
/// field, every entry and heading, the key pattern's source and the position errors and
/// findings name.
final class BuiltInCatalogTests: XCTestCase {
    func testEachBuiltInCatalogueIsTheOneParsedFromItsFile() throws {
        let files = DefaultRuleSet.files.filter { RuleSet.isBuiltInCatalog($0.name) }
        let values = DefaultRuleSet.catalogs()
        XCTAssertEqual(values.map(\.file), files.map { "<default>/" + $0.name }, "run scripts/generate-default-rules")
        XCTAssertEqual(files.count, 2)
        for (value, file) in zip(values, files) {
            // Through the composed tables, as start-up read them before, and from the text.
            for name in ["<default>/" + file.name, "<text>/" + file.name] {
                let (parsed, errors) = Catalog.parseReportingErrors(text: file.text, file: name)
                XCTAssertEqual(errors.map(\.description), [], name)
                var expected = try XCTUnwrap(parsed, name)
                if name.hasPrefix("<text>/") {
                    expected.file = value.file
                    expected.keyPattern.origin?.file = value.file
                }
                assertSame(value, expected, name)
            }
            XCTAssertNoThrow(try value.keyPattern.regex.get(), file.name)
        }
    }

    func testTheDefaultSetHoldsTheGeneratedCatalogues() {
        let catalogs = RuleSet.loadDefault().catalogs
        XCTAssertEqual(catalogs.keys.sorted(), ["kihon-seisaku-2022", "sogo-keikaku"])
        for value in DefaultRuleSet.catalogs() {
            guard let loaded = catalogs[value.id] else { return XCTFail(value.id) }
            assertSame(loaded, value, value.id)
        }
    }

    func testAChangedValueIsNoticed() throws {
        let value = try XCTUnwrap(DefaultRuleSet.catalogs().first)
        var other = value
        other.keyPattern.origin?.position = SourcePosition(line: 1, column: 1)
        XCTAssertFalse(same(value, other))
        other = value
        other.entries[other.entries.keys.sorted()[0]]?.uncertain.toggle()
        XCTAssertFalse(same(value, other))
        XCTAssertTrue(same(value, value))
    }

    private func same(_ a: Catalog, _ b: Catalog) -> Bool {
        a == b && a.keyPattern.source == b.keyPattern.source && a.keyPattern.origin == b.keyPattern.origin
            && a.entries == b.entries && a.headings == b.headings && a.ranges == b.ranges
    }

    private func assertSame(_ a: Catalog, _ b: Catalog, _ what: String, line: UInt = #line) {
        XCTAssertEqual(a.id, b.id, what, line: line)
        XCTAssertEqual(a.name, b.name, what, line: line)
        XCTAssertEqual(a.sources, b.sources, what, line: line)
        XCTAssertEqual(a.keyPattern.source, b.keyPattern.source, what, line: line)
        XCTAssertEqual(a.keyPattern.origin, b.keyPattern.origin, what, line: line)
        XCTAssertEqual(a.ranges, b.ranges, what, line: line)
        XCTAssertEqual(a.everyInRangeExists, b.everyInRangeExists, what, line: line)
        XCTAssertEqual(a.complete, b.complete, what, line: line)
        XCTAssertEqual(a.titlesComplete, b.titlesComplete, what, line: line)
        XCTAssertEqual(a.entries, b.entries, what, line: line)
        XCTAssertEqual(a.headings, b.headings, what, line: line)
        XCTAssertEqual(a.file, b.file, what, line: line)
        XCTAssertTrue(same(a, b), what, line: line)
    }
}
