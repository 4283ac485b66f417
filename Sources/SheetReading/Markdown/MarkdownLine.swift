/// One source line classified for the reader: a table row (with every cell, even those
/// beyond the header count), a table delimiter row, blank, or text.
enum MarkdownLine {
    case blank
    case delimiter
    /// The cells, and the line's length in scalars (for spans that end with the row).
    case row([Run], length: Int)
    case text(Run)

    /// Classifies `scalars`, the content of 1-based `line` without its line break.
    static func classify(_ scalars: [Unicode.Scalar], line: Int) -> MarkdownLine {
        classify(Run(line: scalars, number: line))
    }

    /// The same for a line as `SourceLines.split` gives it (a whole line, from column 1).
    static func classify(_ all: Run) -> MarkdownLine {
        let count = all.count
        let first = all.withScalars { scalars in
            var first = 0
            while first < count, ScalarFolding.isSpace(scalars[first]) { first += 1 }
            return first
        }
        if first == count { return .blank }
        guard all[first] == "|" else { return .text(all.slice(first..<count)) }
        let cells = splitCells(all, from: first)
        if !cells.isEmpty, cells.allSatisfy(isDelimiterCell) { return .delimiter }
        return .row(cells, length: count)
    }

    /// Splits at unescaped `|`. The leading pipe opens the first cell; a trailing pipe
    /// closes the last one; text after the last pipe is kept as a cell too.
    private static func splitCells(_ run: Run, from first: Int) -> [Run] {
        var cells: [Run] = []
        cells.reserveCapacity(8)
        var start = first + 1
        var i = start
        let n = run.count
        run.withScalars { scalars in
            while i < n {
                if scalars[i] == "\\", i + 1 < n, scalars[i + 1] == "|" {
                    i += 2
                    continue
                }
                if scalars[i] == "|" {
                    cells.append(unescapePipes(run.slice(start..<i)))
                    start = i + 1
                }
                i += 1
            }
        }
        let rest = run.slice(start..<n)
        if !rest.isBlank { cells.append(unescapePipes(rest)) }
        return cells
    }

    private static func unescapePipes(_ cell: Run) -> Run {
        guard cell.scalars.contains("\\") else { return cell }
        var out = RunBuilder(line: cell.line)
        var i = 0
        while i < cell.count {
            if cell[i] == "\\", i + 1 < cell.count, cell[i + 1] == "|" { i += 1 }
            out.append(cell[i], column: cell.column(i))
            i += 1
        }
        return out.run
    }

    private static func isDelimiterCell(_ cell: Run) -> Bool {
        let t = cell.trimmed().scalars
        guard !t.isEmpty else { return false }
        return t.allSatisfy { $0 == "-" || $0 == ":" } && t.contains("-")
    }
}
