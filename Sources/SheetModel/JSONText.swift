/// JSON string literals, shared by every JSON writer (canonical sheets, reports, dumps).
public enum JSONText {
    /// A JSON string literal. RFC 8259 requires escaping only `"`, `\` and U+0000–U+001F;
    /// U+2028/U+2029 are escaped too so the output is also a valid JavaScript literal.
    /// Everything else, Japanese included, is written as is.
    public static func quoted(_ s: String) -> String {
        var out = ""
        appendQuoted(s, to: &out)
        return out
    }

    /// `quoted(s)` appended to `out`. Works on the UTF-8 bytes: a text with nothing to
    /// escape (nearly every one) is appended whole between its quotes, and one that has
    /// something is copied in runs between the escapes. Gives the bytes the former
    /// scalar-by-scalar code gave (`JSONTextTests` keeps it and compares them).
    public static func appendQuoted(_ s: String, to out: inout String) {
        var storage = s
        storage.withUTF8 { bytes in
            guard let first = firstEscape(bytes, from: 0) else {
                out.append("\"")
                out.append(s)
                out.append("\"")
                return
            }
            var buffer: [UInt8] = []
            buffer.reserveCapacity(bytes.count + 16)
            appendQuoted(bytes, firstEscape: first, to: &buffer)
            out.append(String(decoding: buffer, as: UTF8.self))
        }
    }

    /// `quoted(s)` appended to `out` as UTF-8 bytes (the same bytes `appendQuoted(_:to:)`
    /// appends to a string), for writers that build a piece of text as bytes first.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var storage = s
        storage.withUTF8 { bytes in
            appendQuoted(bytes, firstEscape: firstEscape(bytes, from: 0), to: &out)
        }
    }

    /// The literal of `bytes` appended to `out`, its quotes included; `first` is
    /// `firstEscape(bytes, from: 0)`, which the caller has already looked for.
    private static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, firstEscape first: Int?, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var start = 0
        var next = first
        while let at = next {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<at]))
            let byte = bytes[at]
            if byte == 0xE2 {
                // U+2028 or U+2029 (E2 80 A8 / E2 80 A9).
                out.append(contentsOf: bytes[at + 2] == 0xA8 ? Array("\\u2028".utf8) : Array("\\u2029".utf8))
                start = at + 3
            } else {
                appendEscape(byte, to: &out)
                start = at + 1
            }
            next = firstEscape(bytes, from: start)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        out.append(UInt8(ascii: "\""))
    }

    /// The index of the first byte at or after `from` that starts something to escape.
    @inline(__always)
    private static func firstEscape(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = from
        let end = bytes.count
        while i < end {
            let b = bytes[i]
            if b < 0x20 || b == 0x22 || b == 0x5C { return i }
            if b == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
                return i
            }
            i += 1
        }
        return nil
    }

    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
