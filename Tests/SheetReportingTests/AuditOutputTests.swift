import CSV
import Foundation
import SheetModel
@testable import SheetReporting
import SheetRules
import XCTest

/// The report's files: CSV parsed back, report.json validated against its schema, the
/// templates built in from reports/templates/ and overridable.
final class AuditOutputTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func report(language: ReportLanguage = .ja) throws -> AuditReport {
        let sheets = [
            try AuditFixture.sheet(AuditFixture.review2023, file: "sheets/2023/ryokka.yaml"),
            try AuditFixture.sheet(AuditFixture.review2024, file: "sheets/2024/ryokka.yaml"),
            try AuditFixture.sheet(AuditFixture.plan2024, file: "sheets/2024/bosai.yaml"),
        ]
        let catalogs = [try AuditFixture.catalog(AuditFixture.partialPlan), try AuditFixture.catalog(AuditFixture.policies),
                        try AuditFixture.catalog(AuditFixture.departments)]
        let findings = [
            AuditFixture.finding("plan-code-placeholder", .error, "sheets/2023/ryokka.yaml", line: 9),
            Finding(ruleId: "direction-missing", severity: .warning, message: "引用符\"と,カンマ|と\n改行", messageEn: "quote\" comma, pipe| and\nnewline",
                    span: SourceSpan(file: "sheets/2024/ryokka.yaml", line: 4, startColumn: 1, endColumn: 2), path: "x"),
        ]
        return AuditReport(AuditFixture.input(sheets, findings: findings, catalogs: catalogs, language: language))
    }

    /// Rows of a CSV file, after checking its BOM and CRLF line ends.
    private func parse(_ text: String, file: String) throws -> [[String]] {
        let bytes = Array(text.utf8)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "\(file): UTF-8 BOM")
        XCTAssertTrue(text.hasSuffix("\r\n"), file)
        let body = String(text.unicodeScalars.dropFirst())
        let reader = try CSVReader(string: body, hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    func testCSVFilesParseBackToTheReportsFigures() throws {
        let r = try report()
        let files = Dictionary(uniqueKeysWithValues: try r.csvFiles().map { ($0.name, $0.text) })
        XCTAssertEqual(files.keys.sorted(), ["citations.csv", "completion.csv", "coverage.csv", "findings.csv"])
        for (name, text) in files {
            // Every line break outside quoted fields is CRLF.
            let lone = text.replacingOccurrences(of: "\r\n", with: "").filter { $0 == "\r" || $0 == "\n" }
            let quotedBreaks = r.allFindings.filter { $0.message.contains("\n") }.count
            XCTAssertEqual(lone.count, name == "findings.csv" ? quotedBreaks : 0, name)
        }

        let findings = try parse(try XCTUnwrap(files["findings.csv"]), file: "findings.csv")
        XCTAssertEqual(findings[0], ["file", "line", "column", "severity", "rule", "message", "department", "fiscal_year"])
        XCTAssertEqual(findings.count - 1, 2)
        XCTAssertEqual(findings[2], ["sheets/2024/ryokka.yaml", "4", "1", "warning", "direction-missing", "引用符\"と,カンマ|と\n改行",
                                     "緑化推進部", "2024"], "quotes, commas and line breaks survive the round trip")

        let completion = try parse(try XCTUnwrap(files["completion.csv"]), file: "completion.csv")
        XCTAssertEqual(completion.dropFirst().map { [$0[0], $0[4], $0[6], $0[7], $0[8], $0[9], $0[10]] }, [
            ["sheets/2023/ryokka.yaml", "1", "3", "2", "3", "2", "0.6667"],
            ["sheets/2023/ryokka.yaml", "2", "1", "1", "0", "0", "0"],
            ["sheets/2023/ryokka.yaml", "3", "2", "2", "1", "1", "0.5"],
            ["sheets/2024/ryokka.yaml", "1", "2", "2", "2", "2", "1"],
            ["sheets/2024/ryokka.yaml", "2", "1", "1", "0", "0", "0"],
            ["sheets/2024/bosai.yaml", "", "", "", "", "", ""],
        ])
        XCTAssertEqual(completion.last?[3], "plan")

        let coverage = try parse(try XCTUnwrap(files["coverage.csv"]), file: "coverage.csv")
        // One row per (catalogue, year, entry, department): compare the sums with the report.
        for table in r.coverage {
            let rows = coverage.filter { $0[0] == table.catalogId && $0[2] == (table.fiscalYear.map(String.init) ?? "") }
            XCTAssertEqual(rows.count, table.rows.count * table.departments.count)
            XCTAssertEqual(rows.map { Int($0[6])! }.reduce(0, +), table.rows.map(\.total).reduce(0, +))
            XCTAssertEqual(Set(rows.map { $0[1] }), [table.catalogComplete ? "true" : "false"])
        }
        XCTAssertTrue(coverage.contains(["sogo-keikaku", "false", "2023", "4-2-①", "みどりを守り育てます。", "緑化推進部", "2"]))

        let citations = try parse(try XCTUnwrap(files["citations.csv"]), file: "citations.csv")
        XCTAssertEqual(citations.count - 1, r.citations.count)
        XCTAssertEqual(citations.dropFirst().map { "\($0[7]) \($0[10])" }.prefix(5),
                       ["4-2-① known", "0-0-0 placeholder", "52 known", "9-9-① unknown", "0 placeholder"])
    }

    func testReportJSONIsValidAgainstItsSchema() throws {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let pyenv = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let interpreter = pyenv ?? python else { throw XCTSkip("python3 is not installed: report.json not validated") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sheetlint-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var documents: [URL] = []
        for (i, language) in [ReportLanguage.ja, .en].enumerated() {
            let url = dir.appendingPathComponent("report\(i).json")
            try try report(language: language).json.write(to: url, atomically: true, encoding: .utf8)
            documents.append(url)
        }
        // A report of one sheet: no year-over-year, and without a departments catalogue no submission.
        let one = AuditReport(AuditFixture.input([try AuditFixture.sheet(AuditFixture.plan2024, file: "a.yaml")]))
        XCTAssertNil(one.yearOverYear)
        XCTAssertNil(one.submission)
        let single = dir.appendingPathComponent("single.json")
        try one.json.write(to: single, atomically: true, encoding: .utf8)
        documents.append(single)
        // And a document the schema must reject, so the check is known to be able to fail.
        let broken = dir.appendingPathComponent("broken.json")
        try one.json.replacingOccurrences(of: "\"planItems\"", with: "\"planItemz\"")
            .replacingOccurrences(of: "\"sheets\": 1", with: "\"sheets\": -1").write(to: broken, atomically: true, encoding: .utf8)

        let script = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft7Validator.check_schema(schema)
        validator = jsonschema.Draft7Validator(schema)
        for path in sys.argv[2:]:
            errors = sorted(validator.iter_errors(json.load(open(path))), key=str)
            print(path.rsplit("/", 1)[-1], len(errors), errors[0].message if errors else "")
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-c", script, Self.repo.appendingPathComponent("rules/schema/report.schema.json").path]
            + (documents + [broken]).map(\.path)
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "python3 with jsonschema (.ci/run installs it): \(err)")
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.prefix(3).map { $0.split(separator: " ").prefix(2).joined(separator: " ") },
                       ["report0.json 0", "report1.json 0", "single.json 0"], out)
        XCTAssertTrue(lines.last?.hasPrefix("broken.json ") == true && lines.last?.hasPrefix("broken.json 0") == false, out)
    }

    func testBuiltInTemplatesMatchReportsTemplates() throws {
        let dir = Self.repo.appendingPathComponent("reports/templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(ReportTemplates.files.map(\.name), names, "run scripts/generate-report-templates")
        for file in ReportTemplates.files {
            let onDisk = try String(contentsOf: dir.appendingPathComponent(file.name), encoding: .utf8)
            XCTAssertTrue(onDisk == file.text, "\(file.name) differs from ReportTemplates.generated.swift: run scripts/generate-report-templates")
        }
        XCTAssertEqual(Set(names), Set(AuditTemplates.names))
    }

    func testBothLabelFilesHaveTheSameKeysAndEveryKeyTheTemplatesUse() throws {
        let t = AuditTemplates.builtIn
        func keys(_ name: String) throws -> Set<String> {
            let object = try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(t.files[name]).utf8))
            return Set(try XCTUnwrap(object as? [String: String]).keys)
        }
        let ja = try keys("labels.ja.json"), en = try keys("labels.en.json")
        XCTAssertEqual(ja, en)
        for name in ["index.html.mustache", "summary.md.mustache"] {
            let text = try XCTUnwrap(t.files[name])
            let used = Set(text.matches(of: /\{\{t\.([A-Za-z]+)\}\}/).map { String($0.1) })
            XCTAssertFalse(used.isEmpty)
            XCTAssertEqual(used.subtracting(ja), [], "\(name) uses labels that do not exist")
        }
    }

    func testPageAndSummaryShowTheFiguresInBothLanguages() throws {
        let (html, markdown) = try report().render(with: .builtIn)
        XCTAssertTrue(html.contains("<title>目標設定シート 監査レポート</title>"))
        XCTAssertTrue(html.contains("<svg id=\"findings-chart\""))
        XCTAssertTrue(html.contains("class=\"coverage-table\""))
        XCTAssertTrue(html.contains("引用符&quot;と,カンマ|と"), "values are HTML-escaped")
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.range(of: "(src|href)=\"(https?:)?//", options: .regularExpression) != nil, "no network resource")
        // The partial catalogue is flagged next to its figures.
        XCTAssertTrue(html.contains("このカタログは不完全です"))
        XCTAssertTrue(html.contains("項目数: 4<span class=\"partial\">※</span>"), "the mark sits next to the figure")
        XCTAssertTrue(markdown.contains("| sheets/2023/ryokka.yaml | 緑化推進部 | 2023 | 振り返り | 1 | 0 | 0 | 1 | 50.0% |"), markdown)
        XCTAssertTrue(markdown.contains("- 緑化推進部: 当年度目標 No.1 公園の再整備 (2023 → 2024): 総合計画 4-2-①, 0-0-0 / 基本政策 52 → 総合計画 4-1-① / 基本政策 52 **変更あり**"), markdown)
        XCTAssertTrue(markdown.contains("| 2024 | 2 / 3 | 会計室 | なし |"), markdown)
        XCTAssertEqual(MarkdownContentType().escapeText("引用符\"と|と\n改行<b>"), "引用符\"と\\|と 改行&lt;b>",
                       "a pipe or line break cannot break a Markdown table")
        let (htmlEn, markdownEn) = try report(language: .en).render(with: .builtIn)
        XCTAssertTrue(htmlEn.contains("<title>Goal sheet audit report</title>"))
        XCTAssertTrue(htmlEn.contains("<html lang=\"en\">"))
        XCTAssertTrue(markdownEn.contains("This catalogue is incomplete (complete: false)"), markdownEn)
    }

    func testTemplatesFromADirectoryReplaceTheBuiltInOnesAndTheirErrorsNameTheLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sheetlint-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{{% CONTENT_TYPE: MARKDOWN}}\n# {{t.title}}: {{overview.sheets}}\n".write(
            to: dir.appendingPathComponent("summary.md.mustache"), atomically: true, encoding: .utf8)
        let templates = try AuditTemplates.overridden(by: dir.path)
        let (html, markdown) = try report().render(with: templates)
        XCTAssertEqual(markdown, "# 目標設定シート 監査レポート: 3\n")
        XCTAssertTrue(html.contains("<svg id=\"findings-chart\""), "the page keeps the built-in template")

        try "<p>\n{{#sheets}}{{file}}\n".write(to: dir.appendingPathComponent("index.html.mustache"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try report().render(with: try AuditTemplates.overridden(by: dir.path))) { error in
            let e = error as? TemplateError
            XCTAssertEqual(e?.file, dir.appendingPathComponent("index.html.mustache").path)
            XCTAssertNotNil(e?.line)
        }
        try "[1, 2]".write(to: dir.appendingPathComponent("labels.ja.json"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("index.html.mustache"))
        XCTAssertThrowsError(try report().render(with: try AuditTemplates.overridden(by: dir.path))) { error in
            XCTAssertEqual((error as? TemplateError)?.messageEn, "labels must be a JSON object of strings")
        }
        XCTAssertThrowsError(try AuditTemplates.overridden(by: dir.appendingPathComponent("nai").path))
    }
}
