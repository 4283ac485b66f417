import ArgumentParser
import Foundation
import SheetlintKit
import SheetModel
import SheetReading
import SheetReporting

/// The options `lint` and `report` share: which sheets, which rules and configuration, how
/// to read the sheets, and in which language. Declared once, so both commands parse,
/// validate and explain them alike (the same range for `--fiscal-year`, the same
/// `--jobs 1` minimum, the same help texts in both languages).
struct SheetInputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(CLILanguage.text("シートのファイルかディレクトリ（.md .yaml .yml .json を探します）。省略時はカレントディレクトリ。", "Sheet files or directories (searched for .md, .yaml, .yml, .json); default: the current directory.")))
    var paths: [String] = []

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

    /// The same options as plain values.
    var values: SheetInputValues {
        SheetInputValues(paths: paths, rulesDirectories: rulesDirectories, fiscalYear: fiscalYear, lang: lang,
                         config: config, stage: stage, encoding: encoding, jobsGiven: jobs)
    }

    /// Called by the parser before the command runs, so an error shows the command's own
    /// usage line.
    func validate() throws { try values.validate() }

    /// `--lang`, or nil to let the configuration decide.
    func language() throws -> ReportLanguage? { try values.language() }

    /// What to read and how (the current directory when no path is given).
    func lintOptions() throws -> LintOptions { try values.lintOptions() }
}

/// `SheetInputOptions` as plain values, checked and turned into options by the same code
/// whether the parser filled them or `LintFastPath` did.
struct SheetInputValues {
    var paths: [String] = []
    var rulesDirectories: [String] = []
    var fiscalYear: Int?
    var lang: String?
    var config: String?
    var stage: String?
    var encoding: String?
    /// `--jobs`, or nil when not given.
    var jobsGiven: Int?
    /// `--jobs`, by default the number of processors (asked only then: the first question
    /// reads /proc and cgroup files, 0.5 M instructions of a process's start-up).
    var jobs: Int {
        get { jobsGiven ?? ProcessInfo.processInfo.activeProcessorCount }
        set { jobsGiven = newValue }
    }

    /// What `SheetInputOptions.validate` checks.
    func validate() throws {
        _ = try language()
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        try validateFiscalYear(fiscalYear)
        _ = try lintOptions()
    }

    func language() throws -> ReportLanguage? {
        try lang.map { name in
            guard let l = ReportLanguage(rawValue: name) else { throw ValidationError("--lang must be ja or en") }
            return l
        }
    }

    func lintOptions() throws -> LintOptions {
        let stageChoice = try stage.map { word in
            guard let choice = StageChoice(rawValue: word) else { throw ValidationError("--stage must be one of: \(StageChoice.words)") }
            return choice
        }
        var read = ReadOptions(fiscalYear: fiscalYear)
        if let name = encoding {
            guard let e = SheetEncoding(name: name) else { throw ValidationError("unknown --encoding '\(name)'") }
            read.encoding = e
        }
        return LintOptions(paths: paths.isEmpty ? ["."] : paths, rulesDirectories: rulesDirectories, read: read,
                           jobs: jobs, configPath: config, stage: stageChoice)
    }
}
