import SheetReporting
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
        verdict(for: findings).passed ? 0 : 1
    }

    /// Every condition `findings` (those not hidden by a baseline, shown or not) fail.
    public func verdict(for findings: [Finding]) -> GateVerdict {
        verdict(severities: findings.map(\.severity))
    }

    /// The same for findings stored compactly (their severities are read, nothing is built).
    public func verdict(for findings: FindingList) -> GateVerdict {
        verdict(severities: findings.indices.lazy.map { findings.severity(at: $0) })
    }

    private func verdict(severities: some Collection<Severity>) -> GateVerdict {
        var reasons: [GateVerdict.Reason] = []
        // Severity is ordered most serious first: error < warning < info.
        let failing = severities.filter { $0 <= failOn }.count
        if failing > 0 { reasons.append(.failOn(failOn, count: failing)) }
        let warnings = severities.filter { $0 == .warning }.count
        if let max = maxWarnings, warnings > max { reasons.append(.maxWarnings(limit: max, count: warnings)) }
        return GateVerdict(failOn: failOn, maxWarnings: maxWarnings, reasons: reasons)
    }
}
