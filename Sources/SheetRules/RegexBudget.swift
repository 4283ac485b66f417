import SheetModel

/// The regex work one rule may still do on one sheet (`ResourceLimits.regexStepsPerRuleAndSheet`),
/// and the first limit its patterns hit.
///
/// `RuleEngine` makes one per rule and sheet and binds it to `RegexBudget.current` while the
/// rule's check runs, so every `TextPattern` the check (or a catalogue it consults) uses draws
/// from it without the checks passing it along. It is used only by the one synchronous
/// evaluation that made it, hence `@unchecked Sendable`.
public final class RegexBudget: @unchecked Sendable {
    /// The budget of the evaluation running in this task, if any.
    @TaskLocal public static var current: RegexBudget?

    /// What stopped a pattern: its source and the limit.
    public struct Overrun: Sendable, Hashable {
        /// The pattern as written.
        public var pattern: String
        /// `steps-per-text`, `steps-per-rule-and-sheet`, `stack` or an ICU error name.
        public var limit: String
        /// Where the pattern is written, when known.
        public var origin: TextPattern.Origin? = nil
    }

    /// Engine ticks (10,000 steps each) left; ICU's callback takes one per tick.
    let ticks: UnsafeMutablePointer<Int64>
    /// The first overrun, if any; after it every match of the evaluation counts as none.
    public private(set) var overrun: Overrun?

    /// The ticks a full budget holds.
    private let initialTicks: Int64

    /// A budget of `steps` engine steps.
    public init(steps: Int = ResourceLimits.regexStepsPerRuleAndSheet) {
        initialTicks = Int64(max(1, steps / ICURegex.stepsPerTick))
        ticks = .allocate(capacity: 1)
        ticks.initialize(to: initialTicks)
    }

    /// The budget full again and without an overrun, as a new one (for the next rule).
    func renew() {
        ticks.pointee = initialTicks
        overrun = nil
    }

    deinit { ticks.deallocate() }

    /// Engine steps left, to the nearest tick.
    public var remainingSteps: Int { Int(ticks.pointee) * ICURegex.stepsPerTick }

    var isSpent: Bool { overrun != nil || ticks.pointee <= 0 }

    func record(pattern: String, origin: TextPattern.Origin? = nil, _ stop: ICURegex.Stop) {
        guard overrun == nil else { return }
        let limit: String
        switch stop {
        case .stepsPerText: limit = "steps-per-text"
        case .budget: limit = "steps-per-rule-and-sheet"
        case .stack: limit = "stack"
        case .engine(let name): limit = name
        }
        overrun = Overrun(pattern: pattern, limit: limit, origin: origin)
    }
}
