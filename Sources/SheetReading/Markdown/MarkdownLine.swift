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
        var cells: [Run] = []
        return classify(all, cells: &cells)
    }

    /// The same, with a row's cells put into `cells` (emptied first; its storage is reused
    /// from line to line once the caller has let go of the last line's).
    static func classify(_ all: Run, cells: inout [Run]) -> MarkdownLine {
        let count = all.count
        let first = all.withScalars { scalars in
            var first = 0
            while first < count, ScalarFolding.isSpace(scalars[first]) { first += 1 }
            return first
        }
        if first == count { return .blank }
        guard all[first] == "|" else { return .text(all.slice(first..<count)) }
        removeAllKeepingCapacity(&cells)
        splitCells(all, from: first, into: &cells)
        if !cells.isEmpty, cells.allSatisfy(isDelimiterCell) { return .delimiter }
        return .row(cells, length: count)
    }

    /// Splits at unescaped `|`. The leading pipe opens the first cell; a trailing pipe
    /// closes the last one; text after the last pipe is kept as a cell too.
    private static func splitCells(_ run: Run, from first: Int, into cells: inout [Run]) {
        var start = first + 1
        let n = run.count
        // Whether the cell being read holds a backslash: only then may it need unescaping.
        var backslash = false
        run.withScalars { scalars in
            var i = start
            while i < n {
                // Most scalars are neither `|` nor `\\`: skipped in a loop of their own.
                var s = scalars[i]
                while s != "|", s != "\\" {
                    i += 1
                    guard i < n else { return }
                    s = scalars[i]
                }
                if s == "\\" {
                    backslash = true
                    i += i + 1 < n && scalars[i + 1] == "|" ? 2 : 1
                    continue
                }
                let cell = run.slice(start..<i)
                cells.append(backslash ? unescapePipes(cell) : cell)
                backslash = false
                start = i + 1
                i += 1
            }
        }
        let rest = run.slice(start..<n)
        if !rest.isBlank { cells.append(backslash ? unescapePipes(rest) : rest) }
    }

    static func unescapePipes(_ cell: Run) -> Run {
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

/// Empties `array` keeping its storage, one element at a time: `removeAll(keepingCapacity:)`
/// goes through the generic `replaceSubrange`, several hundred instructions for the few
/// elements of a row.
@inline(__always)
func removeAllKeepingCapacity<T>(_ array: inout [T]) {
    while !array.isEmpty { array.removeLast() }
}
