import Foundation

/// Characters every match of a regular expression must contain, read from the pattern's
/// source: a text lacking them cannot match, so the engine need not run on it. Most text
/// fields of a sheet hold no `月`, `/` or `(`, so most date, era and notation patterns are
/// skipped with one scan of the text instead of an ICU match.
///
/// Conservative by construction: only literal characters (and classes of plain literals)
/// that are not made optional by a quantifier count, at the top level or inside a group
/// (`(春|夏)` needs `春` or `夏`); look-arounds, escapes other than escaped punctuation and
/// optional groups are not analysed. A top-level `|` gives one list of requirements per
/// alternative (`上旬|月末`: `上` and `旬`, or `月` and `末`). An inline flag or `\Q` anywhere,
/// or any construct not understood at the top level, gives no requirement at all. Skipping
/// a text only ever skips work, so the bounds on patterns (`ResourceLimits`) hold as before.
struct RequiredLiterals: Sendable {
    /// For an expression without a top-level `|`, each entry: UTF-16 units of which the
    /// text must contain at least one. Empty otherwise (see `alternatives`).
    var requirements: [[UInt16]] { alternatives.count == 1 ? alternatives[0] : [] }
    /// The text must meet every requirement of at least one alternative (a top-level `|`
    /// gives several); empty when nothing is required.
    let alternatives: [[[UInt16]]]
    /// The same as UTF-8 byte sequences, for scanning a string's own storage.
    private let utf8: [[[[UInt8]]]]

    /// Each requirement's characters as a `ScalarMask`: a text whose mask shares no bit with
    /// one of these lacks that requirement.
    private let masks: [[ScalarMask]]

    init(_ source: String) {
        alternatives = Self.analyseAlternatives(source) ?? []
        // Units are BMP code points other than surrogates (`unit(_:)`), so each is one code
        // point, encoded here by hand (`String(decoding:as:)` took ~6,000 instructions each).
        utf8 = alternatives.map { $0.map { units in units.map(Self.utf8) } }
        masks = alternatives.map { $0.map { units in ScalarMask(codePoints: units.lazy.map(UInt32.init)) } }
    }

    private static func utf8(_ u: UInt16) -> [UInt8] {
        switch u {
        case 0..<0x80: return [UInt8(u)]
        case 0x80..<0x800: return [UInt8(0xC0 | (u >> 6)), UInt8(0x80 | (u & 0x3F))]
        default: return [UInt8(0xE0 | (u >> 12)), UInt8(0x80 | ((u >> 6) & 0x3F)), UInt8(0x80 | (u & 0x3F))]
        }
    }

    /// `admits(text.string)`, first asking the text's `ScalarMask`: a requirement none of
    /// whose characters has its bit set cannot be met, and the text's bytes need no search.
    func admits(_ text: MatchText) -> Bool {
        guard !masks.isEmpty else { return true }
        let mask = text.scalarMask
        var string = text.string
        for a in masks.indices where masks[a].allSatisfy({ $0.intersects(mask) }) {
            if string.withUTF8({ bytes in Self.meets(utf8[a], bytes) }) { return true }
        }
        return false
    }

    /// True when `text` meets every requirement of some alternative.
    func admits(_ text: String) -> Bool {
        guard !utf8.isEmpty else { return true }
        var text = text
        return text.withUTF8 { bytes in utf8.contains { Self.meets($0, bytes) } }
    }

    private static func meets(_ requirements: [[[UInt8]]], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        requirements.allSatisfy { alternatives in alternatives.contains { contains(bytes, $0) } }
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard bytes.count >= n, let base = bytes.baseAddress else { return false }
        // memchr for the needle's last byte (for kana and kanji, the most telling one), then
        // the bytes before it.
        let last = needle[n - 1]
        var at = n - 1
        while at < bytes.count {
            guard let hit = memchr(base + at, Int32(last), bytes.count - at) else { return false }
            let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var j = 0
            while j < n - 1, base[end - (n - 1) + j] == needle[j] { j += 1 }
            if j == n - 1 { return true }
            at = end + 1
        }
        return false
    }

    /// The alternatives of a pattern (see `alternatives`), or nil when nothing is required.
    static func analyseAlternatives(_ source: String) -> [[[UInt16]]]? {
        let s = Array(source.unicodeScalars)
        // An inline flag (`(?i)`, `(?x)` and its comments) or `\Q…\E` quoting changes how
        // what follows is read, wherever it stands.
        for i in s.indices where i + 2 < s.count && s[i] == "(" && s[i + 1] == "?" {
            guard [":", "=", "!", "<", ">"].contains(s[i + 2]) else { return nil }
        }
        for i in s.indices where i + 1 < s.count && s[i] == "\\" && s[i + 1] == "Q" { return nil }
        guard let alternatives = analyseBranches(s, s.indices), alternatives.allSatisfy({ !$0.isEmpty }) else { return nil }
        return alternatives
    }

