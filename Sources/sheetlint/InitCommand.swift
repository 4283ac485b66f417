import ArgumentParser
import SheetlintKit
import SheetRules

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: CLILanguage.text("説明付きのひな形 .sheetlint.yml を書きます（既存のファイルは上書きしません）。", "Writes a commented starter .sheetlint.yml (never overwrites an existing file)."),
        discussion: CLILanguage.text("例: sheetlint init && $EDITOR .sheetlint.yml", "Example: sheetlint init && $EDITOR .sheetlint.yml")
    )

    @Argument(help: ArgumentHelp(CLILanguage.text("書き出す場所。", "Where to write it.")))
    var path: String = StarterConfig.defaultFileName

    @Option(help: ArgumentHelp(CLILanguage.text("メッセージの言語: ja か en。", "Message language: ja or en.")))
    var lang: String = "ja"

    func run() throws {
        let english = lang == "en"
        do {
            try StarterConfig.write(StarterConfig.text(rules: RuleSet.loadDefault()), to: path)
            print(english ? "wrote \(path)" : "\(path) を作成しました")
        } catch {
            printError("sheetlint: " + error.formatted(english: english))
            throw ExitCode(2)
        }
    }
}
