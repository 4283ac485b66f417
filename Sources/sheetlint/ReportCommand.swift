import ArgumentParser
import Foundation
import SheetlintKit
import SheetModel
import SheetReading
import SheetReporting
import SheetRules

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: CLILanguage.text("多数のシートの監査報告（HTML、Markdown、CSV、JSON）をディレクトリに書きます。",
                                   "Writes the audit report of many sheets (HTML, Markdown, CSV, JSON) into a directory."),
        discussion: CLILanguage.text("""
        すべてのシートを `lint` と同じように（同じ設定・規則・カタログで）読み、DIR に index.html、\
        summary.md、report.json、findings.csv、citations.csv、coverage.csv、completion.csv と\
        目印の .sheetlint-report を書きます。DIR の外には何も書きません。各ファイルは途中の状態を\
        残さずに書き、失敗した実行は前回の報告をそのまま残します。目印のあるディレクトリは、以後の\
        ディレクトリの検索（lint、report）で飛ばされます。達成状況は振り返り（review）段階のシートに\
        ついてだけ数えます。

        終了コード: 0 報告を書いた（--fail-on がなければシートの内容にかかわらず）、1 報告を書き、\
        --fail-on に達する指摘がある、2 入力・規則・設定・テンプレート・オプション・出力が使えない\
        （どのファイルも置き換えません）。

        例:
          sheetlint report examples/
          sheetlint report sheets/2023 sheets/2024 --out audit/ --lang en
          sheetlint report sheets/ --templates my-templates/ --fail-on error
        """, """
        Reads every sheet like `lint` (same configuration, rules and catalogues) and writes into \
        DIR: index.html, summary.md, report.json, findings.csv, citations.csv, coverage.csv, \
        completion.csv and the marker .sheetlint-report. Nothing is written outside DIR; each \
        file is written atomically, and a failed run leaves the previous report in place. A \
        directory holding the marker is skipped by later directory searches (lint, report). \
        Completion is counted for review sheets only.

        Exit status: 0 the report was written (whatever the sheets hold, unless --fail-on is \
        given); 1 it was written and a finding reaches --fail-on; 2 unusable input, rules, \
        configuration, templates, options or output (no file replaced).

        Examples:
          sheetlint report examples/
          sheetlint report sheets/2023 sheets/2024 --out audit/ --lang en
          sheetlint report sheets/ --templates my-templates/ --fail-on error
        """)
    )

    @OptionGroup var input: SheetInputOptions

    @Option(help: ArgumentHelp(CLILanguage.text("報告を書くディレクトリ（なければ作ります）。", "The directory to write the report into (created when missing).")))
    var out: String = ReportRequest.defaultOutputDirectory

    @Option(help: ArgumentHelp(CLILanguage.text("組み込みのテンプレートとラベルをファイル名ごとに置き換えるディレクトリ。", "A directory of templates and labels replacing the built-in ones by file name.")))
    var templates: String?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(CLILanguage.text("この重大度以上の指摘があれば終了コード 1 にします: error, warning, info。", "Exit 1 when a finding is at least this severe: error, warning or info.")))
    var failOn: String?

    func validate() throws { _ = try failSeverity() }

    private func failSeverity() throws -> Severity? {
        try failOn.map { name in
            guard let s = Severity(rawValue: name) else { throw ValidationError("--fail-on must be error, warning or info") }
            return s
        }
    }

    func run() throws {
        let language = try input.language()
        let failSeverity = try failSeverity()
        var lint = try input.lintOptions()
        let indicator = ProgressIndicator.forStandardError()
        if let indicator {
            lint.progress = { @Sendable done, total, path in indicator.update(done, total, path) }
        }
        let outcome = Sheetlint.runReport(ReportRequest(lint: lint, language: language, outputDirectory: out,
                                                        templatesDirectory: templates, failOn: failSeverity))
        indicator?.finish()
        for line in outcome.stderr { printError(line) }
        print(outcome.stdout, terminator: "")
        throw ExitCode(outcome.exitCode)
    }
}

/// `[12/40] sheets/2024/kankyo.md` on one rewritten line of standard error, only when
/// standard error is a terminal and more than a few sheets are read; the line is cleared
/// when reading ends, so messages that follow start on a clean line.
final class ProgressIndicator: @unchecked Sendable {
    /// Fewer sheets than this are read too quickly for an indicator to help.
    static let minimumSheets = 5
    private let lock = NSLock()
    private var shown = false

    static func forStandardError() -> ProgressIndicator? {
        isatty(STDERR_FILENO) == 1 ? ProgressIndicator() : nil
    }

    func update(_ done: Int, _ total: Int, _ path: String) {
        guard total >= Self.minimumSheets else { return }
        lock.lock()
        defer { lock.unlock() }
        shown = true
        // \r and "erase line" keep one line however long the previous path was.
        FileHandle.standardError.write(Data("\r\u{1B}[2K[\(done)/\(total)] \(path)".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
