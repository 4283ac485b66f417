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
    /// Its fingerprints, when worked out from its sheet's lines while they were at hand
    /// (`SourceDigest`); not part of what the finding is (findings compare equal whatever
    /// their digests).
    public var digest = SourceDigest.none

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

/// The content hashes of a finding that read its sheet's text, worked out while the sheet's
/// lines are at hand (`lint` does it in each sheet's worker), so that a run writing SARIF or
/// a baseline need not keep every sheet's lines until its output: SARIF's
/// `primaryLocationLineHash` (before its counter) and a baseline entry's `fingerprint`,
/// each the FNV-1a 64 `LineFingerprint.contentHash` gives. `none` when not worked out: the
/// reporters then read the lines they are given, or the message, as before.
///
/// Not part of a finding's identity: every digest compares equal to every other, so that
/// findings compare (and hash) as they did before digests existed.
public struct SourceDigest: Sendable, Hashable {
    /// Whether `line` holds its hash.
    public var isKnown: Bool
    /// Whether `span` holds its hash (a run that writes and reads no baseline leaves it out).
    public var spanIsKnown: Bool
    /// The hash of the rule id, model path and the finding's start line (SARIF).
    public var line: UInt64
    /// The hash of the rule id, model path and the text under the finding's span (baselines).
    public var span: UInt64

    public static let none = SourceDigest(isKnown: false, spanIsKnown: false, line: 0, span: 0)

    public init(line: UInt64, span: UInt64) {
        self.init(isKnown: true, spanIsKnown: true, line: line, span: span)
    }

    /// The line's hash alone.
    public init(line: UInt64) {
        self.init(isKnown: true, spanIsKnown: false, line: line, span: 0)
    }

    private init(isKnown: Bool, spanIsKnown: Bool, line: UInt64, span: UInt64) {
        self.isKnown = isKnown
        self.spanIsKnown = spanIsKnown
        self.line = line
        self.span = span
    }

    public static func == (a: SourceDigest, b: SourceDigest) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
