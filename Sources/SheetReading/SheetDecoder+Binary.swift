#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SheetModel

/// Refusing files that are not text, before they turn into a screen of mojibake findings.
extension SheetDecoder {
    /// Share of control characters (other than tab, LF, CR and form feed) above which a
    /// file is taken for binary: 1 in 10. Text sheets have practically none; binaries
    /// without NUL bytes still have far more.
    static let binaryControlShare = 10

    /// Formats users are likely to pass by mistake (the sheets are published as PDF and
    /// Excel), recognised by their first bytes so the message can say what to do instead.
    static func rejectKnownBinaryFormats(_ b: UnsafeBufferPointer<UInt8>, file: String) throws {
        func starts(with magic: [UInt8]) -> Bool { b.count >= magic.count && zip(b, magic).allSatisfy { $0 == $1 } }
        let kind: (ja: String, en: String)
        if starts(with: Array("%PDF-".utf8)) {
            kind = ("PDF ファイルです。Markdown に変換してから渡してください", "a PDF file; convert it to Markdown first")
        } else if starts(with: [0x50, 0x4B, 0x03, 0x04]) || starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            kind = ("Excel・Word 形式のようです。Markdown に変換してから渡してください",
                    "an Excel or Word document; convert it to Markdown first")
        } else {
            return
        }
        throw ReadError(.binary, file: file, message: "バイナリファイルのようです（\(kind.ja)）",
                        messageEn: "This looks like a binary file (\(kind.en))")
    }

    /// Checks raw bytes of an ASCII-compatible encoding (UTF-8, CP932). In both, bytes
    /// below 0x20 only ever stand for control characters, so no decoding is needed —
    /// which matters because a binary file should be called binary, not badly encoded.
    ///
    /// `hasNUL` is `containsNUL(b, from: start)`, worked out by the caller: without a NUL,
    /// the control characters are counted eight bytes at a time (`controlCount`), which
    /// counts what `rejectBinary` counts.
    static func rejectBinaryBytes(_ b: UnsafeBufferPointer<UInt8>, from start: Int, file: String, hasNUL: Bool) throws {
        let bytes = UnsafeBufferPointer(rebasing: b[start...])
        if hasNUL { return try rejectBinary(bytes, file: file) }
        let controls = controlCount(bytes)
        if controls > 0, controls * binaryControlShare > bytes.count { throw controlsError(file, controls) }
    }

    /// Whether `b[start...]` holds a NUL byte.
    static func containsNUL(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        guard let base = b.baseAddress, start < b.count else { return false }
        return memchr(base + start, 0, b.count - start) != nil
    }

    /// The number of bytes `rejectBinary` counts as control characters: below 0x20 but
    /// for tab, LF, form feed and CR, and DEL. A word of eight bytes none of which is below
    /// 0x20 or equal to 0x7F (most of a text file: LF comes once a line) is skipped whole.
    static func controlCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let n = bytes.count
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var controls = 0, i = 0
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // Some byte below 0x20, or some byte equal to 0x7F (exact as a yes/no answer).
            let below = (w &- ones &* 0x20) & ~w & highs
            let x = w ^ (ones &* 0x7F)
            let del = (x &- ones) & ~x & highs
            if below | del != 0 {
                for k in i..<(i + 8) where isControl(base[k]) { controls += 1 }
            }
            i += 8
        }
        while i < n {
            if isControl(base[i]) { controls += 1 }
            i += 1
        }
        return controls
    }

    @inline(__always)
    private static func isControl<Unit: FixedWidthInteger>(_ unit: Unit) -> Bool {
        (unit < 0x20 && unit != 0x09 && unit != 0x0A && unit != 0x0C && unit != 0x0D) || unit == 0x7F
    }

    private static func controlsError(_ file: String, _ controls: Int) -> ReadError {
        ReadError(.binary, file: file,
                  message: "バイナリファイルのようです（制御文字が \(controls) 個あります）。シートはテキスト（Markdown・YAML・JSON）で渡してください",
                  messageEn: "This looks like a binary file (\(controls) control characters). Give the sheet as text (Markdown, YAML or JSON)")
    }

    /// Checks code units (bytes, or UTF-16 units: a control character or NUL is always one
    /// whole unit, so neither encoding needs decoding first).
    static func rejectBinary<Unit: FixedWidthInteger>(_ units: UnsafeBufferPointer<Unit>, file: String) throws {
        var total = 0, controls = 0
        for unit in units {
            total += 1
            if unit == 0 {
                throw ReadError(.binary, file: file,
                                message: "バイナリファイルのようです（NUL バイトを含みます）。シートはテキスト（Markdown・YAML・JSON）で渡してください",
                                messageEn: "This looks like a binary file (it contains NUL bytes). Give the sheet as text (Markdown, YAML or JSON)")
            }
            // C0 controls and DEL, except tab (09), LF (0A), form feed (0C) and CR (0D).
            if isControl(unit) { controls += 1 }
        }
        if controls > 0, controls * binaryControlShare > total { throw controlsError(file, controls) }
    }
}
