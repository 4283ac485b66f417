import Yams

/// Where nodes end. Yams gives only start marks, so ends are found in the text:
/// - double- and single-quoted scalars: just after the closing quote (exact, multi-line too);
/// - plain scalars on one line: just after their text (exact); plain scalars folded over
///   several lines: the end of their first line (an approximation);
/// - block scalars (`|`, `>`): the end of their last non-blank content line;
/// - mappings and sequences: the end of their last key or value; flow collections (`{}`,
///   `[]`, so all of JSON) extend to and include their closing bracket.
extension CanonicalSource {
    func end(of node: Node) -> MarkPosition {
        let start = node.mark.map(MarkPosition.init) ?? MarkPosition(line: 1, column: 1)
        switch node {
        case .scalar(let scalar):
            return scalarEnd(scalar, start: start)
        case .mapping(let mapping):
            var last = MarkPosition(line: start.line, column: start.column + 1)
            for pair in mapping { last = max(last, end(of: pair.key), end(of: pair.value)) }
            return scalar(at: start) == "{" ? closing("}", after: last) : last
        case .sequence(let sequence):
            var last = MarkPosition(line: start.line, column: start.column + 1)
            for element in sequence { last = max(last, end(of: element)) }
            return scalar(at: start) == "[" ? closing("]", after: last) : last
        case .alias:
            return start
        }
    }

    private func scalarEnd(_ scalar: Node.Scalar, start: MarkPosition) -> MarkPosition {
        switch scalar.style {
        case .doubleQuoted, .singleQuoted:
            return quotedEnd(from: start, quote: scalar.style == .doubleQuoted ? "\"" : "'")
                ?? trimmedEnd(ofLine: start.line)
        case .literal, .folded:
            return blockEnd(indicatorLine: start.line)
        case .plain, .any:
            let value = Array(scalar.string.unicodeScalars)
            guard start.line <= lines.count else { return start }
            let line = lines[start.line - 1]
            let from = start.column - 1
            if from >= 0, from + value.count <= line.count, Array(line[from..<from + value.count]) == value {
                return MarkPosition(line: start.line, column: start.column + value.count)
            }
            return max(start, trimmedEnd(ofLine: start.line))
        }
    }

    /// Just after the quote that closes the one at `start`; nil when there is none.
    private func quotedEnd(from start: MarkPosition, quote: Unicode.Scalar) -> MarkPosition? {
        guard self.scalar(at: start) == quote else { return nil }
        var line = start.line - 1
        var column = start.column  // 0-based index just after the opening quote
        while line < lines.count {
            let text = lines[line]
            while column < text.count {
                let c = text[column]
                if quote == "\"" && c == "\\" {
                    column += 2
                    continue
                }
                if c == quote {
                    // In single quotes `''` is an escaped quote, not the end.
                    if quote == "'", column + 1 < text.count, text[column + 1] == "'" {
                        column += 2
                        continue
                    }
                    return MarkPosition(line: line + 1, column: column + 2)
                }
                column += 1
            }
            line += 1
            column = 0
        }
        return nil
    }

    /// The end of a block scalar whose indicator is on `indicatorLine`: its content is the
    /// following lines that are blank or indented at least as much as the first non-blank
    /// one, which must be indented more than the indicator's line.
    private func blockEnd(indicatorLine: Int) -> MarkPosition {
        func indent(_ line: [Unicode.Scalar]) -> Int { line.prefix { $0 == " " }.count }
        func isBlank(_ line: [Unicode.Scalar]) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }
        var result = trimmedEnd(ofLine: indicatorLine)
        guard indicatorLine >= 1, indicatorLine <= lines.count else { return result }
        let parentIndent = indent(lines[indicatorLine - 1])
        var contentIndent: Int?
        var index = indicatorLine
        while index < lines.count {
            let line = lines[index]
            if isBlank(line) { index += 1; continue }
            let n = indent(line)
            if let required = contentIndent {
                if n < required { break }
            } else {
                if n <= parentIndent { break }
                contentIndent = n
            }
            result = trimmedEnd(ofLine: index + 1)
            index += 1
        }
        return result
    }

    /// Just after `closer` when only blanks, line breaks, commas and comments lie between
    /// `after` and it; `after` otherwise.
    private func closing(_ closer: Unicode.Scalar, after: MarkPosition) -> MarkPosition {
        var line = after.line - 1
        var column = after.column - 1
        while line >= 0, line < lines.count {
            let text = lines[line]
            while column < text.count {
                let c = text[column]
                if c == closer { return MarkPosition(line: line + 1, column: column + 2) }
                if c == "#" { break }
                guard c == " " || c == "\t" || c == "," else { return after }
                column += 1
            }
            line += 1
            column = 0
        }
        return after
    }
}
