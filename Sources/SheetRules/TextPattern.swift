import CICURegex
import Foundation
import SheetModel

/// A regular expression compiled once at load (ICU syntax, as NSRegularExpression), run
/// with a bounded amount of work.
///
/// Patterns come from rule files and configurations found in the repository being checked,
/// so they are untrusted: `(a+)+$` backtracks exponentially. ICU's engine counts its steps;
/// every match here stops after `ResourceLimits.regexStepsPerText` steps for one text, and
/// inside `RuleEngine` also after `ResourceLimits.regexStepsPerRuleAndSheet` steps for one
/// rule on one sheet (`RegexBudget`). A match that hits a limit counts as no match and is
/// recorded in the budget, which the engine turns into a finding naming the rule.
public struct TextPattern: Sendable, Hashable {
    /// The expression as written in the rule file.
    public var source: String { storage.source }
    /// Where the expression is written (a rule file or a configuration that overrides a
    /// rule's options), when it came from one; a limit finding names it.
    public internal(set) var origin: Origin? {
        get { storage.origin }
        set { storage = Storage(source: storage.source, engine: storage.engine, required: storage.required, origin: newValue) }
    }
    /// Everything but the value semantics, in one object: a pattern is copied into every
    /// check and loop that uses it, and a copy is then one reference, not five.
    private var storage: Storage
    /// The compiled expression, or for a built-in pattern the means to compile it on first use.
    private var engine: DeferredICURegex { storage.engine }
    /// Characters every match contains: a text without them is not given to the engine.
    var required: RequiredLiterals { storage.required }

    private final class Storage: @unchecked Sendable {
        let source: String
        let engine: DeferredICURegex
        let required: RequiredLiterals
        let origin: Origin?
        /// The expression as plain text or one class of plain characters, when it is one.
        let literal: LiteralPattern?
        init(source: String, engine: DeferredICURegex, required: RequiredLiterals, origin: Origin?) {
            self.source = source
            self.engine = engine
            self.required = required
            self.origin = origin
            literal = LiteralPattern(source)
        }

        /// The forms read without the engine, worked out on first use (reading every
        /// built-in expression at load cost 2.7 M instructions; most never run on a sheet).
        /// Under a lock: the first uses may race, like the engine's compilation.
        var forms: Forms {
            lock.lock()
            defer { lock.unlock() }
            if let known { return known }
            let made = Forms(source, literal: literal, builtIn: engine.isDeferred)
            known = made
            return made
        }
        private let lock = NSLock()
        private var known: Forms?
    }

    /// The ways an expression is matched without the engine.
    struct Forms: Sendable {
        /// The expression as an anchored, deterministic one, when it is one.
        let anchored: AnchoredPattern?
        /// A built-in expression that is plain text followed by look-aheads read without the
        /// engine (`子ども(?!・子育て)`, `取組(?![みむまめ\p{Han}])`), when it is one.
        let guarded: LiteralPattern.Guarded?
        /// A built-in expression whose "matches somewhere?" is answered without the engine
        /// (`LinearPattern`), when it is one.
        let linear: LinearPattern?

        init(_ source: String, literal: LiteralPattern?, builtIn: Bool) {
            anchored = literal == nil ? AnchoredPattern(source) : nil
            // Only for built-in expressions (compiled on first use): the engine counts steps
            // for these forms, and a user's expression keeps ICU and its step limits; the
            // built-in ones are bounded by their form and take linear time here.
            let readable = builtIn && literal == nil && anchored == nil
            guarded = readable ? LiteralPattern.guarded(source).flatMap { $0.isReadable ? $0 : nil } : nil
            linear = readable && guarded == nil ? LinearPattern(source) : nil
        }
    }

    /// A file and the position of the expression in it.
    public struct Origin: Sendable, Hashable {
        public var file: String
        public var position: SourcePosition
    }

    /// Why an expression did not compile.
    public struct CompileError: Error {
        /// The engine's reason and error name, for logs and tests.
        public var reason: String
        /// What is wrong and where, for people: Japanese and English.
        public var message: String = ""
        public var messageEn: String = ""

        public init(reason: String, message: String = "", messageEn: String = "") {
            self.reason = reason
            self.message = message.isEmpty ? reason : message
            self.messageEn = messageEn.isEmpty ? reason : messageEn
        }
    }

    /// Compiles `source`; throws with the engine's reason.
    public init(_ source: String) throws(CompileError) {
        storage = Storage(source: source, engine: DeferredICURegex(try ICURegex(source)), required: RequiredLiterals(source),
                          origin: nil)
    }

