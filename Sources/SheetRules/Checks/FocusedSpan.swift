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
    /// A leaf's text aligned with the source once: where each of its scalars starts in
    /// UTF-16 units and (when it aligns) its source position. Every finding about part of
    /// one leaf reads the same alignment (`SheetSource.alignment`): aligning the whole leaf
    /// again for each finding made thousands of findings in one long cell quadratic
    /// (10,000 era expressions in a 200 KB cell took 45 s).
    struct Alignment {
        let text: String
        let leafSpan: SourceSpan
        let ownSpan: Bool
        /// `utf16Starts[i]` is the UTF-16 offset of scalar `i`; the last entry is the
        /// text's length in UTF-16 units.
        private let utf16Starts: [Int]
        private let positions: [SourcePosition]?

        init<Lines: RandomAccessCollection<Substring>>(_ text: String, leafSpan: SourceSpan, ownSpan: Bool,
                                                       source: Lines) where Lines.Index == Int {
            self.text = text
            self.leafSpan = leafSpan
            self.ownSpan = ownSpan
            let scalars = Array(text.unicodeScalars)
            var starts: [Int] = []
            starts.reserveCapacity(scalars.count + 1)
            var units = 0
            for scalar in scalars {
                starts.append(units)
                units += scalar.utf16.count
            }
            starts.append(units)
            utf16Starts = starts
            positions = FocusedSpan.align(scalars, leafSpan: leafSpan, source: source, greedy: ownSpan)
        }

        /// The index of the scalar starting at UTF-16 offset `offset` (the scalar count
        /// for the text's end), or nil when no scalar starts there.
        private func scalarIndex(ofUTF16 offset: Int) -> Int? {
            var lo = 0, hi = utf16Starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if utf16Starts[mid] < offset { lo = mid + 1 } else { hi = mid }
            }
            return lo < utf16Starts.count && utf16Starts[lo] == offset ? lo : nil
        }

        /// The span of the text's UTF-16 range `range`, or nil when it cannot be placed.
        ///
        /// `ownSpan` says whether `leafSpan` is the leaf's own: a leaf without one (a schedule
        /// entry's `timing`) is placed inside its nearest ancestor's span, where only an
        /// exact, contiguous copy of its text is trusted.
        func span(ofUTF16 range: Range<Int>, file: String) -> SourceSpan? {
            let count = utf16Starts.count - 1
            // A range starting at the text's end starts at no scalar.
            guard let positions, let first = scalarIndex(ofUTF16: range.lowerBound), first < count,
                  let end = scalarIndex(ofUTF16: range.upperBound), first < end else { return nil }
            let last = positions[end - 1]
            return SourceSpan(file: file, start: positions[first],
                              end: SourcePosition(line: last.line, column: last.column + 1))
        }
    }

    /// One source position per scalar of `text`, or nil when `text` does not align with
    /// the source inside `leafSpan`.
    static func align<Lines: RandomAccessCollection<Substring>>(_ text: [Unicode.Scalar], leafSpan: SourceSpan, source: Lines,
                                                                greedy: Bool = true) -> [SourcePosition]? where Lines.Index == Int {
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
    static func sourceScalars<Lines: RandomAccessCollection<Substring>>(_ span: SourceSpan, _ source: Lines)
        -> [(scalar: Unicode.Scalar, position: SourcePosition)] where Lines.Index == Int {
        guard span.start.line >= 1, span.start.line <= source.count, span.end.line >= span.start.line else { return [] }
        // Labelled as returned (an unlabelled array was converted element by element).
        var out: [(scalar: Unicode.Scalar, position: SourcePosition)] = []
        for line in span.start.line...min(span.end.line, source.count) {
            // On the span's last line only the scalars before its end are read, and on its
            // first only those from its start are kept: a leaf's span is often one cell of a
            // long table row. `scalars[i - base]` is the line's scalar `i`.
            let from = line == span.start.line ? max(0, span.start.column - 1) : 0
            let base = line == span.end.line ? from : 0
            let scalars = line == span.end.line
                ? Self.scalars(of: source[line - 1], from: base, to: max(0, span.end.column - 1))
                : Array(source[line - 1].unicodeScalars)
            let to = base + scalars.count
            var i = from
            while i < to {
                let c = scalars[i - base]
                if c == "<", i + 1 < to,
                   scalars[i + 1 - base].properties.isAlphabetic || scalars[i + 1 - base] == "/" || scalars[i + 1 - base] == "!",
                   let close = scalars[(i + 1 - base)..<(to - base)].firstIndex(of: ">") {
                    i = close + base + 1
                    continue
                }
                if c == "&", let (decoded, length) = entity(scalars, at: i - base, before: to - base) {
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

    /// The scalars `from ..< to` of `line` (fewer when the line is shorter), found by
    /// counting scalar starts in its UTF-8 bytes instead of decoding every scalar before them:
    /// `Array(line.unicodeScalars.prefix(to).dropFirst(from))`.
    static func scalars(of line: Substring, from: Int, to: Int) -> [Unicode.Scalar] {
        guard from < to else { return [] }
        let offsets = line.utf8.withContiguousStorageIfAvailable { bytes -> (Int, Int) in
            // The byte offsets of scalars `from` and `to` (or the end): scalars are counted
            // by the bytes that start one (not 10xxxxxx), eight bytes at a time up to the
            // word that holds the one sought.
            var i = 0, scalar = 0
            func offset(ofScalar target: Int) -> Int {
                if let raw = UnsafeRawPointer(bytes.baseAddress) {
                    let high: UInt64 = 0x8080_8080_8080_8080
                    while i + 8 <= bytes.count {
                        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        let continuations = (word & high & ~(word << 1)).nonzeroBitCount
                        if scalar + 8 - continuations > target { break }
                        scalar += 8 - continuations
                        i += 8
                    }
                }
                while i < bytes.count {
                    if bytes[i] & 0xC0 != 0x80 {
                        if scalar == target { return i }
                        scalar += 1
                    }
                    i += 1
                }
                return bytes.count
            }
            let lower = offset(ofScalar: from)
            return (lower, offset(ofScalar: to))
        }
        guard let (lower, upper) = offsets else { return Array(line.unicodeScalars.prefix(to).dropFirst(from)) }
        let utf8 = line.utf8
        let range = utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)
        return Array(line[range].unicodeScalars)
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
