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
    /// The marker as written (`(1)`, `（１）`, `①`, `・`); empty for `.none`.
    var markerText: String
    /// The marker's own run (for spans).
    var markerRun: Run?
    /// The content after the marker, trimmed.
    var content: Run
    /// Whether this piece begins its fragment (a new paragraph or list item).
    var startsFragment: Bool

    /// Cuts `fragment` into pieces.
    static func cut(_ fragment: Run) -> [Piece] {
        var marks: [(start: Int, end: Int, marker: Marker)] = []
        var i = 0
        let n = fragment.count
        while i < n {
            let atBoundary = i == 0 || ScalarFolding.isSpace(fragment.folded(i - 1))
            if atBoundary, let m = marker(in: fragment, at: i) {
                marks.append((i, m.end, m.marker))
                i = m.end
                continue
            }
            i += 1
        }
        var pieces: [Piece] = []
        pieces.reserveCapacity(marks.count + 1)
        let leadEnd = marks.first?.start ?? fragment.count
        let lead = fragment.slice(0..<leadEnd).trimmed()
        if !lead.isEmpty {
            pieces.append(Piece(marker: .none, markerText: "", markerRun: nil, content: lead, startsFragment: true))
        }
        for (k, m) in marks.enumerated() {
            let contentEnd = k + 1 < marks.count ? marks[k + 1].start : fragment.count
            let markerRun = fragment.slice(m.start..<m.end)
            pieces.append(Piece(marker: m.marker, markerText: markerRun.string, markerRun: markerRun,
                                content: fragment.slice(m.end..<contentEnd).trimmed(),
                                startsFragment: m.start == 0))
        }
        return pieces
    }

    /// Span covering marker and content.
    func span(file: String) -> SourceSpan {
        let contentSpan = content.span(file: file, fallbackColumn: markerRun?.lastColumn.map { $0 + 1 } ?? 1)
        guard let markerRun else { return contentSpan }
        return content.isEmpty ? markerRun.span(file: file) : markerRun.span(file: file).union(contentSpan)
    }

    /// A marker at `i` of `run`, compared folded.
    private static func marker(in run: Run, at i: Int) -> (end: Int, marker: Marker)? {
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
