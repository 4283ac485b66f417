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
        var cells: [Run] = []  // a row's cells, in storage reused from row to row
        for (index, line) in lines.enumerated() {
            if line.withScalars({ SuppressionComments.hasCommentOpening($0) }) {
                let (directives, onlyComments) = SuppressionComments.scan(Array(line.scalars), number: index + 1, file: file)
                suppressions += directives
                // A line of nothing but comments is transparent: it must not end a table.
                if onlyComments {
                    awaitingLine += suppressions.indices.suffix(directives.count).filter { suppressions[$0].kind == .disableNextLine }
                    continue
                }
            }
            if !awaitingLine.isEmpty, !line.isBlank {
                for i in awaitingLine { suppressions[i].targetLine = index + 1 }
                awaitingLine = []
            }
            parser.consume(MarkdownLine.classify(line, cells: &cells), line: index + 1)
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
/// the sheet. The whole text is decoded once, into one storage that every line is a range
/// of; the storage keeps the text and the UTF-8 offset of each scalar, so strings cut from
/// a line are copied rather than encoded again (`Run.string`).
enum SourceLines {
    static func split(_ text: String) -> [Run] {
        // Decoded text is native UTF-8: split and decode its bytes in one pass.
        if let lines = text.utf8.withContiguousStorageIfAvailable({ split(utf8: $0, text: text) }) { return lines }
        var lines = SheetDecoder.splitLines(text)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        if lines.count == 1, lines[0].isEmpty { return [] }
        return lines.enumerated().map { Run(line: Array($1.unicodeScalars), number: $0 + 1) }
    }

    /// The same over the valid UTF-8 of `text`; bytes 0x0A and 0x0D only ever encode LF
    /// and CR.
    private static func split(utf8 bytes: UnsafeBufferPointer<UInt8>, text: String) -> [Run] {
        guard let p = bytes.baseAddress, !bytes.isEmpty else { return [] }
        let n = bytes.count
        // The bytes less the continuation bytes (10xxxxxx), counted eight at a time: the
        // number of scalars, so the arrays are made once at their size.
        var continuations = 0, i = 0
        while i + 8 <= n {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            // One bit per continuation byte, at the bottom of its byte; the multiplication
            // sums the eight bytes into the top one (a population count without POPCNT,
            // which the baseline x86-64 target lacks).
            let marks = (w & ~(w << 1) & 0x8080_8080_8080_8080) >> 7
            continuations &+= Int(truncatingIfNeeded: (marks &* 0x0101_0101_0101_0101) >> 56)
            i += 8
        }
        while i < n {
            if p[i] & 0xC0 == 0x80 { continuations += 1 }
            i += 1
        }
        let count = n - continuations  // at least a quarter of n: never 0
        // Where each line ends (the index of its break), in scalars; breaks are few.
        var breaks: [Int] = []
        var scalars: [Unicode.Scalar]
        var offsets: [Int32] = []
        if continuations == 0 {
            // ASCII: a scalar's offset is its index.
            scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, initialized in
                decodeASCII(p, count: n, into: out.baseAddress!, breaks: &breaks)
                initialized = count
            }
        } else {
            var k = 0
            scalars = []
            offsets = [Int32](unsafeUninitializedCapacity: count + 1) { offsetBuffer, offsetsInitialized in
                scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, initialized in
                    k = decode(p, count: n, into: out.baseAddress!, offsets: offsetBuffer.baseAddress!,
                               capacity: count, breaks: &breaks)
                    initialized = k
                }
                offsetsInitialized = k + 1
            }
        }
        let storage = RunStorage(text: text, scalars: scalars, offsets: offsets)
        var lines: [Run] = []
        lines.reserveCapacity(breaks.count + 1)
        var start = 0
        for b in breaks {
            lines.append(Run(file: storage, range: start..<b, number: lines.count + 1))
            // CRLF is one break.
            start = b + 1
            if start < scalars.count, scalars[b] == "\r", scalars[start] == "\n" { start += 1 }
        }
        // The empty line after a final break is not a line of the sheet.
        if start < scalars.count || lines.isEmpty {
            lines.append(Run(file: storage, range: start..<scalars.count, number: lines.count + 1))
        }
        if lines.count == 1, lines[0].isEmpty { return [] }
        return lines
    }

    /// Widens `n` bytes of ASCII at `p` into scalars at `o`, noting the index of each line
    /// break (CR, LF, or the CR of a CRLF) in `breaks`.
    @inline(__always)
    private static func decodeASCII(_ p: UnsafePointer<UInt8>, count n: Int, into o: UnsafeMutablePointer<Unicode.Scalar>,
                                    breaks: inout [Int]) {
        for i in 0..<n {
            let b = p[i]
            if b <= 0x0D, b == 0x0D || b == 0x0A && (i == 0 || p[i - 1] != 0x0D) { breaks.append(i) }
            o[i] = Unicode.Scalar(b)
        }
    }

    /// Decodes `n` bytes of valid UTF-8 at `p` into at most `capacity` scalars at `o`, with
    /// the offset of each (and of the end) at `f` (room for `capacity + 1`), noting the
    /// index of each line break (CR, LF, or the CR of a CRLF) in `breaks`. Returns the number
    /// of scalars. The bytes are a `String`'s, so valid: every sequence decodes to a scalar
    /// (taken as it is, without checking it again), and indices cannot overflow.
    @inline(__always)
    private static func decode(_ p: UnsafePointer<UInt8>, count n: Int, into o: UnsafeMutablePointer<Unicode.Scalar>,
                               offsets f: UnsafeMutablePointer<Int32>, capacity: Int, breaks: inout [Int]) -> Int {
        var i = 0, k = 0
        while i < n, k < capacity {
            // Runs of kana and kanji (three bytes each) and of ASCII other than line breaks
            // are decoded by loops of their own: most of a sheet is one or the other.
            while i &+ 2 < n, k < capacity, p[i] & 0xF0 == 0xE0 {
                f[k] = Int32(truncatingIfNeeded: i)
                let v = (UInt32(p[i]) & 0x0F) << 12 | UInt32(p[i &+ 1] & 0x3F) << 6 | UInt32(p[i &+ 2] & 0x3F)
                o[k] = unsafeBitCast(v, to: Unicode.Scalar.self)
                i &+= 3
                k &+= 1
            }
            while i < n, k < capacity, p[i] < 0x80, p[i] > 0x0D {
                f[k] = Int32(truncatingIfNeeded: i)
                o[k] = Unicode.Scalar(p[i])
                i &+= 1
                k &+= 1
            }
            guard i < n, k < capacity else { break }
            f[k] = Int32(truncatingIfNeeded: i)
            let b0 = UInt32(p[i])
            var v: UInt32
            if b0 & 0xF0 == 0xE0, i &+ 2 < n {
                v = (b0 & 0x0F) << 12 | UInt32(p[i &+ 1] & 0x3F) << 6 | UInt32(p[i &+ 2] & 0x3F)
                i &+= 3
            } else if b0 < 0x80 {
                v = b0
                // A CR's break is the LF after it too.
                if b0 == 0x0D || b0 == 0x0A && (i == 0 || p[i &- 1] != 0x0D) { breaks.append(k) }
                i &+= 1
            } else if b0 & 0xE0 == 0xC0, i &+ 1 < n {
                v = (b0 & 0x1F) << 6 | UInt32(p[i &+ 1] & 0x3F)
                i &+= 2
            } else if b0 >= 0xF0, i &+ 3 < n {
                v = (b0 & 0x07) << 18 | UInt32(p[i &+ 1] & 0x3F) << 12 | UInt32(p[i &+ 2] & 0x3F) << 6
                    | UInt32(p[i &+ 3] & 0x3F)
                i &+= 4
            } else {  // never in a `String`'s UTF-8
                v = 0xFFFD
                i &+= 1
            }
            // Valid UTF-8 decodes to scalar values only (no surrogate, nothing past 0x10FFFF).
            o[k] = unsafeBitCast(v, to: Unicode.Scalar.self)
            k &+= 1
        }
        f[k] = Int32(truncatingIfNeeded: i)
        return k
    }
}
