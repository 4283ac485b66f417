import SheetModel

/// The exact place of part of a text leaf in the source: a finding about one character or
/// one expression inside a long cell points at it, not at the start of the cell.
///
/// The model keeps one span per text leaf. The leaf's text is what the reader kept of the
/// source inside that span: HTML tags removed, entities decoded, white space trimmed or
/// inserted between paragraphs. So the text is aligned with the source inside the span,
/// scalar by scalar (leftmost embedding, tags skipped, an entity read as its character,
/// text white space allowed to match nothing), and the part's span is read off the
/// alignment. When the text cannot be aligned, there is no exact span and the finding
/// keeps the leaf's.
enum FocusedSpan {
    /// The span of `text`'s UTF-16 range `range`, for a leaf read from `leafSpan` of
    /// `source` (the file's lines); nil when it cannot be placed.
    ///
    /// `ownSpan` says whether `leafSpan` is the leaf's own: a leaf without one (a schedule
    /// entry's `timing`) is placed inside its nearest ancestor's span, where only an exact,
    /// contiguous copy of its text is trusted.
    static func span(ofUTF16 range: Range<Int>, in text: String, leafSpan: SourceSpan, ownSpan: Bool = true,
                     source: [Substring]) -> SourceSpan? {
        // UTF-16 offsets to scalar offsets.
        var scalarStart: Int?, scalarEnd: Int?, units = 0
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if units == range.lowerBound { scalarStart = i }
            if units == range.upperBound { scalarEnd = i }
            units += scalar.utf16.count
        }
        if units == range.upperBound { scalarEnd = scalars.count }
        guard let first = scalarStart, let end = scalarEnd, first < end,
              let positions = align(scalars, leafSpan: leafSpan, source: source, greedy: ownSpan) else { return nil }
        let last = positions[end - 1]
        return SourceSpan(file: leafSpan.file, start: positions[first],
                          end: SourcePosition(line: last.line, column: last.column + 1))
    }

    /// One source position per scalar of `text`, or nil when `text` does not align with
    /// the source inside `leafSpan`.
    static func align(_ text: [Unicode.Scalar], leafSpan: SourceSpan, source: [Substring], greedy: Bool = true) -> [SourcePosition]? {
        let written = sourceScalars(leafSpan, source)
        guard !written.isEmpty, !text.isEmpty else { return nil }
        // The text written out in one piece: the first such copy.
        if written.count >= text.count {
            for k in 0...(written.count - text.count) where written[k].scalar == text[0] {
                if (1..<text.count).allSatisfy({ written[k + $0].scalar == text[$0] }) {
                    return written[k..<(k + text.count)].map(\.position)
                }
            }
        }
        guard greedy else { return nil }
        var positions: [SourcePosition] = []
        positions.reserveCapacity(text.count)
        var j = 0
        for t in text {
            if t.properties.isWhitespace {
                if j < written.count, written[j].scalar.properties.isWhitespace {
                    positions.append(written[j].position)
                    j += 1
                } else {
                    positions.append(j < written.count ? written[j].position : written[written.count - 1].position)
                }
                continue
            }
            while j < written.count, written[j].scalar != t { j += 1 }
            guard j < written.count else { return nil }
            positions.append(written[j].position)
            j += 1
        }
        return positions
    }

    /// The scalars written inside `span`, with their positions: tags (`<p>`, `</ul>`,
    /// `<br/>`) left out, an entity (`&amp;`, `&#12354;`) read as its one character at the
    /// position of its `&`.
    static func sourceScalars(_ span: SourceSpan, _ source: [Substring]) -> [(scalar: Unicode.Scalar, position: SourcePosition)] {
        guard span.start.line >= 1, span.start.line <= source.count, span.end.line >= span.start.line else { return [] }
        var out: [(Unicode.Scalar, SourcePosition)] = []
        for line in span.start.line...min(span.end.line, source.count) {
            // On the span's last line only the scalars before its end are read: a leaf's
            // span is often one cell of a long table row.
            let scalars = line == span.end.line
                ? Array(source[line - 1].unicodeScalars.prefix(max(0, span.end.column - 1)))
                : Array(source[line - 1].unicodeScalars)
            let from = line == span.start.line ? max(0, span.start.column - 1) : 0
            let to = line == span.end.line ? min(scalars.count, span.end.column - 1) : scalars.count
            var i = from
            while i < to {
                let c = scalars[i]
                if c == "<", i + 1 < to, scalars[i + 1].properties.isAlphabetic || scalars[i + 1] == "/" || scalars[i + 1] == "!",
                   let close = scalars[(i + 1)..<to].firstIndex(of: ">") {
                    i = close + 1
                    continue
                }
                if c == "&", let (decoded, length) = entity(scalars, at: i, before: to) {
                    out.append((decoded, SourcePosition(line: line, column: i + 1)))
                    i += length
                    continue
                }
                out.append((c, SourcePosition(line: line, column: i + 1)))
                i += 1
            }
            if line != span.end.line { out.append(("\n", SourcePosition(line: line, column: scalars.count + 1))) }
        }
        return out
    }

    /// The character an entity starting at `i` stands for, and its length in scalars.
    private static func entity(_ s: [Unicode.Scalar], at i: Int, before end: Int) -> (Unicode.Scalar, Int)? {
        guard let semi = s[i..<min(end, i + 10)].firstIndex(of: ";") else { return nil }
        let name = String(String.UnicodeScalarView(s[(i + 1)..<semi]))
        let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        if let c = named[name] { return (c, semi - i + 1) }
        if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let c = Unicode.Scalar(v) {
            return (c, semi - i + 1)
        }
        if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let c = Unicode.Scalar(v) { return (c, semi - i + 1) }
        return nil
    }
}