    /// Each `|`-separated branch of `s[range]` (at its top level) analysed; nil when one is not.
    private static func analyseBranches(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [[[UInt16]]]? {
        var branches: [[[UInt16]]] = []
        var start = range.lowerBound, i = range.lowerBound
        while true {
            if i == range.upperBound || s[i] == "|" {
                guard let branch = analyseSequence(s, start..<i) else { return nil }
                branches.append(branch)
                if i == range.upperBound { return branches }
                start = i + 1
                i += 1
                continue
            }
            switch s[i] {
            case "\\": i = min(i + 2, range.upperBound)
            case "[":
                guard let end = classEnd(s, from: i), end < range.upperBound else { return nil }
                i = end + 1
            case "(":
                guard let end = groupEnd(s, from: i), end < range.upperBound else { return nil }
                i = end + 1
            default: i += 1
            }
        }
    }

    /// The requirements of `s[range]`, a sequence without a top-level `|`, or nil when it
    /// uses something not analysed here.
    private static func analyseSequence(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [[UInt16]]? {
        var out: [[UInt16]] = []
        var i = range.lowerBound
        let count = range.upperBound
        while i < count {
            var atom: [[UInt16]] = []
            switch s[i] {
            case "(":
                // `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`, `(?>` only: an inline flag
                // such as `(?i)` changes how the rest matches.
                var content = i + 1
                var lookaround = false
                if i + 1 < count, s[i + 1] == "?" {
                    guard i + 2 < count, [":", "=", "!", "<", ">"].contains(s[i + 2]) else { return nil }
                    switch s[i + 2] {
                    case ":": content = i + 3
                    case "<" where i + 3 < count && s[i + 3] != "=" && s[i + 3] != "!":
                        guard let close = s[i..<count].firstIndex(of: ">") else { return nil }
                        content = close + 1
                    default: lookaround = true
                    }
                }
                guard let close = groupEnd(s, from: i), close < count else { return nil }
                // What every match of the group needs: all of its requirements when it has
                // one branch, else one requirement of each branch, joined.
                if !lookaround, content <= close, let branches = analyseBranches(s, content..<close),
                   branches.allSatisfy({ !$0.isEmpty }) {
                    if branches.count == 1 {
                        atom = branches[0]
                    } else {
                        var joined: [UInt16] = []
                        for branch in branches { for u in branch[0] where !joined.contains(u) { joined.append(u) } }
                        atom = [joined]
                    }
                }
                i = close + 1
            case "[":
                guard let (set, end) = simpleClass(s, from: i), end < count else { return nil }
                if let set { atom = [set] }
                i = end + 1
            case "\\":
                guard i + 1 < count else { return nil }
                let n = s[i + 1]
                if n.properties.isAlphabetic || n.properties.numericType != nil {
                    // \d \s \w \b and their negations match classes or nothing; other letters
                    // (\x \u \p \N \Q …) and back references are not analysed.
                    guard "dDsSwWbB".unicodeScalars.contains(n) else { return nil }
                } else if let u = unit(n) {
                    atom = [u]
                }
                i += 2
            case "|", ")", "*", "+", "?", "{":
                return nil
            case ".", "^", "$":
                i += 1
            default:
                if let u = unit(s[i]) { atom = [u] }
                i += 1
            }
            // A quantifier that allows zero makes the atom optional.
            var optional = false
            if i < count {
                switch s[i] {
                case "?", "*":
                    optional = true
                    i += 1
                case "+":
                    i += 1
                case "{":
                    guard let close = s[i..<count].firstIndex(of: "}") else { return nil }
                    let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                    let low = inner.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
                    guard let min = Int(low) else { return nil }
                    optional = min == 0
                    i = close + 1
                default:
                    break
                }
                // Lazy or possessive forms of the quantifier.
                if i < count, s[i] == "?" || s[i] == "+", i > range.lowerBound, "?*+}".unicodeScalars.contains(s[i - 1]) { i += 1 }
            }
            if !optional { out.append(contentsOf: atom) }
        }
        return out
    }

    private static func unit(_ s: Unicode.Scalar) -> [UInt16]? {
        s.value <= 0xFFFF && !(0xD800...0xDFFF).contains(s.value) ? [UInt16(s.value)] : nil
    }

    /// The index of the `)` closing the group opened at `start`.
    private static func groupEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var depth = 0, i = start
        while i < s.count {
            switch s[i] {
            case "\\": i += 1
            case "[":
                guard let end = classEnd(s, from: i) else { return nil }
                i = end
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// The index of the `]` closing the class opened at `start` (ICU classes nest). Nil for a
    /// set that opens with `]` (`[]a]`, `[^]a]`: ICU reads that `]` as a character).
    private static func classEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var depth = 0, i = start
        while i < s.count {
            switch s[i] {
            case "\\": i += 1
            case "[":
                depth += 1
                var next = i + 1
                if next < s.count, s[next] == "^" { next += 1 }
                if next < s.count, s[next] == "]" { return nil }
            case "]":
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// A class of plain characters (`[/年]`, `[（）]`, `[\(\)]`): its units and end. Nil for
    /// anything else: negation, ranges, nested sets, properties (`\p{…}`, `[:Han:]`), escapes
    /// of letters.
    private static func simpleClass(_ s: [Unicode.Scalar], from start: Int) -> ([UInt16]?, Int)? {
        guard let end = classEnd(s, from: start) else { return nil }
        var units: [UInt16] = []
        var i = start + 1
        if i < end, s[i] == "^" { return (nil, end) }
        while i < end {
            var c = s[i]
            if c == "\\" {
                guard i + 1 < end else { return (nil, end) }
                c = s[i + 1]
                if c.properties.isAlphabetic || c.properties.numericType != nil { return (nil, end) }
                i += 1
            } else if c == "[" || c == "-" || c == "&" || c == "$" || c == ":" {
                // `[:Han:]` is a property, not the characters `:`, `H`, `a`, `n`.
                return (nil, end)
            }
            guard let u = unit(c) else { return (nil, end) }
            units.append(u[0])
            i += 1
        }
        return (units.isEmpty ? nil : units, end)
    }
}
