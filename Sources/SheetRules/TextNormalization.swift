/// Folds the width and dash variants that Japanese sheets mix, so that patterns written
/// once match every spelling: `５－２－①` and `5-2-①`, `4月～5月` and `4月~5月`.
public enum TextNormalization {
    /// Full-width ASCII → ASCII (`０` → `0`, `（` → `(`), ideographic space → space,
    /// every dash and minus sign → `-`, wave dash `〜` and `～` → `~`.
    /// The long-vowel mark `ー` is kept: it is part of words such as `コールセンター`.
    public static func normalize(_ text: String) -> String {
        // Most text has nothing to fold: return it as it is, without building a copy.
        guard let first = text.unicodeScalars.firstIndex(where: { fold($0) != $0 }) else { return text }
        var out = String.UnicodeScalarView(text.unicodeScalars[..<first])
        for scalar in text.unicodeScalars[first...] {
            out.append(fold(scalar))
        }
        return String(out)
    }

    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3000: return " "
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63: return "-"
        case 0x301C, 0x223C, 0x223E: return "~"
        default: return scalar
        }
    }

    /// Unicode White_Space, answered without a property lookup for ASCII, kana and kanji.
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20: return true
        case 0...0x7F, 0x3040...0x9FFF: return false
        default: return s.properties.isWhitespace
        }
    }

    /// The form titles are compared in: normalized, without any white space, without a
    /// final `。` or `.`.
    public static func titleKey(_ text: String) -> String {
        var s = String(String.UnicodeScalarView(normalize(text).unicodeScalars.filter {
            !isWhitespace($0)
        }))
        while let last = s.last, last == "。" || last == "." || last == "｡" { s.removeLast() }
        return s
    }

    /// The value of a circled number `①`…`⑳`, `㉑`…`㊿`; nil otherwise.
    public static func circledValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x2460...0x2473: return Int(scalar.value - 0x2460) + 1
        case 0x3251...0x325F: return Int(scalar.value - 0x3251) + 21
        case 0x32B1...0x32BF: return Int(scalar.value - 0x32B1) + 36
        default: return nil
        }
    }

    /// The circled form of 1…50; nil outside that range.
    public static func circled(_ n: Int) -> String? {
        let value: UInt32
        switch n {
        case 1...20: value = 0x2460 + UInt32(n - 1)
        case 21...35: value = 0x3251 + UInt32(n - 21)
        case 36...50: value = 0x32B1 + UInt32(n - 36)
        default: return nil
        }
        return Unicode.Scalar(value).map { String($0) }
    }
}
