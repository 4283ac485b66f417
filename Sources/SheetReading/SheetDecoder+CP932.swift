#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SheetModel

/// CP932 (Shift_JIS with Microsoft's extensions) through the C library's iconv.
///
/// Foundation's `.shiftJIS` is not used: on Linux it is not the Windows-31J table the
/// sheets are written in (NEC/IBM extensions such as ① and ㈱ are common in them), and it
/// cannot say where decoding failed. glibc ships CP932 as a gconv module.
extension SheetDecoder {
    /// Outcome of a CP932 conversion.
    enum CP932Result: Equatable {
        case text(String)
        /// No CP932 character starts with the byte at this offset.
        case invalid(at: Int)
        /// The input ends inside the two-byte character starting at this offset.
        case incomplete(at: Int)
        /// iconv cannot convert CP932 here (reason given).
        case unavailable(String)
    }

    /// Converts `b[start...]` from CP932 to a String.
    static func decodeCP932(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> CP932Result {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        let descriptor = iconv_open("UTF-8", "CP932")
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else {
            return .unavailable("iconv_open(\"UTF-8\", \"CP932\") failed, errno \(errno)")
        }
        defer { iconv_close(descriptor) }
        let total = b.count - start
        guard total > 0, let base = b.baseAddress else { return .text("") }
        var input: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base + start)
            .assumingMemoryBound(to: CChar.self)  // iconv's prototype is not const; it only reads input
        var inputLeft = total
        var utf8: [UInt8] = []
        utf8.reserveCapacity(total * 3 / 2)
        // Convert in chunks so no output size has to be guessed; E2BIG just means "next chunk".
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while inputLeft > 0 {
            var outputLeft = chunk.count
            let failure: Int32? = chunk.withUnsafeMutableBytes { raw in
                var output: UnsafeMutablePointer<CChar>? = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                let result = iconv(descriptor, &input, &inputLeft, &output, &outputLeft)
                return result == -1 ? errno : nil
            }
            utf8.append(contentsOf: chunk[0..<(chunk.count - outputLeft)])
            guard let failure, failure != E2BIG else { continue }
            let offset = start + total - inputLeft
            return failure == EINVAL ? .incomplete(at: offset) : .invalid(at: offset)
        }
        return .text(String(decoding: utf8, as: UTF8.self))
        #else
        return .unavailable("iconv is not available on this platform")
        #endif
    }

    /// Position of byte `end` in `b[start..<end]`, which decoded cleanly as CP932.
    /// Bytes 81–9F and E0–FC lead a two-byte character whose second byte may look like
    /// ASCII (40–7E), so the bytes are walked character by character.
    static func cp932Position(_ b: UnsafeBufferPointer<UInt8>, from start: Int, upTo end: Int) -> SourcePosition {
        var counter = LineCounter()
        var i = start
        while i < end {
            let byte = b[i]
            counter.feed(UInt32(byte), startsScalar: true)
            i += (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte) ? 2 : 1
        }
        return counter.position
    }

    static func cp932Unavailable(_ file: String, reason: String) -> ReadError {
        ReadError(.badEncoding, file: file,
                  message: "この環境では CP932 (Shift_JIS) を変換できません（\(reason)）。UTF-8 で保存し直してください",
                  messageEn: "CP932 (Shift_JIS) cannot be converted on this system (\(reason)). Re-save the file as UTF-8")
    }
}
