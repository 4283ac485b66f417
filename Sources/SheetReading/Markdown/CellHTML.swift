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

    static let blockTags: [String] = [
        "p", "li", "ul", "ol", "br", "div", "tr", "td", "th", "table", "tbody", "thead",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dl", "dt", "dd", "blockquote",
    ]

    /// A tag name (ASCII letters and digits) packed six bits a character, letters folded
    /// to lower case; nil past ten characters, longer than any block tag's name.
    static func nameCode<C: Collection>(_ name: C) -> UInt64? where C.Element == Unicode.Scalar {
        var code: UInt64 = 0
        var length = 0
        for s in name {
            length += 1
            guard length <= 10 else { return nil }
            let v = s.value
            let c: UInt32
            switch v {
            case 0x61...0x7A: c = v - 0x61 + 1
            case 0x41...0x5A: c = v - 0x41 + 1
            case 0x30...0x39: c = v - 0x30 + 27
            default: return nil
            }
            code = code << 6 | UInt64(c)
        }
        return code
    }

    private static let blockTagCodes: [UInt64] = blockTags.map { nameCode($0.unicodeScalars)! }
    private static let listItemCode = nameCode("li".unicodeScalars)!

    /// What a tag is to the reader.
    enum TagKind: Equatable {
        /// Dropped, its text kept in the fragment (`<span>`, `<b>`, comments, unknown names).
        case inline
        /// Ends the fragment (`<p>`, `</li>`, `<br>`…); `listItem` for an opening `<li>`.
        case block(listItem: Bool)
    }

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
        var out: [Block] = []
        forEachBlock(run) { out.append(Block(run: $0, isListItem: $1)) }
        return out
    }

    /// Calls `body` with each fragment of `blocks(_:)` and whether it opens a list item, in
    /// source order, without collecting them.
    static func forEachBlock(_ run: Run, _ body: (Run, Bool) -> Void) {
        // Most cells hold no tag and no entity: then the one block is the trimmed cell,
        // without copying it scalar by scalar.
        let n = run.count
        let plain = run.withScalars { ScalarSearch.firstOf("<", "&", in: $0, from: 0) == n }
        if plain {
            let t = run.trimmed()
            if !t.isEmpty { body(t, false) }
            return
        }
        // The fragment being read: while it is one stretch of `run` (text between tags,
        // the usual case) it is only the range `start..<end`; text joined across an inline
        // tag or holding a decoded entity is copied into `built`.
        var start = -1, end = -1
        var built: RunBuilder?
        var currentIsListItem = false
        func flush() {
            let fragment = built?.run ?? (start >= 0 ? run.slice(start..<end) : nil)
            if let t = fragment?.trimmed(), !t.isEmpty { body(t, currentIsListItem) }
            start = -1
            end = -1
            built = nil
            currentIsListItem = false
        }
        /// Adds `scalar`, read at `i` (decoded from the entity there when `decoded`).
        func append(_ scalar: Unicode.Scalar, at i: Int, decoded: Bool) {
            if built == nil {
                if !decoded {
                    if start < 0 { start = i; end = i + 1; return }
                    if end == i { end += 1; return }
                }
                built = start >= 0 ? RunBuilder(run.slice(start..<end)) : RunBuilder(line: run.line)
            }
            built!.append(scalar, column: run.column(i))
        }
        /// Adds `run[i..<j]`, text as written.
        func appendAsWritten(_ i: Int, _ j: Int) {
            if built == nil {
                if start < 0 { start = i; end = j; return }
                if end == i { end = j; return }
                built = RunBuilder(run.slice(start..<end))
            }
            built!.append(run.slice(i..<j))
        }
        var i = 0
        while i < n {
            // Text as written up to the next `<` or `&`, in one piece.
            var j = i
            run.withScalars { j = ScalarSearch.firstOf("<", "&", in: $0, from: j) }
            if j > i { appendAsWritten(i, j) }
            i = j
            guard i < n else { break }
            if run[i] == "<", let (tagEnd, kind) = tag(in: run, at: i) {
                if case .block(let listItem) = kind {
                    flush()
                    currentIsListItem = listItem
                }
                i = tagEnd
                continue
            }
            if run[i] == "&", let (entityEnd, decoded) = entity(in: run, at: i) {
                append(decoded, at: i, decoded: true)
                i = entityEnd
                continue
            }
            appendAsWritten(i, i + 1)
            i += 1
        }
        flush()
    }

    /// The text of `run` as `blocks(_:)` reads it (every tag dropped, entities decoded),
    /// one scalar at a time until `body` returns false: the scalars of the fragments, with
    /// the white space between them, without cutting or copying the run.
    @inline(__always)
    static func forEachTextScalar(_ run: Run, _ body: (Unicode.Scalar) -> Bool) {
        let n = run.count
        // Over the run's buffer; inlined, so that `body` is too.
        run.withScalars { scalars in
            var i = 0
            while i < n {
                let s = scalars[i]
                if s == "<", let (tagEnd, _) = tag(in: scalars, at: i) {
                    i = tagEnd
                    continue
                }
                if s == "&", let (entityEnd, decoded) = entity(in: run, at: i) {
                    guard body(decoded) else { return }
                    i = entityEnd
                    continue
                }
                guard body(s) else { return }
                i += 1
            }
        }
    }

    /// A tag or comment starting at `i`: returns the index after `>` and what the tag is
    /// (its name, without `/`, compared in lower case; comments are inline). Nil when `<`
    /// does not start a tag.
    static func tag(in s: Run, at i: Int) -> (Int, TagKind)? {
        s.withScalars { tag(in: $0, at: i) }
    }

    /// The same on the run's scalars.
    static func tag(in s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Int, TagKind)? {
        var j = i + 1
        let n = s.count
        guard j < n else { return nil }
        if s[j] == "!" {
            // Comment or declaration: up to the next `-->` or `>`.
            var k = j + 1
            let isComment = k + 1 < n && s[k] == "-" && s[k + 1] == "-"
            while k < n {
                if s[k] == ">" && (!isComment || (k >= 2 && s[k - 1] == "-" && s[k - 2] == "-")) { return (k + 1, .inline) }
                k += 1
            }
            return nil
        }
        let closing = s[j] == "/"
        if closing { j += 1 }
        let nameStart = j
        // ASCII letters and digits (the ASCII letters are exactly the ASCII alphabetic scalars).
        while j < n, Self.isASCIILetterOrDigit(s[j]) { j += 1 }
        guard j > nameStart, Self.isASCIILetter(s[nameStart]) else { return nil }
        let nameEnd = j
        // Attributes: anything up to `>`, but a `<` or the end of the line means this was no tag.
        while j < n, s[j] != ">" {
            if s[j] == "<" { return nil }
            j += 1
        }
        guard j < n else { return nil }
        // ASCII letters and digits only, compared with lower-case letters.
        guard let code = nameCode(UnsafeBufferPointer(rebasing: s[nameStart..<nameEnd])), blockTagCodes.contains(code)
        else { return (j + 1, .inline) }
        return (j + 1, .block(listItem: code == listItemCode && !closing))
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "middot": "\u{00B7}",
        "hellip": "\u{2026}", "mdash": "\u{2014}", "ndash": "\u{2013}", "times": "\u{00D7}",
        "yen": "\u{00A5}", "copy": "\u{00A9}", "laquo": "\u{00AB}", "raquo": "\u{00BB}",
    ]

    /// A character entity at `i`: the index after `;` and the scalar it stands for.
    static func entity(in s: Run, at i: Int) -> (Int, Unicode.Scalar)? {
        var j = i + 1
        let n = s.count
        while j < n, j - i <= 10, s[j] != ";" {
            guard Self.isASCIILetterOrDigit(s[j]) || s[j] == "#" else { return nil }
            j += 1
        }
        guard j < n, s[j] == ";", j > i + 1 else { return nil }
        let body = s.slice((i + 1)..<j).string
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
