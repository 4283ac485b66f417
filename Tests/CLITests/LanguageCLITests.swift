import Foundation
import XCTest

/// The command line's own texts follow the user's language: option errors from the
/// argument parser and from sheetlint's checks, `--help`, invalid regular expressions, and
/// rule-file errors are Japanese by default and English with `--lang en`.
final class LanguageCLITests: XCTestCase {
    func testOptionErrorsAreJapaneseByDefaultAndEnglishWithLangEn() throws {
        let cases: [([String], String, String)] = [
            (["lint", "--format", "xml"], "エラー: --format には次のいずれかを指定してください: text, json, sarif, github, junit",
             "Error: --format must be one of: text, json, sarif, github, junit"),
            (["lint", "--formt", "text"], "エラー: オプション「--formt」はありません（--format の誤りですか）",
             "Error: Unknown option '--formt'. Did you mean '--format'?"),
            (["lint", "--jobs", "abc"], "エラー: 「abc」は --jobs <jobs> の値として使えません",
             "Error: The value 'abc' is invalid for '--jobs <jobs>'"),
            (["rules", "explain"], "エラー: 引数 <id> がありません", "Error: Missing expected argument '<id>'"),
            (["lint", "--fail-on", "bad"], "エラー: --fail-on には error, warning, info のいずれかを指定してください",
             "Error: --fail-on must be error, warning or info"),
            (["lint", "--encoding", "latin1"], "エラー: --encoding「latin1」は使えません。使えるもの: utf-8, utf-16le, utf-16be, cp932",
             "Error: unknown --encoding 'latin1'"),
            (["report", "--fiscal-year", "1800"], "エラー: --fiscal-year には西暦の年度（1900〜2999、例: 2024）を指定してください（指定値: 1800）",
             "Error: --fiscal-year must be a western-calendar fiscal year from 1900 to 2999 (e.g. 2024), not 1800"),
            (["report", "--jobs", "0"], "エラー: --jobs には 1 以上の数を指定してください", "Error: --jobs must be 1 or more"),
            (["report", "--outt", "x"], "エラー: オプション「--outt」はありません（--out の誤りですか）",
             "Error: Unknown option '--outt'. Did you mean '--out'?"),
            (["report", "--fail-on", "bad"], "エラー: --fail-on には error, warning, info のいずれかを指定してください",
             "Error: --fail-on must be error, warning or info"),
            (["lint", "--fiscal-year", "1800"], "エラー: --fiscal-year には西暦の年度（1900〜2999、例: 2024）を指定してください（指定値: 1800）",
             "Error: --fiscal-year must be a western-calendar fiscal year from 1900 to 2999 (e.g. 2024), not 1800"),
        ]
        for (args, ja, en) in cases {
            let r = try CLIRunner.run(args)
            XCTAssertEqual(r.status, 2, "\(args)")
            XCTAssertEqual(r.stderr.split(separator: "\n").first.map(String.init), ja, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("使い方: sheetlint"), r.stderr)
            let e = try CLIRunner.run(args + ["--lang", "en"])
            XCTAssertEqual(e.stderr.split(separator: "\n").first.map(String.init), en, "\(args): \(e.stderr)")
        }
    }

    /// `sheetlint --help --lang en` is sheetlint's own help in English, not the default
    /// subcommand's (lint's); `--lang ja` gives what `--help` alone gives.
    func testRootHelpFollowsTheLanguage() throws {
        let plain = try CLIRunner.run(["--help"])
        XCTAssertTrue(plain.stdout.contains("使い方: sheetlint <subcommand>"), plain.stdout)
        for args in [["--help", "--lang", "ja"], ["--lang=ja", "-h"]] {
            let ja = try CLIRunner.run(args)
            XCTAssertEqual(ja.status, 0, "\(args)")
            XCTAssertEqual(ja.stdout, plain.stdout, "\(args)")
        }
        for args in [["--help", "--lang", "en"], ["--lang", "en", "-h"], ["--help", "--lang=en"]] {
            let en = try CLIRunner.run(args)
            XCTAssertEqual(en.status, 0, "\(args)")
            XCTAssertTrue(en.stdout.contains("USAGE: sheetlint <subcommand>"), "\(args)\n\(en.stdout)")
            XCTAssertTrue(en.stdout.contains("SUBCOMMANDS:"), "\(args)\n\(en.stdout)")
            XCTAssertFalse(en.stdout.hasPrefix("OVERVIEW: Checks sheets against the rules"), "lint's help: \(args)")
        }
    }

