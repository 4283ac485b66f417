import Foundation
import SheetModel
import SheetReading

/// A sheet's decoded text, for findings that point at part of a text (`FocusedSpan`). It
/// is split into lines (`SheetDecoder.splitLines`' rules) only when first asked, so a sheet
/// with no such finding pays nothing; then once, whichever rule asks.
public final class SheetSource: @unchecked Sendable {
    private let text: String
    private let lock = NSLock()
    private var table: LineTable?

    public init(text: String) {
        self.text = text
    }

    /// The lines, without their terminators; index 0 is line 1.
    public var lines: [Substring] { Array(lineTable) }

    /// The lines as byte ranges of the text (`LineTable`), found once.
    var lineTable: LineTable {
        lock.lock()
        defer { lock.unlock() }
        if let table { return table }
        let made = LineTable(text)
        table = made
        return made
    }

    /// The last leaf aligned for a focused finding (`FocusedSpan.Alignment`): a check
    /// reports the findings of one leaf one after the other, so one entry suffices, and it
    /// keeps memory bounded to one leaf's alignment.
    private var lastAlignment: FocusedSpan.Alignment?

    /// The span of `text`'s UTF-16 range `range` in this source (`FocusedSpan.Alignment`), with
    /// the leaf's alignment computed once for all findings about it.
    func focusedSpan(ofUTF16 range: Range<Int>, in text: String, leafSpan: SourceSpan, ownSpan: Bool) -> SourceSpan? {
        let lines = lineTable
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

/// A text's lines (`SheetSource.splitLines`' breaks: CRLF, LF, a lone CR) as the byte
/// ranges of each, a `Substring` made only for a line read: a sheet's focused findings read
/// a few of its lines, and an array of every line's `Substring` (each holding the text)
/// cost more than the findings.
struct LineTable: RandomAccessCollection {
    private let text: String
    /// Start and end (before the terminator) byte offsets of each line, in pairs.
    private let bounds: [Int32]

    init(_ text: String) {
        self.text = text
        var bounds: [Int32] = []
        var text = text
        let found = text.withUTF8 { bytes -> Bool in
            guard let start = bytes.baseAddress, bytes.count < Int(Int32.max) else { return false }
            let n = bytes.count
            func find(_ byte: UInt8, from i: Int) -> Int {
                guard i < n, let p = memchr(start + i, Int32(byte), n - i) else { return n }
                return UnsafeRawPointer(p) - UnsafeRawPointer(start)
            }
            var lineStart = 0
            var nextLF = find(0x0A, from: 0), nextCR = find(0x0D, from: 0)
            while true {
                let end = Swift.min(nextLF, nextCR)
                guard end < n else { break }
                bounds.append(Int32(lineStart))
                bounds.append(Int32(end))
                var after = end + 1
                if end == nextCR, after < n, bytes[after] == 0x0A { after += 1 }
                lineStart = after
                if nextLF < after { nextLF = find(0x0A, from: after) }
                if nextCR < after { nextCR = find(0x0D, from: after) }
            }
            bounds.append(Int32(lineStart))
            bounds.append(Int32(n))
            return true
        }
        if !found {
            // Not reached for a sheet (under the size limit); the lines as `splitLines` gives them.
            bounds = []
            for line in SheetSource.splitLines(self.text) {
                let start = self.text.utf8.distance(from: self.text.utf8.startIndex, to: line.startIndex)
                bounds.append(Int32(clamping: start))
                bounds.append(Int32(clamping: start + line.utf8.count))
            }
        }
        self.bounds = bounds
    }

    var startIndex: Int { 0 }
    var endIndex: Int { bounds.count / 2 }

    subscript(i: Int) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: Int(bounds[2 * i]))
        let upper = utf8.index(lower, offsetBy: Int(bounds[2 * i + 1] - bounds[2 * i]))
        return text[lower..<upper]
    }
}
