import ArgumentParser
@testable import sheetlint
import SheetlintKit
import XCTest

/// `LintFastPath` reads the common `lint` lines without swift-argument-parser. Whatever it
/// reads must give exactly the request the parser gives (after the parser's validation),
/// and whatever the parser refuses it must leave to the parser (nil), so that messages and
/// exit statuses stay the parser's.
final class LintFastPathTests: XCTestCase {
    /// Lines the fast path reads.
    static let read: [[String]] = [
        [], ["lint"], ["examples/"], ["lint", "examples/"], ["a.md", "b.md"], ["lint", "a.md", "sub/b.yaml"],
        ["--format", "json", "a.md"], ["lint", "--format", "json", "a.md"], ["a.md", "--format", "sarif"],
        ["--format=json", "a.md"], ["lint", "a.md", "--format=text", "b.md"],
        ["--format", "github", "--output", "out.txt", "--baseline", "b.json", "--write-baseline", "w.json", "x"],
        ["--max-warnings", "0", "--fail-on", "warning", "--quiet", "--skip-non-sheets", "x"],
        ["--max-warnings=12", "x"], ["--fiscal-year", "2024", "x"], ["--fiscal-year=1900", "x"],
        ["--rules", "r1", "--rules", "r2", "--rules=r3", "x"], ["--lang", "en", "x"], ["--lang=ja", "x"],
        ["--config", "c.yml", "x"], ["--stage", "review", "x"], ["--stage=plan", "x"], ["--stage", "auto"],
        ["--encoding", "cp932", "x"], ["--encoding", "utf-16le", "x"], ["--jobs", "1", "x"], ["--jobs=3"],
        ["--format", "junit", "--lang", "en", "--jobs", "2", "--quiet", "lint-me.md"],
        ["a=b.md"], ["", "x"], ["日本語.md"], ["--output", "sheet.md", "x"], ["--format", "json", "--jobs", "007"],
        ["--output=a=b.txt", "x"], ["--lang", "en"], ["--rules", "lint", "x"], ["--config", "rules", "x"],
    ]

    /// Lines it leaves to the parser (help, other commands, errors, forms it does not read).
    static let leftToTheParser: [[String]] = [
        ["--help"], ["-h"], ["lint", "--help"], ["help"], ["help", "lint"], ["--version", "x"], ["rules"],
        ["rules", "explain", "x"], ["report", "x"], ["parse", "x"], ["catalog"], ["baseline"], ["init"],
        ["lint", "lint"], ["x", "rules"], ["--format", "xml", "x"], ["--format"], ["--format", "--quiet"],
        ["--format=", "x"], ["--format", "json", "--format", "text"], ["--quiet", "--quiet"], ["--quiet=yes"],
        ["--jobs", "0"], ["--jobs", "-1"], ["--jobs=-1"], ["--jobs", "two"], ["--jobs", "+2"], ["--max-warnings", "-1"],
        ["--fiscal-year", "1899", "x"], ["--fiscal-year", "3000"], ["--lang", "fr"], ["--stage", "final"],
        ["--encoding", "latin1"], ["--fail-on", "never"], ["--", "x"], ["-", "x"], ["-x"], ["--unknown", "x"],
        ["--generate-completion-script", "bash"], ["--experimental-dump-help"], ["-format", "json"],
        ["--output", "-", "x"], ["--lang", "en", "--help"], ["lint", "-q"], ["--rules"],
    ]

    func testItReadsExactlyWhatTheParserReads() throws {
        for arguments in Self.read {
            let fast = try XCTUnwrap(LintFastPath.request(arguments), "\(arguments) should take the fast path")
            let command = try XCTUnwrap(SheetlintCommand.parseAsRoot(arguments) as? LintCommand, "\(arguments)")
            XCTAssertEqual(Self.describe(fast), Self.describe(try command.values.request()), "\(arguments)")
        }
    }

    func testItLeavesEverythingElseToTheParser() {
        for arguments in Self.leftToTheParser {
            XCTAssertNil(LintFastPath.request(arguments), "\(arguments)")
        }
    }

    /// Every line the parser refuses (or reads as another command) is one it leaves alone,
    /// also among lines it would otherwise read.
    func testWhatTheParserRefusesIsLeftToIt() {
        for arguments in Self.read + Self.leftToTheParser {
            let parsed = try? SheetlintCommand.parseAsRoot(arguments)
            if !(parsed is LintCommand) {
                XCTAssertNil(LintFastPath.request(arguments), "\(arguments)")
            }
        }
    }

    static func describe(_ request: LintRequest) -> String {
        var text = ""
        dump(request, to: &text)
        return text
    }
}
