#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SheetModel

/// Reads the published form of a sheet: Markdown pipe tables whose cells hold inline HTML,
/// as produced by PDF-to-Markdown converters. Content is recognised by its words and
/// shapes (section headings, header rows, 総合計画/基本政策 labels, codes, markers), not by
/// column positions, and no cell is ever dropped.
public enum MarkdownSheetReader {
    /// Reads `text` (already decoded) as a sheet. Never fails: what cannot be placed in
    /// the model is reported in `Sheet.notes`.
    public static func read(text: String, file: String) -> Sheet {
        var parser = MarkdownSheetParser(file: file)
        let lines = SourceLines.split(text)
        var suppressions: [Suppression] = []
        var awaitingLine: [Int] = []  // disable-next-line directives still looking for their line
        for (index, line) in lines.enumerated() {
            let scalars = line.scalars
            if let lessThan = scalars.firstIndex(of: "<"), SuppressionComments.hasCommentOpening(scalars, from: lessThan) {
                let (directives, onlyComments) = SuppressionComments.scan(scalars, number: index + 1, file: file)
                suppressions += directives
                // A line of nothing but comments is transparent: it must not end a table.
                if onlyComments {
                    awaitingLine += suppressions.indices.suffix(directives.count).filter { suppressions[$0].kind == .disableNextLine }
                    continue
                }
            }
            if !awaitingLine.isEmpty, scalars.contains(where: { !ScalarFolding.isSpace($0) }) {
                for i in awaitingLine { suppressions[i].targetLine = index + 1 }
                awaitingLine = []
            }
            parser.consume(MarkdownLine.classify(line, line: index + 1), line: index + 1)
        }
        var sheet = parser.finish()
        sheet.suppressions = suppressions
        let lastLine = max(1, lines.count)
        sheet.span = SourceSpan(file: file, start: SourcePosition(line: 1, column: 1),
                                end: SourcePosition(line: lastLine, column: (lines.last?.count ?? 0) + 1))
        FiscalYearInference.apply(to: &sheet, lines: lines)
        return sheet
    }
}

/// Decoded text as lines of scalars, with `SheetDecoder.splitLines`' break rules (CRLF, LF
/// and a lone CR each end a line); the empty line after a final break is not a line of
/// the sheet. Each line keeps its text and the UTF-8 offset of each scalar, so strings cut
/// from it are copied rather than encoded again (`Run.string`).
enum SourceLines {
    static func split(_ text: String) -> [RunStorage] {
        // Decoded text is native UTF-8: split and decode its bytes in one pass.
        if let lines = text.utf8.withContiguousStorageIfAvailable({ split(utf8: $0, text: text) }) { return lines }
        var lines = SheetDecoder.splitLines(text)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        if lines.count == 1, lines[0].isEmpty { return [] }
        return lines.map { RunStorage(scalars: Array($0.unicodeScalars), columns: [], origin: 1) }
    }

