import Foundation
import SheetModel
import SheetReading

/// A sheet's decoded text, for findings that point at part of a text (`FocusedSpan`). It
/// is split into lines (`SheetDecoder.splitLines`' rules) only when first asked, so a sheet
/// with no such finding pays nothing; then once, whichever rule asks.
public final class SheetSource: @unchecked Sendable {
    private let text: String
    private let lock = NSLock()
    private var split: [Substring]?

    public init(text: String) {
        self.text = text
    }

    /// The lines, without their terminators; index 0 is line 1.
    public var lines: [Substring] {
        lock.lock()
        defer { lock.unlock() }
        if let split { return split }
        let lines = Self.splitLines(text)
        split = lines
        return lines
    }

    /// The last leaf aligned for a focused finding (`FocusedSpan.Alignment`): a check
    /// reports the findings of one leaf one after the other, so one entry suffices, and it
    /// keeps memory bounded to one leaf's alignment.
    private var lastAlignment: FocusedSpan.Alignment?

    /// The span of `text`'s UTF-16 range `range` in this source (`FocusedSpan.Alignment`), with
    /// the leaf's alignment computed once for all findings about it.
    func focusedSpan(ofUTF16 range: Range<Int>, in text: String, leafSpan: SourceSpan, ownSpan: Bool) -> SourceSpan? {
        let lines = self.lines
        lock.lock()
        defer { lock.unlock() }
        if let last = lastAlignment, last.ownSpan == ownSpan, last.leafSpan == leafSpan, last.text == text {
            return last.span(ofUTF16: range, file: leafSpan.file)
        }
        let alignment = FocusedSpan.Alignment(text, leafSpan: leafSpan, ownSpan: ownSpan, source: lines)
        lastAlignment = alignment
        return alignment.span(ofUTF16: range, file: leafSpan.file)
    }

    /// `SheetDecoder.splitLines(text)` (CRLF, LF and a lone CR each one break), with the
    /// breaks found by `memchr` on the text's UTF-8 storage: a sheet is split when its first
    /// finding about part of a text is placed, and the byte-by-byte split was a tenth of
    /// what the rule engine spent on a sheet beside its checks.
    static func splitLines(_ text: String) -> [Substring] {
        let lines = text.utf8.withContiguousStorageIfAvailable { bytes -> [Substring] in
            guard let start = bytes.baseAddress else { return [text[...]] }
            let n = bytes.count
            let utf8 = text.utf8
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            func find(_ byte: UInt8, from i: Int) -> Int {
                guard i < n, let p = memchr(start + i, Int32(byte), n - i) else { return n }
                return UnsafeRawPointer(p) - UnsafeRawPointer(start)
            }
            var lines: [Substring] = []
            var lineStart = 0
            var nextLF = find(0x0A, from: 0), nextCR = find(0x0D, from: 0)
            while true {
                let end = min(nextLF, nextCR)
                guard end < n else { break }
                lines.append(text[index(lineStart)..<index(end)])
                var after = end + 1
                if end == nextCR, after < n, bytes[after] == 0x0A { after += 1 }
                lineStart = after
                if nextLF < after { nextLF = find(0x0A, from: after) }
                if nextCR < after { nextCR = find(0x0D, from: after) }
            }
            lines.append(text[index(lineStart)..<text.endIndex])
            return lines
        }
        return lines ?? SheetDecoder.splitLines(text)
    }
}
