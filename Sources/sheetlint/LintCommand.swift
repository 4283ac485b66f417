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

    @Argument(help: ArgumentHelp(CLILanguage.text("シートのファイルかディレクトリ（.md .yaml .yml .json を探します）。省略時はカレントディレクトリ。", "Sheet files or directories (searched for .md, .yaml, .yml, .json); default: the current directory.")))
    var paths: [String] = []

    @Option(help: ArgumentHelp(CLILanguage.text("出力形式: text, json, sarif, github, junit。", "Output: text, json, sarif, github or junit.")))
    var format: String = "text"

    @Option(help: ArgumentHelp(CLILanguage.text("報告を標準出力ではなくこのファイルに書きます（途中の状態を残しません）。", "Write the report to this file (atomically) instead of standard output.")))
    var output: String?

    @Option(name: .customLong("rules"), help: ArgumentHelp(CLILanguage.text("追加の規則（と catalogs/）のディレクトリ。複数指定可。同じ id の既定の規則を置き換えます。", "A directory of extra rules (and catalogs/); repeatable. Same id replaces a default.")))
    var rulesDirectories: [String] = []

    @Option(name: .customLong("fiscal-year"), parsing: .unconditional, help: ArgumentHelp(CLILanguage.text("年度（始まる年の西暦）。", "Fiscal year (western year it starts in).")))
    var fiscalYear: Int?

    @Option(help: ArgumentHelp(CLILanguage.text("メッセージの言語: ja か en（既定: 設定の lang、なければ ja）。", "Message language: ja or en (default: the configuration's lang, else ja).")))
    var lang: String?

    @Option(help: ArgumentHelp(CLILanguage.text("最寄りの .sheetlint.yml の代わりに、すべてのシートにこの設定ファイルを使います。", "Use this configuration file for every sheet instead of the nearest .sheetlint.yml.")))
    var config: String?

    @Option(help: ArgumentHelp(CLILanguage.text("シートの段階: plan（当初設定）、review（振り返り）、auto（シートごとに内容から推定）。既定: 設定の stage:、なければ auto。", "The sheets' stage: plan (goal-setting, 当初設定), review (year-end, 振り返り) or auto (inferred per sheet from its content). Default: the configuration's stage:, else auto.")))
    var stage: String?

    @Option(help: ArgumentHelp(CLILanguage.text("文字コードを指定します: utf-8, utf-16le, utf-16be, cp932。", "Force the input encoding: utf-8, utf-16le, utf-16be, cp932.")))
    var encoding: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(CLILanguage.text("並行して読むファイル数（デバッグには 1）。", "Files read in parallel (1 for debugging).")))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

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
