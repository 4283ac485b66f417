import Foundation
import XCTest

/// Issue #8, defects 2, 3, 11 and 12: what a directory walk and the command line do with
/// link loops, FIFOs, unreadable and dangling entries, and bad option values.
final class FileSafetyCLITests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try BoundedRun.openDirectory(self)
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheets/sheet.md", in: dir)
    }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// Defect 2: `self -> .` plus `up -> ..` hung; one `self -> .` linted the sheet 41 times.
    func testSymlinkLoopsEndAndEachFileIsLintedOnce() throws {
        try FileManager.default.createSymbolicLink(atPath: path("sheets/self"), withDestinationPath: ".")
        try FileManager.default.createDirectory(atPath: path("sheets/sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path("sheets/sub/up"), withDestinationPath: "..")
        let result = try BoundedRun.run(["lint", "--format", "json", "sheets"], in: dir)
        XCTAssertFalse(result.timedOut, "the walk must end")
        XCTAssertEqual(result.status, 1)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = report?["diagnostics"] as? [[String: Any]] ?? []
        XCTAssertEqual(findings.count, 3, "one sheet, three findings, once each: \(result.stdout)")
        XCTAssertTrue(result.stderr.contains("sheets/self: skipped, a directory already searched") ||
                      result.stderr.contains("sheets/self: 既に検索したディレクトリ"), result.stderr)
        XCTAssertTrue(result.stderr.contains("sheets/sub/up:"), result.stderr)
    }

    /// Defect 3: a FIFO blocked forever, named or found as `f.md`.
    func testFIFOIsAnErrorWhenNamedAndANoticeWhenFound() throws {
        XCTAssertEqual(mkfifo(path("sheets/f.md"), 0o644), 0)
        let found = try BoundedRun.run(["lint", "--lang", "en", "sheets"], in: dir)
        XCTAssertFalse(found.timedOut)
        XCTAssertEqual(found.status, 1, "the regular sheet is still linted: \(found.stderr)")
        XCTAssertTrue(found.stderr.contains("sheets/f.md: skipped, not a regular file (a FIFO (named pipe))"), found.stderr)
        let named = try BoundedRun.run(["lint", "--lang", "en", "sheets/f.md"], in: dir)
        XCTAssertFalse(named.timedOut)
        XCTAssertEqual(named.status, 2)
        XCTAssertTrue(named.stderr.contains("sheets/f.md: not a regular file, not read (a FIFO (named pipe))"), named.stderr)
        let parsed = try BoundedRun.run(["parse", "sheets/f.md"], in: dir)
        XCTAssertFalse(parsed.timedOut)
        XCTAssertEqual(parsed.status, 2)
        let asConfig = try BoundedRun.run(["lint", "--config", "sheets/f.md", "sheets/sheet.md"], in: dir)
        XCTAssertFalse(asConfig.timedOut)
        XCTAssertEqual(asConfig.status, 2)
    }

    /// Defect 11: an unreadable subdirectory and a dangling link were skipped silently.
    /// Run as `nobody`, since root reads any directory.
    func testUnreadableAndDanglingEntriesAreNoticesAndNamedOnesAreErrors() throws {
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheets/locked/hidden.md", in: dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path("sheets/locked"))
        addTeardownBlock { [path] in try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path("sheets/locked")) }
        try FileManager.default.createSymbolicLink(atPath: path("sheets/gone.md"), withDestinationPath: "nowhere.md")
        let walk = try BoundedRun.run(["lint", "--lang", "en", "sheets"], in: dir, asNobody: true)
        XCTAssertEqual(walk.status, 1, walk.stderr)
        XCTAssertTrue(walk.stderr.contains("sheets/locked: skipped, cannot read the directory"), walk.stderr)
        XCTAssertTrue(walk.stderr.contains("sheets/gone.md: skipped, a symbolic link to nothing"), walk.stderr)
        let named = try BoundedRun.run(["lint", "--lang", "en", "sheets/locked", "sheets/sheet.md"], in: dir, asNobody: true)
        XCTAssertEqual(named.status, 2, named.stderr)
        XCTAssertTrue(named.stderr.contains("sheets/locked: cannot read the directory"), named.stderr)
        let dangling = try BoundedRun.run(["lint", "--lang", "en", "sheets/gone.md"], in: dir)
        XCTAssertEqual(dangling.status, 2, dangling.stderr)
        XCTAssertTrue(dangling.stderr.contains("sheets/gone.md: not a regular file, not read (a symbolic link to nothing)"), dangling.stderr)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path("sheets/sheet.md"))
        let unreadable = try BoundedRun.run(["lint", "--lang", "en", "sheets/sheet.md"], in: dir, asNobody: true)
        XCTAssertEqual(unreadable.status, 2, unreadable.stderr)
        XCTAssertTrue(unreadable.stderr.contains("sheets/sheet.md: Cannot open the file (permission denied)"), unreadable.stderr)
    }

    /// Defect 12: a rule file that is unreadable, a FIFO or a directory was reported as
    /// "cannot read as UTF-8 text".
    func testRuleFilesThatCannotBeReadSayWhy() throws {
        try FileManager.default.createDirectory(atPath: path("rules/dir.yml"), withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(path("rules/pipe.yml"), 0o644), 0)
        try CLIFixtures.write("version: 1\nrules: []\n", "rules/locked.yml", in: dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path("rules/locked.yml"))
        let result = try BoundedRun.run(["lint", "--lang", "en", "--rules", "rules", "sheets"], in: dir, asNobody: true)
        XCTAssertFalse(result.timedOut)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("rules/dir.yml:1:1: This is a directory, not a file"), result.stderr)
        XCTAssertTrue(result.stderr.contains("rules/pipe.yml:1:1: not a regular file, not read (a FIFO (named pipe))"), result.stderr)
        XCTAssertTrue(result.stderr.contains("rules/locked.yml:1:1: Cannot open the file (permission denied)"), result.stderr)
        XCTAssertFalse(result.stderr.contains("UTF-8"), result.stderr)
    }

    /// Defect 12: `--jobs -1` and `--max-warnings -1` said "Missing value"; `--fiscal-year`
    /// took 0, -5 and 99999 while a configuration allows 1900–2999.
    func testNumericOptionsAreValidatedWithTheirOwnMessages() throws {
        let cases: [([String], String)] = [
            (["--jobs", "-1"], "--jobs must be 1 or more"),
            (["--jobs", "0"], "--jobs must be 1 or more"),
            (["--max-warnings", "-1"], "--max-warnings must be 0 or more"),
            (["--fiscal-year", "0"], "--fiscal-year must be a western-calendar fiscal year from 1900 to 2999"),
            (["--fiscal-year", "-5"], "--fiscal-year must be a western-calendar fiscal year from 1900 to 2999"),
            (["--fiscal-year", "99999"], "--fiscal-year must be a western-calendar fiscal year from 1900 to 2999"),
            (["--fiscal-year", "1800"], "--fiscal-year must be a western-calendar fiscal year from 1900 to 2999"),
        ]
        // `report` takes lint's input options (all but --max-warnings) and checks them alike.
        for command in ["lint", "report"] {
            for (options, message) in cases where command == "lint" || options[0] != "--max-warnings" {
                // The English texts (the default language, Japanese, is LanguageCLITests' subject).
                let out = command == "report" ? ["--out", "audit"] : []
                let result = try BoundedRun.run([command] + options + ["sheets", "--lang", "en"] + out, in: dir)
                XCTAssertEqual(result.status, 2, "\(command) \(options)")
                XCTAssertTrue(result.stderr.contains(message), "\(command) \(options): \(result.stderr)")
                XCTAssertTrue(result.stderr.contains("Usage: sheetlint \(command) "), "\(command) \(options): \(result.stderr)")
                XCTAssertFalse(result.stderr.contains("Missing value"), "\(command) \(options): \(result.stderr)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("audit")), "a refused report wrote nothing")
        let parse = try BoundedRun.run(["parse", "--fiscal-year", "1800", "sheets/sheet.md", "--lang", "en"], in: dir)
        XCTAssertEqual(parse.status, 2)
        XCTAssertTrue(parse.stderr.contains("from 1900 to 2999"), parse.stderr)
        for year in ["1900", "2999"] {
            XCTAssertEqual(try BoundedRun.run(["lint", "--fiscal-year", year, "sheets"], in: dir).status, 1, year)
            XCTAssertEqual(try BoundedRun.run(["report", "--fiscal-year", year, "sheets", "--out", "audit-\(year)"], in: dir).status, 0, year)
        }
    }
}
