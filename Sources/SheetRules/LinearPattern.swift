/// An expression of plain characters, `\d`, `\s`, classes, groups, alternation and greedy
/// repetition — no look-around, anchor, back-reference, `.` or flag — answering "does it
/// match somewhere in this text?" in one pass, with a set of automaton states (a Thompson
/// NFA held in one 64-bit word), never backtracking. has-timing's expressions (`\d+\s*月`,
/// `年間?\s*\d+(\s*[~-]\s*\d+)?\s*回`, `上旬|中旬|…`) are of this form: it answers them
/// without compiling them in ICU (whose first compilation costs every process about 17 M
/// instructions) and without trying each start.
///
/// Whether a match exists does not depend on which of several readings the engine prefers,
/// only on the language of the expression, so the answer is ICU's. Only what cannot mean
/// anything else is read: the characters `LiteralPattern.isPlain` admits, `\` before ASCII
/// punctuation, `\d` and `\s` (ICU's, `DateScanner.isDigit`/`isSpace`), classes of those and
/// ranges of plain characters (`-` plain only first or last), possibly negated, groups
/// `(…)` and `(?:…)`, `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}` (not lazy, not possessive); at most
/// 63 character states. Anything else gives nil and the pattern stays with the engine.
/// Texts beyond the BMP also go to the engine (`\d` and `\s` there follow the standard
/// library's Unicode data, newer than ICU's). `LinearPatternTests` compares it with ICU on
/// every built-in pattern and random patterns of the grammar, on fixture and random texts.
final class LinearPattern: Sendable {
    /// One character test: a set of units, and ICU's `\d` and `\s`, possibly negated.
    struct CharClass: Sendable, Equatable {
        var ranges: [ClosedRange<UInt16>] = []
        var digit = false
        var space = false
        var negated = false

        func admits(_ u: UInt16) -> Bool {
            var found = false
            for r in ranges where r.contains(u) {
                found = true
                break
            }
            if !found, digit, DateScanner.isDigit(UInt32(u)) { found = true }
            if !found, space, DateScanner.isSpace(UInt32(u)) { found = true }
            return found != negated
        }
    }

    /// The character state of each bit, its test and the states it leads to (their
    /// ε-closure, with `acceptBit` when the expression can end there).
    private let classes: [CharClass]
    private let follow: [UInt64]
    /// The states a match can begin in (ε-closure of the start).
    private let start: UInt64
    /// Low bytes of the units a start state admits (256 bits), when each start state is a
    /// set of a few plain units: a unit whose low byte is not in it begins nothing, so with
    /// no match under way it is passed over without testing each state.
    private let startBytes: [UInt64]?
    private static let acceptBit: UInt64 = 1 << 63

    init?(_ source: String) {
        var parser = Parser(Array(source.unicodeScalars))
        guard let node = parser.alternation(), parser.atEnd else { return nil }
        var builder = Builder()
        guard let (entry, _) = builder.fragment(node, then: -1), builder.classes.count <= 63 else { return nil }
        classes = builder.classes
        // follow[s]: the closure of where state s leads after its character.
        follow = builder.next.map { builder.closure($0) }
        start = builder.closure(entry)
        var bytes: [UInt64] = [0, 0, 0, 0]
        var plain = true
        var bits = start & ~Self.acceptBit
        while bits != 0 {
            let s = bits.trailingZeroBitCount
            bits &= bits - 1
            let c = classes[s]
            guard !c.digit, !c.space, !c.negated, c.ranges.reduce(0, { $0 + $1.count }) <= 64 else {
                plain = false
                break
            }
            for r in c.ranges { for u in r { bytes[Int(u & 0xFF) >> 6] |= 1 << UInt64(u & 63) } }
        }
        startBytes = plain ? bytes : nil
    }

    /// True when the expression matches somewhere in `units` (BMP text; the caller sends
    /// texts beyond the BMP to the engine).
    func matches(_ units: [UInt16]) -> Bool {
        if start & Self.acceptBit != 0 { return true }
        var current = start
        for u in units {
            if current == start, let startBytes, startBytes[Int(u & 0xFF) >> 6] & (1 << UInt64(u & 63)) == 0 { continue }
            var next = start
            var bits = current & ~Self.acceptBit
            while bits != 0 {
                let s = bits.trailingZeroBitCount
                bits &= bits - 1
                if classes[s].admits(u) { next |= follow[s] }
            }
            if next & Self.acceptBit != 0 { return true }
            current = next
        }
        return false
    }

