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
        abstract: CLILanguage.text("シートを規則で検査し、指摘を報告します。", "Checks sheets against the rules and reports findings."),
        discussion: CLILanguage.text("""
        終了コード: 0 ゲート合格、1 ゲート不合格（既定ではエラーの指摘が 1 つでもあるとき）、\
        2 入力・規則・オプション・出力が使えないとき。

        `sheetlint` だけでカレントディレクトリを検査します。`sheetlint FILE…` は `sheetlint lint FILE…` と同じです。

        例:
          sheetlint lint examples/
          sheetlint lint --format sarif --output sheetlint.sarif sheets/
          sheetlint lint --baseline .sheetlint-baseline.json --max-warnings 0 sheets/
          sheetlint lint --rules my-rules/ --lang en sheet.md
        """, """
        Exit status: 0 the gate passes; 1 the gate fails (by default: any error-level finding); \
        2 unusable input, rules, options or output.

        `sheetlint` alone lints the current directory; `sheetlint FILE…` is `sheetlint lint FILE…`.

        Examples:
          sheetlint lint examples/
          sheetlint lint --format sarif --output sheetlint.sarif sheets/
          sheetlint lint --baseline .sheetlint-baseline.json --max-warnings 0 sheets/
          sheetlint lint --rules my-rules/ --lang en sheet.md
        """)
    )

    @Option(help: ArgumentHelp(CLILanguage.text("出力形式: text, json, sarif, github, junit。", "Output: text, json, sarif, github or junit.")))
    var format: String = "text"

    @Option(help: ArgumentHelp(CLILanguage.text("報告を標準出力ではなくこのファイルに書きます（途中の状態を残しません）。", "Write the report to this file (atomically) instead of standard output.")))
    var output: String?

    @OptionGroup var input: SheetInputOptions

    @Option(help: ArgumentHelp(CLILanguage.text("このベースラインに記録された指摘を隠し、新しい指摘だけを報告します。", "Hide the findings recorded in this baseline file; report only new ones.")))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp(CLILanguage.text("現在の指摘をこのファイルに記録します（入力が使えない場合を除き終了コード 0）。", "Record the current findings in this file (the run then exits 0 unless input is unusable).")))
    var writeBaseline: String?

    @Option(name: .customLong("max-warnings"), parsing: .unconditional, help: ArgumentHelp(CLILanguage.text("警告がこの数を超えたら不合格にします。", "Fail when more than this many warnings are reported.")))
    var maxWarnings: Int?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(CLILanguage.text("この重大度以上の指摘で不合格にします: error, warning, info。", "Fail on findings at least this severe: error, warning or info.")))
    var failOn: String = "error"

    @Flag(help: ArgumentHelp(CLILanguage.text("エラーの指摘だけを表示します（ゲートと集計はすべてを数えます）。", "Report error-level findings only (the gate still counts all).")))
    var quiet = false

    @Flag(name: .customLong("skip-non-sheets"),
          help: ArgumentHelp(CLILanguage.text("シートでないファイル（README、設定、カタログ）を指定されても失敗せずに飛ばします（フック用）。", "Skip named files that are not sheets (README, configuration, catalogues) instead of failing; for hooks.")))
    var skipNonSheets = false

    /// The same options as plain values.
    var values: LintValues {
        LintValues(input: input.values, format: format, output: output, baseline: baseline, writeBaseline: writeBaseline,
                   maxWarnings: maxWarnings, failOn: failOn, quiet: quiet, skipNonSheets: skipNonSheets)
    }

    /// Called by the parser before `run`, so an error shows this command's usage line.
    func validate() throws { try values.validate() }

    func run() throws {
        throw ExitCode(Self.perform(try values.request()))
    }

    /// Runs `request`, prints its report and messages, and returns the exit status.
    static func perform(_ request: LintRequest) -> Int32 {
        // The report goes to standard output as it is rendered, after the lines for standard error before it.
        let outcome = Sheetlint.runLint(request, console: LintConsole(output: .fileDescriptor(1), error: { printError($0) }))
        for line in outcome.stderr { printError(line) }
        print(outcome.stdout, terminator: "")
        return outcome.exitCode
    }
}

/// `lint`'s options as plain values, checked and turned into a request by the same code
/// whether the parser filled them or `LintFastPath` did. The defaults are the options'.
struct LintValues {
    var input = SheetInputValues()
    var format = "text"
    var output: String?
    var baseline: String?
    var writeBaseline: String?
    var maxWarnings: Int?
    var failOn = "error"
    var quiet = false
    var skipNonSheets = false

    /// What `LintCommand.validate` checks.
    func validate() throws {
        _ = try reportFormat()
        _ = try failSeverity()
        if let max = maxWarnings, max < 0 { throw ValidationError("--max-warnings must be 0 or more") }
    }

    private func reportFormat() throws -> ReportFormat {
        guard let reportFormat = ReportFormat(rawValue: format) else {
            throw ValidationError("--format must be one of: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return reportFormat
    }

    private func failSeverity() throws -> Severity {
        guard let failSeverity = Severity(rawValue: failOn) else { throw ValidationError("--fail-on must be error, warning or info") }
        return failSeverity
    }

    /// The run these options ask for.
    func request() throws -> LintRequest {
        let language = try input.language()
        let reportFormat = try reportFormat()
        let failSeverity = try failSeverity()
        var lintOptions = try input.lintOptions()
        lintOptions.skipNonSheets = skipNonSheets
        return LintRequest(
            lint: lintOptions,
            format: reportFormat, language: language,
            gate: LintGate(failOn: failSeverity, maxWarnings: maxWarnings, quiet: quiet),
            baselinePath: baseline, writeBaselinePath: writeBaseline, outputPath: output)
    }
}
