import SheetModel

/// The sheet text under a span, for content fingerprints.
enum SpanText {
    static func text(of span: SourceSpan, in lines: [String]?) -> String? {
        guard let lines, span.start.line >= 1, span.start.line <= lines.count else { return nil }
        var parts: [String] = []
        let last = min(span.end.line, lines.count)
        for number in span.start.line...max(span.start.line, last) {
            let scalars = Array(lines[number - 1].unicodeScalars)
            let from = number == span.start.line ? max(0, span.start.column - 1) : 0
            let to = number == span.end.line ? min(scalars.count, max(from, span.end.column - 1)) : scalars.count
            guard from <= to else { continue }
            parts.append(String(String.UnicodeScalarView(scalars[from..<to])))
        }
        return parts.joined(separator: "\n")
    }
}
