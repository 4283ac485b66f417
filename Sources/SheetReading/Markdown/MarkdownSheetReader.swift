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
        var lines = SheetDecoder.splitLines(text)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        if lines.count == 1, lines[0].isEmpty { return [] }
        return lines.map { Array($0.unicodeScalars) }
    }
}
