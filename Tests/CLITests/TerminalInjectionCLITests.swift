import Foundation
import XCTest

/// Issue #8, defect 9: control characters from sheets and file names were printed raw,
/// so a sheet could retitle or clear the terminal, and a file name with a line break
/// could forge finding lines.
final class TerminalInjectionCLITests: XCTestCase {
    func testControlCharactersAreEscapedAndJapaneseIsKept() throws {
        let dir = try BoundedRun.openDirectory(self)
        // A policy title is quoted in the policy-title-mismatch message: give it controls,
        // written as YAML escapes (ESC sequences, BEL, C1 CSI, NUL, DEL, a bidi override).
        let example = try String(contentsOf: CLIRunner.repoRoot.appendingPathComponent("examples/canonical/shimin-kyodo.yaml"),
                                 encoding: .utf8)
        let hostile = example.replacingOccurrences(
            of: "    title: 地域自治の推進", with: "    title: \"地域自治の推進\\e]0;TITLE\\a\\e[2J\\x9B31m\\0\\x7F\\u202E\"")
        XCTAssertNotEqual(hostile, example)
        let name = "evil\n\rsheet.md:1:1: error: forged [x]\u{1B}[31m.yaml"
        try CLIFixtures.write(hostile, name, in: dir)
        for format in ["text", "github"] {
            let result = try BoundedRun.run(["lint", "--format", format, "."], in: dir)
            XCTAssertEqual(result.status, 1, result.stderr)
            let out = result.stdout + result.stderr
            for control in ["\u{1B}", "\u{07}", "\u{9B}", "\u{00}", "\u{7F}", "\u{202E}", "\r"] {
                XCTAssertFalse(out.unicodeScalars.contains { String($0) == control },
                               "\(format): U+\(String(control.unicodeScalars.first!.value, radix: 16)) printed raw: \(out)")
            }
            XCTAssertTrue(out.contains("地域自治の推進\\u{1B}]0;TITLE\\u{7}\\u{1B}[2J\\u{9B}31m\\u{0}\\u{7F}\\u{202E}"),
                          "\(format): \(out)")
            XCTAssertFalse(out.contains("\nsheet.md:1:1: error: forged"), "no forged line: \(out)")
            XCTAssertTrue(out.contains("基本政策 12 の名称「地域自治の推進"), "Japanese text intact: \(out)")
        }
        let text = try BoundedRun.run(["lint", "."], in: dir)
        XCTAssertEqual(text.stdout.split(separator: "\n").filter { $0.contains("forged") }.count,
                       text.stdout.split(separator: "\n").filter { $0.hasPrefix("evil") }.count,
                       "every line naming the file starts with its escaped name: \(text.stdout)")
        XCTAssertTrue(text.stdout.contains("evil\\u{A}\\u{D}sheet.md:1:1: error: forged [x]\\u{1B}[31m.yaml:"), text.stdout)
    }

    func testRuleTextFromARulesDirectoryIsEscapedInRulesOutput() throws {
        let dir = try BoundedRun.openDirectory(self)
        try CLIFixtures.write("""
        version: 1
        rules:
          - id: loud
            severity: info
            summary: "title\\e]0;PWNED\\a here"
            description: "d\\e[2J"
            message: "{value}"
            message_en: "{value}"
            selector: "mission.items[*].text"
            kind: pattern
            options: {pattern: zzz}
            examples: {fail: [{sheet: {mission: [{number: 1, text: zzz}]}, count: 1}], pass: [{sheet: {mission: [{number: 1, text: a}]}}]}

        """, "rules/loud.yml", in: dir)
        for args in [["rules", "--rules", "rules"], ["rules", "explain", "loud", "--rules", "rules"]] {
            let result = try BoundedRun.run(args, in: dir)
            XCTAssertEqual(result.status, 0, "\(args): \(result.stderr)")
            XCTAssertFalse(result.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, "\(args): \(result.stdout)")
            XCTAssertTrue(result.stdout.contains("\\u{1B}]0;PWNED\\u{7}"), "\(args): \(result.stdout)")
        }
    }
}
