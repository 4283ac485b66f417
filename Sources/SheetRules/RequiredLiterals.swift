import Foundation

/// Characters every match of a regular expression must contain, read from the pattern's
/// source: a text lacking one of them cannot match, so the engine need not run on it. Most
/// text fields of a sheet hold no `月`, `/` or `(`, so most date, era and notation patterns
/// are skipped with one scan of the text instead of an ICU match.
///
/// Conservative by construction: only top-level literal characters (and classes of plain
/// literals) that are not made optional by a quantifier count; groups, look-arounds,
/// escapes other than escaped punctuation, and everything after an inline flag are not
/// analysed, and a top-level `|`, `\Q`, an inline flag or any construct not understood
/// gives no requirement at all. Skipping a text only ever skips work, so the bounds on
/// patterns (`ResourceLimits`) hold as before.
struct RequiredLiterals: Sendable {
    /// Each entry: UTF-16 units of which the text must contain at least one.
    let requirements: [[UInt16]]
    /// The same as UTF-8 byte sequences, for scanning a string's own storage.
    private let utf8: [[[UInt8]]]

    /// Each requirement's characters as a `ScalarMask`: a text whose mask shares no bit with
    /// one of these lacks that requirement.
    private let masks: [ScalarMask]

    init(_ source: String) {
        requirements = Self.analyse(Array(source.unicodeScalars)) ?? []
        utf8 = requirements.map { units in units.map { Array(String(decoding: [$0], as: UTF16.self).utf8) } }
        masks = requirements.map { units in ScalarMask(String(decoding: units, as: UTF16.self)) }
    }

    /// `admits(text.string)`, first asking the text's `ScalarMask`: a requirement none of
    /// whose characters has its bit set cannot be met, and the text's bytes need no search.
    func admits(_ text: MatchText) -> Bool {
        guard !masks.isEmpty else { return true }
        let mask = text.scalarMask
        for required in masks where !required.intersects(mask) { return false }
        return admits(text.string)
    }

    /// True when `text` contains something of every requirement.
    func admits(_ text: String) -> Bool {
        guard !utf8.isEmpty else { return true }
        var text = text
        return text.withUTF8 { bytes in
            utf8.allSatisfy { alternatives in alternatives.contains { Self.contains(bytes, $0) } }
        }
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

    /// The requirements of a pattern, or nil when it uses something not analysed here.
    static func analyse(_ s: [Unicode.Scalar]) -> [[UInt16]]? {
        var out: [[UInt16]] = []
        var i = 0
        while i < s.count {
            var atom: [UInt16]? = nil
            switch s[i] {
            case "(":
                // `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`, `(?>` only: an inline flag
                // such as `(?i)` changes how the rest matches.
                if i + 1 < s.count, s[i + 1] == "?" {
                    guard i + 2 < s.count, [":", "=", "!", "<", ">"].contains(s[i + 2]) else { return nil }
                }
                guard let close = groupEnd(s, from: i) else { return nil }
                i = close + 1
            case "[":
                guard let (set, end) = simpleClass(s, from: i) else { return nil }
                atom = set
                i = end + 1
            case "\\":
                guard i + 1 < s.count else { return nil }
                let n = s[i + 1]
                if n.properties.isAlphabetic || n.properties.numericType != nil {
                    // \d \s \w \b and their negations match classes or nothing; other letters
                    // (\x \u \p \N \Q …) and back references are not analysed.
                    guard "dDsSwWbB".unicodeScalars.contains(n) else { return nil }
                } else {
                    atom = unit(n)
                }
                i += 2
            case "|", ")", "*", "+", "?", "{":
                return nil
            case ".", "^", "$":
                i += 1
            default:
                atom = unit(s[i])
                i += 1
            }
            // A quantifier that allows zero makes the atom optional.
            var optional = false
            if i < s.count {
                switch s[i] {
                case "?", "*":
                    optional = true
                    i += 1
                case "+":
                    i += 1
                case "{":
                    guard let close = s[i...].firstIndex(of: "}") else { return nil }
                    let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                    let low = inner.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
                    guard let min = Int(low) else { return nil }
                    optional = min == 0
                    i = close + 1
                default:
                    break
                }
                // Lazy or possessive forms of the quantifier.
                if i < s.count, s[i] == "?" || s[i] == "+", i > 0, "?*+}".unicodeScalars.contains(s[i - 1]) { i += 1 }
            }
            if let atom, !optional { out.append(atom) }
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

    /// The index of the `]` closing the class opened at `start` (ICU classes nest).
    private static func classEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var depth = 0, i = start
        while i < s.count {
            switch s[i] {
            case "\\": i += 1
            case "[": depth += 1
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
    /// anything else: negation, ranges, nested sets, properties, escapes of letters.
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
            } else if c == "[" || c == "-" || c == "&" || c == "$" {
                return (nil, end)
            }
            guard let u = unit(c) else { return (nil, end) }
            units.append(u[0])
            i += 1
        }
        return (units.isEmpty ? nil : units, end)
    }
}
