import SheetModel
import Yams

/// A position as libyaml counts it: 1-based line (libyaml also breaks lines at NEL, LS
/// and PS) and 1-based column in Unicode scalars. Yams' `Mark` uses these units.
struct MarkPosition: Comparable {
    var line: Int
    var column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: Mark) {
        self.init(line: mark.line, column: mark.column)
    }

    static func < (lhs: MarkPosition, rhs: MarkPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// The text of a canonical sheet, indexed so that Yams marks become our positions and
/// the ends of nodes (which Yams does not report) can be found in the text.
struct CanonicalSource {
    /// The text given to the YAML parser (a leading BOM removed; see `JSONEscapes`).
    let parseText: String
    /// Lines as libyaml splits them, without their breaks.
    let lines: [[Unicode.Scalar]]
    /// Our position of the first scalar of each libyaml line. Our lines break only at LF,
    /// CRLF and CR, so a line libyaml starts after NEL/LS/PS continues our line.
    let origins: [SourcePosition]

    init(text: String) {
        // libyaml skips a BOM without counting a column; we do the same.
        let body = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        parseText = JSONEscapes.rewritingSurrogatePairs(body)
        var lines: [[Unicode.Scalar]] = []
        var origins: [SourcePosition] = []
        var current: [Unicode.Scalar] = []
        var ours = SourcePosition(line: 1, column: 1)
        var lineOrigin = ours
        var previousWasCR = false
        for scalar in body.unicodeScalars {
            if scalar == "\n" && previousWasCR { previousWasCR = false; continue }  // CRLF is one break
            previousWasCR = scalar == "\r"
            switch scalar {
            case "\n", "\r":
                lines.append(current); origins.append(lineOrigin)
                ours = SourcePosition(line: ours.line + 1, column: 1)
                current = []; lineOrigin = ours
            case "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(current); origins.append(lineOrigin)
                ours.column += current.count + 1
                current = []; lineOrigin = ours
            default:
                current.append(scalar)
            }
        }
        lines.append(current)
        origins.append(lineOrigin)
        self.lines = lines
        self.origins = origins
    }

    /// Our 1-based, Unicode-scalar position for a libyaml position; clamped, never traps.
    func position(_ mark: MarkPosition) -> SourcePosition {
        let index = min(max(mark.line - 1, 0), lines.count - 1)
        let origin = origins[index]
        let column = mark.line - 1 > index ? lines[index].count + 1 : max(mark.column, 1)
        return SourcePosition(line: origin.line, column: origin.column + column - 1)
    }

    /// Our position `offset` Characters into `parseText` (how Yams reports reader errors).
    func position(characterOffset offset: Int) -> SourcePosition {
        var line = 1, column = 1, previousWasCR = false
        for character in parseText.prefix(max(offset, 0)) {
            for scalar in character.unicodeScalars {
                if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
                previousWasCR = scalar == "\r"
                if scalar == "\n" || scalar == "\r" { line += 1; column = 1 } else { column += 1 }
            }
        }
        return SourcePosition(line: line, column: column)
    }

    func scalar(at p: MarkPosition) -> Unicode.Scalar? {
        guard p.line >= 1, p.line <= lines.count, p.column >= 1, p.column <= lines[p.line - 1].count else { return nil }
        return lines[p.line - 1][p.column - 1]
    }

    /// Just after the last non-blank scalar of `line`, or column 1 for a blank line.
    func trimmedEnd(ofLine line: Int) -> MarkPosition {
        guard line >= 1, line <= lines.count else { return MarkPosition(line: max(line, 1), column: 1) }
        let text = lines[line - 1]
        let last = text.lastIndex { $0 != " " && $0 != "\t" }
        return MarkPosition(line: line, column: (last ?? -1) + 2)
    }

    /// The end of the whole text: just after the last non-blank scalar of the last non-blank line.
    var end: MarkPosition {
        let line = lines.lastIndex { $0.contains { $0 != " " && $0 != "\t" } }.map { $0 + 1 } ?? 1
        return trimmedEnd(ofLine: line)
    }

    /// The span of `node`: from its mark (inclusive) to the end found by `end(of:)` (exclusive).
    func span(of node: Node, file: String) -> SourceSpan {
        let start = node.mark.map(MarkPosition.init) ?? MarkPosition(line: 1, column: 1)
        return SourceSpan(file: file, start: position(start), end: position(max(start, end(of: node))))
    }
}