    /// A pattern compiled when first run: only for sources known to compile (the built-in
    /// rule files, whose every pattern the tests compile), never for a user's, which must
    /// fail at load. Should one not compile after all, it matches nothing and, inside
    /// `RuleEngine`, is reported like a pattern stopped by the engine.
    init(compilingOnFirstUse source: String) {
        storage = Storage(source: source, engine: DeferredICURegex(source), required: RequiredLiterals(source), origin: nil)
    }

    /// The compiled expression (compiling it now if it was deferred).
    var regex: Result<ICURegex, CompileError> { engine.regex }

    /// True once the expression has been compiled by ICU (a built-in one is compiled only
    /// when a text needs the engine).
    var isCompiledAlready: Bool { engine.isCompiledAlready }

    public static func == (lhs: TextPattern, rhs: TextPattern) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// True when the expression matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        guard mayMatch(text) else { return false }
        return !run(text, upTo: 1).isEmpty
    }

    /// Every match: the whole match first, then each capture group (nil when it did not take part).
    public func allMatches(in text: String) -> [[String?]] {
        guard mayMatch(text) else { return [] }
        let units = Array(text.utf16)
        return run(units, upTo: .max).map { groups in groups.map { $0.map { Self.string(units, $0) } } }
    }

    /// Every match of `text` (a `TextNormalization.normalize`d copy of `written`), with the
    /// whole match (group 0) taken from `written` so messages quote the sheet as written.
    /// Normalization folds BMP scalars to BMP scalars one for one, so UTF-16 ranges in the
    /// copy are the same ranges in the original.
    public func allMatches(in text: String, writtenAs written: String) -> [[String?]] {
        guard mayMatch(text) else { return [] }
        let units = Array(text.utf16), writtenUnits = Array(written.utf16)
        return run(units, upTo: .max).map { groups in
            groups.enumerated().map { i, range in
                range.map { r in
                    i == 0 && r.upperBound <= writtenUnits.count ? Self.string(writtenUnits, r) : Self.string(units, r)
                }
            }
        }
    }

    /// As `allMatches(in:writtenAs:)`, with the whole match's range in `text` (UTF-16
    /// offsets), so a finding can point at the characters it is about.
    public func allMatchesWithRange(in text: String, writtenAs written: String) -> [(groups: [String?], range: Range<Int>)] {
        guard mayMatch(text) else { return [] }
        let units = Array(text.utf16), writtenUnits = Array(written.utf16)
        return run(units, upTo: .max).compactMap { groups in
            guard let whole = groups.first ?? nil else { return nil }
            let strings = groups.enumerated().map { i, range in
                range.map { r in
                    i == 0 && r.upperBound <= writtenUnits.count ? Self.string(writtenUnits, r) : Self.string(units, r)
                }
            }
            return (strings, whole)
        }
    }

    /// The UTF-16 range of the first match in `text`; nil when none.
    public func firstRange(in text: String) -> Range<Int>? {
        guard mayMatch(text) else { return nil }
        return run(Array(text.utf16), upTo: 1).first?.first ?? nil
    }

    /// The first match's groups, as `allMatches`.
    public func firstMatch(in text: String) -> [String?]? {
        guard mayMatch(text) else { return nil }
        let units = Array(text.utf16)
        return run(units, upTo: 1).first.map { groups in groups.map { $0.map { Self.string(units, $0) } } }
    }

    /// The number of matches in `text`.
    public func count(in text: String) -> Int {
        guard mayMatch(text) else { return 0 }
        return run(text, upTo: .max).count
    }

    /// The value of the named group `name` in the first match; nil when absent.
    public func namedGroup(_ name: String, in text: String) -> String? {
        guard mayMatch(text), case .success(let regex) = regex, let group = regex.groupNumber(name) else { return nil }
        let units = Array(text.utf16)
        guard let groups = run(units, upTo: 1).first, group < groups.count, let r = groups[group] else { return nil }
        return Self.string(units, r)
    }

    /// The number of the group called `name`, if the pattern has one.
    public func groupNumber(_ name: String) -> Int? {
        // Read from the expression when it is anchored (`AnchoredPattern`), without compiling it.
        if let anchored = storage.forms.anchored { return anchored.names[name] }
        guard case .success(let regex) = regex else { return nil }
        return regex.groupNumber(name)
    }

    /// Every match in `text` (up to `limit`), each as the UTF-16 ranges of group 0 and every
    /// capture group (nil for a group that did not take part): what `allMatches` gives,
    /// without building a string per group, on units converted once per text.
    func matchRanges(in text: MatchText, upTo limit: Int = .max) -> [[Range<Int>?]] {
        // Through `storage`: the `required` accessor would copy the struct (two arrays).
        guard storage.required.admits(text) else { return [] }
        if let literal = storage.literal {
            // Found without the engine; like the engine, nothing once the budget is spent.
            if let budget = RegexBudget.current, budget.isSpent { return [] }
            return literal.ranges(in: text.units, upTo: limit).map { [$0] }
        }
        return run(text.units, upTo: limit)
    }

    /// True when the expression matches somewhere in `text` (as `matches(_:)`).
    func matches(_ text: MatchText) -> Bool { matcher.matches(text) }

    /// The expression with its forms worked out, for a check that asks "matches somewhere?"
    /// of many texts (has-timing).
    var matcher: Matcher { Matcher(pattern: self, linear: storage.forms.linear) }

    /// `TextPattern.matches(_:)` with the expression's forms at hand.
    struct Matcher {
        let pattern: TextPattern
        let linear: LinearPattern?

        func matches(_ text: MatchText) -> Bool {
            if let linear, text.isBMP {
                guard pattern.storage.required.admits(text) else { return false }
                // Found without the engine; like the engine, nothing once the budget is spent.
                if let budget = RegexBudget.current, budget.isSpent { return false }
                return linear.matches(text.units)
            }
            return !pattern.matchRanges(in: text, upTo: 1).isEmpty
        }
    }

    /// The number of matches in `text` (as `count(in:)`).
    func count(in text: MatchText) -> Int { matchRanges(in: text).count }

    /// The UTF-16 range of the first match in `text` (as `firstRange(in:)`).
    func firstRange(in text: MatchText) -> Range<Int>? { matchRanges(in: text, upTo: 1).first?.first ?? nil }

    /// False when `text` lacks a character every match needs (then it cannot match).
    private func mayMatch(_ text: String) -> Bool {
        required.admits(text)
    }

    private func run(_ text: String, upTo limit: Int) -> [[Range<Int>?]] {
        run(Array(text.utf16), upTo: limit)
    }

    /// Up to `limit` matches, each as its groups' UTF-16 ranges, under the current budget.
    private func run(_ units: [UInt16], upTo limit: Int) -> [[Range<Int>?]] {
        let budget = RegexBudget.current
        if let budget, budget.isSpent { return [] }
        // Found without the engine when the expression and the text allow (`AnchoredPattern`).
        let forms = storage.forms
        if let anchored = forms.anchored, limit > 0, let found = anchored.matches(units) { return found }
        if let guarded = forms.guarded { return guarded.ranges(in: units, upTo: limit).map { [$0] } }
        let regex: ICURegex
        switch self.regex {
        case .success(let compiled): regex = compiled
        case .failure(let error):
            budget?.record(pattern: source, origin: origin, .engine(error.reason))
            return []
        }
        let (found, stop) = regex.matches(units, upTo: limit, budget: budget?.ticks)
        if let stop {
            budget?.record(pattern: source, origin: origin, stop)
            return []
        }
        return found
    }

    private static func string(_ units: [UInt16], _ range: Range<Int>) -> String {
        MatchText.string(units, range)
    }
}

