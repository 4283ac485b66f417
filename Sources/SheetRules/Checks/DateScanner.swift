/// Finds exactly what the expressions of the `date` and `era-year` checks find, in one
/// pass over a text's UTF-16 units and without the regex engine: the same matches, in the
/// same order, with the same group ranges (`DateScannerTests` compares the two on every
/// text of the fixtures, the real sheet and random texts, and the character classes on
/// every code point).
///
/// The expressions are built-in (only the era names come from a rule's options), and each
/// is deterministic: its classes (`\d`, `\s`, the era names, `年 月 日 度 元 / ( ) .`) are
/// disjoint and every quantifier is followed by something its class cannot match, so
/// backtracking never finds a match the greedy reading misses. A scanner therefore decides
/// each starting point in a few comparisons, where ICU was called once per expression and
/// text. It works in linear time, so the regex limits have nothing to bound here; it stops,
/// like the engine, once the rule's `RegexBudget` is spent. Texts with code points beyond
/// the BMP still go to the engine (see `matches(_:_:in:budget:)`).
///
/// Era names must be plain (letters, none a prefix of another) for the scanner to stand in
/// for `(令和|平成)`; for other names the checks keep the expressions (`init?` gives nil).
struct DateScanner: Sendable {
    /// The era names as UTF-16 units, in alternation order.
    private let eras: [[UInt16]]
    /// The first unit of each name.
    private let eraFirstUnits: [UInt16]

