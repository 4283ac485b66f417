import Foundation
import XCTest

/// --write-baseline / --baseline / baseline prune: old findings stay hidden after their
/// lines move, new ones still fail, and no absolute path is ever written.
final class BaselineCLITests: XCTestCase {
    func testOldFindingsHiddenEvenAfterMovingNewOnesFail() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheets/sheet.md", in: dir)
        let write = try CLIRunner.run(["lint", "--write-baseline", "baseline.json", "sheets"], in: dir)
        XCTAssertEqual(write.status, 0, "writing a baseline accepts the current state: \(write.stderr)")

        let text = try String(contentsOf: dir.appendingPathComponent("baseline.json"), encoding: .utf8)
        XCTAssertTrue(text.contains("\"file\" : \"sheets/sheet.md\""), text)
        XCTAssertFalse(text.contains(dir.path), "no absolute path in a baseline")

        XCTAssertEqual(try CLIRunner.run(["lint", "--baseline", "baseline.json", "sheets"], in: dir).status, 0)

        // Three blank lines at the top move every finding; the baseline still hides them.
        try CLIFixtures.write("\n\n\n" + CLIFixtures.gateSheet, "sheets/sheet.md", in: dir)
        let moved = try CLIRunner.run(["lint", "--baseline", "baseline.json", "sheets"], in: dir)
        XCTAssertEqual(moved.status, 0, moved.stdout)
        XCTAssertFalse(moved.stdout.contains("error:"), moved.stdout)

        // A new placeholder in the mid-term goal is new: it fails the gate.
        let worse = ("\n\n\n" + CLIFixtures.gateSheet).replacingOccurrences(of: "| 5-2-① | 公正で", with: "| 0-0-0 | 公正で")
        try CLIFixtures.write(worse, "sheets/sheet.md", in: dir)
        let failing = try CLIRunner.run(["lint", "--baseline", "baseline.json", "sheets"], in: dir)
        XCTAssertEqual(failing.status, 1, failing.stdout)
        XCTAssertTrue(failing.stdout.contains("中期目標 No.1"), failing.stdout)
        XCTAssertFalse(failing.stdout.contains("当年度目標 No.1: 総合計画"), "the old finding stays hidden")
    }

    func testBaselineWorksFromAnotherWorkingDirectory() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        try CLIFixtures.write(CLIFixtures.gateSheet, "repo/sheets/sheet.md", in: dir)
        let repo = dir.appendingPathComponent("repo")
        XCTAssertEqual(try CLIRunner.run(["lint", "--write-baseline", "baseline.json", "sheets"], in: repo).status, 0)
        let fromSheets = try CLIRunner.run(["lint", "--baseline", "../baseline.json", "sheet.md"],
                                           in: repo.appendingPathComponent("sheets"))
        XCTAssertEqual(fromSheets.status, 0, fromSheets.stdout + fromSheets.stderr)
    }

    func testPruneDropsEntriesThatNoLongerMatch() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheet.md", in: dir)
        XCTAssertEqual(try CLIRunner.run(["lint", "--write-baseline", "b.json", "sheet.md"], in: dir).status, 0)
        let fixed = CLIFixtures.gateSheet.replacingOccurrences(of: "<p>0-0-0</p>", with: "<p>5-2-① 公正で効果的・効率的な市政運営を進めます。</p>")
        try CLIFixtures.write(fixed, "sheet.md", in: dir)
        let prune = try CLIRunner.run(["baseline", "prune", "--baseline", "b.json", "--lang", "en", "sheet.md"], in: dir)
        XCTAssertEqual(prune.status, 0, prune.stderr)
        XCTAssertTrue(prune.stdout.contains("dropped 1"), prune.stdout)
        let text = try String(contentsOf: dir.appendingPathComponent("b.json"), encoding: .utf8)
        XCTAssertFalse(text.contains("plan-code-placeholder"))
        XCTAssertTrue(text.contains("plan-item-without-schedule"))
    }

    func testBrokenBaselineExitsTwo() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheet.md", in: dir)
        try CLIFixtures.write("{not json", "b.json", in: dir)
        let result = try CLIRunner.run(["lint", "--baseline", "b.json", "sheet.md"], in: dir)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("b.json"), result.stderr)
    }
}
