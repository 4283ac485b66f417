import SheetModel

/// A file's bytes turned into text, with what was learned on the way.
public struct DecodedText: Sendable, Hashable {
    /// The decoded text, byte-order mark removed, line ends kept exactly as in the file.
    public var text: String
    /// The encoding the bytes were read as (detected or forced).
    public var encoding: SheetEncoding
    /// Whether the file started with a byte-order mark (removed from `text`).
    public var hadBOM: Bool
    /// Non-fatal observations, e.g. `truncated` when the last character was cut off.
    public var notes: [ReadNote]

    /// Creates a decoded text; `notes` defaults to none.
    public init(text: String, encoding: SheetEncoding, hadBOM: Bool, notes: [ReadNote] = []) {
        self.text = text
        self.encoding = encoding
        self.hadBOM = hadBOM
        self.notes = notes
    }
}

/// Turns the bytes of a sheet file into text: detects the encoding (UTF-8 with or without
/// BOM, UTF-16 LE/BE with or without BOM, CP932) and refuses binary and empty files.
///
/// Detection order, when no encoding is forced: byte-order mark; UTF-16 by its NUL-byte
/// pattern; valid UTF-8; CP932 if every byte decodes. UTF-8 is tried before CP932 because
/// a CP932 file is almost never valid UTF-8, while the reverse guess would garble UTF-8.
/// Every step is linear in the file size.
public enum SheetDecoder {
    /// Decodes `bytes`, read from `file` (used only in errors and notes).
    ///
    /// - Parameter forced: read the bytes as this encoding instead of detecting it; a
    ///   byte-order mark of that encoding is still removed.
    /// - Throws: `ReadError` of kind `.empty`, `.binary` or `.badEncoding` (with the 1-based
    ///   line and Unicode-scalar column of the first byte that could not be decoded).
    public static func decode(_ bytes: [UInt8], file: String, forced: SheetEncoding? = nil) throws -> DecodedText {
        if bytes.isEmpty { throw emptyError(file) }
        let decoded = try bytes.withUnsafeBufferPointer { b -> DecodedText in
            try rejectKnownBinaryFormats(b, file: file)
            if let forced { return try decodeForced(b, as: forced, file: file) }
            return try detectAndDecode(b, file: file)
        }
        // Whitespace-only (including U+3000 全角スペース) holds no sheet either.
        if decoded.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw emptyError(file)
        }
        return decoded
    }

    /// The byte-order mark at the start of `b`, if any, and its length in bytes.
    static func byteOrderMark(_ b: UnsafeBufferPointer<UInt8>) -> (SheetEncoding, Int)? {
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return (.utf8, 3) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return (.utf16LE, 2) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return (.utf16BE, 2) }
        return nil
    }

    private static func detectAndDecode(_ b: UnsafeBufferPointer<UInt8>, file: String) throws -> DecodedText {
        if let (encoding, length) = byteOrderMark(b) {
            return try decodeKnown(b, as: encoding, from: length, file: file)
        }
        // Without a NUL byte the file is neither UTF-16 by its NUL pattern nor binary by a
        // NUL: one `memchr` answers both (`utf16ByNULPattern` counts NULs, and finds none).
        let hasNUL = containsNUL(b, from: 0)
        if hasNUL, let encoding = utf16ByNULPattern(b) {
            return try decodeKnown(b, as: encoding, from: 0, file: file)
        }
        try rejectBinaryBytes(b, from: 0, file: file, hasNUL: hasNUL)
        // Valid UTF-8 (nearly every sheet) is validated and copied in one pass; only bytes
        // that fail are checked again, by hand, to learn where and how.
        if let text = validUTF8String(b, from: 0) {
            return DecodedText(text: text, encoding: .utf8, hadBOM: false)
        }
        let utf8Failure: Int
        switch validateUTF8(b, from: 0) {
        case .valid:
            return DecodedText(text: utf8String(b, 0..<b.count), encoding: .utf8, hadBOM: false)
        case .truncated(let at):
            // An ASCII prefix gives no evidence for UTF-8; a CP932 file may end in a
            // 2-byte character that merely looks like the start of a UTF-8 sequence.
            if !b[0..<at].contains(where: { $0 >= 0x80 }), case .text(let text) = decodeCP932(b, from: 0) {
                return DecodedText(text: text, encoding: .cp932, hadBOM: false)
            }
            return utf8Truncated(b, from: 0, at: at, hadBOM: false, file: file)
        case .invalid(let at):
            utf8Failure = at
        }
        switch decodeCP932(b, from: 0) {
        case .text(let text):
            return DecodedText(text: text, encoding: .cp932, hadBOM: false)
        case .invalid(let at), .incomplete(let at):
            // Name the position that the more plausible reading (the one that got further) stumbled on.
            if at > utf8Failure {
                throw badEncoding(file, position: cp932Position(b, from: 0, upTo: at), byte: b[at],
                                  tried: "UTF-8・CP932 (Shift_JIS)", triedEn: "UTF-8 or CP932 (Shift_JIS)")
            }
        case .unavailable:
            // Still name the UTF-8 position, but say that CP932 was never tried.
            throw badEncoding(file, position: utf8Position(b, from: 0, upTo: utf8Failure), byte: b[utf8Failure],
                              tried: "UTF-8（この環境の iconv は CP932 に対応していないため CP932 は未確認）",
                              triedEn: "UTF-8 (CP932 was not tried: this system's iconv lacks it)")
        }
        throw badEncoding(file, position: utf8Position(b, from: 0, upTo: utf8Failure), byte: b[utf8Failure],
                          tried: "UTF-8・CP932 (Shift_JIS)", triedEn: "UTF-8 or CP932 (Shift_JIS)")
    }

    private static func decodeForced(_ b: UnsafeBufferPointer<UInt8>, as encoding: SheetEncoding,
                                     file: String) throws -> DecodedText {
        var start = 0
        if let (bomEncoding, length) = byteOrderMark(b) {
            // A mark for another encoding means the forced choice is wrong; reading on would garble every line.
            guard bomEncoding == encoding else {
                throw ReadError(.badEncoding, file: file, position: SourcePosition(line: 1, column: 1),
                                message: "\(encoding.rawValue) が指定されましたが、ファイルは \(bomEncoding.rawValue) のバイト順マーク（BOM）で始まっています",
                                messageEn: "\(encoding.rawValue) was requested, but the file starts with a \(bomEncoding.rawValue) byte-order mark")
            }
            start = length
        }
        return try decodeKnown(b, as: encoding, from: start, file: file)
    }

    /// Decodes `b[start...]` as `encoding`, which is already decided; any failure is an error.
    private static func decodeKnown(_ b: UnsafeBufferPointer<UInt8>, as encoding: SheetEncoding,
                                    from start: Int, file: String) throws -> DecodedText {
        let hadBOM = start > 0
        let name = encoding.rawValue
        switch encoding {
        case .utf8:
            try rejectBinaryBytes(b, from: start, file: file, hasNUL: containsNUL(b, from: start))
            if let text = validUTF8String(b, from: start) {
                return DecodedText(text: text, encoding: .utf8, hadBOM: hadBOM)
            }
            switch validateUTF8(b, from: start) {
            case .valid:
                return DecodedText(text: utf8String(b, start..<b.count), encoding: .utf8, hadBOM: hadBOM)
            case .truncated(let at):
                return utf8Truncated(b, from: start, at: at, hadBOM: hadBOM, file: file)
            case .invalid(let at):
                throw badEncoding(file, position: utf8Position(b, from: start, upTo: at), byte: b[at], tried: name, triedEn: name)
            }
        case .utf16LE, .utf16BE:
            var decoded = try decodeUTF16(b, from: start, bigEndian: encoding == .utf16BE, file: file)
            decoded.hadBOM = hadBOM
            return decoded
        case .cp932:
            try rejectBinaryBytes(b, from: start, file: file, hasNUL: containsNUL(b, from: start))
            switch decodeCP932(b, from: start) {
            case .text(let text):
                return DecodedText(text: text, encoding: .cp932, hadBOM: hadBOM)
            case .invalid(let at), .incomplete(let at):
                throw badEncoding(file, position: cp932Position(b, from: start, upTo: at), byte: b[at], tried: name, triedEn: name)
            case .unavailable(let reason):
                throw cp932Unavailable(file, reason: reason)
            }
        }
    }

    static func emptyError(_ file: String) -> ReadError {
        ReadError(.empty, file: file,
                  message: "ファイルが空です（バイト順マークや空白しかありません）",
                  messageEn: "The file is empty (nothing but a byte-order mark or whitespace)")
    }

    static func badEncoding(_ file: String, position: SourcePosition, byte: UInt8,
                            tried: String, triedEn: String) -> ReadError {
        let hex = "0x" + String(byte, radix: 16, uppercase: true)
        return ReadError(.badEncoding, file: file, position: position,
                         message: "\(tried) として読めないバイト \(hex) があります。UTF-8 で保存し直すか、文字コードを指定してください",
                         messageEn: "Byte \(hex) cannot be read as \(triedEn). Re-save the file as UTF-8 or name its encoding")
    }
}
