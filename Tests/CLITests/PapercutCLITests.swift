import Foundation
import XCTest

/// Small things a new user trips over (issue 11, point 9): help examples that exist, every
/// rule `init` lists can be explained, errors that name what they are about, no summary for
/// a run that checked nothing, and "did you mean" for a misspelt suppressed rule.
final class PapercutCLITests: XCTestCase {
    func testEveryExamplePathInTheHelpExists() throws {
        for command in [["lint"], ["report"], ["parse"], ["rules"], ["catalog", "check"], ["init"], ["baseline", "prune"]] {
            let r = try CLIRunner.run(command + ["--help"])
            XCTAssertEqual(r.status, 0, "\(command) \(r.stderr)")
            for word in r.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }) where word.hasPrefix("examples/") {
                let name = String(word).trimmingCharacters(in: CharacterSet(charactersIn: ".,;:)）。、"))
                let path = CLIRunner.repoRoot.appendingPathComponent(name).path
                XCTAssertTrue(FileManager.default.fileExists(atPath: path), "\(command.joined(separator: " ")) --help names \(word)")
            }
        }
    }

    func testEveryRuleInitListsCanBeExplained() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        XCTAssertEqual(try CLIRunner.run(["init"], in: dir).status, 0)
        let starter = try String(contentsOf: dir.appendingPathComponent(".sheetlint.yml"), encoding: .utf8)
        // `#   rule-id: severity` lines under `rules:`.
        let ids = starter.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count >= 3, words[0] == "#", words[1].hasSuffix(":"),
                  ["error", "warning", "info"].contains(String(words[2])) else { return nil }
            return String(words[1].dropLast())
        }
        XCTAssertTrue(ids.contains("reader-note") && ids.contains("unused-suppression"), "\(ids)")
        let listed = try CLIRunner.run(["rules"]).stdout
        for id in ids {
            let r = try CLIRunner.run(["rules", "explain", id])
            XCTAssertEqual(r.status, 0, "\(id): \(r.stderr)")
            XCTAssertTrue(r.stdout.hasPrefix("\(id) ["), r.stdout)
            XCTAssertTrue(listed.contains("\n\(id) ") || listed.hasPrefix("\(id) "), "`rules` does not list \(id)")
        }
        let misspelt = try CLIRunner.run(["rules", "explain", "reader-notes"])
        XCTAssertEqual(misspelt.status, 2)
        XCTAssertEqual(misspelt.stderr, "sheetlint: ルール「reader-notes」はありません（reader-note の誤りですか）。`sheetlint rules` で一覧を表示できます\n")
    }

    func testAnEmptyDirectoryIsNamed() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sheets"), withIntermediateDirectories: true)
        let r = try CLIRunner.run(["lint", "sheets"], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr, "sheetlint: sheets: 検査するシートがありません（.md / .yaml / .yml / .json）\n")
        XCTAssertEqual(r.stdout, "")
    }

    func testAnUnreadableFileIsNotCountedAsChecked() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        try Data([0xFF, 0xFE, 0x00]).write(to: dir.appendingPathComponent("broken.md"))
        let alone = try CLIRunner.run(["lint", "broken.md"], in: dir)
        XCTAssertEqual(alone.status, 2)
        XCTAssertEqual(alone.stdout, "", "no summary for a run that checked nothing")
        XCTAssertTrue(alone.stderr.hasPrefix("sheetlint: broken.md: "), alone.stderr)
        // Beside a readable sheet, the summary counts only the sheet that was checked.
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheet.md", in: dir)
        let both = try CLIRunner.run(["lint", "broken.md", "sheet.md"], in: dir)
        XCTAssertEqual(both.status, 2)
        XCTAssertTrue(both.stdout.contains("1 個のエラー、1 個の警告、1 個の情報（1 ファイル）\n"), both.stdout)
    }

    func testAMisspeltSuppressedRuleGetsADidYouMean() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        var lines = CLIFixtures.gateSheet.components(separatedBy: "\n")
        lines.insert("<!-- sheetlint-disable-next-line plan-code-placehodler -->", at: 19)
        try CLIFixtures.write(lines.joined(separator: "\n"), "sheet.md", in: dir)
        let r = try CLIRunner.run(["lint", "sheet.md"], in: dir)
        XCTAssertTrue(r.stdout.contains(
            "sheet.md:20:1: error: 抑止に指定したルール「plan-code-placehodler」はありません（plan-code-placeholder の誤りですか） [invalid-suppression]"),
            r.stdout)
    }
}
