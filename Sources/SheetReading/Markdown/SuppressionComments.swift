import SheetModel

/// Finds `<!-- sheetlint-… -->` directives anywhere in a line of the published form.
enum SuppressionComments {
    private static let prefix = Array("<!--".unicodeScalars)
    private static let suffix = Array("-->".unicodeScalars)

    /// Directives on one line, and whether the line holds nothing but comments.
    static func scan(_ line: [Unicode.Scalar], number: Int, file: String) -> (directives: [Suppression], onlyComments: Bool) {
        line.withUnsafeBufferPointer { scan($0, number: number, file: file) }
    }

    /// The same on a line's scalars in place (a line of megabytes is not copied).
    static func scan(_ line: UnsafeBufferPointer<Unicode.Scalar>, number: Int,
                     file: String) -> (directives: [Suppression], onlyComments: Bool) {
        // Without a `<!--` the line holds no directive and is not only comments.
        guard hasCommentOpening(line) else { return ([], false) }
        var directives: [Suppression] = []
        var i = 0
        var rest = false
        // The first `-->` at or after `closing.from` (nil: none). Openings are met left to
        // right, so the search only moves forward: the scan stays linear even with
        // thousands of unclosed `<!--` on one line.
        var closing: (from: Int, at: Int?) = (0, nil)
        var searched = false
        func close(from start: Int) -> Int? {
            if searched, start >= closing.from, closing.at.map({ $0 >= start }) ?? true { return closing.at }
            closing = (start, find(line, suffix, from: max(start, closing.at.map { $0 + 1 } ?? start)))
            searched = true
            return closing.at
        }
        while i < line.count {
            if starts(line, at: i, with: prefix), let end = close(from: i + prefix.count) {
                let body = String(scalarsOf: line[(i + prefix.count)..<end])
                let span = SourceSpan(file: file, line: number, startColumn: i + 1, endColumn: end + suffix.count + 1)
                if let directive = parse(body, span: span) { directives.append(directive) }
                i = end + suffix.count
                continue
            }
            if !ScalarFolding.isSpace(line[i]) { rest = true }
            i += 1
        }
        return (directives, !rest && line.contains { !ScalarFolding.isSpace($0) })
    }

    /// `sheetlint-disable a, b` → disable [a, b]; a comment not starting with `sheetlint-`
    /// is an ordinary comment; an unknown `sheetlint-` word is kept as `.unknown` so the
    /// misspelling is reported instead of silently suppressing nothing.
    private static func parse(_ body: String, span: SourceSpan) -> Suppression? {
        let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
        guard let head = words.first, head.hasPrefix("sheetlint-") else { return nil }
        let rules = words.dropFirst().joined(separator: " ")
            .split(whereSeparator: { $0 == "," || $0 == " " || $0 == "、" }).map(String.init)
        switch head.dropFirst("sheetlint-".count) {
        case "disable": return Suppression(kind: .disable, rules: rules, span: span)
        case "enable": return Suppression(kind: .enable, rules: rules, span: span)
        case "disable-next-line": return Suppression(kind: .disableNextLine, rules: rules, span: span)
        default: return Suppression(kind: .unknown, rules: [String(head)], span: span)
        }
    }

    /// Whether `s` holds `<!--` at or after `start`.
    static func hasCommentOpening(_ s: [Unicode.Scalar], from start: Int = 0) -> Bool {
        s.withUnsafeBufferPointer { hasCommentOpening($0, from: start) }
    }

    /// The same on a buffer.
    static func hasCommentOpening(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int = 0) -> Bool {
        // Each `<` found by `ScalarSearch` (most lines hold none), then the three after it.
        var i = start
        let end = s.count - 3
        while i < end, let lessThan = ScalarSearch.first("<", in: s, from: i) {
            guard lessThan < end else { return false }
            if s[lessThan + 1] == "!", s[lessThan + 2] == "-", s[lessThan + 3] == "-" { return true }
            i = lessThan + 1
        }
        return false
    }

    private static func starts(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, with p: [Unicode.Scalar]) -> Bool {
        guard i + p.count <= s.count else { return false }
        for k in 0..<p.count where s[i + k] != p[k] { return false }
        return true
    }

    private static func find(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ p: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start
        while i + p.count <= s.count {
            if starts(s, at: i, with: p) { return i }
            i += 1
        }
        return nil
    }
}
