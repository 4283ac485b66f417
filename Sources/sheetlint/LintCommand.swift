import ArgumentParser
import Foundation
import SheetlintKit
import SheetReading

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Checks sheets against the rules and reports findings.",
        discussion: """
        Exit status: 0 no error-level finding; 1 error-level findings; 2 unusable input, rules or options.

        Examples:
          sheetlint lint examples/
          sheetlint lint --format json sheets/2024/
          sheetlint lint --rules my-rules/ --lang en sheet.md
        """
    )

    @Argument(help: "Sheet files or directories (searched for .md, .yaml, .yml, .json).")
    var paths: [String]

    @Option(help: "Output: text or json.")
    var format: String = "text"

    @Option(name: .customLong("rules"), help: "A directory of extra rules (and catalogs/); repeatable. Same id replaces a default.")
    var rulesDirectories: [String] = []

    @Option(name: .customLong("fiscal-year"), help: "Fiscal year (western year it starts in).")
    var fiscalYear: Int?

    @Option(help: "Message language: ja or en.")
    var lang: String = "ja"

    @Option(help: "Force the input encoding: utf-8, utf-16le, utf-16be, cp932.")
    var encoding: String?

    @Option(help: "Files read in parallel (1 for debugging).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        guard ["ja", "en"].contains(lang) else { throw ValidationError("--lang must be ja or en") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        var read = ReadOptions(fiscalYear: fiscalYear)
        if let name = encoding {
            guard let e = SheetEncoding(name: name) else { throw ValidationError("unknown --encoding '\(name)'") }
            read.encoding = e
        }
        let english = lang == "en"
        let result = Sheetlint.lint(LintOptions(paths: paths, rulesDirectories: rulesDirectories, read: read, jobs: jobs))
        for error in result.errors { printError("sheetlint: " + error.text(english: english)) }
        for f in result.findings {
            print("\(f.span.file):\(f.span.start.line):\(f.span.start.column): \(f.severity.rawValue): \(f.message(english: english)) [\(f.ruleId)]")
        }
        throw ExitCode(result.exitCode)
    }
}
