import SheetRules

/// Whether a run passed its gate (`--fail-on`, `--max-warnings`) and, when it failed,
/// every condition that failed, with the counts. Computed from all findings not hidden by a
/// baseline, including those `--quiet` does not show. Every report format carries it, so a
/// failed run always says why.
public struct GateVerdict: Sendable, Hashable {
    /// One gate condition that failed.
    public enum Reason: Sendable, Hashable {
        /// `count` findings at least as severe as `failOn`.
        case failOn(Severity, count: Int)
        /// `count` warnings, more than `limit`.
        case maxWarnings(limit: Int, count: Int)

        /// `fail-on` or `max-warnings`, for machine-readable formats.
        public var condition: String {
            switch self {
            case .failOn: return "fail-on"
            case .maxWarnings: return "max-warnings"
            }
        }

        /// `警告 3 件が --max-warnings 0 を超えました` / `3 warnings exceed --max-warnings 0`.
        public func message(_ language: ReportLanguage) -> String {
            switch (self, language) {
            case (.failOn(let s, let n), .ja):
                let what = s == .error ? "エラー" : s == .warning ? "エラーと警告" : "指摘"
                return "\(what) \(n) 件が --fail-on \(s.rawValue) に該当しました"
            case (.failOn(let s, let n), .en):
                let what = s == .error ? (n == 1 ? "error" : "errors")
                    : s == .warning ? "errors and warnings" : (n == 1 ? "finding" : "findings")
                return "\(n) \(what) \(n == 1 && s != .warning ? "meets" : "meet") --fail-on \(s.rawValue)"
            case (.maxWarnings(let limit, let n), .ja):
                return "警告 \(n) 件が --max-warnings \(limit) を超えました"
            case (.maxWarnings(let limit, let n), .en):
                return "\(n) warning\(n == 1 ? "" : "s") \(n == 1 ? "exceeds" : "exceed") --max-warnings \(limit)"
            }
        }
    }

    /// `--fail-on`.
    public var failOn: Severity
    /// `--max-warnings`; nil for no limit.
    public var maxWarnings: Int?
    /// The failed conditions, `fail-on` first; empty when the gate passes.
    public var reasons: [Reason]

    public init(failOn: Severity, maxWarnings: Int?, reasons: [Reason]) {
        self.failOn = failOn
        self.maxWarnings = maxWarnings
        self.reasons = reasons
    }

    /// True when no condition failed.
    public var passed: Bool { reasons.isEmpty }

    /// True when `severity` fails the gate: at least as severe as `failOn`, or a warning
    /// when the warning limit was exceeded. Findings below that level are reported, not
    /// failed (JUnit shows them as passed test cases).
    public func fails(_ severity: Severity) -> Bool {
        if severity <= failOn { return true }
        if severity == .warning, reasons.contains(where: { $0.condition == "max-warnings" }) { return true }
        return false
    }

    /// `不合格: …` / `gate failed: …` with every reason; nil when the gate passed.
    public func line(_ language: ReportLanguage) -> String? {
        guard !passed else { return nil }
        let reasons = self.reasons.map { $0.message(language) }
        switch language {
        case .ja: return "不合格: " + reasons.joined(separator: "、")
        case .en: return "gate failed: " + reasons.joined(separator: "; ")
        }
    }
}