    func testHelpIsJapaneseByDefault() throws {
        let ja = try CLIRunner.run(["lint", "--help"])
        XCTAssertEqual(ja.status, 0)
        for text in ["概要: シートを規則で検査し、指摘を報告します。", "使い方: sheetlint lint", "オプション:", "出力形式: text, json, sarif, github, junit。"] {
            XCTAssertTrue(ja.stdout.contains(text), "\(text)\n\(ja.stdout)")
        }
        let en = try CLIRunner.run(["lint", "--help", "--lang", "en"])
        XCTAssertTrue(en.stdout.hasPrefix("OVERVIEW: Checks sheets against the rules and reports findings."), en.stdout)
        XCTAssertTrue(en.stdout.contains("OPTIONS:"), en.stdout)
    }

    /// Every command and subcommand, found from the commands' own help (so a new one is
    /// checked without editing this test): its overview, discussion, and every argument,
    /// option and subcommand description are Japanese by default; `--lang en` gives English.
    func testEveryCommandsHelpIsJapaneseByDefault() throws {
        var commands: [[String]] = [[]]
        var checked: [String] = []
        while !commands.isEmpty {
            let command = commands.removeFirst()
            let name = (["sheetlint"] + command).joined(separator: " ")
            checked.append(name)
            let en = try CLIRunner.run(command + ["--help", "--lang", "en"])
            XCTAssertEqual(en.status, 0, "\(name): \(en.stderr)")
            XCTAssertTrue(en.stdout.hasPrefix("OVERVIEW: "), "\(name) --lang en:\n\(en.stdout)")
            let ja = try CLIRunner.run(command + ["--help"])
            XCTAssertEqual(ja.status, 0, "\(name): \(ja.stderr)")
            commands += HelpText.entries(of: ja.stdout, section: "サブコマンド:").map { command + [$0.name] }
            XCTAssertNotEqual(ja.stdout, en.stdout, name)
            let lines = ja.stdout.components(separatedBy: "\n")
            XCTAssertTrue(lines[0].hasPrefix("概要: ") && HelpText.isJapanese(lines[0]), "\(name) overview: \(lines[0])")
            // The discussion, between the overview and the usage line: every paragraph is
            // Japanese; only example command lines are not.
            let discussion = lines.prefix(while: { !$0.hasPrefix("使い方: ") }).dropFirst()
            for paragraph in discussion.split(separator: "") {
                let prose = paragraph.filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("sheetlint ") }
                XCTAssertTrue(prose.isEmpty || HelpText.isJapanese(prose.joined()),
                              "\(name) --help, English discussion: \(paragraph.joined(separator: "\n"))")
            }
            for section in ["引数:", "オプション:", "サブコマンド:"] {
                for entry in HelpText.entries(of: ja.stdout, section: section) {
                    XCTAssertTrue(HelpText.isJapanese(entry.text), "\(name) --help, \(entry.name): \(entry.text)")
                }
            }
        }
        // The walk found the nested commands, the report among them.
        for name in ["sheetlint lint", "sheetlint report", "sheetlint parse", "sheetlint rules explain",
                     "sheetlint catalog check", "sheetlint baseline prune", "sheetlint init"] {
            XCTAssertTrue(checked.contains(name), "\(name) not found in \(checked)")
        }
    }

    func testAnInvalidRegexSaysWhatIsWrongAndWhere() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        try CLIFixtures.write("""
            version: 1
            rules:
              - id: my-rule
                severity: info
                summary: s
                description: d
                message: m
                message_en: m
                selector: "annualGoals[*].title"
                kind: pattern
                options: {pattern: "（(仮"}
                examples: {fail: [{count: 1, sheet: {}}], pass: [{sheet: {}}]}

            """, "rules/r.yml", in: dir)
        let r = try CLIRunner.run(["rules", "--rules", "rules"], in: dir)
        XCTAssertTrue(r.stderr.contains("rules/r.yml:11:24: pattern の正規表現「（(仮」が正しくありません: ( と ) の対応が取れていません（2 文字目）"),
                      r.stderr)
        let e = try CLIRunner.run(["rules", "--rules", "rules", "--lang", "en"], in: dir)
        XCTAssertTrue(e.stderr.contains("a group opened with ( is not closed with ), or a ) has no ( (at character 2)"), e.stderr)
        XCTAssertFalse(e.stderr.contains("could not be completed"), e.stderr)
    }

    func testASelectorOfTheWrongShapeIsNamedAtTheSelector() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        try CLIFixtures.write("""
            version: 1
            rules:
              - id: my-rule
                severity: info
                summary: s
                description: d
                message: m
                message_en: m
                selector: "**"
                kind: pattern
                options: {pattern: "x"}
                examples: {fail: [{count: 1, sheet: {}}], pass: [{sheet: {}}]}

            """, "rules/r.yml", in: dir)
        let r = try CLIRunner.run(["rules", "--rules", "rules"], in: dir)
        XCTAssertTrue(r.stderr.contains(
            "rules/r.yml:9:15: セレクタ「**」が選ぶ シート全体 はオブジェクト（object）ですが、この kind のセレクタは文字列か数値の項目を選ぶ必要があります"),
            r.stderr)
    }
}

