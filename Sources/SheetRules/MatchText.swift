/// A text as the patterns of many rules read it: the string (for the required-character
/// scan) and its UTF-16 units (what ICU matches), converted once when first needed and then
/// kept. `SheetTexts` keeps one per text leaf of a sheet, so the leaf's units are made once
/// for every pattern of every rule instead of once per pattern.
///
/// Used by one evaluation on one thread (like `SheetTexts`), hence `@unchecked Sendable`.
final class MatchText: @unchecked Sendable {
    /// The text.
    let string: String
    @exclusivity(unchecked) private var converted: [UInt16]?

    init(_ string: String) {
        self.string = string
    }

    /// The text's UTF-16 code units.
    var units: [UInt16] {
        if let converted { return converted }
        let units = Self.utf16(string)
        converted = units
        return units
    }

    /// `Array(text.utf16)`, transcoded from the UTF-8 bytes by hand (the standard library
    /// took ~70 instructions a character).
    static func utf16(_ text: String) -> [UInt16] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt16] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    out.append(UInt16(b))
                    i += 1
                } else if b < 0xE0 {
                    out.append(UInt16(b & 0x1F) << 6 | UInt16(bytes[i + 1] & 0x3F))
                    i += 2
                } else if b < 0xF0 {
                    out.append(UInt16(b & 0x0F) << 12 | UInt16(bytes[i + 1] & 0x3F) << 6 | UInt16(bytes[i + 2] & 0x3F))
                    i += 3
                } else {
                    let v = UInt32(b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    out.append(UInt16(0xD800 + ((v - 0x10000) >> 10)))
                    out.append(UInt16(0xDC00 + ((v - 0x10000) & 0x3FF)))
                    i += 4
                }
            }
            return out
        }
    }

    /// False when the text holds no decimal digit (ICU's `\d`), worked out once.
    var mayHoldDigit: Bool { facts.mayHoldDigit }

    /// True when every code point of the text is in the BMP (no surrogate pair).
    var isBMP: Bool { facts.isBMP }

    @exclusivity(unchecked) private var knownFacts: (mayHoldDigit: Bool, isBMP: Bool)?
    private var facts: (mayHoldDigit: Bool, isBMP: Bool) {
        if let knownFacts { return knownFacts }
        let found = Self.facts(string)
        knownFacts = found
        return found
    }

    /// `facts(text).mayHoldDigit`.
    static func mayHoldDigit(_ text: String) -> Bool { facts(text).mayHoldDigit }

    /// One scan of the UTF-8 bytes: whether the text may hold a decimal digit, and whether it
    /// is all BMP. Three-byte sequences led by E3–E9 (U+3000–U+9FFF: CJK symbols, kana,
    /// ideographs, none a decimal digit) are skipped without decoding. A code point beyond
    /// the BMP counts as a possible digit: the standard library's Unicode data is newer than
    /// ICU's there (U+11DE0 is a digit to one, not the other).
    static func facts(_ text: String) -> (mayHoldDigit: Bool, isBMP: Bool) {
        var text = text
        return text.withUTF8 { bytes in
            var digit = false, bmp = true
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if b >= 0x30 && b <= 0x39 { digit = true }
                    i += 1
                } else if b >= 0xE3 && b <= 0xE9 {
                    i += 3
                } else if b >= 0xF0 {
                    digit = true
                    bmp = false
                    i += 4
                } else {
                    if !digit {
                        let length = b >= 0xE0 ? 3 : 2
                        var v = UInt32(b) & (length == 2 ? 0x1F : 0x0F)
                        for k in 1..<length where i + k < n { v = (v << 6) | (UInt32(bytes[i + k]) & 0x3F) }
                        if DateScanner.isDigit(v) { digit = true }
                    }
                    i += b >= 0xE0 ? 3 : 2
                }
            }
            return (digit, bmp)
        }
    }

    /// Which code points the text holds, hashed into 256 bits (see `ScalarMask`), made
    /// once.
    var scalarMask: ScalarMask {
        if let knownMask { return knownMask }
        let mask = ScalarMask(string)
        knownMask = mask
        return mask
    }
    @exclusivity(unchecked) private var knownMask: ScalarMask?

    /// The number of UTF-16 code units.
    var utf16Count: Int { units.count }

    /// The text of the UTF-16 range `range`.
    func substring(_ range: Range<Int>) -> String { Self.string(units, range) }

    /// `String(decoding: units[range], as: UTF16.self)`, transcoded by hand: the standard
    /// library's generic path for UTF-16 input cost ~3,000 instructions per short string.
    /// Ill-formed units (a lone surrogate) become U+FFFD, as `String(decoding:as:)` makes them.
    static func string(_ units: [UInt16], _ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 3)
        var i = range.lowerBound
        while i < range.upperBound {
            let u = units[i]
            var scalar = UInt32(u)
            if u >= 0xD800 && u <= 0xDFFF {
                if u <= 0xDBFF, i + 1 < range.upperBound, units[i + 1] >= 0xDC00, units[i + 1] <= 0xDFFF {
                    scalar = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                    i += 1
                } else {
                    scalar = 0xFFFD
                }
            }
            i += 1
            switch scalar {
            case 0..<0x80:
                bytes.append(UInt8(scalar))
            case 0x80..<0x800:
                bytes.append(UInt8(0xC0 | (scalar >> 6)))
                bytes.append(UInt8(0x80 | (scalar & 0x3F)))
            case 0x800..<0x10000:
                bytes.append(UInt8(0xE0 | (scalar >> 12)))
                bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (scalar & 0x3F)))
            default:
                bytes.append(UInt8(0xF0 | (scalar >> 18)))
                bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value of the decimal digits in `range` (what ICU's `\d` matched): `Int(text)`
    /// for ASCII digits; other decimal digits (`٣`, `३`) count by their digit value, where
    /// `Int(_:)` gave nil and a check unwrapping it crashed. nil when a unit is not a digit.
    func digitsValue(_ range: Range<Int>) -> Int? {
        let units = self.units
        var value = 0
        if range.allSatisfy({ (0x30...0x39).contains(units[$0]) }) {
            guard !range.isEmpty, range.count <= 18 else { return range.isEmpty ? nil : Int(substring(range)) }
            for i in range { value = value * 10 + Int(units[i] - 0x30) }
            return value
        }
        guard range.count <= 18 else { return nil }
        for scalar in substring(range).unicodeScalars {
            guard scalar.properties.numericType == .decimal, let v = scalar.properties.numericValue else { return nil }
            value = value * 10 + Int(v)
        }
        return value
    }
}

