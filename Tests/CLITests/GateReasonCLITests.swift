import Foundation
import XCTest

/// A failed gate always says why, in every format, and `--quiet` hides findings but never
/// their count; JUnit fails only what fails the gate.
final class GateReasonCLITests: XCTestCase {
    /// The gate fixture without its error: one warning and one info.
    private func warningsOnlySheet() throws -> URL {
        let dir = try CLIRunner.temporaryDirectory(self)
        try CLIFixtures.write(CLIFixtures.gateSheet.replacingOccurrences(of: "0-0-0", with: "5-2-①"), "sheet.md", in: dir)
        return dir
    }

    func testQuietWithMaxWarningsCountsHiddenFindingsAndNamesTheCondition() throws {
        let dir = try warningsOnlySheet()
        let r = try CLIRunner.run(["lint", "sheet.md", "--quiet", "--max-warnings", "0"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, """
            0 個のエラー、1 個の警告、1 個の情報（1 ファイル、--quiet で 2 件を非表示）
            不合格: 警告 1 件が --max-warnings 0 を超えました

            """)
        let en = try CLIRunner.run(["lint", "sheet.md", "--quiet", "--max-warnings", "0", "--lang", "en"], in: dir)
        XCTAssertEqual(en.stdout, "0 errors, 1 warning, 1 info in 1 file (2 hidden by --quiet)\ngate failed: 1 warning exceeds --max-warnings 0\n")
        // A passing gate adds no line.
        let pass = try CLIRunner.run(["lint", "sheet.md", "--quiet"], in: dir)
        XCTAssertEqual(pass.status, 0)
        XCTAssertEqual(pass.stdout, "0 個のエラー、1 個の警告、1 個の情報（1 ファイル、--quiet で 2 件を非表示）\n")
    }

    func testJSONAndSARIFCarryTheVerdictAndItsReasons() throws {
        let dir = try warningsOnlySheet()
        let args = ["lint", "sheet.md", "--quiet", "--max-warnings", "0", "--fail-on", "info"]
        let json = try CLIRunner.run(args + ["--format", "json"], in: dir)
        XCTAssertEqual(json.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let gate = try XCTUnwrap(object["gate"] as? [String: Any])
        XCTAssertEqual(gate["passed"] as? Bool, false)
        let reasons = try XCTUnwrap(gate["reasons"] as? [[String: Any]])
        XCTAssertEqual(reasons.map { $0["condition"] as? String }, ["fail-on", "max-warnings"])
        XCTAssertEqual(reasons.map { $0["message"] as? String },
                       ["指摘 2 件が --fail-on info に該当しました", "警告 1 件が --max-warnings 0 を超えました"])
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["hidden"] as? Int, 2)
        XCTAssertEqual(summary["warning"] as? Int, 1)

        let sarif = try CLIRunner.run(args + ["--format", "sarif"], in: dir)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let invocation = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["exitCode"] as? Int, 1)
        XCTAssertEqual(invocation["exitCodeDescription"] as? String,
                       "不合格: 指摘 2 件が --fail-on info に該当しました、警告 1 件が --max-warnings 0 を超えました")

        let github = try CLIRunner.run(args + ["--format", "github"], in: dir)
        XCTAssertTrue(github.stdout.hasSuffix("::error title=sheetlint::不合格: 指摘 2 件が --fail-on info に該当しました、警告 1 件が --max-warnings 0 を超えました\n"),
                      github.stdout)
    }

    func testJUnitShowsFindingsBelowTheGateAsPassedCases() throws {
        let dir = try warningsOnlySheet()
        let pass = try CLIRunner.run(["lint", "sheet.md", "--format", "junit"], in: dir)
        XCTAssertEqual(pass.status, 0)
        XCTAssertTrue(pass.stdout.contains("<testsuites name=\"sheetlint\" tests=\"34\" failures=\"0\" errors=\"0\">"), pass.stdout)
        XCTAssertFalse(pass.stdout.contains("<failure"), pass.stdout)
        XCTAssertTrue(pass.stdout.contains("<system-out>19:56 当年度目標 No.1: 取組み事項 (2) にスケジュール（時期）がありません。</system-out>"),
                      pass.stdout)
        // The warning limit makes the warning fail; the info still passes.
        let fail = try CLIRunner.run(["lint", "sheet.md", "--format", "junit", "--max-warnings", "0"], in: dir)
        XCTAssertEqual(fail.status, 1)
        XCTAssertTrue(fail.stdout.contains("failures=\"1\" errors=\"0\">"), fail.stdout)
        XCTAssertTrue(fail.stdout.contains("<failure message=\"1 件の指摘\" type=\"warning\">19:56"), fail.stdout)
        XCTAssertTrue(fail.stdout.contains("<system-out>6:12 "), fail.stdout)
    }
}
