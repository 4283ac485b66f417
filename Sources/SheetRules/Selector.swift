import Foundation
import SheetModel

/// A compiled path pattern over `Sheet.tree`.
///
/// Syntax: dot-separated key segments, each optionally followed by `[*]` (every element)
/// or `[N]` (the element at 0-based index N). A key may contain `*` globs (`*Goals`
/// matches `annualGoals` and `midTermGoals`; `*` alone matches every key). The segment
/// `**` matches any depth, including none. Stepping into an array needs `[*]` or `[N]`.
public struct Selector: Sendable, Hashable, CustomStringConvertible {
    /// One parsed step.
    enum Step: Sendable, Hashable {
        case key(String)
        case index(Int?)
        case descendants
    }

    /// The selector as written.
    public let source: String
    let steps: [Step]
    /// The process-wide number of each prefix of `steps` (`steps[...i]` for `prefixes[i]`;
    /// equal prefixes, equal numbers), so a `SelectionCache` remembers selections by integer
    /// instead of hashing step arrays (`StepPrefixes`).
    let prefixes: [Int32]
    /// For each `.key` step, which `ModelKey`s (by raw value) its pattern matches; nil for
    /// other steps (`ModelKeyMatches`).
    let keyAnswers: [[Bool]?]

    /// Parses `source`; throws a bilingual reason when the syntax is wrong.
    public init(_ source: String) throws(SelectorError) {
        self.source = source
        // Rules repeat selectors (`*Goals[*].planCodes[*]` four times among the built-in
        // ones): a source parsed before gives the same steps, prefix numbers and key answers.
        if let known = ParsedSelectors.shared.parsed(source) {
            (steps, prefixes, keyAnswers) = known
            return
        }
        var steps: [Step] = []
        let trimmed = TextNormalization.trimmingSpaces(source)  // as .whitespaces, without Foundation
        if trimmed.isEmpty || trimmed == "$" {
            self.steps = []
            prefixes = []
            keyAnswers = []
            return
        }
        for segment in trimmed.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            if segment == "**" {
                // `**.**` selects what `**` does: collapse the run, so no chain of `**`
                // multiplies the work (issue #8: `**.` ten times reached 20 GB).
                if steps.last != .descendants { steps.append(.descendants) }
                continue
            }
            let open = segment.firstIndex(of: "[") ?? segment.endIndex
            let key = String(segment[..<open])
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "*" || $0 == "_" }) else {
                throw SelectorError("セレクタ「\(source)」の「\(segment)」はキー名として正しくありません",
                                    "selector '\(source)': '\(segment)' is not a valid key segment")
            }
            steps.append(.key(key))
            var rest = segment[open...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]") else {
                    throw SelectorError("セレクタ「\(source)」の「\(segment)」の [ ] が閉じていません",
                                        "selector '\(source)': unbalanced brackets in '\(segment)'")
                }
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                if inner == "*" {
                    steps.append(.index(nil))
                } else if let n = Int(inner), n >= 0 {
                    steps.append(.index(n))
                } else {
                    throw SelectorError("セレクタ「\(source)」の「[\(inner)]」は [*] か [数字] で書きます",
                                        "selector '\(source)': '[\(inner)]' must be [*] or [N]")
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        self.steps = steps
        prefixes = StepPrefixes.shared.numbers(steps)
        keyAnswers = Self.keyAnswers(steps)
        ParsedSelectors.shared.remember(source, (steps, prefixes, keyAnswers))
    }

    public var description: String { source }

    /// `keyAnswers` for `steps`.
    static func keyAnswers(_ steps: [Step]) -> [[Bool]?] {
        steps.map { step in
            guard case .key(let pattern) = step else { return nil }
            return ModelKeyMatches.shared.answers(pattern)
        }
    }

    static func keyMatches(_ pattern: String, _ key: String) -> Bool {
        guard pattern.utf8.contains(UInt8(ascii: "*")) else { return pattern == key }
        // On UTF-8 bytes: a prefix, then each middle part at its first occurrence, then a
        // suffix (keys are letters, digits and `_`, so bytes compare as characters would).
        let parts = pattern.utf8.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
        let k = Array(key.utf8)
        guard k.starts(with: parts[0]) else { return false }
        var at = parts[0].count
        for (i, part) in parts.enumerated().dropFirst() {
            if i == parts.count - 1 { return k.count - at >= part.count && k[(k.count - part.count)...].elementsEqual(part) }
            guard let found = Self.firstIndex(of: part, in: k, from: at) else { return false }
            at = found + part.count
        }
        return true
    }

    private static func firstIndex(of part: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !part.isEmpty else { return start }
        var i = start
        while i + part.count <= bytes.count {
            if bytes[i..<(i + part.count)].elementsEqual(part) { return i }
            i += 1
        }
        return nil
    }
}

/// Numbers for step prefixes, shared by every selector of the process: `[]` (the root) is
/// 0, and each other prefix gets the next number the first time a selector with it is
/// parsed. Selectors are parsed at load, so the lock is taken at load only.
final class StepPrefixes: @unchecked Sendable {
    static let shared = StepPrefixes()

    private let lock = NSLock()
    /// A prefix's number by its parent prefix's number and its last step, written as a
    /// string (a table keyed by step arrays cost 0.8 M instructions at start-up, the runtime
    /// looking up `Hashable` for `[Step]` in every conformance record). The root, `[]`, is 0
    /// and has no entry; the others are numbered 1, 2, … in the order they are first seen.
    private var numbered: [String: Int32] = [:]

    /// The number of every prefix of `steps`, shortest first (`steps[...0]` … `steps`).
    func numbers(_ steps: [Selector.Step]) -> [Int32] {
        lock.lock()
        defer { lock.unlock() }
        var parent: Int32 = 0
        return steps.map { step in
            let key = "\(parent)/" + Self.code(step)
            if let n = numbered[key] {
                parent = n
            } else {
                parent = Int32(numbered.count + 1)
                numbered[key] = parent
            }
            return parent
        }
    }

    /// One step as text, distinct for distinct steps.
    private static func code(_ step: Selector.Step) -> String {
        switch step {
        case .key(let pattern): return "k" + pattern
        case .index(nil): return "*"
        case .index(let n?): return "i\(n)"
        case .descendants: return "d"
        }
    }
}

/// Every selector source parsed without error in this process, with what it parsed to
/// (`Selector.init` is pure: the same text gives the same steps, and `StepPrefixes` the same
/// numbers). Selectors are parsed at load, so the lock is taken at load only.
final class ParsedSelectors: @unchecked Sendable {
    static let shared = ParsedSelectors()

    typealias Parsed = (steps: [Selector.Step], prefixes: [Int32], keyAnswers: [[Bool]?])
    private let lock = NSLock()
    private var known: [String: Parsed] = [:]

    func parsed(_ source: String) -> Parsed? {
        lock.lock()
        defer { lock.unlock() }
        return known[source]
    }

    func remember(_ source: String, _ parsed: Parsed) {
        lock.lock()
        defer { lock.unlock() }
        known[source] = parsed
    }
}

/// Why a selector is wrong: bad syntax, or it can never match the model.
public struct SelectorError: Error, Sendable, Hashable {
    public var message: String
    public var messageEn: String
    init(_ message: String, _ messageEn: String) {
        self.message = message
        self.messageEn = messageEn
    }
}
