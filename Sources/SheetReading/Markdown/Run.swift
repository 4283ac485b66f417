import SheetModel

/// A run of text from one source line, each scalar paired with the 1-based column it was
/// written at. Tags removed and entities decoded keep the columns of what they came from,
/// so every piece cut from a run still knows its place in the file.
struct Run: Sendable {
    var scalars: [Unicode.Scalar]
    var columns: [Int]
    var line: Int

    init(scalars: [Unicode.Scalar] = [], columns: [Int] = [], line: Int) {
        self.scalars = scalars
        self.columns = columns
        self.line = line
    }

    var isEmpty: Bool { scalars.isEmpty }
    var count: Int { scalars.count }

    mutating func append(_ scalar: Unicode.Scalar, column: Int) {
        scalars.append(scalar)
        columns.append(column)
    }

    /// The text as written (after tag removal and entity decoding).
    var string: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    /// The text with width variants folded (see `ScalarFolding`), same length as `scalars`.
    var folded: [Unicode.Scalar] { scalars.map(ScalarFolding.fold) }

    func slice(_ range: Range<Int>) -> Run {
        Run(scalars: Array(scalars[range]), columns: Array(columns[range]), line: line)
    }

    /// The run without leading and trailing white space (ASCII, ideographic and no-break).
    func trimmed() -> Run {
        var lo = 0, hi = scalars.count
        while lo < hi, ScalarFolding.isSpace(scalars[lo]) { lo += 1 }
        while hi > lo, ScalarFolding.isSpace(scalars[hi - 1]) { hi -= 1 }
        return (lo == 0 && hi == scalars.count) ? self : slice(lo..<hi)
    }

    /// Span of the run; an empty run gets an empty span at `fallbackColumn`.
    func span(file: String, fallbackColumn: Int = 1) -> SourceSpan {
        guard let first = columns.first, let last = columns.last else {
            return SourceSpan(file: file, line: line, startColumn: fallbackColumn, endColumn: fallbackColumn)
        }
        return SourceSpan(file: file, line: line, startColumn: first, endColumn: last + 1)
    }

    /// Splits at white space, dropping it.
    func words() -> [Run] {
        var out: [Run] = []
        var start: Int?
        for i in 0..<scalars.count {
            if ScalarFolding.isSpace(scalars[i]) {
                if let s = start { out.append(slice(s..<i)); start = nil }
            } else if start == nil {
                start = i
            }
        }
        if let s = start { out.append(slice(s..<scalars.count)) }
        return out
    }
}
