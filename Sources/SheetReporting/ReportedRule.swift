import SheetModel
import SheetRules

/// The metadata reporters need about a rule that ran (SARIF `rules[]`, JUnit test cases).
public struct ReportedRule: Sendable, Hashable {
    /// Stable identifier, e.g. `plan-code-placeholder`.
    public var id: String
    /// The rule's default severity.
    public var severity: Severity
    /// One line: what the rule reports.
    public var summary: String
    /// Why it matters.
    public var description: String
    /// Categories, e.g. `["citations"]`; SARIF `properties.tags`.
    public var tags: [String]
    /// The sheet stages the rule runs at (`Rule.stages`); every stage for synthetic rules.
    public var stages: [SheetStage]

    /// Creates rule metadata directly (tests, synthetic rules such as reader notes).
    public init(id: String, severity: Severity, summary: String, description: String, tags: [String] = [],
                stages: [SheetStage] = SheetStage.allCases) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.description = description
        self.tags = tags
        self.stages = stages
    }

    /// The metadata of a loaded rule. Rules carry no tags, so the tag is the rule file's
    /// category: its name without directory and extension (`<default>/citations.yml` →
    /// `citations`).
    public init(_ rule: Rule) {
        self.init(id: rule.id, severity: rule.severity, summary: rule.summary,
                  description: rule.description, tags: Self.category(ofRuleFile: rule.file).map { [$0] } ?? [],
                  stages: rule.stages)
    }

    /// `citations` for `rules/citations.yml`; `nil` for an empty name.
    static func category(ofRuleFile file: String) -> String? {
        var name = Substring(file)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        return name.isEmpty ? nil : String(name)
    }

    /// SARIF `name`: the id in PascalCase (`plan-code-missing` → `PlanCodeMissing`).
    public var pascalCaseName: String {
        id.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}
