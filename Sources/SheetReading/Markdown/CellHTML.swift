/// Turns the inline HTML of a cell (or a text line) into fragments: one per block
/// (`<p>`, `<li>`, text between block tags, `<br>`-separated lines). Inline tags are
/// dropped; character entities are decoded and keep the column of their `&`.
/// Unclosed `<ul>`/`<p>` are harmless: any block tag simply ends the current fragment.
enum CellHTML {
    static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }

    static func isASCIILetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        isASCIILetter(s) || (s.value >= 0x30 && s.value <= 0x39)
    }

    private static let blockTags: Set<String> = [
        "p", "li", "ul", "ol", "br", "div", "tr", "td", "th", "table", "tbody", "thead",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dl", "dt", "dd", "blockquote",
    ]

    /// A fragment, and whether an opening `<li>` started it.
    struct Block {
        var run: Run
        /// True for the text right after `<li>`: a list item is a bullet even when the
        /// author wrote no `・` (`<li>点検(毎月)</li>` reads as `・点検(毎月)`).
        var isListItem: Bool
    }

    /// Fragments of `run`, trimmed, empty ones dropped, in source order.
    static func fragments(_ run: Run) -> [Run] {
        blocks(run).map(\.run)
    }

    /// Like `fragments(_:)`, telling which fragments open a list item.
    static func blocks(_ run: Run) -> [Block] {
        // Most cells hold no tag and no entity: then the one block is the trimmed cell,
        // without copying it scalar by scalar.
        if !run.scalars.contains(where: { $0 == "<" || $0 == "&" }) {
            let t = run.trimmed()
            return t.isEmpty ? [] : [Block(run: t, isListItem: false)]
        }
        var out: [Block] = []
        var current = Run(line: run.line)
        var currentIsListItem = false
        func flush() {
            let t = current.trimmed()
            if !t.isEmpty { out.append(Block(run: t, isListItem: currentIsListItem)) }
            current = Run(line: run.line)
            currentIsListItem = false
        }
        let s = run.scalars
        var i = 0
        while i < s.count {
            if s[i] == "<", let (end, name) = tag(in: s, at: i) {
                if blockTags.contains(name) {
                    flush()
                    currentIsListItem = name == "li" && s[i + 1] != "/"
                }
                i = end
                continue
            }
            if s[i] == "&", let (end, decoded) = entity(in: s, at: i) {
                current.append(decoded, column: run.columns[i])
                i = end
                continue
            }
            current.append(s[i], column: run.columns[i])
            i += 1
        }
        flush()
        return out
    }

    /// A tag or comment starting at `i`: returns the index after `>` and the lower-case
    /// name (without `/`; `!` for comments). Nil when `<` does not start a tag.
    private static func tag(in s: [Unicode.Scalar], at i: Int) -> (Int, String)? {
        var j = i + 1
        guard j < s.count else { return nil }
        if s[j] == "!" {
            // Comment or declaration: up to the next `-->` or `>`.
            var k = j + 1
            let isComment = k + 1 < s.count && s[k] == "-" && s[k + 1] == "-"
            while k < s.count {
                if s[k] == ">" && (!isComment || (k >= 2 && s[k - 1] == "-" && s[k - 2] == "-")) { return (k + 1, "!") }
                k += 1
            }
            return nil
        }
        if s[j] == "/" { j += 1 }
        var name = ""
        // ASCII letters and digits (the ASCII letters are exactly the ASCII alphabetic scalars).
        while j < s.count, Self.isASCIILetterOrDigit(s[j]) {
            name.unicodeScalars.append(s[j])
            j += 1
        }
        guard !name.isEmpty, let firstName = name.unicodeScalars.first, Self.isASCIILetter(firstName) else { return nil }
        // Attributes: anything up to `>`, but a `<` or the end of the line means this was no tag.
        while j < s.count, s[j] != ">" {
            if s[j] == "<" { return nil }
            j += 1
        }
        guard j < s.count else { return nil }
        return (j + 1, name.lowercased())
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "middot": "\u{00B7}",
        "hellip": "\u{2026}", "mdash": "\u{2014}", "ndash": "\u{2013}", "times": "\u{00D7}",
        "yen": "\u{00A5}", "copy": "\u{00A9}", "laquo": "\u{00AB}", "raquo": "\u{00BB}",
    ]

    /// A character entity at `i`: the index after `;` and the scalar it stands for.
    private static func entity(in s: [Unicode.Scalar], at i: Int) -> (Int, Unicode.Scalar)? {
        var j = i + 1
        var body = ""
        while j < s.count, j - i <= 10, s[j] != ";" {
            guard Self.isASCIILetterOrDigit(s[j]) || s[j] == "#" else { return nil }
            body.unicodeScalars.append(s[j])
            j += 1
        }
        guard j < s.count, s[j] == ";", !body.isEmpty else { return nil }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") || digits.hasPrefix("X") {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let v = value, let scalar = Unicode.Scalar(v), v != 0 else { return nil }
            return (j + 1, scalar)
        }
        guard let scalar = named[body.lowercased()] else { return nil }
        return (j + 1, scalar)
    }
}
