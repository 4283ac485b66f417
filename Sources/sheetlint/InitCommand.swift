import ArgumentParser
import SheetlintKit
import SheetRules

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Writes a commented starter .sheetlint.yml (never overwrites an existing file).",
        discussion: "Example: sheetlint init && $EDITOR .sheetlint.yml"
    )

    @Argument(help: "Where to write it.")
    var path: String = StarterConfig.defaultFileName

    @Option(help: "Message language: ja or en.")
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
