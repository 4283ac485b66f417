/// An expression anchored at both ends whose every repetition stops where the next element
/// begins (`^\d+-\d+-[①-⑳]$`, `^(?<number>\d+)$`, `^0+$`: the forms of codes and numbers
/// the built-in rules and catalogues check): it has at most one match, decided in one pass
/// over the text without the regex engine, with the same range and groups as ICU's.
///
/// Only a small, unambiguous part of ICU's syntax (without flags) is recognised:
/// - `^` first and `$` last, neither anywhere else;
/// - plain characters (ASCII letters and digits, `- / : ; < = > @ _ ~ ! " % ' ,`, any other
///   BMP character that is not white space or default-ignorable), ASCII punctuation escaped
///   with `\`, `\d`, and classes `[…]` of plain characters, escaped punctuation and ranges
///   `a-z` (no negation, nesting, properties or set operations);
/// - a quantifier `?`, `*`, `+`, `{n}`, `{n,}` or `{n,m}` after one of those (not lazy,
///   not possessive);
/// - groups `(…)`, `(?:…)` and `(?<name>…)` without `|`; a quantified group only when its
///   body is single characters (`(-0){0,2}`), capturing its last repetition.
///
/// It must be deterministic: a repetition of variable length is followed by an element of
/// at least one character that its class cannot match (or by the end), so the greedy
/// reading is the only one, as when ICU backtracks; no class holds a line terminator (so
/// only the end, or a line terminator at the end, can satisfy `$`, as ICU reads it); and a
/// match takes at least one character. Anything else gives nil, and the pattern stays with
/// the engine.
///
/// Texts beyond the BMP (the standard library's digit data is newer than ICU's there), and
/// texts longer than `maxUnits`, also go to the engine (`matches` gives nil): on a short
/// text ICU's step count never reaches a tick of the rule's budget (10,000 steps), so
/// leaving the engine out changes no budget; on a long one the engine runs as before.
/// `AnchoredPatternTests` compares both on every built-in pattern of this form, on random
/// patterns of the grammar and on random texts.
struct AnchoredPattern: Sendable {
    /// A set of code points of the BMP: ranges, and all of ICU's `\d` when `digit`.
    struct CharSet: Sendable, Equatable {
        var ranges: [ClosedRange<UInt16>] = []
        var digit = false

        func contains(_ u: UInt16) -> Bool {
            if digit && DateScanner.isDigit(UInt32(u)) { return true }
            for r in ranges where r.contains(u) { return true }
            return false
        }

        /// True when no code point is in both sets (every code point of a range is tried
        /// against `\d`; ranges are small).
        func isDisjoint(with other: CharSet) -> Bool {
            for r in ranges where r.contains(where: { other.contains($0) }) { return false }
            for r in other.ranges where r.contains(where: { contains($0) }) { return false }
            if digit && other.digit { return false }
            return true
        }

        /// True when the set holds a line terminator (`\n \v \f \r`, U+0085, U+2028, U+2029).
        var holdsLineTerminator: Bool { [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains(where: contains) }
    }

    enum Element: Sendable, Equatable {
        /// Between `min` and `max` characters of the set.
        case repeated(CharSet, min: Int, max: Int)
        /// Where capture group `n` (1-based) opens or closes.
        case open(Int), close(Int)
        /// A group repeated between `min` and `max` times whose body is one character of each
        /// set in turn (`(-0){0,2}`), capturing its last repetition as group `capture`.
        case group([CharSet], min: Int, max: Int, capture: Int?)
    }

    let elements: [Element]
    /// The number of capture groups.
    let groups: Int
    /// The number of each named group (groups are numbered as they open, named or not, as
    /// ICU numbers them).
    let names: [String: Int]

    /// Texts longer than this go to the engine (see above).
    static let maxUnits = 512