/// A set of code points hashed into 256 bits (the low 8 bits of each): a code point whose
/// bit is clear is certainly not in the text; one whose bit is set may be. Made in one pass
/// over the UTF-8 bytes, it lets the patterns of every rule rule a text out in a few
/// instructions instead of searching it once per pattern (`RequiredLiterals.admits`).
struct ScalarMask: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ text: String) {
        var text = text
        // Only the low 8 bits of each code point count: they are read from the last one or
        // two bytes of its UTF-8 form, without decoding the rest.
        withUnsafeMutablePointer(to: &bits) { tuple in
            tuple.withMemoryRebound(to: UInt64.self, capacity: 4) { words in
                text.withUTF8 { bytes in
                    guard let p = bytes.baseAddress else { return }
                    let n = bytes.count
                    var i = 0
                    while i < n {
                        let b = p[i]
                        let low: UInt8
                        if b < 0x80 {
                            low = b
                            i += 1
                        } else if b < 0xE0 {
                            low = (b & 0x03) << 6 | (p[i + 1] & 0x3F)
                            i += 2
                        } else if b < 0xF0 {
                            low = (p[i + 1] & 0x03) << 6 | (p[i + 2] & 0x3F)
                            i += 3
                        } else {
                            low = (p[i + 2] & 0x03) << 6 | (p[i + 3] & 0x3F)
                            i += 4
                        }
                        words[Int(low >> 6)] |= 1 << UInt64(low & 63)
                    }
                }
            }
        }
    }

    /// The mask of these code points.
    init(codePoints: some Sequence<UInt32>) {
        withUnsafeMutablePointer(to: &bits) { tuple in
            tuple.withMemoryRebound(to: UInt64.self, capacity: 4) { words in
                for v in codePoints { words[Int((v >> 6) & 3)] |= 1 << UInt64(v & 63) }
            }
        }
    }

    /// False when no code point of one set can be in the other.
    func intersects(_ other: ScalarMask) -> Bool {
        bits.0 & other.bits.0 != 0 || bits.1 & other.bits.1 != 0 || bits.2 & other.bits.2 != 0 || bits.3 & other.bits.3 != 0
    }

    /// False when the text certainly does not hold `v`.
    func mayContain(_ v: UInt32) -> Bool {
        let bit = UInt64(1) << UInt64(v & 63)
        switch (v >> 6) & 3 {
        case 0: return bits.0 & bit != 0
        case 1: return bits.1 & bit != 0
        case 2: return bits.2 & bit != 0
        default: return bits.3 & bit != 0
        }
    }
}
