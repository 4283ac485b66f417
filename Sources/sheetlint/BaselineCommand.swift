import ArgumentParser
import SheetlintKit
import SheetModel
import SheetReading
import SheetReporting

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: CLILanguage.text("ベースラインファイルを管理します（`lint --write-baseline` と `--baseline` を参照）。", "Maintains baseline files (see `lint --write-baseline` and `--baseline`)."),
        subcommands: [BaselinePruneCommand.self]
    )
}

struct BaselinePruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: CLILanguage.text("どの指摘にも一致しなくなったベースラインの項目を削除します。", "Drops baseline entries that no longer match any finding."),
        discussion: CLILanguage.text("例: sheetlint baseline prune --baseline .sheetlint-baseline.json sheets/",
                                     "Example: sheetlint baseline prune --baseline .sheetlint-baseline.json sheets/")
    )

    @Option(help: ArgumentHelp(CLILanguage.text("整理するベースラインファイル（途中の状態を残さず書き換えます）。", "The baseline file to prune (rewritten atomically).")))
    var baseline: String

    @Argument(help: ArgumentHelp(CLILanguage.text("ベースラインの対象のシートとディレクトリ。", "The sheets and directories the baseline covers.")))
    var paths: [String]

    @Option(name: .customLong("rules"), help: ArgumentHelp(CLILanguage.text("lint に渡したのと同じ追加の規則のディレクトリ。", "Extra rule directories, as given to lint.")))
    var rulesDirectories: [String] = []

    @Option(help: ArgumentHelp(CLILanguage.text("メッセージの言語: ja か en。", "Message language: ja or en.")))
    var lang: String = "ja"

    @Option(help: ArgumentHelp(CLILanguage.text("lint に渡したのと同じシートの段階: plan, review, auto。", "The sheets' stage, as given to lint: plan, review or auto.")))
    var stage: String?

    func run() throws {
        guard let language = ReportLanguage(rawValue: lang) else { throw ValidationError("--lang must be ja or en") }
        let stageChoice = try stage.map { word in
            guard let choice = StageChoice(rawValue: word) else { throw ValidationError("--stage must be one of: \(StageChoice.words)") }
            return choice
        }
        let request = LintRequest(lint: LintOptions(paths: paths, rulesDirectories: rulesDirectories, stage: stageChoice),
                                  language: language)
        let outcome = Sheetlint.pruneBaseline(at: baseline, request: request)
        for line in outcome.stderr { printError(line) }
        print(outcome.stdout, terminator: "")
        throw ExitCode(outcome.exitCode)
    }
}
