/// Normalization of citation codes as authors write them, shared by every reader so that
/// a code means the same whichever form the sheet came in.
public enum CodeNormalization {
    /// The normalized form of a 総合計画 code: full-width digits become ASCII, any dash
    /// (`－ ‐ ‑ ‒ – — ― − ー ｰ ﹣`) between two digits becomes `-`, with the spaces around
    /// it dropped; circled digits are kept (`５－２－①` → `5-2-①`); outer spaces are
    /// trimmed. A bare `0` stays `0`. Idempotent.
    public static func planCode(_ written: String) -> String {
        // Codes are short: their scalars and the result's on the stack, written through once.
        let capacity = written.utf8.count
        guard capacity > 0 else { return "" }
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: 2 * capacity) { buffer -> String in
            let input = UnsafeMutableBufferPointer(rebasing: buffer[..<capacity])
            let output = UnsafeMutableBufferPointer(rebasing: buffer[capacity...])
            var count = 0
            var own = true
            for s in written.unicodeScalars {
                input[count] = s
                count += 1
                if own, !isOwnCharacter(s) { own = false }
            }
            var lo = 0, hi = count
            if own {
                // Every scalar a character of its own: trimming is trimming space scalars.
                while lo < hi, isSpace(input[lo]) { lo += 1 }
                while hi > lo, isSpace(input[hi - 1]) { hi -= 1 }
            } else {
                // Trimmed by characters, as `trimmed` does.
                count = 0
                for s in trimmed(written).unicodeScalars {
                    input[count] = s
                    count += 1
                }
                lo = 0
                hi = count
            }
            for j in lo..<hi { input[j] = asciiDigit(input[j]) }
            let k = normalizeDashes(UnsafeBufferPointer(rebasing: input[lo..<hi]), into: output)
            return String(scalarsOf: UnsafeBufferPointer(rebasing: output[..<k]))
        }
    }

    /// Writes `scalars` (trimmed, digits made ASCII) to `out` with each dash between two
    /// digits, and the spaces around it, made one `-`; returns how many were written.
    private static func normalizeDashes(_ scalars: UnsafeBufferPointer<Unicode.Scalar>,
                                        into out: UnsafeMutableBufferPointer<Unicode.Scalar>) -> Int {
        var k = 0
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            // A dash only counts as a separator between digits: elsewhere (a title glued to
            // the code, a katakana ー) it is text and stays as written.
            if isDash(scalar) || isSpace(scalar) {
                var j = i
                while j < scalars.count, isSpace(scalars[j]) { j += 1 }
                if j < scalars.count, isDash(scalars[j]) {
                    var m = j + 1
                    while m < scalars.count, isSpace(scalars[m]) { m += 1 }
                    if k > 0, isDigitLike(out[k - 1]), m < scalars.count, isDigitLike(scalars[m]) {
                        out[k] = "-"
                        k += 1
                        i = m
                        continue
                    }
                }
            }
            out[k] = scalar
            k += 1
            i += 1
        }
        return k
    }

    /// Scalars that always make a character alone, whatever is next to them (no combining
    /// mark, joiner, prepended or spacing mark among them): tab, printable ASCII, CJK
    /// punctuation, kana, CJK ideographs, full-width forms, the dashes and circled numbers
    /// of codes.
    static func isOwnCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x20...0x7E, 0x3000...0x3011, 0x3041...0x3096, 0x30A1...0x30FC, 0x4E00...0x9FFF, 0xFF01...0xFF5E,
             0xFF70, 0x2010...0x2015, 0x2212, 0xFE63, 0x2460...0x2473, 0x24EA, 0x3251...0x325F, 0x32B1...0x32BF:
            return true
        default:
            return false
        }
    }

    /// The number of a 基本政策 citation written with ASCII or full-width digits
    /// (`70`, `７０`), outer spaces ignored; nil when it is not a plain number.
    public static func policyNumber(_ written: String) -> Int? {
        let digits = String(String.UnicodeScalarView(trimmed(written).unicodeScalars.map(asciiDigit)))
        guard !digits.isEmpty, digits.count <= 9, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) })
        else { return nil }
        return Int(digits)
    }

    /// ASCII hyphen-minus, full-width hyphen-minus, the Unicode dashes and minus, and the
    /// long-vowel marks that PDF converters and IMEs put where a hyphen was meant.
    static let dashes: [UInt32] = [
        0x2D, 0xFF0D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x30FC, 0xFF70, 0xFE63,
    ]

    /// Whether `scalar` is one of `dashes`.
    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0xFF0D, 0x2010...0x2015, 0x2212, 0x30FC, 0xFF70, 0xFE63: return true
        default: return false
        }
    }

    private static func asciiDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard (0xFF10...0xFF19).contains(scalar.value) else { return scalar }
        return Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? scalar
    }

    /// ASCII digits and the circled numbers ⓪①…⑳㉑…㊿ used for 施策の方向性.
    private static func isDigitLike(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x2460...0x2473, 0x24EA, 0x3251...0x325F, 0x32B1...0x32BF: return true
        default: return false
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{3000}"
    }

    static func trimmed(_ s: String) -> Substring {
        let view = Substring(s)
        let start = view.firstIndex { !$0.unicodeScalars.allSatisfy(isSpace) } ?? view.endIndex
        let end = view.lastIndex { !$0.unicodeScalars.allSatisfy(isSpace) }.map { view.index(after: $0) } ?? start
        return view[start..<max(start, end)]
    }
}
