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
        for (index, scalars) in lines.enumerated() {
            if scalars.contains("<") {
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
            parser.consume(MarkdownLine.classify(scalars, line: index + 1), line: index + 1)
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
/// the sheet.
enum SourceLines {
    static func split(_ text: String) -> [[Unicode.Scalar]] {
        // Decoded text is native UTF-8: split and decode its bytes in one pass.
        if let lines = text.utf8.withContiguousStorageIfAvailable(split(utf8:)) { return lines }
        var lines = SheetDecoder.splitLines(text)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        if lines.count == 1, lines[0].isEmpty { return [] }
        return lines.map { Array($0.unicodeScalars) }
    }

    /// The same over the valid UTF-8 of a `String`; bytes 0x0A and 0x0D only ever encode
    /// LF and CR.
    static func split(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = []
        var start = 0, i = 0
        while i < bytes.count {
            let byte = bytes[i]
            guard byte == 0x0A || byte == 0x0D else { i += 1; continue }
            lines.append(decode(UnsafeBufferPointer(rebasing: bytes[start..<i])))
            i += 1
            if byte == 0x0D, i < bytes.count, bytes[i] == 0x0A { i += 1 }
            start = i
        }
        // The empty line after a final break is not a line of the sheet.
        if start < bytes.count || lines.isEmpty { lines.append(decode(UnsafeBufferPointer(rebasing: bytes[start...]))) }
        if lines.count == 1, lines[0].isEmpty { return [] }
        return lines
    }

    /// The scalars of valid UTF-8, into an array of exactly their number.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, initialized in
            var i = 0, k = 0
            while i < bytes.count, k < count {
                let b0 = UInt32(bytes[i])
                var v: UInt32
                if b0 < 0x80 {
                    v = b0
                    i += 1
                } else if b0 < 0xE0 {
                    v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b0 < 0xF0 {
                    v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                (out.baseAddress! + k).initialize(to: Unicode.Scalar(v) ?? "\u{FFFD}")
                k += 1
            }
            initialized = k
        }
    }
}
