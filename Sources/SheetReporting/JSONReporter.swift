import SheetRules

/// `{"diagnostics": [...], "summary": {...}}`, pretty-printed with a stable key order.
///
/// Each diagnostic has `ruleId`, `severity`, `message` (report language), `file`
/// (repo-relative where possible), `line`, `column`, `endLine`, `endColumn` (1-based,
/// columns in Unicode scalars, end exclusive) and `path` (the model path). `summary` counts
/// findings per severity and the files read. Non-ASCII text is written unescaped (UTF-8).
public enum JSONReporter {
    /// Renders the report; ends with a newline.
    public static func render(_ report: LintReport) -> String {
        let diagnostics: [JSONValue] = report.findings.map { f in
            .object([
                ("ruleId", .string(f.ruleId)),
                ("severity", .string(f.severity.rawValue)),
                ("message", .string(report.message(f))),
                ("file", .string(ArtifactPath(f.span.file, root: report.root).display)),
                ("line", .int(f.span.start.line)),
                ("column", .int(f.span.start.column)),
                ("endLine", .int(f.span.end.line)),
                ("endColumn", .int(f.span.end.column)),
                ("path", .string(f.path)),
            ])
        }
        let summary: JSONValue = .object([
            ("error", .int(report.count(.error))),
            ("warning", .int(report.count(.warning))),
            ("info", .int(report.count(.info))),
            ("files", .int(report.fileCount)),
        ])
        return JSONValue.object([("diagnostics", .array(diagnostics)), ("summary", summary)]).rendered
    }
}
