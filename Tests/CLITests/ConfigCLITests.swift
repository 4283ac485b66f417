import Foundation
import XCTest

/// `.sheetlint.yml` through the binary: discovery, --config, overrides, ignore, errors, init.
final class ConfigCLITests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try CLIRunner.temporaryDirectory(self)
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheets/a/sheet.md", in: dir)
        // Another department's sheet: two sheets of one department and year would also be
        // a duplicate-sheet error, which these tests are not about.
        try CLIFixtures.write(CLIFixtures.gateSheet.replacingOccurrences(of: "架空部", with: "架空第二部"),
                              "sheets/b/sheet.md", in: dir)
    }

    private func lint(_ args: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(["lint"] + args, in: dir)
    }

    func testNearestConfigWinsPerSheet() throws {
        try CLIFixtures.write("rules:\n  plan-code-placeholder: warning\n", ".sheetlint.yml", in: dir)
        try CLIFixtures.write("rules:\n  plan-code-placeholder: off\n", "sheets/b/.sheetlint.yml", in: dir)
        let result = try lint(["sheets"])
        XCTAssertEqual(result.status, 0, "the only error became a warning or was switched off: \(result.stdout)")
        XCTAssertTrue(result.stdout.contains("sheets/a/sheet.md:20:20: warning:"), result.stdout)
        XCTAssertFalse(result.stdout.contains("sheets/b/sheet.md:20:20"), "b's own config switches it off")
    }

    func testExplicitConfigAndOverridesAndIgnore() throws {
        try CLIFixtures.write("""
        lang: en
        ignore: ["sheets/b/**"]
        overrides:
          - files: ["sheets/a/**"]
            rules: {plan-item-without-schedule: error}
        """, "ci.yml", in: dir)
        let result = try lint(["--config", "ci.yml", "sheets"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("sheets/a/sheet.md:19:56: error: annual goal"), "override and lang apply: \(result.stdout)")
        XCTAssertFalse(result.stdout.contains("sheets/b/"), "ignored")
        XCTAssertTrue(result.stdout.contains("in 1 file"), result.stdout)
        let japanese = try lint(["--config", "ci.yml", "--lang", "ja", "sheets"])
        XCTAssertTrue(japanese.stdout.contains("当年度目標"), "--lang wins over the config")
    }

    func testExtendsAndFiscalYear() throws {
        try CLIFixtures.write("rules: {mixed-width-brackets: off}\n", "base.yml", in: dir)
        try CLIFixtures.write("extends: ../base.yml\n", "sheets/.sheetlint.yml", in: dir)
        let result = try lint(["sheets/a/sheet.md"])
        XCTAssertFalse(result.stdout.contains("mixed-width-brackets"), result.stdout)
        XCTAssertTrue(result.stdout.contains("plan-code-placeholder"))
    }

    func testUnknownKeyIsLocatedAndExitsTwo() throws {
        try CLIFixtures.write("rules:\n  plan-code-placeholder: off\nignores: []\n", ".sheetlint.yml", in: dir)
        let result = try lint(["sheets"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains(".sheetlint.yml:3:1:"), result.stderr)
        XCTAssertEqual(result.stdout, "")
        try CLIFixtures.write("rules:\n  plan-code-placehold: off\n", ".sheetlint.yml", in: dir)
        let unknownRule = try lint(["sheets"])
        XCTAssertEqual(unknownRule.status, 2)
        XCTAssertTrue(unknownRule.stderr.contains(".sheetlint.yml:2:3:"), unknownRule.stderr)
    }

    func testInitWritesAStarterThatLoadsAndNeverOverwrites() throws {
        let first = try CLIRunner.run(["init"], in: dir)
        XCTAssertEqual(first.status, 0, first.stderr)
        let text = try String(contentsOf: dir.appendingPathComponent(".sheetlint.yml"), encoding: .utf8)
        XCTAssertTrue(text.contains("# plan-code-placeholder: error"), text)
        XCTAssertEqual(try lint(["sheets"]).status, 1, "the starter config loads and changes nothing")
        let second = try CLIRunner.run(["init"], in: dir)
        XCTAssertEqual(second.status, 2)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent(".sheetlint.yml"), encoding: .utf8), text)
    }
}

/// Rule options set in a configuration, through the binary.
final class ConfigOptionsCLITests: XCTestCase {
    func testOptionsOverrideChangesWhatARuleAccepts() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheet.md", in: dir)
        let before = try CLIRunner.run(["lint", "sheet.md"], in: dir)
        XCTAssertTrue(before.stdout.contains("[plan-item-without-schedule]"))
        try CLIFixtures.write("""
        rules:
          plan-item-without-schedule:
            options: {timing: ["\\\\d+月", "調査"]}
        """, ".sheetlint.yml", in: dir)
        let after = try CLIRunner.run(["lint", "sheet.md"], in: dir)
        XCTAssertFalse(after.stdout.contains("[plan-item-without-schedule]"), "「調査します」 now counts as timing: \(after.stdout)")
        XCTAssertTrue(after.stdout.contains("[plan-code-placeholder]"))
        try CLIFixtures.write("rules:\n  plan-item-without-schedule:\n    options: {timing: [\"([\"]}\n", ".sheetlint.yml", in: dir)
        let broken = try CLIRunner.run(["lint", "sheet.md"], in: dir)
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains(".sheetlint.yml:3:"), broken.stderr)
    }
}