    init?(eras names: [String]) {
        // No names would make the group empty, matching everywhere: leave that to the engine.
        guard !names.isEmpty else { return nil }
        let units = names.map { Array($0.utf16) }
        for (i, name) in names.enumerated() {
            // Letters only: anything else would be read by the expression as syntax.
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && !Self.isDigit($0.value) }),
                  !name.unicodeScalars.contains(where: { Self.isSpace($0.value) }) else { return nil }
            for (j, other) in units.enumerated() where j != i && other.starts(with: units[i]) { return nil }
        }
        eras = units
        eraFirstUnits = units.map { $0[0] }
    }

    // MARK: The expressions

    /// What `pattern` (the expression `scan` stands for) finds in `text`: nothing when the
    /// text holds no digit (every expression needs one) or lacks a character the expression
    /// needs (`RequiredLiterals`, as for the engine), else what the scanner finds.
    ///
    /// A text with a code point beyond the BMP goes to the engine: there the standard
    /// library's Unicode data (which `isDigit` consults) is newer than ICU's. `budget` is the
    /// rule's: once such a text has spent it, the scanner, like the engine, finds nothing more.
    func matches(_ pattern: TextPattern, _ scan: (DateScanner) -> ([UInt16]) -> [[Range<Int>?]],
                 in text: MatchText, budget: RegexBudget?) -> [[Range<Int>?]] {
        guard text.mayHoldDigit, pattern.required.admits(text) else { return [] }
        guard text.isBMP else { return pattern.matchRanges(in: text) }
        if let budget, budget.isSpent { return [] }
        return scan(self)(text.units)
    }

    /// `(?<![\d/])(\d{4})\s*[/年]\s*(\d{1,2})\s*[/月]\s*(\d{1,2})(?![\d/])`
    func yearMonthDay(_ text: [UInt16]) -> [[Range<Int>?]] {
        scan(text, from: .digitNotAfterDigitOrSlash) { t, p in
            guard !t.before(p, isDigitOr: [0x2F]) else { return nil }
            guard let year = t.digits(p, exactly: 4) else { return nil }
            var i = t.spaces(year.upperBound)
            guard t.unit(i, in: [0x2F, 0x5E74]) else { return nil }  // / 年
            i = t.spaces(i + 1)
            guard let month = t.digits(i, upTo: 2) else { return nil }
            i = t.spaces(month.upperBound)
            guard t.unit(i, in: [0x2F, 0x6708]) else { return nil }  // / 月
            i = t.spaces(i + 1)
            guard let day = t.digits(i, upTo: 2), !t.at(day.upperBound, isDigitOr: [0x2F]) else { return nil }
            return [p..<day.upperBound, year, month, day]
        }
    }

    /// `(?<![\d/])(\d{1,2})\s*月\s*(\d{1,2})\s*日`
    func monthDay(_ text: [UInt16]) -> [[Range<Int>?]] {
        scan(text, from: .digitNotAfterDigitOrSlash) { t, p in
            guard !t.before(p, isDigitOr: [0x2F]), let month = t.digits(p, upTo: 2) else { return nil }
            var i = t.spaces(month.upperBound)
            guard t.unit(i, in: [0x6708]) else { return nil }  // 月
            i = t.spaces(i + 1)
            guard let day = t.digits(i, upTo: 2) else { return nil }
            i = t.spaces(day.upperBound)
            guard t.unit(i, in: [0x65E5]) else { return nil }  // 日
            return [p..<(i + 1), month, day]
        }
    }

    /// `(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])`
    func slashMonthDay(_ text: [UInt16]) -> [[Range<Int>?]] {
        scan(text, from: .digitNotAfterDigitOrSlash) { t, p in
            guard !t.before(p, isDigitOr: [0x2F]), let month = t.digits(p, upTo: 2),
                  t.unit(month.upperBound, in: [0x2F]) else { return nil }
            guard let day = t.digits(month.upperBound + 1, upTo: 2), !t.at(day.upperBound, isDigitOr: [0x2F]) else { return nil }
            return [p..<day.upperBound, month, day]
        }
    }

    /// `(?<![\d/.])(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)`
    func month(_ text: [UInt16]) -> [[Range<Int>?]] {
        scan(text, from: .digitNotAfterDigitOrSlash) { t, p in
            guard !t.before(p, isDigitOr: [0x2F, 0x2E]), let month = t.digits(p, upTo: 2) else { return nil }
            let i = t.spaces(month.upperBound)
            guard t.unit(i, in: [0x6708]) else { return nil }  // 月
            // The look-ahead: spaces, one or two digits (a third fails it), spaces, 日.
            if let day = t.digits(t.spaces(i + 1), upTo: 2), t.unit(t.spaces(day.upperBound), in: [0x65E5]) { return nil }
            return [p..<(i + 1), month]
        }
    }

    /// `(令和|平成)\s*0+\s*年`
    func eraZero(_ text: [UInt16]) -> [[Range<Int>?]] {
        scan(text, from: .era) { t, p in
            guard let era = era(t, p) else { return nil }
            var i = t.spaces(era.upperBound)
            guard t.unit(i, in: [0x30]) else { return nil }
            while t.unit(i, in: [0x30]) { i += 1 }
            i = t.spaces(i)
            guard t.unit(i, in: [0x5E74]) else { return nil }  // 年
            return [p..<(i + 1), era]
        }
    }

    /// `(令和|平成)\s*(元|\d{1,2})\s*年度?\s*\(\s*(\d{4})\s*(?:年度?)?\s*\)`
    func eraFirst(_ text: [UInt16]) -> [[Range<Int>?]] {
        scan(text, from: .era) { t, p in
            guard let era = era(t, p), let (year, afterYear) = eraYear(t, t.spaces(era.upperBound)) else { return nil }
            var i = t.spaces(afterYear)
            guard t.unit(i, in: [0x28]) else { return nil }  // (
            i = t.spaces(i + 1)
            guard let western = t.digits(i, exactly: 4) else { return nil }
            i = t.spaces(western.upperBound)
            if t.unit(i, in: [0x5E74]) {  // 年, 度
                i += 1
                if t.unit(i, in: [0x5EA6]) { i += 1 }
            }
            i = t.spaces(i)
            guard t.unit(i, in: [0x29]) else { return nil }  // )
            return [p..<(i + 1), era, year, western]
        }
    }

    /// `(\d{4})\s*年度?\s*\(\s*(令和|平成)\s*(元|\d{1,2})\s*年度?\s*\)` (no look-behind:
    /// the four digits may end a longer number).
    func westernFirst(_ text: [UInt16]) -> [[Range<Int>?]] {
        scan(text, from: .digit) { t, p in
            guard let western = t.digits(p, exactly: 4) else { return nil }
            var i = t.spaces(western.upperBound)
            guard t.unit(i, in: [0x5E74]) else { return nil }  // 年
            i += 1
            if t.unit(i, in: [0x5EA6]) { i += 1 }  // 度
            i = t.spaces(i)
            guard t.unit(i, in: [0x28]) else { return nil }  // (
            i = t.spaces(i + 1)
            guard let era = era(t, i), let (year, afterYear) = eraYear(t, t.spaces(era.upperBound)) else { return nil }
            i = t.spaces(afterYear)
            guard t.unit(i, in: [0x29]) else { return nil }  // )
            return [p..<(i + 1), western, era, year]
        }
    }

    /// An era name at `i`.
    private func era(_ t: Units, _ i: Int) -> Range<Int>? {
        for name in eras where t.has(name, at: i) { return i..<(i + name.count) }
        return nil
    }

    /// `(元|\d{1,2})\s*年度?` at `i`: the group and where the rest continues.
    private func eraYear(_ t: Units, _ i: Int) -> (Range<Int>, Int)? {
        let year: Range<Int>
        if t.unit(i, in: [0x5143]) {  // 元
            year = i..<(i + 1)
        } else if let digits = t.digits(i, upTo: 2) {
            year = digits
        } else {
            return nil
        }
        var j = t.spaces(year.upperBound)
        guard t.unit(j, in: [0x5E74]) else { return nil }  // 年
        j += 1
        if t.unit(j, in: [0x5EA6]) { j += 1 }  // 度
        return (year, j)
    }

    /// What a match must start with: a digit, or an era name. `digitNotAfterDigitOrSlash`:
    /// a digit not right after an ASCII digit or `/`, for the expressions whose look-behind
    /// `(?<![\d/])` fails there anyway.
    private enum Start { case digit, digitNotAfterDigitOrSlash, era }

    /// Every match found by trying `attempt` at each code point from the start, and after a
    /// match from its end, as ICU's successive `findNext` do. A code point that cannot
    /// begin a match (`start`) is passed over without trying, in a tight loop over the units.
    /// (A pair's first half passed over after a digit leaves its second half to be tried,
    /// which finds nothing: no expression starts with a lone surrogate. The checks scan only
    /// texts within the BMP.)
    private func scan(_ text: [UInt16], from start: Start, _ attempt: (Units, Int) -> [Range<Int>?]?) -> [[Range<Int>?]] {
        let t = Units(u: text)
        var found: [[Range<Int>?]] = []
        let first = eraFirstUnits
        let (e0, e1) = (first[0], first.count > 1 ? first[1] : first[0])
        let more = first.count > 2
        text.withUnsafeBufferPointer { units in
            let n = units.count
            var p = 0
            while p < n {
                switch start {
                case .digit:
                    while p < n && !Self.mayStartDigit(units[p]) { p += 1 }
                case .digitNotAfterDigitOrSlash:
                    while p < n {
                        if Self.mayStartDigit(units[p]) {
                            guard p > 0 else { break }
                            let before = units[p - 1]
                            if (before &- 0x30) >= 10 && before != 0x2F { break }
                        }
                        p += 1
                    }
                case .era:
                    while p < n {
                        let u = units[p]
                        if u == e0 || u == e1 || (more && first.contains(u)) { break }
                        p += 1
                    }
                }
                guard p < n else { break }
                if let m = attempt(t, p), let whole = m[0] {
                    found.append(m)
                    p = whole.upperBound
                } else {
                    p += t.width(p)
                }
            }
        }
        return found
    }

    /// False for a unit no digit can start at: an ASCII character other than a digit, or
    /// one of U+3000–U+9FFF (which holds no digit).
    @inline(__always)
    private static func mayStartDigit(_ u: UInt16) -> Bool {
        u < 0x80 ? (u &- 0x30) < 10 : !(u >= 0x3000 && u <= 0x9FFF)
    }

    // MARK: Character classes, as ICU reads them

    /// ICU's `\d`: general category Nd. U+3000–U+9FFF (CJK symbols, kana, ideographs)
    /// holds none, which spares the property lookup for most of a Japanese text.
    static func isDigit(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        if v >= 0x3000 && v <= 0x9FFF { return false }
        return Unicode.Scalar(v)?.properties.generalCategory == .decimalNumber
    }

    /// ICU's `\s`: White_Space.
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20: return true
        case 0..<0x80, 0x3001...0x9FFF: return false
        default: return Unicode.Scalar(v)?.properties.isWhitespace ?? false
        }
    }

    /// A text's units read as code points (a Swift string holds no lone surrogate).
    struct Units {
        let u: [UInt16]

        func codePoint(_ i: Int) -> UInt32? {
            guard i < u.count else { return nil }
            let a = u[i]
            if a >= 0xD800, a <= 0xDBFF, i + 1 < u.count, u[i + 1] >= 0xDC00, u[i + 1] <= 0xDFFF {
                return 0x10000 + ((UInt32(a) - 0xD800) << 10) + UInt32(u[i + 1] - 0xDC00)
            }
            return UInt32(a)
        }

        func width(_ i: Int) -> Int { (codePoint(i) ?? 0) > 0xFFFF ? 2 : 1 }

        /// The code point ending at `i`.
        func codePoint(before i: Int) -> UInt32? {
            guard i > 0 else { return nil }
            let b = u[i - 1]
            if b >= 0xDC00, b <= 0xDFFF, i >= 2, u[i - 2] >= 0xD800, u[i - 2] <= 0xDBFF { return codePoint(i - 2) }
            return UInt32(b)
        }

        /// True when the unit at `i` is one of `units` (all BMP, none a surrogate).
        func unit(_ i: Int, in units: [UInt16]) -> Bool { i < u.count && units.contains(u[i]) }

        func has(_ name: [UInt16], at i: Int) -> Bool {
            i + name.count <= u.count && u[i..<(i + name.count)].elementsEqual(name)
        }

        func before(_ i: Int, isDigitOr others: [UInt32]) -> Bool {
            guard let c = codePoint(before: i) else { return false }
            return DateScanner.isDigit(c) || others.contains(c)
        }

        func at(_ i: Int, isDigitOr others: [UInt32]) -> Bool {
            guard let c = codePoint(i) else { return false }
            return DateScanner.isDigit(c) || others.contains(c)
        }

        /// Past the white space from `i` (`\s*`).
        func spaces(_ i: Int) -> Int {
            var i = i
            while let c = codePoint(i), DateScanner.isSpace(c) { i += c > 0xFFFF ? 2 : 1 }
            return i
        }

        /// `\d{n}`: exactly `n` digits from `i`.
        func digits(_ i: Int, exactly n: Int) -> Range<Int>? {
            var j = i
            for _ in 0..<n {
                guard let c = codePoint(j), DateScanner.isDigit(c) else { return nil }
                j += c > 0xFFFF ? 2 : 1
            }
            return i..<j
        }

        /// `\d{1,n}` followed by something that is not a digit: greedy, and giving back a
        /// digit never helps these expressions (the next element is never a digit), so a
        /// longer run of digits fails.
        func digits(_ i: Int, upTo n: Int) -> Range<Int>? {
            var j = i, count = 0
            while count < n, let c = codePoint(j), DateScanner.isDigit(c) {
                j += c > 0xFFFF ? 2 : 1
                count += 1
            }
            guard count > 0 else { return nil }
            if let c = codePoint(j), DateScanner.isDigit(c) { return nil }
            return i..<j
        }
    }
}
