import ArgumentParser
import SheetlintKit
import SheetReading

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Reads one sheet and writes its model (canonical YAML or JSON, or a span dump).",
        discussion: """
        Examples:
          sheetlint parse examples/toshi-seisaku.md
          sheetlint parse sheet.md --format json --no-spans > sheet.json
          sheetlint parse sheet.md --encoding cp932 --format dump
        """
    )

    @Argument(help: "The sheet file (.md published form, or .yaml/.yml/.json canonical form).")
    var file: String

    @Option(help: "Output: yaml, json or dump.")
    var format: String = "yaml"

    @Flag(inversion: .prefixedNo, help: "Include `span` (line:col-line:col) keys in YAML/JSON output.")
    var spans = true

    @Option(help: "Force the input encoding: utf-8, utf-16le, utf-16be, cp932 (default: detect).")
    var encoding: String?

    @Option(name: .customLong("fiscal-year"), parsing: .unconditional, help: "Fiscal year (western year it starts in, e.g. 2022).")
    var fiscalYear: Int?

    func run() throws {
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
            printError("sheetlint: " + error.formatted())
            throw ExitCode(2)
        }
    }
}
