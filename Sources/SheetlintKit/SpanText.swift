import SheetModel
import SheetReporting

/// The sheet text under a span, for content fingerprints.
enum SpanText {
    static func text(of span: SourceSpan, in lines: [String]?) -> String? {
        guard let lines, span.start.line >= 1, span.start.line <= lines.count else { return nil }
        var cache = Cache()
        return cache.text(of: span, in: lines)
    }

    /// `LineFingerprint.fingerprintText` of `text(of:in:)`, for many spans of the same files:
    /// a long line is split into scalars once (not once per span on it), and each span's
    /// fingerprint text is remembered, so a sheet with thousands of findings on one long
    /// line costs its length once, not once per finding. What it remembers is one file's:
    /// it forgets when asked about another file.
    struct Cache {
        /// Lines at most this many UTF-8 bytes long are split afresh each time (cheap).
        private static let longLine = 256
        private var file: String?
        private var scalars: [Int: [Unicode.Scalar]] = [:]
        private var texts: [SpanKey: String] = [:]

        private struct SpanKey: Hashable {
            let startLine, startColumn, endLine, endColumn: Int
        }

        mutating func fingerprintText(of span: SourceSpan, in lines: [String]?) -> String? {
            guard let lines, span.start.line >= 1, span.start.line <= lines.count else { return nil }
            if span.file != file {
                file = span.file
                scalars.removeAll()
                texts.removeAll()
            }
            let key = SpanKey(startLine: span.start.line, startColumn: span.start.column,
                              endLine: span.end.line, endColumn: span.end.column)
            if let text = texts[key] { return text }
            let text = LineFingerprint.fingerprintText(self.text(of: span, in: lines))
            texts[key] = text
            return text
        }

        /// The text under `span`, whose start line is one of `lines`.
        fileprivate mutating func text(of span: SourceSpan, in lines: [String]) -> String {
            var parts: [String] = []
            let last = min(span.end.line, lines.count)
            for number in span.start.line...max(span.start.line, last) {
                let line = lines[number - 1]
                let from = number == span.start.line ? max(0, span.start.column - 1) : 0
                // A whole line (inside a span over several) is the line itself.
                if from == 0 && number != span.end.line {
                    parts.append(line)
                    continue
                }
                let lineScalars: [Unicode.Scalar]
                if line.utf8.count <= Self.longLine {
                    lineScalars = Array(line.unicodeScalars)
                } else {
                    lineScalars = scalars[number] ?? Array(line.unicodeScalars)
                    scalars[number] = lineScalars
                }
                if let part = Self.slice(lineScalars, from: from, to: number == span.end.line ? span.end.column - 1 : nil) {
                    parts.append(part)
                }
            }
            return parts.joined(separator: "\n")
        }

        /// The scalars `from..<to` (to the end when `to` is nil), nil when `from` is past `to`.
        private static func slice(_ scalars: [Unicode.Scalar], from: Int, to end: Int?) -> String? {
            let to = end.map { min(scalars.count, max(from, $0)) } ?? scalars.count
            guard from <= to else { return nil }
            return String(String.UnicodeScalarView(scalars[from..<to]))
        }
    }
}
