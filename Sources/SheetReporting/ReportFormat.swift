/// The output formats of `sheetlint lint --format`.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    case text, json, sarif, github, junit

    /// Renders `report` in this format. Pure and deterministic: the same report always
    /// gives the same bytes.
    public func render(_ report: LintReport) -> String {
        switch self {
        case .text: return TextReporter.render(report)
        case .json: return JSONReporter.render(report)
        case .sarif: return SARIFReporter.render(report)
        case .github: return GitHubReporter.render(report)
        case .junit: return JUnitReporter.render(report)
        }
    }
}
