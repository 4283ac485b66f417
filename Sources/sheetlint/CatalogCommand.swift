import ArgumentParser
import SheetlintKit
import SheetReporting

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: CLILanguage.text("カタログファイル（総合計画 / 基本政策）を検査します。", "Checks catalogue files (総合計画 / 基本政策)."),
        subcommands: [CatalogCheckCommand.self]
    )
}

struct CatalogCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: CLILanguage.text("カタログファイルを検証し、すべての誤りを file:行:列 で示します。", "Validates catalogue files: every mistake with file:line:col."),
        discussion: CLILanguage.text("""
        形式（キー、型、key_pattern、ranges）、すべてのコードが key_pattern の形で ranges の中にあること、\
        同じコードが二度ないこと、titles_complete が true なら名称があること、そしてどれかの規則が\
        カタログの id を参照していることを確かめます。終了コード: 0 正しい、1 誤りあり、2 ファイルを読めない。
        """, """
        Checks the format (keys, types, key_pattern, ranges), that every code is of the \
        key_pattern form and within ranges, that no code is listed twice, that titles are \
        present where titles_complete is true, and that some rule cites the catalogue's id. \
        Exit status: 0 valid, 1 mistakes found, 2 a file cannot be read.
        """)
    )

    @Argument(help: ArgumentHelp(CLILanguage.text("カタログファイル（例: examples/catalogs/sogo-keikaku.yml）。", "Catalogue files, e.g. examples/catalogs/sogo-keikaku.yml.")))
    var files: [String]

    @OptionGroup var source: RuleSourceOptions

    func run() throws {
        let (rules, errors) = Sheetlint.loadRules(source.rulesDirectories)
        for error in errors { printError("sheetlint: " + error.text(english: source.english)) }
        if !errors.isEmpty { throw ExitCode(2) }
        let outcome = CatalogCheckRun.check(files, rules: rules, english: source.english)
        for line in outcome.lines { print(TerminalText.escaped(line, keepLayout: true)) }
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}
