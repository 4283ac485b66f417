import SheetModel

/// Reads schedule entries out of item text: `・text(9月)` bullets, whose timing is the
/// parenthesized group that ends the bullet, and `text：timing` entries, of which one
/// piece of text may hold several (`推進：随時 次期計画の策定：令和4年度`).
enum ScheduleParsing {
    /// Words that make a piece of text a timing expression.
    static let timingWords = ["随時", "毎月", "毎年", "毎週", "毎日", "通年", "年間", "上旬", "中旬", "下旬",
                                      "当初", "年度", "月末", "月初", "四半期", "適宜", "常時", "年内", "期中"]

    /// True when `text` reads as a timing: a number followed by 年/月/日, or a timing word.
    static func looksLikeTiming(_ folded: [Unicode.Scalar]) -> Bool {
        looksLikeTiming(folded[...])
    }

    /// The same for a slice of folded scalars.
    static func looksLikeTiming(_ folded: ArraySlice<Unicode.Scalar>) -> Bool {
        var i = folded.startIndex
        while i + 1 < folded.endIndex {
            if ScalarFolding.digit(folded[i]) != nil {
                switch folded[i + 1] {
                case "年", "月", "日", "回": return true
                default: break
                }
            }
            i += 1
        }
        // Text of plain scalars (see `PageFurniture.HeaderScalars.isPlain`) is searched as
        // scalars, which finds what Foundation's canonical-equivalence search finds there.
        if folded.allSatisfy(PageFurniture.HeaderScalars.isPlain) {
            return timingWordScalars.contains { TableRoles.contains(folded, $0) }
        }
        let text = String(scalarsOf: folded)
        return timingWords.contains { text.contains($0) }
    }

    private static let timingWordScalars = timingWords.map { Array($0.unicodeScalars) }

    /// A `・` bullet's content as one entry.
    static func bullet(_ content: Run, file: String) -> ScheduleEntry {
        if let entries = colonEntries(content, file: file), entries.count == 1 { return entries[0] }
        // Timing: the parenthesized group that ends the bullet (scalars folded as they are
        // read, from the end: no folded copy of the content).
        let count = content.count
        if count > 0, content.folded(count - 1) == ")" {
            var depth = 0
            var i = count - 1
            while i >= 0 {
                let s = content.folded(i)
                if s == ")" { depth += 1 }
                if s == "(" {
                    depth -= 1
                    if depth == 0 { break }
                }
                i -= 1
            }
            if i > 0 {
                let text = content.slice(0..<i).trimmed()
                let timing = content.slice((i + 1)..<(count - 1)).trimmed()
                return ScheduleEntry(text: text.string, timing: timing.string, span: content.span(file: file))
            }
        }
        return ScheduleEntry(text: content.string, timing: nil, span: content.span(file: file))
    }

    /// `text：timing` entries in `content`, split at white space before each new `…：`.
    /// Nil when the content holds no colon whose right-hand side reads as a timing.
    static func colonEntries(_ content: Run, file: String) -> [ScheduleEntry]? {
        // Entries start only at a colon (`:` or `：`, the scalars that fold to `:`): most
        // text holds none and is not split into words.
        guard content.withScalars({ scalars in
            for s in scalars where s == ":" || s == "\u{FF1A}" { return true }
            return false
        }) else { return nil }
        var entries: [(text: Run?, timing: Run, prefix: [Run])] = []
        var pending: [Run] = []
        // Words (text between white space) are found on the scalars as written, and only
        // the parts a timing is looked for in are folded, into one array reused throughout.
        var folded: [Unicode.Scalar] = []
        content.withScalars { scalars in
            let n = scalars.count
            func fold(_ range: Range<Int>) -> ArraySlice<Unicode.Scalar> {
                folded.removeAll(keepingCapacity: true)
                for j in range { folded.append(ScalarFolding.fold(scalars[j])) }
                return folded[...]
            }
            /// Whether `range` leaves a parenthesis open (`(` and `)` folded).
            func leavesParenOpen(_ range: Range<Int>) -> Bool {
                var depth = 0
                for j in range {
                    let s = ScalarFolding.fold(scalars[j])
                    if s == "(" { depth += 1 } else if s == ")" { depth = max(0, depth - 1) }
                }
                return depth > 0
            }
            var start = 0
            while start < n {
                while start < n, ScalarFolding.isSpace(scalars[start]) { start += 1 }
                guard start < n else { break }
                var end = start
                var colon = -1  // the first `:` or `：` of the word
                while end < n, !ScalarFolding.isSpace(scalars[end]) {
                    if colon < 0, scalars[end] == ":" || scalars[end] == "\u{FF1A}" { colon = end }
                    end += 1
                }
                let word = content.slice(start..<end)
                if colon >= 0, colon + 1 < end, looksLikeTiming(fold((colon + 1)..<end)), !leavesParenOpen(start..<colon) {
                    entries.append((word.slice(0..<(colon - start)), word.slice((colon + 1 - start)..<word.count), pending))
                    pending = []
                } else if let last = entries.indices.last, pending.isEmpty, looksLikeTiming(fold(start..<end)) {
                    entries[last].timing = join(entries[last].timing, word)
                } else {
                    pending.append(word)
                }
                start = end
            }
        }
        guard !entries.isEmpty else { return nil }
        return entries.map { entry in
            // Most entries are one word before the colon: its string, without a join.
            if entry.prefix.isEmpty {
                let first = entry.text ?? entry.timing
                return ScheduleEntry(text: entry.text?.string ?? "", timing: entry.timing.string,
                                     span: first.span(file: file).union(entry.timing.span(file: file)))
            }
            let textRuns = entry.prefix + (entry.text.map { [$0] } ?? [])
            let text = textRuns.map(\.string).joined(separator: " ")
            let first = textRuns.first ?? entry.timing
            let span = first.span(file: file).union(entry.timing.span(file: file))
            return ScheduleEntry(text: text, timing: entry.timing.string, span: span)
        }
    }

    /// Two runs of one line joined with the space between them as written.
    private static func join(_ a: Run, _ b: Run) -> Run {
        var out = RunBuilder(a)
        if let lastCol = a.lastColumn, let firstCol = b.firstColumn, firstCol > lastCol + 1 {
            out.append(" ", column: lastCol + 1)
        }
        out.append(b)
        return out.run
    }
}
