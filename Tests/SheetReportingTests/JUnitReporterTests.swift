import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import SheetReporting

final class JUnitReporterTests: XCTestCase {
    /// Counts elements and attributes with a real XML parser, which also proves the
    /// document well-formed despite `<`, `&` and quotes in messages.
    private final class Counter: NSObject, XMLParserDelegate {
        var suites: [(name: String, tests: String, failures: String)] = []
        var testCases = 0, failures = 0
        var root: [String: String] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "testsuites": root = attributes
            case "testsuite": suites.append((attributes["name"] ?? "", attributes["tests"] ?? "", attributes["failures"] ?? ""))
            case "testcase": testCases += 1
            case "failure": failures += 1
            default: break
            }
        }
    }

    func testCountsOneCasePerFileAndRule() throws {
        let xml = JUnitReporter.render(ReportFixture.report())
        let counter = Counter()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = counter
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")\n\(xml)")
        XCTAssertEqual(counter.root["tests"], "12")
        XCTAssertEqual(counter.root["failures"], "4")
        XCTAssertEqual(counter.testCases, 12)
        XCTAssertEqual(counter.failures, 4)
        XCTAssertEqual(counter.suites.map(\.name), [ReportFixture.sheetA, "sheets/b.md", "sheets/clean.md"])
        XCTAssertEqual(counter.suites.map(\.tests), ["4", "4", "4"])
        XCTAssertEqual(counter.suites.map(\.failures), ["3", "1", "0"])
    }

    func testRuleOnlyFindingsMentionGetsACase() {
        var report = ReportFixture.report()
        report.rules = []
        let xml = JUnitReporter.render(report)
        XCTAssertTrue(xml.contains("<testsuites name=\"sheetlint\" tests=\"12\" failures=\"4\" errors=\"0\">"), xml)
    }

    func testEscaping() {
        XCTAssertEqual(XMLEscaping.attribute("a<b>&\"c'\n"), "a&lt;b&gt;&amp;&quot;c&apos;&#10;")
        XCTAssertEqual(XMLEscaping.text("a<b>&\"\n\u{01}"), "a&lt;b&gt;&amp;\"\n\u{FFFD}")
    }
}
