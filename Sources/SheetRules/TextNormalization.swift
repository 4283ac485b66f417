/// Folds the width and dash variants that Japanese sheets mix, so that patterns written
/// once match every spelling: `５－２－①` and `5-2-①`, `4月～5月` and `4月~5月`.
public enum TextNormalization {
    /// Full-width ASCII → ASCII (`０` → `0`, `（` → `(`), ideographic space → space,
    /// every dash and minus sign → `-`, wave dash `〜` and `～` → `~`.
    /// The long-vowel mark `ー` is kept: it is part of words such as `コールセンター`.
    public static func normalize(_ text: String) -> String {
        normalizedIfChanged(text) ?? text
    }

    /// `normalize(text)` when it differs from `text`; nil when there is nothing to fold
    /// (most text), without building a copy.
    ///
    /// Works on the UTF-8 bytes: every scalar `fold` changes is a three-byte sequence led by
    /// E2 (U+2000–2FFF), E3 (U+3000–3FFF) or EF (U+F000–FFFF), and folds to ASCII, so the
    /// other bytes are copied as they are.
    static func normalizedIfChanged(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let n = bytes.count
            var i = 0
            // The first byte of the first scalar that folds.
            var first = -1
            // Bytes below E2 (ASCII, continuation bytes, two-byte leads and E0, E1) are
            // passed one at a time; a longer sequence is passed whole (most of a Japanese text),
            // not byte by byte.
            while i < n {
                let b = bytes[i]
                if b < 0xE2 {
                    i += 1
                } else if b < 0xF0 {
                    if i + 2 < n && mayFold(b, bytes[i + 1]) && fold(scalar3(bytes, i)) != scalar3(bytes, i) {
                        first = i
                        break
                    }
                    i += 3
                } else {
                    i += 4
                }
            }
            guard first >= 0 else { return nil }
            // Every scalar that folds becomes one ASCII byte: the copy is never longer.
            return String(unsafeUninitializedCapacity: n) { out -> Int in
                var w = 0
                for k in 0..<first { out[k] = bytes[k] }
                w = first
                i = first
                while i < n {
                    let b = bytes[i]
                    if b >= 0xE2 && i + 2 < n && mayFold(b, bytes[i + 1]) {
                        let scalar = scalar3(bytes, i)
                        let folded = fold(scalar)
                        if folded == scalar {
                            out[w] = b
                            out[w + 1] = bytes[i + 1]
                            out[w + 2] = bytes[i + 2]
                            w += 3
                        } else {
                            out[w] = UInt8(folded.value)
                            w += 1
                        }
                        i += 3
                    } else {
                        out[w] = b
                        w += 1
                        i += 1
                    }
                }
                return w
            }
        }
    }

    /// False when the three-byte sequence led by `b`, `b1` holds no scalar `fold` changes:
    /// those are U+2010–2015 (E2 80), U+2212, U+223C, U+223E (E2 88), U+3000, U+301C (E3 80),
    /// U+FE63 (EF B9) and U+FF01–FF5E (EF BC, EF BD).
    @inline(__always)
    private static func mayFold(_ b: UInt8, _ b1: UInt8) -> Bool {
        switch b {
        case 0xE2: return b1 == 0x80 || b1 == 0x88
        case 0xE3: return b1 == 0x80
        case 0xEF: return b1 == 0xB9 || b1 == 0xBC || b1 == 0xBD
        default: return false
        }
    }

    /// The scalar of the three-byte UTF-8 sequence at `i` (the string is valid UTF-8).
    private static func scalar3(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Unicode.Scalar {
        let v = (UInt32(bytes[i] & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
        return Unicode.Scalar(v) ?? "\u{FFFD}"
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

    /// `text` without leading and trailing tabs and spaces: exactly the scalars Foundation's
    /// `CharacterSet.whitespaces` holds (tab, the space separators, and U+200B), so the
    /// result is `trimmingCharacters(in: .whitespaces)`'s, without Foundation.
    public static func trimmingSpaces(_ text: String) -> String {
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
            default: return false
            }
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
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
        let normalized = normalize(text)
        // Most titles hold no white space: then there is nothing to filter out.
        var s = normalized.unicodeScalars.contains(where: isWhitespace)
            ? String(String.UnicodeScalarView(normalized.unicodeScalars.filter { !isWhitespace($0) }))
            : normalized
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