    /// The same over the valid UTF-8 of `text`; bytes 0x0A and 0x0D only ever encode LF
    /// and CR.
    private static func split(utf8 bytes: UnsafeBufferPointer<UInt8>, text: String) -> [RunStorage] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        let n = bytes.count
        var lines: [RunStorage] = []
        // Short lines are decoded into these, then copied out at their length (see `decode`).
        let scratchScalars = UnsafeMutablePointer<Unicode.Scalar>.allocate(capacity: shortLine)
        let scratchOffsets = UnsafeMutablePointer<Int32>.allocate(capacity: shortLine + 1)
        defer {
            scratchScalars.deallocate()
            scratchOffsets.deallocate()
        }
        func line(_ start: Int, _ end: Int) -> RunStorage {
            let (scalars, offsets) = decode(base + start, count: end - start, scratch: (scratchScalars, scratchOffsets))
            let utf8 = text.utf8
            let range = utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)
            return RunStorage(line: scalars, text: text[range], offsets: offsets)
        }
        // Most files end lines with LF alone: then memchr finds each break.
        let onlyLF = memchr(base, 0x0D, n) == nil
        var start = 0, i = 0
        while i < n {
            if onlyLF {
                guard let hit = memchr(base + i, 0x0A, n - i) else { break }
                i = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            }
            let byte = base[i]
            guard byte == 0x0A || byte == 0x0D else { i += 1; continue }
            lines.append(line(start, i))
            i += 1
            if byte == 0x0D, i < n, base[i] == 0x0A { i += 1 }
            start = i
        }
        // The empty line after a final break is not a line of the sheet.
        if start < n || lines.isEmpty { lines.append(line(start, n)) }
        if lines.count == 1, lines[0].scalars.isEmpty { return [] }
        return lines
    }

    /// Lines up to this many bytes are decoded into scratch buffers of this size.
    private static let shortLine = 4096

    /// The scalars of `n` bytes of valid UTF-8, and the offset of each from `p` (and of
    /// the end; none for a line of ASCII). A short line is decoded into `scratch` and copied
    /// out at its length: arrays made at an exact size by `Array(unsafeUninitializedCapacity:)`
    /// or `Array(repeating:count:)` go through the standard library's unspecialized path,
    /// which looks the storage type up at run time (several hundred instructions a call),
    /// while copying a buffer into an array does not. A long line is counted first, so a
    /// line of megabytes of kanji takes no more than its scalars and one of ASCII stores no
    /// offsets.
    private static func decode(_ p: UnsafePointer<UInt8>, count n: Int,
                               scratch: (UnsafeMutablePointer<Unicode.Scalar>, UnsafeMutablePointer<Int32>))
        -> ([Unicode.Scalar], [Int32]) {
        if n <= shortLine {
            let (k, _) = decode(p, count: n, into: scratch.0, offsets: scratch.1, capacity: n)
            let scalars = Array(UnsafeBufferPointer(start: scratch.0, count: k))
            return (scalars, k == n ? [] : Array(UnsafeBufferPointer(start: scratch.1, count: k + 1)))
        }
        // The bytes less the continuation bytes (10xxxxxx), counted eight at a time.
        var continuations = 0, i = 0
        while i + 8 <= n {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            continuations += (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 8
        }
        while i < n {
            if p[i] & 0xC0 == 0x80 { continuations += 1 }
            i += 1
        }
        // Valid UTF-8 without a continuation byte is ASCII: a scalar's offset is its index.
        if continuations == 0 {
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, initialized in
                for k in 0..<n { out[k] = Unicode.Scalar(p[k]) }
                initialized = n
            }
            return (scalars, [])
        }
        let capacity = n - continuations  // at least a quarter of n: never 0
        var scalars: [Unicode.Scalar] = []
        let offsets = [Int32](unsafeUninitializedCapacity: capacity + 1) { offsetBuffer, offsetsInitialized in
            var k = 0
            scalars = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { out, initialized in
                k = decode(p, count: n, into: out.baseAddress!, offsets: offsetBuffer.baseAddress!, capacity: capacity).scalars
                initialized = k
            }
            offsetsInitialized = k + 1
        }
        return (scalars, offsets)
    }

    /// Decodes `n` bytes of valid UTF-8 at `p` into at most `capacity` scalars at `o`, with
    /// the offset of each (and of the end) at `f` (room for `capacity + 1`). Returns the
    /// number of scalars and of bytes read.
    @inline(__always)
    private static func decode(_ p: UnsafePointer<UInt8>, count n: Int, into o: UnsafeMutablePointer<Unicode.Scalar>,
                               offsets f: UnsafeMutablePointer<Int32>, capacity: Int) -> (scalars: Int, bytes: Int) {
        var i = 0, k = 0
        while i < n, k < capacity {
            f[k] = Int32(truncatingIfNeeded: i)
            let b0 = UInt32(p[i])
            var v: UInt32
            // Kana and kanji first: three bytes.
            if b0 >= 0xE0, b0 < 0xF0, i + 2 < n {
                v = (b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
                i += 3
            } else if b0 < 0x80 {
                v = b0
                i += 1
            } else if b0 >= 0xC0, b0 < 0xE0, i + 1 < n {
                v = (b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
                i += 2
            } else if b0 >= 0xF0, i + 3 < n {
                v = (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                    | UInt32(p[i + 3] & 0x3F)
                i += 4
            } else {  // never in a `String`'s UTF-8
                v = 0xFFFD
                i += 1
            }
            o[k] = Unicode.Scalar(v) ?? "\u{FFFD}"
            k += 1
        }
        f[k] = Int32(truncatingIfNeeded: i)
        return (k, i)
    }
}
