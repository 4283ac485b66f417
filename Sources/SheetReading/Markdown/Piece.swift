import SheetModel

/// A fragment cut at its item markers: `(1) …`, `① …`, `・ …`, or plain text.
/// A marker counts only at the start of a fragment or after white space, so `5-2-①`,
/// `調査・研究` and `年(2022)` are never cut.
struct Piece {
    enum Marker: Equatable {
        case paren(Int)
        case circled(Int)
        case bullet
        case none
    }

    var marker: Marker
    /// The marker as written (`(1)`, `（１）`, `①`, `・`); empty for `.none`. Made when
    /// asked for (bullets never are).
    var markerText: String { markerRun?.string ?? "" }
    /// The marker's own run (for spans).
    var markerRun: Run?
    /// The content after the marker, trimmed.
    var content: Run
    /// Whether this piece begins its fragment (a new paragraph or list item).
    var startsFragment: Bool
    /// False when the content surely holds no colon (`:` or `：`), found while the fragment
    /// was cut; true when it may (then schedule entries are looked for).
    var mayHoldColon = true

    /// Cuts `fragment` into pieces.
    static func cut(_ fragment: Run) -> [Piece] {
        var pieces: [Piece] = []
        forEach(in: fragment) { pieces.append($0) }
        return pieces
    }

    /// Calls `body` with each piece of `cut(_:)`, in order, without collecting them: each
    /// marker's content runs to the next marker, found before the piece is passed on.
    static func forEach(in fragment: Run, _ body: (Piece) -> Void) {
        let n = fragment.count
        fragment.withScalars { scalars in
            /// Whether the text scanned by the last `next` held a colon.
            var colon = false
            /// The next marker at or after `from`.
            func next(from: Int) -> (start: Int, end: Int, marker: Marker)? {
                var i = from
                colon = false
                while i < n {
                    // Every marker starts with one of these scalars (folded: `(`, `・`, a
                    // circled number): most scalars are turned away here, and colons noted.
                    let s = scalars[i]
                    guard mayStartMarker(s) else {
                        if s == ":" || s == "\u{FF1A}" { colon = true }
                        i += 1
                        continue
                    }
                    let atBoundary = i == 0 || ScalarFolding.isSpace(ScalarFolding.fold(scalars[i - 1]))
                    if atBoundary, let m = marker(in: fragment, at: i) { return (i, m.end, m.marker) }
                    i += 1
                }
                return nil
            }
            var mark = next(from: 0)
            let lead = fragment.slice(0..<(mark?.start ?? n)).trimmed()
            if !lead.isEmpty {
                body(Piece(marker: .none, markerRun: nil, content: lead, startsFragment: true, mayHoldColon: colon))
            }
            while let m = mark {
                let following = next(from: m.end)
                let contentEnd = following?.start ?? n
                body(Piece(marker: m.marker, markerRun: fragment.slice(m.start..<m.end),
                           content: fragment.slice(m.end..<contentEnd).trimmed(), startsFragment: m.start == 0,
                           mayHoldColon: colon))
                mark = following
            }
        }
    }

    /// Span covering marker and content: worked out on columns (marker and content are on
    /// one line), one `SourceSpan` made.
    func span(file: String) -> SourceSpan {
        guard let markerRun, let markerFirst = markerRun.firstColumn, let markerLast = markerRun.lastColumn else {
            return referenceSpan(file: file)
        }
        guard let contentFirst = content.firstColumn, let contentLast = content.lastColumn else {
            return SourceSpan(file: file, line: markerRun.line, startColumn: markerFirst, endColumn: markerLast + 1)
        }
        return SourceSpan(file: file, line: markerRun.line, startColumn: min(markerFirst, contentFirst),
                          endColumn: max(markerLast, contentLast) + 1)
    }

    /// `span(file:)` made of the spans of marker and content (the reference for it).
    func referenceSpan(file: String) -> SourceSpan {
        let contentSpan = content.span(file: file, fallbackColumn: markerRun?.lastColumn.map { $0 + 1 } ?? 1)
        guard let markerRun else { return contentSpan }
        return content.isEmpty ? markerRun.span(file: file) : markerRun.span(file: file).union(contentSpan)
    }

    /// True for the scalars whose folded form `marker(in:at:)` can start a marker with.
    @inline(__always)
    private static func mayStartMarker(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // Most scalars are kanji (above 0x32BF, below 0xFF08) or ASCII other than `(`.
        if v < 0x2460 { return v == 0x28 }
        if v > 0x32BF { return v == 0xFF08 || v == 0xFF65 }
        switch v {
        case 0x30FB, 0x2460...0x2473, 0x3251...0x325F, 0x32B1...0x32BF: return true
        default: return false
        }
    }

    /// A marker at `i` of `run`, compared folded.
    static func marker(in run: Run, at i: Int) -> (end: Int, marker: Marker)? {
        let c = run.folded(i)
        if let n = ScalarFolding.circledNumber(c) { return (i + 1, .circled(n)) }
        if c == "・" || c == "･" { return (i + 1, .bullet) }
        guard c == "(" else { return nil }
        var j = i + 1
        var n = 0
        let count = run.count
        while j < count, j - i <= 2, let d = ScalarFolding.digit(run.folded(j)) {
            n = n * 10 + d
            j += 1
        }
        guard j > i + 1, j < count, run.folded(j) == ")", n > 0 else { return nil }
        return (j + 1, .paren(n))
    }
}