    init?(_ source: String) {
        let s = Array(source.unicodeScalars)
        guard s.count >= 3, s.count <= 1000, s.first == "^", s.last == "$" else { return nil }
        var elements: [Element] = []
        var groups = 0
        // Each open group: its number (0 when it does not capture) and where its elements start.
        var open: [(number: Int, start: Int)] = []
        var names: [String: Int] = [:]
        var name: String? = nil
        var i = 1
        let end = s.count - 1
        while i < end {
            let c = s[i]
            switch c {
            case "(":
                var j = i + 1
                var capturing = true
                if j < end, s[j] == "?" {
                    guard j + 1 < end else { return nil }
                    if s[j + 1] == ":" {
                        capturing = false
                        j += 2
                    } else if s[j + 1] == "<" {
                        // A name: ASCII letters and digits, starting with a letter.
                        var k = j + 2
                        while k < end, s[k].isASCII, s[k].properties.isAlphabetic || ("0"..."9").contains(s[k]) { k += 1 }
                        guard k < end, s[k] == ">", k > j + 2, s[j + 2].properties.isAlphabetic else { return nil }
                        name = String(String.UnicodeScalarView(s[(j + 2)..<k]))
                        j = k + 1
                    } else {
                        return nil
                    }
                }
                if capturing {
                    groups += 1
                    if let given = name {
                        guard names[given] == nil else { return nil }
                        names[given] = groups
                        name = nil
                    }
                    open.append((groups, elements.count))
                    elements.append(.open(groups))
                } else {
                    open.append((0, elements.count))
                }
                i = j
                continue
            case ")":
                guard let (n, start) = open.popLast() else { return nil }
                i += 1
                guard i < end, "?*+{".unicodeScalars.contains(s[i]) else {
                    if n > 0 { elements.append(.close(n)) }
                    continue
                }
                // A quantified group: its body must be single characters, each once.
                guard let (low, high, next) = Self.quantifier(s, i, end) else { return nil }
                i = next
                var body: [CharSet] = []
                for e in elements[(n > 0 ? start + 1 : start)...] {
                    guard case .repeated(let set, let a, let b) = e, a == b, a <= 100 else { return nil }
                    body += Array(repeating: set, count: a)
                }
                guard !body.isEmpty else { return nil }
                elements.removeSubrange(start...)
                if high > 0 { elements.append(.group(body, min: low, max: high, capture: n > 0 ? n : nil)) }
                continue
            default:
                break
            }
            guard let (set, next) = Self.atom(s, i, end) else { return nil }
            i = next
            var (low, high) = (1, 1)
            if i < end, "?*+{".unicodeScalars.contains(s[i]) {
                guard let (a, b, after) = Self.quantifier(s, i, end) else { return nil }
                (low, high, i) = (a, b, after)
            }
            guard !set.holdsLineTerminator else { return nil }
            if high > 0 { elements.append(.repeated(set, min: low, max: high)) }
        }
        guard open.isEmpty else { return nil }
        // Deterministic, and at least one character: each item of variable length is
        // followed by the end, or by an item of at least one character whose first
        // character it cannot take.
        let items = elements.compactMap { e -> (first: CharSet, min: Int, max: Int)? in
            switch e {
            case .repeated(let set, let low, let high): return (set, low, high)
            case .group(let body, let low, let high, _): return (body[0], low, high)
            case .open, .close: return nil
            }
        }
        guard items.contains(where: { $0.min > 0 }) else { return nil }
        for (k, item) in items.enumerated() where item.min != item.max {
            guard k + 1 < items.count else { continue }
            let next = items[k + 1]
            guard next.min >= 1, item.first.isDisjoint(with: next.first) else { return nil }
        }
        self.elements = elements
        self.groups = groups
        self.names = names
    }

