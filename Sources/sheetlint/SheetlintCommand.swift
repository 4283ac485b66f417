import ArgumentParser
import Foundation
import SheetlintKit

@main
struct SheetlintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheetlint",
        abstract: "部局長の目標設定シートを検査します (lints department goal sheets).",
        version: SheetlintVersion.current,
        subcommands: [ParseCommand.self]
    )
}

/// Prints `message` to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
