/// ICU's `\p{Han}` (Script=Han) without the engine: the code points the toolchain's ICU
/// gives that property, as ranges. `HanScriptTests` compares this table with ICU's own
/// `\p{Han}` on every code point, so a toolchain whose ICU assigns the script differently
/// fails the tests instead of changing a result.
enum HanScript {
    /// The ranges, in order (ICU 76 as shipped with the toolchain).
    static let ranges: [ClosedRange<UInt32>] = [
        0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x3005...0x3005, 0x3007...0x3007, 0x3021...0x3029,
        0x3038...0x303B, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFA6D, 0xFA70...0xFAD9, 0x16FE2...0x16FE3,
        0x16FF0...0x16FF1, 0x20000...0x2A6DF, 0x2A700...0x2B739, 0x2B740...0x2B81D, 0x2B820...0x2CEA1,
        0x2CEB0...0x2EBE0, 0x2EBF0...0x2EE5D, 0x2F800...0x2FA1D, 0x30000...0x3134A, 0x31350...0x323AF,
    ]

    /// True when the code point `v` is in `\p{Han}`.
    static func contains(_ v: UInt32) -> Bool {
        // The unified ideographs first: nearly every Han character of a sheet.
        if v >= 0x4E00 { if v <= 0x9FFF { return true } } else if v < 0x2E80 { return false }
        for r in ranges where v <= r.upperBound { return v >= r.lowerBound }
        return false
    }
}
