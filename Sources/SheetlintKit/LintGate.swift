import SheetRules

/// When a lint run fails the gate (exit 1).
public struct LintGate: Sendable, Hashable {
    /// Fail when any reported finding is at least this severe (`--fail-on`, default error).
    public var failOn: Severity
    /// Fail when more warnings than this are reported (`--max-warnings`); nil = no limit.
    public var maxWarnings: Int?
    /// Print error-level findings only (`--quiet`); the gate still counts every finding.
    public var quiet: Bool

    public init(failOn: Severity = .error, maxWarnings: Int? = nil, quiet: Bool = false) {
        self.failOn = failOn
        self.maxWarnings = maxWarnings
        self.quiet = quiet
    }

    /// 1 when `findings` (those not hidden by a baseline) fail the gate, else 0.
    public func exitCode(for findings: [Finding]) -> Int32 {
        // Severity is ordered most serious first: error < warning < info.
        if findings.contains(where: { $0.severity <= failOn }) { return 1 }
        if let max = maxWarnings, findings.filter({ $0.severity == .warning }).count > max { return 1 }
        return 0
    }
}
