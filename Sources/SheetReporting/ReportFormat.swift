/// The output formats of `sheetlint lint --format`.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    case text, json, sarif, github, junit

    /// Renders `report` in this format. Pure and deterministic: the same report always
    /// gives the same bytes.
    public func render(_ report: LintReport) -> String {
        var out = ""
        render(report, to: &out)
        return out
    }

    /// `render(report)`, written into `out` as it is made (`ReportStream`), so that the
    /// whole report is never held in memory.
    public func render<Out: TextOutputStream>(_ report: LintReport, to out: inout Out) {
        switch self {
        case .text: TextReporter.render(report, to: &out)
        case .json: JSONReporter.render(report, to: &out)
        case .sarif: SARIFReporter.render(report, to: &out)
        case .github: GitHubReporter.render(report, to: &out)
        case .junit: JUnitReporter.render(report, to: &out)
        }
    }
}