    /// The expression as a tree.
    indirect enum Node: Equatable {
        case char(CharClass)
        case sequence([Node])
        case alternation([Node])
        case repeated(Node, min: Int, max: Int?)
    }

    /// Reads the grammar above; nil for anything outside it.
    struct Parser {
        let s: [Unicode.Scalar]
        var i = 0
        init(_ s: [Unicode.Scalar]) { self.s = s }

        var atEnd: Bool { i == s.count }

        mutating func alternation() -> Node? {
            var branches: [Node] = []
            while true {
                guard let branch = sequence() else { return nil }
                branches.append(branch)
                guard i < s.count, s[i] == "|" else { break }
                i += 1
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        /// One or more quantified atoms, up to `|`, `)` or the end.
        mutating func sequence() -> Node? {
            var items: [Node] = []
            while i < s.count, s[i] != "|", s[i] != ")" {
                guard let atom = atom() else { return nil }
                guard let quantified = quantifier(atom) else { return nil }
                items.append(quantified)
            }
            guard !items.isEmpty else { return nil }
            return items.count == 1 ? items[0] : .sequence(items)
        }

        mutating func atom() -> Node? {
            let c = s[i]
            switch c {
            case "(":
                i += 1
                if i < s.count, s[i] == "?" {
                    guard i + 1 < s.count, s[i + 1] == ":" else { return nil }
                    i += 2
                }
                guard let inner = alternation(), i < s.count, s[i] == ")" else { return nil }
                i += 1
                return inner
            case "[":
                return characterClass().map(Node.char)
            case "\\":
                return escape(inClass: false).map(Node.char)
            default:
                guard LiteralPattern.isPlain(c, inClass: false) else { return nil }
                i += 1
                return .char(CharClass(ranges: [UInt16(c.value)...UInt16(c.value)]))
            }
        }

        /// `\d`, `\s` or `\` and ASCII punctuation at `i`.
        mutating func escape(inClass: Bool) -> CharClass? {
            guard i + 1 < s.count else { return nil }
            let e = s[i + 1]
            i += 2
            switch e {
            case "d": return CharClass(digit: true)
            case "s": return CharClass(space: true)
            default:
                guard e.isASCII, e.value > 0x20, e.value < 0x7F, !e.properties.isAlphabetic, !("0"..."9").contains(e) else { return nil }
                return CharClass(ranges: [UInt16(e.value)...UInt16(e.value)])
            }
        }

        mutating func characterClass() -> CharClass? {
            i += 1
            var set = CharClass()
            if i < s.count, s[i] == "^" {
                set.negated = true
                i += 1
            }
            let first = i
            while i < s.count, s[i] != "]" {
                if s[i] == "\\" {
                    guard let e = escape(inClass: true) else { return nil }
                    set.ranges += e.ranges
                    set.digit = set.digit || e.digit
                    set.space = set.space || e.space
                    continue
                }
                let c = s[i]
                if c == "-" {
                    // Plain only first or last: anywhere else it would make a range.
                    guard i == first || (i + 1 < s.count && s[i + 1] == "]") else { return nil }
                    set.ranges.append(0x2D...0x2D)
                    i += 1
                    continue
                }
                guard LiteralPattern.isPlain(c, inClass: true) else { return nil }
                if i + 2 < s.count, s[i + 1] == "-", s[i + 2] != "]" {
                    let upper = s[i + 2]
                    guard LiteralPattern.isPlain(upper, inClass: true), upper.value >= c.value else { return nil }
                    set.ranges.append(UInt16(c.value)...UInt16(upper.value))
                    i += 3
                } else {
                    set.ranges.append(UInt16(c.value)...UInt16(c.value))
                    i += 1
                }
            }
            guard i < s.count, i > first else { return nil }
            i += 1
            return set
        }

        mutating func quantifier(_ atom: Node) -> Node? {
            guard i < s.count else { return atom }
            var min = 0, max: Int? = nil
            switch s[i] {
            case "?": max = 1; i += 1
            case "*": i += 1
            case "+": min = 1; i += 1
            case "{":
                i += 1
                guard let n = number() else { return nil }
                min = n
                if i < s.count, s[i] == "," {
                    i += 1
                    if i < s.count, s[i] != "}" {
                        guard let m = number(), m >= n else { return nil }
                        max = m
                    }
                } else {
                    max = n
                }
                guard i < s.count, s[i] == "}" else { return nil }
                i += 1
            default:
                return atom
            }
            // Lazy, possessive or stacked quantifiers are not read.
            if i < s.count, s[i] == "?" || s[i] == "+" || s[i] == "*" || s[i] == "{" { return nil }
            guard min <= 16, (max ?? 0) <= 16 else { return nil }
            return .repeated(atom, min: min, max: max)
        }

        mutating func number() -> Int? {
            var value = 0, digits = 0
            while i < s.count, ("0"..."9").contains(s[i]), digits < 3 {
                value = value * 10 + Int(s[i].value - 0x30)
                digits += 1
                i += 1
            }
            guard digits > 0, i < s.count, !("0"..."9").contains(s[i]) else { return nil }
            return value
        }
    }

    /// Builds the automaton: character states (`classes`, each leading to `next`) and
    /// ε-states (`splits`, each with up to two targets). A target of -1 is the accepting end.
    struct Builder {
        var classes: [CharClass] = []
        /// For each character state: the state its character leads to (character states are
        /// numbered 0..<classes.count, ε-states from 1,000).
        var next: [Int] = []
        var splits: [(Int, Int)] = []
        static let epsilonBase = 1_000

        /// The entry state of `node` followed by `then`, and whether it can match nothing.
        mutating func fragment(_ node: Node, then: Int) -> (Int, Bool)? {
            guard classes.count <= 63, splits.count < 4_000 else { return nil }
            switch node {
            case .char(let c):
                classes.append(c)
                next.append(then)
                return (classes.count - 1, false)
            case .sequence(let items):
                var entry = then, empty = true
                for item in items.reversed() {
                    guard let (e, itemEmpty) = fragment(item, then: entry) else { return nil }
                    entry = e
                    empty = empty && itemEmpty
                }
                return (entry, empty)
            case .alternation(let branches):
                var entries: [Int] = [], empty = false
                for b in branches {
                    guard let (e, branchEmpty) = fragment(b, then: then) else { return nil }
                    entries.append(e)
                    empty = empty || branchEmpty
                }
                var entry = entries.last!
                for e in entries.dropLast().reversed() { entry = split(e, entry) }
                return (entry, empty)
            case .repeated(let body, let min, let max):
                var entry = then
                if let max {
                    // max - min optional copies, each leading into the next.
                    for _ in 0..<(max - min) {
                        guard let (e, _) = fragment(body, then: entry) else { return nil }
                        entry = split(e, entry)
                    }
                } else {
                    // A loop: a split that enters the body (which leads back to it) or leaves.
                    let loop = split(-2, then)
                    guard let (e, _) = fragment(body, then: loop) else { return nil }
                    splits[loop - Self.epsilonBase].0 = e
                    entry = loop
                }
                var empty = true
                for _ in 0..<min {
                    guard let (e, bodyEmpty) = fragment(body, then: entry) else { return nil }
                    entry = e
                    empty = empty && bodyEmpty
                }
                return (entry, min == 0 || empty)
            }
        }

        private mutating func split(_ a: Int, _ b: Int) -> Int {
            splits.append((a, b))
            return Self.epsilonBase + splits.count - 1
        }

        /// The character states (and the accepting end) reachable from `state` without a
        /// character.
        func closure(_ state: Int) -> UInt64 {
            var bits: UInt64 = 0
            var seen = [Bool](repeating: false, count: splits.count), stack = [state]
            while let s = stack.popLast() {
                if s == -1 {
                    bits |= LinearPattern.acceptBit
                } else if s < Self.epsilonBase {
                    bits |= 1 << UInt64(s)
                } else if !seen[s - Self.epsilonBase] {
                    seen[s - Self.epsilonBase] = true
                    let (a, b) = splits[s - Self.epsilonBase]
                    stack.append(a)
                    stack.append(b)
                }
            }
            return bits
        }
    }
}
