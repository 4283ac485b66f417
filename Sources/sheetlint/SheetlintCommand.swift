import ArgumentParser
import Foundation
import SheetlintKit
import SheetReading
import SheetReporting

@main
struct SheetlintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheetlint",
        abstract: "部局長の目標設定シートを検査します (lints department goal sheets).",
        version: SheetlintVersion.long,
        subcommands: [LintCommand.self, ReportCommand.self, ParseCommand.self, RulesCommand.self, CatalogCommand.self, BaselineCommand.self, InitCommand.self],
        defaultSubcommand: LintCommand.self
    )

    /// Like ParsableCommand.main, but a usage error exits 2 (sheetlint's code for unusable
    /// input, rules or options) instead of ArgumentParser's 64.
    static func main() {
        // `sheetlint --version` alone prints the one line the parser would: building the
        // parser's tree of every subcommand's options and translating the line through the
        // help table's 13 expressions (none of which matches it) were two thirds of the
        // instructions of the process. Any other use of --version takes the parser's path.
        if CommandLine.arguments.dropFirst().elementsEqual(["--version"]) {
            print(SheetlintVersion.long)
            Foundation.exit(0)
        }
        // `sheetlint --help --lang en`: the parser would read `--lang` as an option of the
        // default subcommand and print lint's help; the user asked for sheetlint's.
        if CLILanguage.asksRootHelp(Array(CommandLine.arguments.dropFirst())) {
            print(OptionMessages.localizedHelp(helpMessage()))
            Foundation.exit(0)
        }
        // A plain `lint` line skips the parser too (see LintFastPath); any other goes to it.
        if let request = LintFastPath.request(Array(CommandLine.arguments.dropFirst())) {
            Foundation.exit(LintCommand.perform(request))
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // Option errors in the user's language (Japanese unless --lang en).
                printError(OptionMessages.localized(fullMessage(for: error)), keepLayout: true)
                Foundation.exit(2)
            }
            // --help (and --version): the parser's headers in the user's language.
            if code == .success, !(error is ExitCode) {
                print(OptionMessages.localizedHelp(fullMessage(for: error)))
                Foundation.exit(0)
            }
            exit(withError: error)
        }
    }
}

/// Prints `message` to standard error as one line: control characters from file names or
/// sheets (ESC, CR, LF, …) are escaped (`TerminalText`), so they cannot forge lines or drive
/// the terminal. `keepLayout` keeps LF and TAB for our own multi-line usage messages.
func printError(_ message: String, keepLayout: Bool = false) {
    FileHandle.standardError.write(Data((TerminalText.escaped(message, keepLayout: keepLayout) + "\n").utf8))
}

/// Refuses a `--fiscal-year` outside the years a configuration accepts (1900–2999).
func validateFiscalYear(_ year: Int?) throws {
    let range = ReadOptions.validFiscalYears
    if let year, !range.contains(year) {
        throw ValidationError("--fiscal-year must be a western-calendar fiscal year from \(range.lowerBound) to \(range.upperBound) (e.g. 2024), not \(year)")
    }
}
