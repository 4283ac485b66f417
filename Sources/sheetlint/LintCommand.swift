import ArgumentParser
import Foundation
import SheetlintKit
import SheetModel
import SheetReading
import SheetReporting
import SheetRules

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Checks sheets against the rules and reports findings.",
        discussion: """
        Exit status: 0 the gate passes; 1 the gate fails (by default: any error-level finding); \
        2 unusable input, rules, options or output.

        `sheetlint` alone lints the current directory; `sheetlint FILE…` is `sheetlint lint FILE…`.

        Examples:
          sheetlint lint examples/
          sheetlint lint --format sarif --output sheetlint.sarif sheets/
          sheetlint lint --baseline .sheetlint-baseline.json --max-warnings 0 sheets/
          sheetlint lint --rules my-rules/ --lang en sheet.md
        """
    )

    @Argument(help: "Sheet files or directories (searched for .md, .yaml, .yml, .json); default: the current directory.")
    var paths: [String] = []

    @Option(help: "Output: text, json, sarif, github or junit.")
    var format: String = "text"

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .customLong("rules"), help: "A directory of extra rules (and catalogs/); repeatable. Same id replaces a default.")
    var rulesDirectories: [String] = []

    @Option(name: .customLong("fiscal-year"), parsing: .unconditional, help: "Fiscal year (western year it starts in).")
    var fiscalYear: Int?

    @Option(help: "Message language: ja or en (default: the configuration's lang, else ja).")
    var lang: String?

    @Option(help: "Use this configuration file for every sheet instead of the nearest .sheetlint.yml.")
    var config: String?

    @Option(help: "The sheets' stage: plan (goal-setting, 当初設定), review (year-end, 振り返り) or auto (inferred per sheet from its content). Default: the configuration's stage:, else auto.")
    var stage: String?

    @Option(help: "Force the input encoding: utf-8, utf-16le, utf-16be, cp932.")
    var encoding: String?

    @Option(parsing: .unconditional, help: "Files read in parallel (1 for debugging).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Hide the findings recorded in this baseline file; report only new ones.")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Record the current findings in this file (the run then exits 0 unless input is unusable).")
    var writeBaseline: String?

    @Option(name: .customLong("max-warnings"), parsing: .unconditional, help: "Fail when more than this many warnings are reported.")
    var maxWarnings: Int?

    @Option(name: .customLong("fail-on"), help: "Fail on findings at least this severe: error, warning or info.")
    var failOn: String = "error"

    @Flag(help: "Report error-level findings only (the gate still counts all).")
    var quiet = false

    @Flag(name: .customLong("skip-non-sheets"),
          help: "Skip named files that are not sheets (README, configuration, catalogues) instead of failing; for hooks.")
    var skipNonSheets = false

    func run() throws {
        let language = try lang.map { name in
            guard let l = ReportLanguage(rawValue: name) else { throw ValidationError("--lang must be ja or en") }
            return l
        }
        guard let reportFormat = ReportFormat(rawValue: format) else {
            throw ValidationError("--format must be one of: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let failSeverity = Severity(rawValue: failOn) else { throw ValidationError("--fail-on must be error, warning or info") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        if let max = maxWarnings, max < 0 { throw ValidationError("--max-warnings must be 0 or more") }
        try validateFiscalYear(fiscalYear)
        let stageChoice = try stage.map { word in
            guard let choice = StageChoice(rawValue: word) else { throw ValidationError("--stage must be one of: \(StageChoice.words)") }
            return choice
        }
        var read = ReadOptions(fiscalYear: fiscalYear)
        if let name = encoding {
            guard let e = SheetEncoding(name: name) else { throw ValidationError("unknown --encoding '\(name)'") }
            read.encoding = e
        }
        var lintOptions = LintOptions(paths: paths.isEmpty ? ["."] : paths, rulesDirectories: rulesDirectories, read: read,
                                      jobs: jobs, configPath: config, stage: stageChoice)
        lintOptions.skipNonSheets = skipNonSheets
        let request = LintRequest(
            lint: lintOptions,
            format: reportFormat, language: language,
            gate: LintGate(failOn: failSeverity, maxWarnings: maxWarnings, quiet: quiet),
            baselinePath: baseline, writeBaselinePath: writeBaseline, outputPath: output)
        let outcome = Sheetlint.runLint(request)
        for line in outcome.stderr { printError(line) }
        print(outcome.stdout, terminator: "")
        throw ExitCode(outcome.exitCode)
    }
}
