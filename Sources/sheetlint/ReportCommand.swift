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
        abstract: "Writes the audit report of many sheets (HTML, Markdown, CSV, JSON) into a directory.",
        discussion: """
        Reads every sheet like `lint` (same configuration, rules and catalogues) and writes into \
        DIR: index.html, summary.md, report.json, findings.csv, citations.csv, coverage.csv and \
        completion.csv. Nothing is written outside DIR; each file is written atomically, and a \
        failed run leaves the previous report in place.

        Exit status: 0 the report was written (whatever the sheets hold, unless --fail-on is \
        given); 1 it was written and a finding reaches --fail-on; 2 unusable input, rules, \
        configuration, templates, options or output (no file replaced).

        Examples:
          sheetlint report examples/
          sheetlint report sheets/2023 sheets/2024 --out audit/ --lang en
          sheetlint report sheets/ --templates my-templates/ --fail-on error
        """
    )

    @Argument(help: "Sheet files or directories (searched for .md, .yaml, .yml, .json); default: the current directory.")
    var paths: [String] = []

    @Option(help: "The directory to write the report into (created when missing).")
    var out: String = ReportRequest.defaultOutputDirectory

    @Option(help: "A directory of templates and labels replacing the built-in ones by file name.")
    var templates: String?

    @Option(name: .customLong("rules"), help: "A directory of extra rules (and catalogs/); repeatable. Same id replaces a default.")
    var rulesDirectories: [String] = []

    @Option(name: .customLong("fiscal-year"), help: "Fiscal year (western year it starts in) for every sheet.")
    var fiscalYear: Int?

    @Option(help: "Language of the report: ja or en (default: the configuration's lang, else ja).")
    var lang: String?

    @Option(help: "Use this configuration file for every sheet instead of the nearest .sheetlint.yml.")
    var config: String?

    @Option(help: "Force the input encoding: utf-8, utf-16le, utf-16be, cp932.")
    var encoding: String?

    @Option(help: "Files read in parallel (1 for debugging).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The sheets' stage: plan (goal-setting, 当初設定), review (year-end, 振り返り) or auto (inferred per sheet from its content). Default: the configuration's stage:, else auto. Completion is counted for review sheets only.")
    var stage: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at least this severe: error, warning or info.")
    var failOn: String?

    func run() throws {
        let language = try lang.map { name in
            guard let l = ReportLanguage(rawValue: name) else { throw ValidationError("--lang must be ja or en") }
            return l
        }
        let failSeverity = try failOn.map { name in
            guard let s = Severity(rawValue: name) else { throw ValidationError("--fail-on must be error, warning or info") }
            return s
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        let stageChoice = try stage.map { word in
            guard let choice = StageChoice(rawValue: word) else { throw ValidationError("--stage must be one of: \(StageChoice.words)") }
            return choice
        }
        var read = ReadOptions(fiscalYear: fiscalYear)
        if let name = encoding {
            guard let e = SheetEncoding(name: name) else { throw ValidationError("unknown --encoding '\(name)'") }
            read.encoding = e
        }
        var lint = LintOptions(paths: paths.isEmpty ? ["."] : paths, rulesDirectories: rulesDirectories, read: read,
                               jobs: jobs, configPath: config, stage: stageChoice)
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
