import SheetModel

/// How serious a finding is. Ordered from most to least serious.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case error, warning, info

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One problem a rule found in a sheet. Findings are values returned by rules, never thrown.
public struct Finding: Sendable, Hashable {
    /// The id of the rule that produced it, e.g. `plan-code-placeholder`.
    public var ruleId: String
    /// The rule's severity (before any configuration override).
    public var severity: Severity
    /// Japanese message, placeholders already filled.
    public var message: String
    /// English message, placeholders already filled.
    public var messageEn: String
    /// Where in the sheet: the offending node's span, or its nearest ancestor's.
    public var span: SourceSpan
    /// The model path of the offending node, 0-based indices: `annualGoals[3].planCodes[0]`.
    public var path: String

    public init(ruleId: String, severity: Severity, message: String, messageEn: String,
                span: SourceSpan, path: String) {
        self.ruleId = ruleId
        self.severity = severity
        self.message = message
        self.messageEn = messageEn
        self.span = span
        self.path = path
    }

    /// The message in the chosen language.
    public func message(english: Bool) -> String { english ? messageEn : message }
}

extension Finding: Comparable {
    /// Deterministic output order: file, line, column, rule id, then path and message so
    /// that no two distinct findings compare equal by accident.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        (lhs.span.file, lhs.span.start.line, lhs.span.start.column, lhs.ruleId, lhs.path, lhs.message)
            < (rhs.span.file, rhs.span.start.line, rhs.span.start.column, rhs.ruleId, rhs.path, rhs.message)
    }
}
