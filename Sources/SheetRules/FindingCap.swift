import SheetModel

/// How many findings one rule may still produce on one sheet: `ResourceLimits.maxFindingsPerFile`
/// plus one (enough for the run to know the file is over the limit and say so).
///
/// A sheet of a hostile shape (one cell of 800,000 identical items) made a rule produce
/// 800,000 findings, each with two rendered messages, before the per-file limit dropped all
/// but 10,000: seconds and a gigabyte. `RuleEngine` binds one cap per rule and sheet to
/// `FindingCap.current`; past it `EvaluationContext.finding` returns an unrendered marker
/// that the engine drops, so the work stays proportional to what is reported. The findings
/// kept are the first the rule produces, in document order. Used only by the one
/// synchronous evaluation that made it, hence `@unchecked Sendable`.
final class FindingCap: @unchecked Sendable {
    @TaskLocal static var current: FindingCap?

    /// The path of a marker finding (never a model path).
    static let markerPath = "\u{0}finding-cap"

    private var left: Int
    private let limit: Int
    /// Findings refused.
    private(set) var refused = 0

    init(_ limit: Int = ResourceLimits.maxFindingsPerFile + 1) {
        left = limit
        self.limit = limit
    }

    /// The cap full again, as a new one (for the next rule).
    func renew() {
        left = limit
        refused = 0
    }

    /// True (and one fewer left) while the rule may produce another finding.
    func admit() -> Bool {
        guard left > 0 else {
            refused += 1
            return false
        }
        left -= 1
        return true
    }

    /// True when every further finding would be refused: a check looping over many
    /// elements can stop, rather than collect one marker per element (870,000 of them on
    /// one hostile sheet).
    var isSpent: Bool { left <= 0 }

    /// The marker returned instead of a finding past the cap.
    static func marker(_ ruleId: String, file: String) -> Finding {
        Finding(ruleId: ruleId, severity: .info, message: "", messageEn: "",
                span: SourceSpan(file: file, line: 1, startColumn: 1, endColumn: 1), path: markerPath)
    }
}
