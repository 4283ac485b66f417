import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import SheetModel
@testable import SheetReporting

final class JUnitReporterTests: XCTestCase {
    /// Counts elements and attributes with a real XML parser, which also proves the
    /// document well-formed despite `<`, `&` and quotes in messages.
    private final class Counter: NSObject, XMLParserDelegate {
        var suites: [(name: String, tests: String, failures: String)] = []
        var testCases = 0, failures = 0, systemOuts = 0
        var root: [String: String] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "testsuites": root = attributes
            case "testsuite": suites.append((attributes["name"] ?? "", attributes["tests"] ?? "", attributes["failures"] ?? ""))
            case "testcase": testCases += 1
            case "failure": failures += 1
            case "system-out": systemOuts += 1
            default: break
            }
        }
    }

    private func count(_ report: LintReport) -> (Counter, String) {
        let xml = JUnitReporter.render(report)
        let counter = Counter()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = counter
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")\n\(xml)")
        return (counter, xml)
    }

    func testCountsOneCasePerFileAndRuleAndFailsOnlyWhatFailsTheGate() throws {
        // No gate given: errors fail; the warning and info cases pass with their text.
        let (counter, _) = count(ReportFixture.report())
        XCTAssertEqual(counter.root["tests"], "12")
        XCTAssertEqual(counter.root["failures"], "2")
        XCTAssertEqual(counter.testCases, 12)
        XCTAssertEqual(counter.failures, 2)
        XCTAssertEqual(counter.systemOuts, 2)
        XCTAssertEqual(counter.suites.map(\.name), [ReportFixture.sheetA, "sheets/b.md", "sheets/clean.md"])
        XCTAssertEqual(counter.suites.map(\.tests), ["4", "4", "4"])
        XCTAssertEqual(counter.suites.map(\.failures), ["2", "0", "0"])
    }

    func testAGateOnInfoFailsEveryCaseWithFindings() throws {
        var report = ReportFixture.report()
        report.gate = GateVerdict(failOn: .info, maxWarnings: nil, reasons: [.failOn(.info, count: 5)])
        let (counter, _) = count(report)
        XCTAssertEqual(counter.root["failures"], "4")
        XCTAssertEqual(counter.systemOuts, 0)
        XCTAssertEqual(counter.suites.map(\.failures), ["3", "1", "0"])
    }

    func testExceededWarningLimitFailsWarningCases() throws {
        var report = ReportFixture.report()
        report.gate = GateVerdict(failOn: .error, maxWarnings: 0, reasons: [.maxWarnings(limit: 0, count: 1)])
        let (counter, _) = count(report)
        XCTAssertEqual(counter.failures, 3)
        XCTAssertEqual(counter.systemOuts, 1)
    }

    func testRuleOnlyFindingsMentionGetsACase() {
        var report = ReportFixture.report()
        report.rules = []
        let xml = JUnitReporter.render(report)
        XCTAssertTrue(xml.contains("<testsuites name=\"sheetlint\" tests=\"12\" failures=\"2\" errors=\"0\">"), xml)
    }

    func testEscaping() {
        XCTAssertEqual(XMLEscaping.attribute("a<b>&\"c'\n"), "a&lt;b&gt;&amp;&quot;c&apos;&#10;")
        XCTAssertEqual(XMLEscaping.text("a<b>&\"\n\u{01}"), "a&lt;b&gt;&amp;\"\n\u{FFFD}")
    }
}

/// A rule that does not run at a file's stage is a skipped test case for that file.
final class JUnitStageTests: XCTestCase {
    func testRulesOfTheOtherStageAreSkipped() {
        let rules = [ReportedRule(id: "result-missing", severity: .error, summary: "s", description: "d", stages: [.review]),
                     ReportedRule(id: "plan-code-placeholder", severity: .error, summary: "s", description: "d")]
        let report = LintReport(findings: [], rules: rules, files: ["plan.md", "review.md", "unknown.md"], language: .en,
                                toolVersion: "0",
                                stages: ["plan.md": ResolvedStage(.plan, source: .inferred),
                                         "review.md": ResolvedStage(.review, source: .option)])
        let xml = JUnitReporter.render(report)
        XCTAssertTrue(xml.contains("""
              <testsuite name="plan.md" tests="2" failures="0" errors="0" skipped="1">
                <testcase name="result-missing" classname="plan.md">
                  <skipped message="not checked at stage plan (goal-setting)"/>
                </testcase>
                <testcase name="plan-code-placeholder" classname="plan.md"/>
            """), xml)
        XCTAssertTrue(xml.contains("<testsuite name=\"review.md\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"0\">"), xml)
        // Without a known stage nothing is skipped.
        XCTAssertTrue(xml.contains("<testsuite name=\"unknown.md\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"0\">"), xml)
    }
}
