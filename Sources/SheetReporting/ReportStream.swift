#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A report written to its destination as it is rendered, through a 64 KiB buffer, instead
/// of held whole: the JSON report of 20,000 sheets is 91 MB.
///
/// Reporters write into any `TextOutputStream` (`render(_:to:)`); their `render(_:)` writes
/// into a `String` by the same code, so both give the same bytes. The destination is a
/// function given each full buffer (and the rest at `finish()`): standard output, or an
/// `AtomicOutput.File` that becomes the output file only once the whole report is written.
/// After the destination first refuses bytes nothing more is sent to it; `failed` says so.
public final class ReportStream: TextOutputStream {
    /// Bytes kept before they are handed on.
    public static let bufferSize = 1 << 16

    private var buffer: [UInt8] = []
    private let sink: (UnsafeRawBufferPointer) -> Bool
    /// True once the destination refused bytes.
    public private(set) var failed = false

    /// A stream handing its bytes to `sink`, which returns false when it cannot take them.
    public init(sink: @escaping (UnsafeRawBufferPointer) -> Bool) {
        self.sink = sink
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// A stream to the open file descriptor `fd` (standard output: 1), written with
    /// `write(2)`; an error (a closed pipe) stops the writing, as it stops `print`.
    public static func fileDescriptor(_ fd: Int32) -> ReportStream {
        ReportStream { bytes in
            var done = 0
            while done < bytes.count {
                let n = SystemCall.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }

    public func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// `write(String(decoding: bytes, as: UTF8.self))` for valid UTF-8 `bytes`, without
    /// making the string (writers that build their text as bytes: `JSONValue.write`).
    public func write(utf8 bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Hands on what is buffered. Call once the report is complete.
    public func finish() { flush() }

    private func flush() {
        guard !buffer.isEmpty else { return }
        if !failed { failed = !buffer.withUnsafeBytes(sink) }
        buffer.removeAll(keepingCapacity: true)
    }
}
