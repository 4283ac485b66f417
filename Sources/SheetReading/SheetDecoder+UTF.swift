import SheetModel

/// UTF-8 and UTF-16: validation that reports where it failed, and decoding.
extension SheetDecoder {
    /// Outcome of checking bytes (or code units) against an encoding.
    enum Validity: Equatable {
        case valid
        /// The sequence starting at this offset is malformed.
        case invalid(at: Int)
        /// The sequence starting at this offset is well-formed so far but the input ends.
        case truncated(at: Int)
    }

    /// Checks `b[start...]` against the Unicode well-formed UTF-8 table (Unicode 15, table 3-7).
    /// Written by hand because the standard library only says *whether* bytes are valid,
    /// and the user needs to know *where* they are not.
    static func validateUTF8(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Validity {
        var i = start
        let n = b.count
        while i < n {
            let lead = b[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF  // allowed range of the second byte
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0          // no overlong forms
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F         // no surrogates
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F         // nothing above U+10FFFF
            default: return .invalid(at: i)
            }
            for k in 1..<length {
                if i + k >= n { return .truncated(at: i) }
                let byte = b[i + k]
                let ok = k == 1 ? (low...high).contains(byte) : (0x80...0xBF).contains(byte)
                if !ok { return .invalid(at: i) }
            }
            i += length
        }
        return .valid
    }

    /// The text of `b[start...]` when it is valid UTF-8 (validated and copied by the
    /// standard library in one pass, the same string `utf8String` makes of valid bytes);
    /// nil when it is not, and `validateUTF8` must tell where.
    static func validUTF8String(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> String? {
        String(validating: UnsafeBufferPointer(rebasing: b[start...]), as: UTF8.self)
    }

    /// Decodes bytes already known to be valid UTF-8.
    static func utf8String(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self)
    }

    /// Position of byte `end` in valid UTF-8 `b[start..<end]`.
    static func utf8Position(_ b: UnsafeBufferPointer<UInt8>, from start: Int, upTo end: Int) -> SourcePosition {
        var counter = LineCounter()
        for i in start..<end { counter.feed(UInt32(b[i]), startsScalar: b[i] & 0xC0 != 0x80) }
        return counter.position
    }

    /// The text before an incomplete final UTF-8 sequence, with a `truncated` note.
    static func utf8Truncated(_ b: UnsafeBufferPointer<UInt8>, from start: Int, at cut: Int,
                              hadBOM: Bool, file: String) -> DecodedText {
        let note = truncatedNote(file, at: utf8Position(b, from: start, upTo: cut),
                                 dropped: b.count - cut, encoding: "UTF-8")
        return DecodedText(text: utf8String(b, start..<cut), encoding: .utf8, hadBOM: hadBOM, notes: [note])
    }

    /// A zero-width note where the cut-off character would have started.
    static func truncatedNote(_ file: String, at position: SourcePosition, dropped: Int, encoding: String) -> ReadNote {
        ReadNote(code: "truncated",
                 message: "ファイルの末尾で文字が途中で切れています（\(encoding) の不完全な \(dropped) バイトを無視しました）",
                 messageEn: "The file ends in the middle of a character (ignored \(dropped) byte(s) of an incomplete \(encoding) sequence)",
                 span: SourceSpan(file: file, start: position, end: position))
    }

    /// UTF-16 without a byte-order mark, recognised by its NUL bytes: ASCII characters
    /// (pipes, tags, digits — plentiful in a Markdown sheet) have a 00 high byte, so NULs
    /// pile up at odd offsets (LE) or even offsets (BE) and almost never at the other.
    static func utf16ByNULPattern(_ b: UnsafeBufferPointer<UInt8>) -> SheetEncoding? {
        let pairs = b.count / 2
        guard pairs > 0 else { return nil }
        var even = 0, odd = 0
        for i in 0..<(pairs * 2) where b[i] == 0 {
            if i & 1 == 0 { even += 1 } else { odd += 1 }
        }
        // At least 1 in 10 characters ASCII, and the other parity nearly clean (binary has both).
        let threshold = max(1, pairs / 10)
        if odd >= threshold, even * 20 <= odd { return .utf16LE }
        if even >= threshold, odd * 20 <= even { return .utf16BE }
        return nil
    }

    /// Decodes `b[start...]` as UTF-16. An odd last byte or a lone high surrogate at the very
    /// end is a cut-off character (note); an unpaired surrogate elsewhere is an error.
    static func decodeUTF16(_ b: UnsafeBufferPointer<UInt8>, from start: Int, bigEndian: Bool,
                            file: String) throws -> DecodedText {
        let count = (b.count - start) / 2
        var units = [UInt16](repeating: 0, count: count)
        for k in 0..<count {
            let first = UInt16(b[start + 2 * k]), second = UInt16(b[start + 2 * k + 1])
            units[k] = bigEndian ? first << 8 | second : second << 8 | first
        }
        try units.withUnsafeBufferPointer { try rejectBinary($0, file: file) }
        let encoding: SheetEncoding = bigEndian ? .utf16BE : .utf16LE
        // Validate and transcode to UTF-8 in one pass: String(decoding:as: UTF16.self) takes
        // a generic path that is several times slower than building from UTF-8.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(count * 3)
        var end = count
        var k = 0
        while k < count {
            var scalar = UInt32(units[k])
            if (0xD800...0xDBFF).contains(scalar) {
                if k + 1 == count { end = k; break }
                guard (0xDC00...0xDFFF).contains(units[k + 1]) else { throw utf16Error(file, units, upTo: k, encoding: encoding) }
                scalar = 0x10000 + (scalar - 0xD800) << 10 + (UInt32(units[k + 1]) - 0xDC00)
                k += 1
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw utf16Error(file, units, upTo: k, encoding: encoding)
            }
            appendUTF8(scalar, to: &utf8)
            k += 1
        }
        let text = String(decoding: utf8, as: UTF8.self)
        let dropped = (b.count - start) - end * 2
        var notes: [ReadNote] = []
        if dropped > 0 {
            notes.append(truncatedNote(file, at: utf16Position(units, upTo: end), dropped: dropped, encoding: encoding.rawValue))
        }
        return DecodedText(text: text, encoding: encoding, hadBOM: false, notes: notes)
    }

    private static func appendUTF8(_ scalar: UInt32, to utf8: inout [UInt8]) {
        switch scalar {
        case ..<0x80: utf8.append(UInt8(scalar))
        case ..<0x800: utf8.append(contentsOf: [0xC0 | UInt8(scalar >> 6), 0x80 | UInt8(scalar & 0x3F)])
        case ..<0x10000:
            utf8.append(contentsOf: [0xE0 | UInt8(scalar >> 12), 0x80 | UInt8(scalar >> 6 & 0x3F), 0x80 | UInt8(scalar & 0x3F)])
        default:
            utf8.append(contentsOf: [0xF0 | UInt8(scalar >> 18), 0x80 | UInt8(scalar >> 12 & 0x3F),
                                     0x80 | UInt8(scalar >> 6 & 0x3F), 0x80 | UInt8(scalar & 0x3F)])
        }
    }

    private static func utf16Position(_ units: [UInt16], upTo end: Int) -> SourcePosition {
        var counter = LineCounter()
        for k in 0..<end { counter.feed(UInt32(units[k]), startsScalar: !(0xDC00...0xDFFF).contains(units[k])) }
        return counter.position
    }

    private static func utf16Error(_ file: String, _ units: [UInt16], upTo k: Int, encoding: SheetEncoding) -> ReadError {
        let hex = "0x" + String(units[k], radix: 16, uppercase: true)
        return ReadError(.badEncoding, file: file, position: utf16Position(units, upTo: k),
                         message: "\(encoding.rawValue) として読めない対になっていないサロゲート \(hex) があります",
                         messageEn: "Unpaired surrogate \(hex) cannot be read as \(encoding.rawValue)")
    }
}
