import SheetlintKit

/// The `lint` command lines most runs use (`sheetlint [lint] [--format json] sheets/ …`),
/// read without building swift-argument-parser's tree of every command's options: that
/// took a fifth of the instructions of a lint process (it reflects over each command and
/// option group several times, and parses the line twice more to look for a completion
/// request).
///
/// It reads only a line made of `lint`'s own long options, each given once (`--rules` may
/// repeat) with a value that does not start with `-`, and paths that are neither a command
/// name nor start with `-`; its values go through the checks the parser's `validate` runs
/// (`LintValues`). Anything else (any other token, `--help`, `--`, a repeated option, a
/// value the checks refuse) returns nil and the line goes to the parser, which says what it
/// always said. `LintFastPathTests` compares its requests with the parser's.
enum LintFastPath {
    /// Words the parser reads as a command when they come first.
    static let commandNames: Set<String> = ["lint", "report", "parse", "rules", "catalog", "baseline", "init", "help"]

    /// Options that take a value.
    private static let valueOptions: Set<String> = [
        "--format", "--output", "--baseline", "--write-baseline", "--max-warnings", "--fail-on",
        "--rules", "--fiscal-year", "--lang", "--config", "--stage", "--encoding", "--jobs",
    ]

    /// The request the parser would make of `arguments` (without the program name), or nil
    /// when the line is not one this reads.
    static func request(_ arguments: [String]) -> LintRequest? {
        var rest = arguments[...]
        if rest.first == "lint" { rest = rest.dropFirst() }
        var values = LintValues()
        var seen: Set<String> = []
        while let token = rest.popFirst() {
            guard token.hasPrefix("-") else {
                if commandNames.contains(token) { return nil }
                values.input.paths.append(token)
                continue
            }
            var name = token
            var attached: String?
            if let equals = token.firstIndex(of: "=") {
                name = String(token[..<equals])
                attached = String(token[token.index(after: equals)...])
            }
            guard name == "--rules" || seen.insert(name).inserted else { return nil }
            if name == "--quiet" || name == "--skip-non-sheets" {
                guard attached == nil else { return nil }
                if name == "--quiet" { values.quiet = true } else { values.skipNonSheets = true }
                continue
            }
            guard valueOptions.contains(name) else { return nil }
            guard let value = attached ?? rest.popFirst(), !value.isEmpty, !value.hasPrefix("-") else { return nil }
            switch name {
            case "--format": values.format = value
            case "--output": values.output = value
            case "--baseline": values.baseline = value
            case "--write-baseline": values.writeBaseline = value
            case "--fail-on": values.failOn = value
            case "--rules": values.input.rulesDirectories.append(value)
            case "--lang": values.input.lang = value
            case "--config": values.input.config = value
            case "--stage": values.input.stage = value
            case "--encoding": values.input.encoding = value
            case "--max-warnings", "--fiscal-year", "--jobs":
                guard value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let n = Int(value) else {
                    return nil
                }
                switch name {
                case "--max-warnings": values.maxWarnings = n
                case "--fiscal-year": values.input.fiscalYear = n
                default: values.input.jobs = n
                }
            default: return nil
            }
        }
        do {
            try values.input.validate()
            try values.validate()
            return try values.request()
        } catch {
            return nil
        }
    }
}
