import Foundation
import XCTest
@testable import SheetReporting

final class SARIFTests: XCTestCase {
    /// The shared SARIF schema: `$SARIF_SCHEMA`, else `../shared/schemas/` beside the repo.
    private var schemaPath: String {
        if let path = ProcessInfo.processInfo.environment["SARIF_SCHEMA"] { return path }
        return URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent() // SheetReportingTests
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json").path
    }

    func testValidatesAgainstSchema() throws {
        guard FileManager.default.fileExists(atPath: schemaPath) else { throw XCTSkip("no schema at \(schemaPath)") }
        for report in [ReportFixture.report(.ja), ReportFixture.report(.en, root: nil)] {
            let (status, output) = try validate(SARIFReporter.render(report))
            XCTAssertEqual(status, 0, output)
        }
    }

    func testSchemaValidationCanFail() throws {
        guard FileManager.default.fileExists(atPath: schemaPath) else { throw XCTSkip("no schema at \(schemaPath)") }
        let broken = SARIFReporter.render(ReportFixture.report()).replacingOccurrences(of: "\"2.1.0\"", with: "\"9\"")
        let (status, _) = try validate(broken)
        XCTAssertEqual(status, 1)
    }

    func testCarriesWhatGitHubCodeScanningNeeds() throws {
        let log = try json(SARIFReporter.render(ReportFixture.report()))
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
        let base = (run["originalUriBaseIds"] as? [String: [String: String]])?["%SRCROOT%"]?["uri"]
        XCTAssertEqual(base, "file:///work/repo/")
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["name"] as? String }, ["PlanCodePlaceholder", "ResultMissing", "DirectionMissing", "MixedWidthBrackets"])
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 4)
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String)
            let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let artifact = try XCTUnwrap(location["artifactLocation"] as? [String: String])
            XCTAssertFalse(artifact["uri"]!.hasPrefix("/"), "absolute uri \(artifact["uri"]!)")
            XCTAssertEqual(artifact["uriBaseId"], "%SRCROOT%")
            let fingerprint = (result["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"]
            XCTAssertNotNil(fingerprint)
        }
        let first = results[0]["locations"] as? [[String: [String: [String: Any]]]]
        XCTAssertEqual(first?[0]["physicalLocation"]?["artifactLocation"]?["uri"] as? String,
                       "sheets/%E9%83%BD%E5%B8%82%E7%B5%8C%E5%96%B6%E9%83%A8%20%E7%9B%AE%E6%A8%99.md")
        XCTAssertEqual(first?[0]["physicalLocation"]?["region"]?["startColumn"] as? Int, 5)
        let last = results[3]["locations"] as? [[String: [String: [String: Any]]]]
        XCTAssertEqual(last?[0]["physicalLocation"]?["artifactLocation"]?["uri"] as? String, "sheets/b.md")
    }

    func testWithoutRootOmitsBaseIdsAndKeepsOutsidePathsAsFileURIs() throws {
        var report = ReportFixture.report(root: nil)
        report.findings[3].span.file = "/elsewhere/b c.md"
        let text = SARIFReporter.render(report)
        XCTAssertFalse(text.contains("uriBaseId"), text)
        XCTAssertTrue(text.contains("\"uri\": \"file:///elsewhere/b%20c.md\""), text)
        XCTAssertTrue(SARIFReporter.render(ReportFixture.report()).contains("\"uriBaseId\": \"%SRCROOT%\""))
    }

    func testEmptyReportHasEmptyArrays() throws {
        let report = LintReport(findings: [], rules: [], files: [], toolVersion: "0.1.0")
        let run = try XCTUnwrap((json(SARIFReporter.render(report))["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual((run["results"] as? [Any])?.count, 0)
        XCTAssertEqual((run["artifacts"] as? [Any])?.count, 0)
        let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any]
        XCTAssertEqual((driver?["rules"] as? [Any])?.count, 0)
    }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Runs Python's jsonschema on `sarif`; skips when python3 or jsonschema is missing.
    private func validate(_ sarif: String) throws -> (Int32, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sheetlint-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let logPath = dir.appendingPathComponent("report.sarif").path
        try Data(sarif.utf8).write(to: URL(fileURLWithPath: logPath))
        let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        log = json.load(open(sys.argv[2], encoding="utf-8"))
        errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(log))
        for e in errors:
            print("/".join(map(str, e.absolute_path)), e.message)
        sys.exit(1 if errors else 0)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemaPath, logPath]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { throw XCTSkip("cannot run python3: \(error)") }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 3 { throw XCTSkip("python3 has no jsonschema module") }
        if process.terminationStatus == 127 { throw XCTSkip("no python3: \(output)") }
        return (process.terminationStatus, output)
    }
}
