import SheetRules

/// GitHub Actions workflow commands, one per finding:
/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
///
/// `warning` findings use `::warning`, `info` findings `::notice`. The title is the rule id;
/// the file is repo-relative where possible (annotations need paths from the repository
/// root). Values are escaped as the Actions runner unescapes them. A failed gate adds one
/// `::error title=sheetlint::` line saying which condition failed.
public enum GitHubReporter {
    /// Renders the report: one line per finding, each ending with a newline; empty when
    /// there are no findings.
    public static func render(_ report: LintReport) -> String {
        var out = ""
        render(report, to: &out)
        return out
    }

    /// `render(report)`, written into `out` line by line.
    public static func render<Out: TextOutputStream>(_ report: LintReport, to out: inout Out) {
        for f in report.findings {
            let properties: [(String, String)] = [
                ("file", ArtifactPath(f.span.file, root: report.root).display),
                ("line", String(f.span.start.line)),
                ("col", String(f.span.start.column)),
                ("endLine", String(f.span.end.line)),
                ("endColumn", String(f.span.end.column)),
                ("title", f.ruleId),
            ]
            let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
            out.write("::\(command(f.severity)) \(list)::\(escapeData(report.message(f)))\n")
        }
        if let line = report.gate?.line(report.language) {
            out.write("::error title=sheetlint::\(escapeData(line))\n")
        }
    }

    /// The workflow command for a severity: `error`, `warning` or `notice`.
    public static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    /// Escapes a message: `%` → `%25`, CR → `%0D`, LF → `%0A`.
    public static func escapeData(_ s: String) -> String {
        escape(s, extra: false)
    }

    /// Escapes a property value: as `escapeData`, plus `:` → `%3A` and `,` → `%2C`.
    public static func escapeProperty(_ s: String) -> String {
        escape(s, extra: true)
    }

    private static func escape(_ s: String, extra: Bool) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where extra: out += "%3A"
            case "," where extra: out += "%2C"
            case _ where TerminalText.needsEscape(scalar, true): // CR and LF are handled above
                // ESC, BEL, NUL… would act on a log viewer: shown as `\u{1B}`, as in text output.
                out += TerminalText.escaped(String(scalar))
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
