/// What the `date` and `era-year` expressions need of a text, read in one pass over its
/// UTF-8 bytes as written: whether it may hold a decimal digit and whether it holds `/`,
/// `月`, `年`, `(` and `)`. Normalization folds `／（）` to `/()` and touches none of the
/// others (it folds full-width ASCII, spaces, dashes and tildes, to ASCII), so the facts of
/// a text as written are those of its normalized copy: a text that lacks what every
/// expression of a check needs is passed over before it is normalized or converted.
///
/// Worked out once per text leaf and sheet (`SheetTexts.dateFacts`).
struct DateFacts: OptionSet, Sendable {
    let rawValue: UInt8
    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// May hold a decimal digit: exactly `MatchText.mayHoldDigit`.
    static let digit = DateFacts(rawValue: 1 << 0)
    /// `/` or `／`.
    static let slash = DateFacts(rawValue: 1 << 1)
    /// `月`.
    static let month = DateFacts(rawValue: 1 << 2)
    /// `年`.
    static let year = DateFacts(rawValue: 1 << 3)
    /// `(` or `（`.
    static let open = DateFacts(rawValue: 1 << 4)
    /// `)` or `）`.
    static let close = DateFacts(rawValue: 1 << 5)
    /// A code point beyond the BMP: such a text goes to the engine, as before (see
    /// `DateScanner.matches`), whatever else it holds.
    static let beyondBMP = DateFacts(rawValue: 1 << 6)
    /// Set on every computed value, so that a table of them can tell "none" from "not yet".
    static let known = DateFacts(rawValue: 1 << 7)

    /// The facts of `text`. Digits as `MatchText.facts` finds them: ASCII ones, other code
    /// points of the BMP by `DateScanner.isDigit` (three-byte sequences led by E3–E9, CJK
    /// symbols, kana and ideographs, hold none), and every code point beyond the BMP.
    init(_ text: String) {
        var text = text
        rawValue = text.withUTF8 { bytes -> UInt8 in
            var found: UInt8 = DateFacts.known.rawValue
            var i = 0
            let n = bytes.count
            let kinds = Self.leadKinds
            while i < n {
                let b = bytes[i]
                switch kinds[Int(b)] {
                case 0:
                    i += 1
                case 1:
                    found |= DateFacts.digit.rawValue
                    i += 1
                case 2:
                    found |= DateFacts.slash.rawValue
                    i += 1
                case 3:
                    found |= DateFacts.open.rawValue
                    i += 1
                case 4:
                    found |= DateFacts.close.rawValue
                    i += 1
                case 5:
                    i += 3
                case 6:
                    // 年 E5 B9 B4.
                    if i + 2 < n && bytes[i + 1] == 0xB9 && bytes[i + 2] == 0xB4 { found |= DateFacts.year.rawValue }
                    i += 3
                case 7:
                    // 月 E6 9C 88.
                    if i + 2 < n && bytes[i + 1] == 0x9C && bytes[i + 2] == 0x88 { found |= DateFacts.month.rawValue }
                    i += 3
                case 8:
                    found |= DateFacts.digit.rawValue | DateFacts.beyondBMP.rawValue
                    i += 4
                default:
                    let length = b >= 0xE0 ? 3 : 2
                    var v = UInt32(b) & (length == 2 ? 0x1F : 0x0F)
                    for k in 1..<length where i + k < n { v = (v << 6) | (UInt32(bytes[i + k]) & 0x3F) }
                    switch v {
                    case 0xFF0F: found |= DateFacts.slash.rawValue
                    case 0xFF08: found |= DateFacts.open.rawValue
                    case 0xFF09: found |= DateFacts.close.rawValue
                    default: if found & DateFacts.digit.rawValue == 0 && DateScanner.isDigit(v) { found |= DateFacts.digit.rawValue }
                    }
                    i += length
                }
            }
            return found
        }
    }

    /// What the scan does at each byte: 0 pass (ASCII), 1 a digit, 2 `/`, 3 `(`, 4 `)`; 5 pass
    /// a three-byte sequence led by E3, E4 or E7–E9 (U+3000–U+4FFF, U+7000–U+9FFF: CJK
    /// symbols, kana, ideographs, none a digit), 6 one led by E5 (`年`?), 7 one led by E6
    /// (`月`?); 8 a four-byte sequence (beyond the BMP); 9 decode the code point.
    private static let leadKinds: [UInt8] = (0..<256).map { b -> UInt8 in
        switch b {
        case 0x30...0x39: return 1
        case 0x2F: return 2
        case 0x28: return 3
        case 0x29: return 4
        case 0..<0x80: return 0
        case 0xE3, 0xE4, 0xE7, 0xE8, 0xE9: return 5
        case 0xE5: return 6
        case 0xE6: return 7
        case 0xF0...: return 8
        default: return 9
        }
    }
}

/// Era names as UTF-8 bytes, for asking whether a text as written holds one, when that
/// answers the same question for its normalized copy: when no name holds ASCII or a
/// character normalization folds (then an occurrence is made of characters normalization
/// leaves as they are, in either text). nil otherwise (a name such as `Ｈ` or `H`).
struct EraNameBytes: Sendable {
    let names: [[UInt8]]

    init?(_ names: [String]) {
        guard !names.isEmpty else { return nil }
        for name in names {
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.value >= 0x80 && TextNormalization.fold($0) == $0 }) else {
                return nil
            }
        }
        self.names = names.map { Array($0.utf8) }
    }

    /// True when `text` holds one of the names.
    func occur(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            names.contains { name in
                let m = name.count, n = bytes.count
                guard m <= n else { return false }
                let first = name[0]
                var i = 0
                while i <= n - m {
                    if bytes[i] == first {
                        var j = 1
                        while j < m && bytes[i + j] == name[j] { j += 1 }
                        if j == m { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
