import SheetModel

/// Line breaks: CRLF, LF and a lone CR each end one line, as editors count them.
extension SheetDecoder {
    /// Splits `text` into lines without their line breaks, in O(n).
    ///
    /// CRLF, LF and a lone CR each count as one break, so line numbers agree with
    /// `SourcePosition` for Windows (CRLF) and old Mac (CR) files alike. A text with N
    /// breaks has N + 1 lines: `"a\n"` gives `["a", ""]` and `""` gives `[""]`, so every
    /// position the decoder reports (even one just after a final break) names a line.
    /// The substrings share storage with `text`.
    public static func splitLines(_ text: String) -> [Substring] {
        // On the string's own UTF-8 storage when it has one (decoded text always does).
        if let lines = text.utf8.withContiguousStorageIfAvailable({ bytes -> [Substring] in
            var lines: [Substring] = []
            let base = text.utf8.startIndex
            func index(_ offset: Int) -> String.Index { text.utf8.index(base, offsetBy: offset) }
            var lineStart = 0, i = 0
            while i < bytes.count {
                let byte = bytes[i]
                guard byte == 0x0A || byte == 0x0D else { i += 1; continue }
                lines.append(text[index(lineStart)..<index(i)])
                i += 1
                if byte == 0x0D, i < bytes.count, bytes[i] == 0x0A { i += 1 }
                lineStart = i
            }
            lines.append(text[index(lineStart)..<text.endIndex])
            return lines
        }) {
            return lines
        }
        var lines: [Substring] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var i = utf8.startIndex
        // Bytes 0x0A and 0x0D only ever encode LF and CR in UTF-8, so scanning bytes is safe
        // and avoids grapheme breaking (which treats CRLF as one Character).
        while i != utf8.endIndex {
            let byte = utf8[i]
            guard byte == 0x0A || byte == 0x0D else { utf8.formIndex(after: &i); continue }
            lines.append(text[lineStart..<i])
            utf8.formIndex(after: &i)
            if byte == 0x0D, i != utf8.endIndex, utf8[i] == 0x0A { utf8.formIndex(after: &i) }
            lineStart = i
        }
        lines.append(text[lineStart..<utf8.endIndex])
        return lines
    }

    /// Tracks the 1-based line and Unicode-scalar column while code units are fed in order,
    /// with the same break rules as `splitLines`.
    struct LineCounter {
        private(set) var line = 1
        private(set) var column = 1
        private var afterCR = false

        /// Feeds one code unit; `startsScalar` is false for UTF-8 continuation bytes and
        /// UTF-16 low surrogates, which do not start a new column.
        mutating func feed(_ unit: UInt32, startsScalar: Bool) {
            if unit == 0x0A, afterCR {  // the LF of a CRLF: the CR already ended the line
                afterCR = false
                return
            }
            afterCR = unit == 0x0D
            if unit == 0x0A || unit == 0x0D {
                line += 1
                column = 1
            } else if startsScalar {
                column += 1
            }
        }

        /// The position of the next code unit.
        var position: SourcePosition { SourcePosition(line: line, column: column) }
    }
}