    /// The quantifier at `i` (`?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`): its bounds and where it
    /// ends; nil for a lazy or possessive one, or two in a row.
    private static func quantifier(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> (Int, Int, Int)? {
        var i = start
        var (low, high) = (1, 1)
        switch s[i] {
        case "?": (low, high, i) = (0, 1, i + 1)
        case "*": (low, high, i) = (0, Int.max, i + 1)
        case "+": (low, high, i) = (1, Int.max, i + 1)
        case "{":
            guard let close = s[i..<end].firstIndex(of: "}") else { return nil }
            let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
            let parts = inner.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count <= 2, parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
                  let m = Int(parts[0]), m <= 1000 else { return nil }
            if parts.count == 1 {
                (low, high) = (m, m)
            } else if parts[1].isEmpty {
                (low, high) = (m, Int.max)
            } else {
                guard let n = Int(parts[1]), n >= m, n <= 1000 else { return nil }
                (low, high) = (m, n)
            }
            i = close + 1
        default:
            return nil
        }
        // Lazy and possessive forms, and a quantifier on a quantifier, are not read here.
        if i < end, "?*+{".unicodeScalars.contains(s[i]) { return nil }
        return (low, high, i)
    }

    /// One element that is not a group, from `i`: its set and where it ends.
    private static func atom(_ s: [Unicode.Scalar], _ i: Int, _ end: Int) -> (CharSet, Int)? {
        let c = s[i]
        switch c {
        case "\\":
            guard i + 1 < end else { return nil }
            let e = s[i + 1]
            if e == "d" { return (CharSet(digit: true), i + 2) }
            guard e.isASCII, !e.properties.isAlphabetic, !("0"..."9").contains(e), e.value > 0x20, e.value < 0x7F else { return nil }
            return (CharSet(ranges: [UInt16(e.value)...UInt16(e.value)]), i + 2)
        case "[":
            var set = CharSet()
            var j = i + 1
            guard j < end, s[j] != "^" else { return nil }
            var members: [UInt16] = []
            while j < end, s[j] != "]" {
                var member: UInt16
                if s[j] == "\\" {
                    guard j + 1 < end else { return nil }
                    let e = s[j + 1]
                    guard e.isASCII, !e.properties.isAlphabetic, !("0"..."9").contains(e), e.value > 0x20, e.value < 0x7F else { return nil }
                    member = UInt16(e.value)
                    j += 2
                } else {
                    guard isPlain(s[j], inClass: true) else { return nil }
                    member = UInt16(s[j].value)
                    j += 1
                }
                // A range `a-z` (a `-` that is not between two members is not read here).
                if j + 1 < end, s[j] == "-", s[j + 1] != "]" {
                    guard isPlain(s[j + 1], inClass: true) else { return nil }
                    let upper = UInt16(s[j + 1].value)
                    guard upper >= member else { return nil }
                    set.ranges.append(member...upper)
                    j += 2
                } else {
                    members.append(member)
                }
            }
            guard j < end, s[j] == "]", !(set.ranges.isEmpty && members.isEmpty) else { return nil }
            set.ranges += members.map { $0...$0 }
            return (set, j + 1)
        default:
            guard isPlain(c, inClass: false) else { return nil }
            return (CharSet(ranges: [UInt16(c.value)...UInt16(c.value)]), i + 1)
        }
    }

    /// A character that stands for itself in an ICU expression without flags: in the BMP,
    /// not white space, not default-ignorable, and in ASCII only letters, digits and
    /// punctuation that is never syntax (there, and inside a class, where `-`, `&`, `[`, `]`,
    /// `^`, `:` and `$` may be).
    private static func isPlain(_ s: Unicode.Scalar, inClass: Bool) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0x7E, 0x21, 0x22, 0x25, 0x27, 0x2C, 0x2F, 0x3B, 0x3C, 0x3D, 0x3E, 0x40, 0x5F: return true
        case 0x2D: return !inClass
        case 0x3A: return !inClass
        case 0..<0x80: return false
        case 0xD800...0xDFFF, 0x10000...: return false
        default: return !s.properties.isWhitespace && !s.properties.isDefaultIgnorableCodePoint
        }
    }

    /// The match in `units` as ICU gives it (group 0, then each group), or no match; nil
    /// when the engine must decide (a text beyond the BMP, or longer than `maxUnits`).
    func matches(_ units: [UInt16]) -> [[Range<Int>?]]? {
        let n = units.count
        guard n <= Self.maxUnits else { return nil }
        var groupStart = [Int](repeating: 0, count: groups + 1)
        var found = [Range<Int>?](repeating: nil, count: groups + 1)
        var p = 0
        for element in elements {
            switch element {
            case .open(let g):
                groupStart[g] = p
            case .close(let g):
                found[g] = groupStart[g]..<p
            case .repeated(let set, let low, let high):
                var count = 0
                while count < high, p < n {
                    let u = units[p]
                    if u >= 0xD800 && u <= 0xDFFF { return nil }
                    guard set.contains(u) else { break }
                    p += 1
                    count += 1
                }
                // No match: backtracking cannot help (the greedy reading is the only one), and
                // the engine reads no further than this.
                if count < low { return [] }
            case .group(let body, let low, let high, let capture):
                // Whole repetitions only: one that fails part-way is given back.
                var count = 0
                var last: Range<Int>? = nil
                repetitions: while count < high {
                    var q = p
                    for set in body {
                        guard q < n else { break repetitions }
                        let u = units[q]
                        if u >= 0xD800 && u <= 0xDFFF { return nil }
                        guard set.contains(u) else { break repetitions }
                        q += 1
                    }
                    last = p..<q
                    p = q
                    count += 1
                }
                if count < low { return [] }
                if let capture { found[capture] = last }
            }
        }
        // `$` (ICU, without flags): the end, or before a line terminator that ends the text
        // (not between the CR and LF of a final CRLF), or before a final CRLF.
        func isLineTerminator(_ u: UInt16) -> Bool { (u >= 0x0A && u <= 0x0D) || u == 0x85 || u == 0x2028 || u == 0x2029 }
        let atEnd: Bool
        if p == n {
            atEnd = true
        } else if p == n - 1 {
            atEnd = isLineTerminator(units[p]) && !(units[p] == 0x0A && p > 0 && units[p - 1] == 0x0D)
        } else if p == n - 2 {
            atEnd = units[p] == 0x0D && units[p + 1] == 0x0A
        } else {
            atEnd = false
        }
        // Not at the end: no shorter reading reaches it either (a shorter repetition stops
        // before a character of its class, never a line terminator).
        if !atEnd { return [] }
        found[0] = 0..<p
        return [found]
    }
}
