/// Normalization of citation codes as authors write them, shared by every reader so that
/// a code means the same whichever form the sheet came in.
public enum CodeNormalization {
    /// The normalized form of a 総合計画 code: full-width digits become ASCII, any dash
    /// (`－ ‐ ‑ ‒ – — ― − ー ｰ ﹣`) between two digits becomes `-`, with the spaces around
    /// it dropped; circled digits are kept (`５－２－①` → `5-2-①`); outer spaces are
    /// trimmed. A bare `0` stays `0`. Idempotent.
    public static func planCode(_ written: String) -> String {
        let scalars = Array(trimmed(written).unicodeScalars.map(asciiDigit))
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            // A dash only counts as a separator between digits: elsewhere (a title glued to
            // the code, a katakana ー) it is text and stays as written.
            if dashes.contains(scalar.value) || isSpace(scalar) {
                var j = i
                while j < scalars.count, isSpace(scalars[j]) { j += 1 }
                if j < scalars.count, dashes.contains(scalars[j].value) {
                    var k = j + 1
                    while k < scalars.count, isSpace(scalars[k]) { k += 1 }
                    if let last = out.last, isDigitLike(last), k < scalars.count, isDigitLike(scalars[k]) {
                        out.append("-")
                        i = k
                        continue
                    }
                }
            }
            out.append(scalar)
            i += 1
        }
        return String(out)
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
    private static let dashes: Set<UInt32> = [
        0x2D, 0xFF0D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x30FC, 0xFF70, 0xFE63,
    ]

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

    private static func trimmed(_ s: String) -> Substring {
        let view = Substring(s)
        let start = view.firstIndex { !$0.unicodeScalars.allSatisfy(isSpace) } ?? view.endIndex
        let end = view.lastIndex { !$0.unicodeScalars.allSatisfy(isSpace) }.map { view.index(after: $0) } ?? start
        return view[start..<max(start, end)]
    }
}
