/// One-to-one folding of the width and dash variants found in sheets, for matching only:
/// the text reported back always stays as written. Folding never changes the number of
/// scalars, so an index into the folded text is an index into the written text.
enum ScalarFolding {
    /// Full-width digits/letters/brackets/colon → ASCII; dashes (－ ‐ − – — ―) → `-`;
    /// wave dashes (～ 〜 ∼) → `~`; ideographic and no-break spaces → ` `.
    @inline(__always)
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        // Most scalars are ASCII, kana or kanji (0x3040 up to the half-width forms at
        // 0xFE63), none of which fold: answered by two comparisons.
        if v < 0xA0 || v >= 0x3040 && v < 0xFE63 { return s }
        return foldOther(s)
    }

    private static func foldOther(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF01...0xFF5E:  // full-width ASCII block, except the tilde handled below
            if s.value == 0xFF5E { return "~" }
            return Unicode.Scalar(s.value - 0xFEE0)!
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63: return "-"
        case 0x301C, 0x223C: return "~"
        case 0x3000, 0x00A0, 0x2002, 0x2003, 0x2009: return " "
        default: return s
        }
    }

    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // No white space lies between `!` and NBSP, nor above the ideographic space.
        if v > 0x20 && v < 0xA0 || v > 0x3000 { return false }
        switch v {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2002, 0x2003, 0x2009, 0x200B: return true
        default: return false
        }
    }

    /// ASCII digit value of a (folded) scalar.
    static func digit(_ s: Unicode.Scalar) -> Int? {
        let f = fold(s)
        guard f.value >= 0x30, f.value <= 0x39 else { return nil }
        return Int(f.value - 0x30)
    }

    /// The n of a circled number ①…⑳ ㉑…㊿; nil otherwise.
    static func circledNumber(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x2460...0x2473: return Int(s.value - 0x2460) + 1
        case 0x3251...0x325F: return Int(s.value - 0x3251) + 21
        case 0x32B1...0x32BF: return Int(s.value - 0x32B1) + 36
        default: return nil
        }
    }

    /// The text folded and with all white space removed: `部 局` → `部局`, `（１）` → `(1)`.
    static func key(_ text: String) -> String {
        key(scalars: text.unicodeScalars)
    }

    /// The same for scalars.
    static func key<C: Collection>(scalars: C) -> String where C.Element == Unicode.Scalar {
        String(scalarsOf: scalars.lazy.filter { !isSpace($0) }.map(fold))
    }
}
