import ArgumentParser
import SheetlintKit
import SheetModel
import SheetReading
import SheetReporting

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Maintains baseline files (see `lint --write-baseline` and `--baseline`).",
        subcommands: [BaselinePruneCommand.self]
    )
}

struct BaselinePruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Drops baseline entries that no longer match any finding.",
        discussion: "Example: sheetlint baseline prune --baseline .sheetlint-baseline.json sheets/"
    )

    @Option(help: "The baseline file to prune (rewritten atomically).")
    var baseline: String

    @Argument(help: "The sheets and directories the baseline covers.")
    var paths: [String]

    @Option(name: .customLong("rules"), help: "Extra rule directories, as given to lint.")
    var rulesDirectories: [String] = []

    @Option(help: "Message language: ja or en.")
    var lang: String = "ja"

    @Option(help: "The sheets' stage, as given to lint: plan, review or auto.")
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
