/// An expression that is plain text (`取組み`, `～`) or one class of plain characters
/// (`[（）]`): its matches are found by comparing UTF-16 units, leftmost first and without
/// overlap, exactly as ICU finds them, at a fraction of the cost of an engine call. Half the
/// variants of the built-in notation groups are of this form.
///
/// Only what cannot mean anything else is recognised: characters outside ASCII that are not
/// white space (or inside a class), ASCII letters and digits, and ASCII punctuation that is
/// never syntax (`~ ! " % ' , - / : ; < = > @ _` and, inside a class, `( )`). Anything else
/// (escapes, any metacharacter, flags, ranges, negation) leaves the expression to the
/// engine. `RequiredLiteralsTests` compares both on every built-in pattern and text.
struct LiteralPattern: Sendable, Equatable {
    enum Form: Sendable, Equatable {
        /// The units of the text.
        case text([UInt16])
        /// Any one of these units.
        case anyOf([UInt16])
    }

    let form: Form

    init?(_ source: String) {
        let scalars = Array(source.unicodeScalars)
        if scalars.count >= 3, scalars.first == "[", scalars.last == "]" {
            let inner = scalars[1..<(scalars.count - 1)]
            guard inner.allSatisfy({ Self.isPlain($0, inClass: true) }) else { return nil }
            form = .anyOf(inner.map { UInt16($0.value) })
        } else {
            guard !scalars.isEmpty, scalars.allSatisfy({ Self.isPlain($0, inClass: false) }) else { return nil }
            form = .text(scalars.map { UInt16($0.value) })
        }
    }

