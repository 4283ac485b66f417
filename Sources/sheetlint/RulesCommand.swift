import ArgumentParser
import SheetlintKit
import SheetReporting

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: CLILanguage.text("規則の一覧・説明・例の検査。", "Lists, explains and tests the rules."),
        subcommands: [RulesListCommand.self, RulesExplainCommand.self, RulesTestCommand.self],
        defaultSubcommand: RulesListCommand.self
    )
}

/// Options shared by the rules subcommands.
struct RuleSourceOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(CLILanguage.text("追加の規則（と catalogs/）のディレクトリ。複数指定可。", "A directory of extra rules (and catalogs/); repeatable.")))
    var rulesDirectories: [String] = []

    @Option(help: ArgumentHelp(CLILanguage.text("メッセージの言語: ja か en。", "Message language: ja or en.")))
    var lang: String = "ja"

    var english: Bool { lang == "en" }

    func validate() throws {
        guard ["ja", "en"].contains(lang) else { throw ValidationError("--lang must be ja or en") }
    }
}

struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: CLILanguage.text("すべての規則を一覧します: id、重大度、要約。", "Lists every rule: id, severity, summary."))

    @OptionGroup var source: RuleSourceOptions

    func run() throws {
        let (rules, errors) = Sheetlint.loadRules(source.rulesDirectories)
        print(TerminalText.escaped(RulesCatalogue.list(rules, english: source.english), keepLayout: true), terminator: "")
        // Broken rule files are reported, but the rules that loaded are still listed.
        for error in errors { printError("sheetlint: " + error.text(english: source.english)) }
        if !errors.isEmpty { throw ExitCode(2) }
    }
}

struct RulesExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: CLILanguage.text("規則の説明、検査の内容、例を表示します。", "Shows a rule's description, check and examples."))

    @Argument(help: ArgumentHelp(CLILanguage.text("規則の id（例: plan-code-placeholder）。", "The rule id, e.g. plan-code-placeholder.")))
    var id: String

    @OptionGroup var source: RuleSourceOptions

    func run() throws {
        let (rules, errors) = Sheetlint.loadRules(source.rulesDirectories)
        for error in errors { printError("sheetlint: " + error.text(english: source.english)) }
        guard let text = RulesCatalogue.explain(rules, id: id, english: source.english) else {
            let near = RulesCatalogue.suggestion(rules, for: id)
            printError(source.english
                ? "sheetlint: no rule '\(id)'\(near.map { " (did you mean '\($0)'?)" } ?? ""); `sheetlint rules` lists them"
                : "sheetlint: ルール「\(id)」はありません\(near.map { "（\($0) の誤りですか）" } ?? "")。`sheetlint rules` で一覧を表示できます")
            throw ExitCode(2)
        }
        print(TerminalText.escaped(text, keepLayout: true), terminator: "")
        if !errors.isEmpty { throw ExitCode(2) }
    }
}

struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: CLILanguage.text("各規則の例を実行し、宣言どおりに動かない例を示します。", "Runs every rule's examples and names those that do not behave as declared."),
        discussion: CLILanguage.text("DIR を指定すると、その規則を既定の規則の上に読み込み、その規則だけを検査します。",
                                     "With DIR, its rules are loaded over the defaults and only they are tested.")
    )

    @Argument(help: ArgumentHelp(CLILanguage.text("検査する規則のディレクトリ（既定: 組み込みの規則）。", "A rule directory to test (default: the built-in rules).")))
    var directory: String?

    @Option(help: ArgumentHelp(CLILanguage.text("メッセージの言語: ja か en。", "Message language: ja or en.")))
    var lang: String = "ja"

    func run() throws {
        guard ["ja", "en"].contains(lang) else { throw ValidationError("--lang must be ja or en") }
        let english = lang == "en"
        let (rules, errors) = Sheetlint.loadRules(directory.map { [$0] } ?? [])
        for error in errors { printError("sheetlint: " + error.text(english: english)) }
        let ids = directory.map { dir in Set(rules.rules.filter { $0.file.hasPrefix(dir) }.map(\.id)) }
        let (report, failures) = RulesCatalogue.test(rules, ids: ids, english: english)
        print(TerminalText.escaped(report, keepLayout: true), terminator: "")
        if !errors.isEmpty { throw ExitCode(2) }
        if failures > 0 { throw ExitCode(1) }
    }
}
