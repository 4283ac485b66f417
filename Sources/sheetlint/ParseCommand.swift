import ArgumentParser
import SheetlintKit
import SheetReading

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: CLILanguage.text("シートを 1 つ読み、そのモデルを書き出します（正規形 YAML か JSON、または位置のダンプ）。", "Reads one sheet and writes its model (canonical YAML or JSON, or a span dump)."),
        discussion: CLILanguage.isEnglish ? """
        Examples:
          sheetlint parse examples/toshi-seisaku.md
          sheetlint parse sheet.md --format json --no-spans > sheet.json
          sheetlint parse sheet.md --encoding cp932 --format dump
        """ : """
        例:
          sheetlint parse examples/toshi-seisaku.md
          sheetlint parse sheet.md --format json --no-spans > sheet.json
          sheetlint parse sheet.md --encoding cp932 --format dump
        """
    )

    @Argument(help: ArgumentHelp(CLILanguage.text("シートのファイル（公開形式の .md、または正規形の .yaml/.yml/.json）。", "The sheet file (.md published form, or .yaml/.yml/.json canonical form).")))
    var file: String

    @Option(help: ArgumentHelp(CLILanguage.text("出力形式: yaml, json, dump。", "Output: yaml, json or dump.")))
    var format: String = "yaml"

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(CLILanguage.text("YAML/JSON の出力に `span`（行:列-行:列）を含めます。", "Include `span` (line:col-line:col) keys in YAML/JSON output.")))
    var spans = true

    @Option(help: ArgumentHelp(CLILanguage.text("文字コードを指定します: utf-8, utf-16le, utf-16be, cp932（既定: 自動判定）。", "Force the input encoding: utf-8, utf-16le, utf-16be, cp932 (default: detect).")))
    var encoding: String?

    @Option(name: .customLong("fiscal-year"), parsing: .unconditional, help: ArgumentHelp(CLILanguage.text("年度（始まる年の西暦、例: 2022）。", "Fiscal year (western year it starts in, e.g. 2022).")))
    var fiscalYear: Int?

    @Option(help: ArgumentHelp(CLILanguage.text("メッセージの言語: ja か en。", "Message language: ja or en.")))
    var lang: String = "ja"

    func run() throws {
        guard ["ja", "en"].contains(lang) else { throw ValidationError("--lang must be ja or en") }
        guard let format = ParseFormat(rawValue: format) else {
            throw ValidationError("--format must be one of: yaml, json, dump")
        }
        try validateFiscalYear(fiscalYear)
        var read = ReadOptions(fiscalYear: fiscalYear)
        if let name = encoding {
            guard let e = SheetEncoding(name: name) else {
                throw ValidationError("unknown --encoding '\(name)': use utf-8, utf-16le, utf-16be or cp932")
            }
            read.encoding = e
        }
        do {
            let result = try Sheetlint.parse(ParseOptions(path: file, format: format, spans: spans, read: read))
            for note in result.notes { printError(note) }
            print(result.output, terminator: "")
        } catch let error as ReadError {
            printError("sheetlint: " + error.formatted(english: lang == "en"))
            throw ExitCode(2)
        }
    }
}