/// `rules` and `rules explain` in the user's language.
final class RulesLanguageCLITests: XCTestCase {
    func testRulesListAndExplainAreJapaneseByDefault() throws {
        let ja = try CLIRunner.run(["rules"])
        XCTAssertEqual(ja.status, 0, ja.stderr)
        XCTAssertTrue(ja.stdout.contains("和暦と並べた西暦が違います（令和6年度(2025年度)）。"), ja.stdout)
        let en = try CLIRunner.run(["rules", "--lang", "en"])
        XCTAssertTrue(en.stdout.contains("An era year and the western year beside it differ"), en.stdout)
        // Every rule has its Japanese summary: no line of the Japanese list is the English one.
        let englishLines = Set(en.stdout.split(separator: "\n"))
        for line in ja.stdout.split(separator: "\n") {
            XCTAssertFalse(englishLines.contains(line), "no Japanese summary: \(line)")
        }
        let explain = try CLIRunner.run(["rules", "explain", "era-year-mismatch"])
        XCTAssertTrue(explain.stdout.hasPrefix("era-year-mismatch [error]\n和暦と並べた西暦が違います"), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("\n種類 (kind): era-year\n"), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("段階 (stages): plan, review（すべての段階）"), explain.stdout)
        let explainEn = try CLIRunner.run(["rules", "explain", "era-year-mismatch", "--lang", "en"])
        XCTAssertTrue(explainEn.stdout.contains("\nkind: era-year\n"), explainEn.stdout)
    }
}

/// The parts of a help text the language test reads.
enum HelpText {
    /// True when `text` holds a kana or kanji (Japanese prose), not only Latin letters.
    static func isJapanese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
    }

    /// The entries of one section (`OPTIONS:`, `引数:`, …): each entry's first word and its
    /// description, continuation lines included.
    static func entries(of help: String, section: String) -> [(name: String, text: String)] {
        var result: [(name: String, text: String)] = []
        var inSection = false
        for line in help.components(separatedBy: "\n") {
            if line == section { inSection = true; continue }
            guard inSection else { continue }
            // The section ends at its blank line.
            guard line.hasPrefix("  ") else { break }
            if line.hasPrefix("   ") {
                // A continuation of the previous entry's description.
                if !result.isEmpty { result[result.count - 1].text += " " + line.trimmingCharacters(in: .whitespaces) }
                continue
            }
            let body = line.dropFirst(2)
            let name = String(body.prefix(while: { $0 != " " }))
            let rest = body.dropFirst(name.count)
            // The option's value name and its description (the description may start on
            // the next line, or right after a value name that fills its column).
            let text = rest.trimmingCharacters(in: .whitespaces)
            result.append((name, text))
        }
        return result
    }
}
