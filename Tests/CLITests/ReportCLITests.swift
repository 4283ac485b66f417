import Foundation
import XCTest

/// `sheetlint report` through the binary: the files it writes and only those, its figures
/// on the bundled examples, exit codes, and a failed run leaving the previous report intact.
final class ReportCLITests: XCTestCase {
    static let files = [".sheetlint-report", "citations.csv", "completion.csv", "coverage.csv", "findings.csv", "index.html", "report.json", "summary.md"]

    /// A temporary directory holding a copy of examples/ under `in/`.
    private func workspace() throws -> URL {
        let dir = try CLIRunner.temporaryDirectory(self)
        try FileManager.default.copyItem(at: CLIRunner.repoRoot.appendingPathComponent("examples"),
                                         to: dir.appendingPathComponent("in"))
        return dir
    }

    /// Every file under `dir`, relative, sorted.
    private func tree(_ dir: URL) -> [String] {
        let e = FileManager.default.enumerator(atPath: dir.path)
        var out: [String] = []
        while let p = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: dir.appendingPathComponent(p).path, isDirectory: &isDir)
            if !isDir.boolValue { out.append(p) }
        }
        return out.sorted()
    }

    private func contents(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in Self.files { out[name] = try Data(contentsOf: dir.appendingPathComponent(name)) }
        return out
    }

    func testReportOnTheExamplesWritesOnlyItsFilesWithTheExpectedFigures() throws {
        let dir = try workspace()
        let before = tree(dir)
        let r = try CLIRunner.run(["report", "in", "--out", "audit/2024"], in: dir)
        XCTAssertEqual(r.status, 0, "the report succeeds although the sheets hold errors: \(r.stderr)")
        XCTAssertTrue(r.stdout.contains("audit/2024/index.html"), r.stdout)
        XCTAssertEqual(tree(dir), (before + Self.files.map { "audit/2024/" + $0 }).sorted(), "nothing outside --out")

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("audit/2024/report.json")))
                                 as? [String: Any])
        let overview = try XCTUnwrap(json["overview"] as? [String: Any])
        // Counted by hand from examples/README.md: 12 sheets of 6 departments (one misspelt)
        // over 3 years (令和5・6年度, and the goal-setting sheet of 令和7年度); 14 deliberate
        // problems, 7 errors, 5 warnings, 2 infos.
        XCTAssertEqual(overview["sheets"] as? Int, 12)
        XCTAssertEqual(overview["departments"] as? [String], ["健康福祉部", "子ども未來部", "市民協働部", "環境部", "総務部", "都市政策部"])
        XCTAssertEqual(overview["fiscalYears"] as? [Int], [2023, 2024, 2025])
        XCTAssertEqual(overview["findings"] as? [String: Int], ["error": 7, "warning": 5, "info": 2, "total": 14])
        let consistency = try XCTUnwrap(json["consistency"] as? [[String: Any]])
        XCTAssertEqual(consistency.compactMap { $0["ruleId"] as? String }.sorted(),
                       ["cross-sheet-title-conflict", "duplicate-sheet", "fiscal-year-outlier"])
        let submission = try XCTUnwrap(json["submission"] as? [String: Any])
        let years = try XCTUnwrap(submission["years"] as? [[String: Any]])
        XCTAssertEqual(years.map { $0["missing"] as? [String] },
                       [["子ども未来部"], ["子ども未来部", "総務部"], ["健康福祉部", "子ども未来部", "市民協働部", "総務部", "都市政策部"]])
        XCTAssertEqual(years.map { $0["unlisted"] as? [String] }, [[], ["子ども未來部"], []])
        let sheets = try XCTUnwrap(json["sheets"] as? [[String: Any]])
        let kenko = try XCTUnwrap(sheets.first { $0["file"] as? String == "in/r5/kenko-fukushi.yaml" })
        // Goal 1: plan (1)(2)(3), results (1)(2), directions (1)(2)(3) → 2 complete; goal 2: 1 of 1.
        XCTAssertEqual((kenko["completion"] as? [String: Any])?["complete"] as? Int, 3)
        XCTAssertEqual((kenko["completion"] as? [String: Any])?["planItems"] as? Int, 4)
        let kankyo = try XCTUnwrap(sheets.first { $0["file"] as? String == "in/r6/kankyo.yaml" })
        XCTAssertEqual(kankyo["stage"] as? String, "plan")
        XCTAssertTrue(kankyo["completion"] is NSNull)
        let yoy = try XCTUnwrap(json["yearOverYear"] as? [String: Any])
        let carried = try XCTUnwrap(yoy["carriedOver"] as? [[String: Any]])
        XCTAssertEqual(carried.filter { $0["codesChanged"] as? Bool == true }.compactMap { $0["title"] as? String }, ["密集住宅地の再生"])

        let html = try String(contentsOf: dir.appendingPathComponent("audit/2024/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<a href=\"../../in/r6/kankyo.yaml\">"), "links go from the page to the sheets")
        let csv = try Data(contentsOf: dir.appendingPathComponent("audit/2024/findings.csv"))
        XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF])
    }

    func testEnglishFailOnAndTheDefaultDirectory() throws {
        let dir = try workspace()
        let r = try CLIRunner.run(["report", "in/r6", "--lang", "en", "--fail-on", "error"], in: dir)
        XCTAssertEqual(r.status, 1, "--fail-on error and r6 holds a duplicate sheet: \(r.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("reports/out/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<title>Goal sheet audit report</title>"))
        XCTAssertTrue(r.stdout.hasPrefix("wrote reports/out/index.html"), r.stdout)
        let warnings = try CLIRunner.run(["report", "in/r5", "--fail-on", "warning", "--out", "r5"], in: dir)
        XCTAssertEqual(warnings.status, 1, "r5 holds an error")
        let clean = try CLIRunner.run(["report", "in/r5/kankyo.yaml", "in/r5/shimin-kyodo.yaml", "--fail-on", "info", "--out", "clean"], in: dir)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
    }

    func testAFailedRunLeavesThePreviousReportIntact() throws {
        let dir = try workspace()
        XCTAssertEqual(try CLIRunner.run(["report", "in", "--out", "out"], in: dir).status, 0)
        let previous = try contents(dir.appendingPathComponent("out"))
        // Unusable input: a missing path.
        let missing = try CLIRunner.run(["report", "in", "nai", "--out", "out"], in: dir)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nai"), missing.stderr)
        // A broken template.
        try "{{#sheets}}\n".write(to: dir.appendingPathComponent("index.html.mustache"), atomically: true, encoding: .utf8)
        let template = try CLIRunner.run(["report", "in", "--out", "out", "--templates", "."], in: dir)
        XCTAssertEqual(template.status, 2)
        XCTAssertTrue(template.stderr.contains("index.html.mustache:"), template.stderr)
        // One destination is a directory: nothing is replaced, not even the files before it.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("out/summary.md"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out/summary.md"), withIntermediateDirectories: false)
        let blocked = try CLIRunner.run(["report", "in/r5", "--out", "out"], in: dir)
        XCTAssertEqual(blocked.status, 2)
        XCTAssertTrue(blocked.stderr.contains("out/summary.md"), blocked.stderr)
        for name in Self.files where name != "summary.md" {
            XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("out/" + name)), previous[name], name)
        }
        XCTAssertEqual(tree(dir.appendingPathComponent("out")), Self.files.filter { $0 != "summary.md" }, "no temporary file left")
        // --out naming a file.
        let file = try CLIRunner.run(["report", "in", "--out", "in/README.md"], in: dir)
        XCTAssertEqual(file.status, 2)
        XCTAssertTrue(file.stderr.contains("in/README.md"), file.stderr)
    }

    func testLintReportsTheCrossSheetRulesWhenGivenSeveralSheets() throws {
        let r = try CLIRunner.run(["lint", "examples/r6", "--format", "json"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rules = (json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String }
        // 47 is 介護予防の推進 twice in kenko-fukushi.yaml and 高齢者の見守り once in kankyo.yaml: one
        // sheet each, a tie, so both sides are reported.
        XCTAssertEqual(rules.sorted(), ["cross-sheet-title-conflict", "cross-sheet-title-conflict", "cross-sheet-title-conflict",
                                        "department-unknown", "duplicate-sheet", "fiscal-year-outlier", "plan-item-without-direction"])
        let alone = try CLIRunner.run(["lint", "examples/r6/kankyo.yaml"])
        XCTAssertFalse(alone.stdout.contains("[duplicate-sheet]"), "one sheet has nothing to be compared with")
    }

    func testProgressGoesToATerminalOnlyAndIsClearedAfterwards() throws {
        let dir = try workspace()
        let piped = try CLIRunner.run(["report", "in", "--out", "piped"], in: dir)
        XCTAssertFalse(piped.stderr.contains("[1/"), "no progress when standard error is not a terminal: \(piped.stderr)")
        // util-linux `script` runs the command on a pseudo-terminal.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("SKIPPED: /usr/bin/script (util-linux) is not installed: the terminal case was not run")
        }
        let binary = CLIRunner.productsDirectory.appendingPathComponent("sheetlint").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(binary)' report in --out tty", "/dev/null"]
        process.currentDirectoryURL = dir
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        // [1/N] … [N/N], N the files found under in/ (the sheets and examples/README.md).
        let total = try XCTUnwrap(text.firstMatch(of: /\[1\/(\d+)\] in\//).map { String($0.1) }, text)
        XCTAssertGreaterThanOrEqual(Int(total) ?? 0, 12)
        XCTAssertTrue(text.contains("[\(total)/\(total)] in/"), text)
        XCTAssertNotNil(text.range(of: "\\[\(total)/\(total)\\] [^\r]*\r\u{1B}\\[2K[^\\[]", options: .regularExpression),
                        "the line is cleared before anything else is printed: \(text.debugDescription)")
        XCTAssertTrue(text.contains("tty/index.html"), text)
    }

    func testAReportInsideTheFoldersItReadsDoesNotReadItself() throws {
        let dir = try workspace()
        let inside = dir.appendingPathComponent("in")
        XCTAssertEqual(try CLIRunner.run(["report", ".", "--out", "reports/out"], in: inside).status, 0)
        let first = try Data(contentsOf: inside.appendingPathComponent("reports/out/report.json"))
        let again = try CLIRunner.run(["report", "."], in: inside)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertFalse(again.stderr.contains("reports/out"), "summary.md and report.json are not searched: \(again.stderr)")
        XCTAssertEqual(try Data(contentsOf: inside.appendingPathComponent("reports/out/report.json")), first,
                       "the second report reads the same sheets and says the same")
    }

    /// A report written into a folder of the linted tree marks its folder, so a later
    /// directory search (lint, or a report to another folder) does not read its files as
    /// sheets, without an ignore glob; named on the command line, the folder is still read.
    func testAReportFolderIsSkippedByLaterSearchesUnlessNamed() throws {
        let dir = try workspace()
        let inside = dir.appendingPathComponent("in")
        let before = try CLIRunner.run(["lint", ".", "--format", "json"], in: inside)
        XCTAssertEqual(try CLIRunner.run(["report", ".", "--out", "audit/2024"], in: inside).status, 0)
        let marker = try String(contentsOf: inside.appendingPathComponent("audit/2024/.sheetlint-report"), encoding: .utf8)
        XCTAssertTrue(marker.contains("sheetlint report"), marker)

        // lint . reads the same sheets as before the report, and says nothing about the folder.
        let after = try CLIRunner.run(["lint", ".", "--format", "json"], in: inside)
        XCTAssertEqual(after.status, before.status, after.stderr)
        XCTAssertEqual(after.stdout, before.stdout, "the report's summary.md and report.json are not read as sheets")
        XCTAssertEqual(after.stderr, before.stderr)
        XCTAssertFalse(after.stdout.contains("audit/"), after.stdout)
        // A report into another folder skips the first one by its marker.
        let second = try CLIRunner.run(["report", ".", "--out", "../second"], in: inside)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertFalse(second.stderr.contains("audit/"), second.stderr)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("second/findings.csv")),
                       try Data(contentsOf: inside.appendingPathComponent("audit/2024/findings.csv")),
                       "the second report read the same sheets as the first")
        // Named explicitly, the folder and its files are still read.
        for named in ["audit/2024", "audit/2024/summary.md"] {
            let r = try CLIRunner.run(["lint", named, "--lang", "en"], in: inside)
            XCTAssertEqual(r.status, 1, "\(named): \(r.stderr)")
            XCTAssertTrue(r.stdout.contains("audit/2024/summary.md:1:1: error: the section 'mission' is missing or empty."),
                          "\(named): \(r.stdout)")
        }
    }

    func testTheReportIsTheSameWhateverTheNumberOfJobs() throws {
        let dir = try workspace()
        XCTAssertEqual(try CLIRunner.run(["report", "in", "--out", "one", "--jobs", "1"], in: dir).status, 0)
        XCTAssertEqual(try CLIRunner.run(["report", "in", "--out", "four", "--jobs", "4"], in: dir).status, 0)
        let one = try contents(dir.appendingPathComponent("one")), four = try contents(dir.appendingPathComponent("four"))
        for name in Self.files { XCTAssertEqual(one[name], four[name], "\(name) differs between --jobs 1 and --jobs 4") }
    }
}
