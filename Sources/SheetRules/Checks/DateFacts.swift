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
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    switch b {
                    case 0x30...0x39: found |= DateFacts.digit.rawValue
                    case 0x2F: found |= DateFacts.slash.rawValue
                    case 0x28: found |= DateFacts.open.rawValue
                    case 0x29: found |= DateFacts.close.rawValue
                    default: break
                    }
                    i += 1
                } else if b >= 0xE3 && b <= 0xE9 {
                    // 月 E6 9C 88, 年 E5 B9 B4.
                    if i + 2 < n {
                        if b == 0xE6 && bytes[i + 1] == 0x9C && bytes[i + 2] == 0x88 {
                            found |= DateFacts.month.rawValue
                        } else if b == 0xE5 && bytes[i + 1] == 0xB9 && bytes[i + 2] == 0xB4 {
                            found |= DateFacts.year.rawValue
                        }
                    }
                    i += 3
                } else if b >= 0xF0 {
                    found |= DateFacts.digit.rawValue | DateFacts.beyondBMP.rawValue
                    i += 4
                } else {
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
