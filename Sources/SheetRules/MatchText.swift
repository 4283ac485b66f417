/// A text as the patterns of many rules read it: the string (for the required-character
/// scan) and its UTF-16 units (what ICU matches), converted once when first needed and then
/// kept. `SheetTexts` keeps one per text leaf of a sheet, so the leaf's units are made once
/// for every pattern of every rule instead of once per pattern.
///
/// Used by one evaluation on one thread (like `SheetTexts`), hence `@unchecked Sendable`.
final class MatchText: @unchecked Sendable {
    /// The text.
    let string: String
    private var converted: [UInt16]?

    init(_ string: String) {
        self.string = string
    }

    /// The text's UTF-16 code units.
    var units: [UInt16] {
        if let converted { return converted }
        let units = Array(string.utf16)
        converted = units
        return units
    }

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