    /// A character that stands for itself in an ICU expression (without flags), in the BMP.
    static func isPlain(_ s: Unicode.Scalar, inClass: Bool) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0x7E, 0x21, 0x22, 0x25, 0x27, 0x2C, 0x2D, 0x2F, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x40, 0x5F:
            // `-` ranges and `:` names inside a class.
            return !(inClass && (s == "-" || s == ":"))
        case 0x28, 0x29: return inClass
        case 0..<0x80: return false
        case 0xD800...0xDFFF, 0x10000...: return false
        default: return !s.properties.isWhitespace && !s.properties.isDefaultIgnorableCodePoint
        }
    }

    /// An expression that is plain text followed only by look-aheads (`取組(?![みむまめ\p{Han}])`,
    /// `子ども(?!・子育て)`, `こども(?!園|家庭庁|基本法|大綱)`): the text and the look-aheads.
    /// Every match starts with the text (a look-ahead matches nothing), so a text without it
    /// has no match, and a match is an occurrence of it where every look-ahead holds.
    struct Guarded: Sendable, Equatable {
        /// The plain text every match is.
        let text: [UInt16]
        /// What must (or, when `negative`, must not) follow it.
        let lookaheads: [Lookahead]
    }

    /// `(?=…)` or `(?!…)`: alternatives of sequences of one-code-point items.
    struct Lookahead: Sendable, Equatable {
        let negative: Bool
        let alternatives: [[Item]]
    }

    /// One code point: a plain character, a class of plain characters (`[まむめ]`,
    /// `[^あ]`), a Han character or one of plain characters (`\p{Han}`, `[みむ\p{Han}]`,
    /// read with `HanScript`), or something read only by the engine (any other property,
    /// `\P{Han}`, a negated class with a property).
    enum Item: Sendable, Equatable {
        case unit(UInt16)
        case anyOf([UInt16], negated: Bool)
        case han(orAnyOf: [UInt16])
        case opaque

        /// True when the code point `v` is this item (never for `.opaque`).
        func admits(_ v: UInt32) -> Bool {
            switch self {
            case .unit(let u): return v == UInt32(u)
            case .anyOf(let units, let negated): return units.contains(where: { UInt32($0) == v }) != negated
            case .han(let units): return HanScript.contains(v) || units.contains(where: { UInt32($0) == v })
            case .opaque: return false
            }
        }
    }

    /// The text and look-aheads of `source`, when it has exactly that form, with nothing
    /// that could change how it is read (no escape but `\p{…}`/`\P{…}`, no group,
    /// quantifier, anchor, flag, comment or quoting inside the look-aheads); nil otherwise,
    /// and for plain text alone (that is a `LiteralPattern`).
    static func guarded(_ source: String) -> Guarded? {
        let s = Array(source.unicodeScalars)
        var i = 0
        var text: [UInt16] = []
        while i < s.count, isPlain(s[i], inClass: false) {
            text.append(UInt16(s[i].value))
            i += 1
        }
        guard !text.isEmpty, i < s.count else { return nil }
        var lookaheads: [Lookahead] = []
        while i < s.count {
            guard i + 2 < s.count, s[i] == "(", s[i + 1] == "?", s[i + 2] == "!" || s[i + 2] == "=" else { return nil }
            let negative = s[i + 2] == "!"
            i += 3
            var alternatives: [[Item]] = [[]]
            while true {
                guard i < s.count else { return nil }
                let c = s[i]
                if c == ")" {
                    i += 1
                    break
                } else if c == "|" {
                    alternatives.append([])
                    i += 1
                } else if c == "[" {
                    guard let (item, end) = guardedClass(s, from: i) else { return nil }
                    alternatives[alternatives.count - 1].append(item)
                    i = end + 1
                } else if c == "\\" {
                    guard let end = property(s, from: i) else { return nil }
                    alternatives[alternatives.count - 1].append(isHan(s, from: i, to: end) ? .han(orAnyOf: []) : .opaque)
                    i = end + 1
                } else if isPlain(c, inClass: false) {
                    alternatives[alternatives.count - 1].append(.unit(UInt16(c.value)))
                    i += 1
                } else {
                    return nil
                }
            }
            guard alternatives.allSatisfy({ !$0.isEmpty }) else { return nil }
            lookaheads.append(Lookahead(negative: negative, alternatives: alternatives))
        }
        return Guarded(text: text, lookaheads: lookaheads)
    }

    /// `[…]` at `start` of plain characters and properties, possibly negated: the item and the
    /// index of its `]`. Nil for anything else (a leading `]`, ranges, nested sets, escapes).
    private static func guardedClass(_ s: [Unicode.Scalar], from start: Int) -> (Item, Int)? {
        var i = start + 1
        let negated = i < s.count && s[i] == "^"
        if negated { i += 1 }
        var units: [UInt16] = [], opaque = false, han = false
        while i < s.count, s[i] != "]" {
            if s[i] == "\\" {
                guard let end = property(s, from: i) else { return nil }
                if isHan(s, from: i, to: end) { han = true } else { opaque = true }
                i = end + 1
            } else {
                guard isPlain(s[i], inClass: true) else { return nil }
                units.append(UInt16(s[i].value))
                i += 1
            }
        }
        guard i < s.count, i > start + 1 + (negated ? 1 : 0) else { return nil }
        if opaque || (han && negated) { return (.opaque, i) }
        return (han ? .han(orAnyOf: units) : .anyOf(units, negated: negated), i)
    }

    /// True when the property at `start...end` (see `property`) is exactly `\p{Han}`.
    private static func isHan(_ s: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        s[start + 1] == "p" && String(String.UnicodeScalarView(s[(start + 3)..<end])) == "Han"
    }

    /// `\p{Name}` or `\P{Name}` at `start` (a name of ASCII letters, digits, `_` and `=`):
    /// the index of its `}`.
    private static func property(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 3 < s.count, s[start + 1] == "p" || s[start + 1] == "P", s[start + 2] == "{" else { return nil }
        var i = start + 3
        while i < s.count, s[i] != "}" {
            let c = s[i]
            guard c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "=" else { return nil }
            i += 1
        }
        return i < s.count && i > start + 3 ? i : nil
    }

    /// Up to `limit` matches in `units`, leftmost first, each resuming where the last ended.
    func ranges(in units: [UInt16], upTo limit: Int) -> [Range<Int>] {
        var found: [Range<Int>] = []
        switch form {
        case .anyOf(let set):
            for (i, u) in units.enumerated() where set.contains(u) {
                guard found.count < limit else { break }
                found.append(i..<(i + 1))
            }
        case .text(let needle):
            guard let first = needle.first, units.count >= needle.count else { return [] }
            var i = 0
            let last = units.count - needle.count
            while i <= last, found.count < limit {
                if units[i] == first, units[i..<(i + needle.count)].elementsEqual(needle) {
                    found.append(i..<(i + needle.count))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return found
    }
}

extension LiteralPattern.Guarded {
    /// True when the engine is not needed for any look-ahead (no `.opaque` item).
    var isReadable: Bool { lookaheads.allSatisfy { $0.alternatives.allSatisfy { !$0.contains(.opaque) } } }

    /// Up to `limit` matches in `units`, leftmost first, each resuming where the last ended,
    /// as ICU finds them: each occurrence of the text after which every look-ahead holds.
    /// Only for a readable one (`isReadable`). The text is BMP characters that are not
    /// surrogates, so occurrences fall on code point boundaries; a look-ahead item reads a
    /// whole code point (a surrogate pair as one).
    func ranges(in units: [UInt16], upTo limit: Int) -> [Range<Int>] {
        var found: [Range<Int>] = []
        let n = text.count
        guard let first = text.first, units.count >= n else { return [] }
        var i = 0
        let last = units.count - n
        while i <= last, found.count < limit {
            if units[i] == first, units[i..<(i + n)].elementsEqual(text),
               lookaheads.allSatisfy({ Self.holds($0, units, at: i + n) }) {
                found.append(i..<(i + n))
                i += n
            } else {
                i += 1
            }
        }
        return found
    }

    /// True when `lookahead` holds at unit `at` of `units`.
    private static func holds(_ lookahead: LiteralPattern.Lookahead, _ units: [UInt16], at: Int) -> Bool {
        let matched = lookahead.alternatives.contains { items in
            var i = at
            for item in items {
                guard i < units.count else { return false }
                var v = UInt32(units[i]), length = 1
                if v >= 0xD800, v <= 0xDBFF, i + 1 < units.count, units[i + 1] >= 0xDC00, units[i + 1] <= 0xDFFF {
                    v = 0x10000 + ((v - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                    length = 2
                }
                guard item.admits(v) else { return false }
                i += length
            }
            return true
        }
        return matched != lookahead.negative
    }
}