/// A `TextPattern`'s compiled expression: given compiled, or compiled by the first caller
/// that needs it. Rules run in a task group over files, so the first uses may race: the
/// compilation happens once, under the lock, and every caller gets the same engine (whose
/// matchers `ICURegex` pools); hence `@unchecked Sendable`.
final class DeferredICURegex: @unchecked Sendable {
    /// The expression ("" for one given compiled).
    let source: String

    /// True once the expression has been compiled (for a given one, always).
    var isCompiledAlready: Bool {
        lock.lock()
        defer { lock.unlock() }
        return state != nil
    }
    private let lock = NSLock()
    private var state: Result<ICURegex, TextPattern.CompileError>?

    init(_ compiled: ICURegex) {
        source = ""
        state = .success(compiled)
        isDeferred = false
    }

    /// True for a built-in expression, compiled on first use.
    let isDeferred: Bool

    init(_ source: String) {
        self.source = source
        isDeferred = true
    }

    var regex: Result<ICURegex, TextPattern.CompileError> {
        lock.lock()
        defer { lock.unlock() }
        if let state { return state }
        let compiled: Result<ICURegex, TextPattern.CompileError>
        do { compiled = .success(try ICURegex(source)) } catch { compiled = .failure(error) }
        state = compiled
        return compiled
    }
}
