/// JSON escapes that libyaml does not accept.
///
/// JSON writes a character outside the BMP as a UTF-16 surrogate pair (`\uD842\uDFB7`
/// for 𠮷, a character used in Japanese names; Python's `json.dumps` does this by default).
/// libyaml rejects each half as an invalid code point, so before parsing a JSON document
/// we rewrite each pair as YAML's `\U00020BB7`. The rewrite is 2 scalars shorter, so
/// positions later on the same line shift left by 2 per pair; we accept that.
enum JSONEscapes {
    /// `text` with surrogate-pair escapes inside double-quoted strings rewritten, when the
    /// text is a JSON document (starts with `{` or `[`); other text is returned unchanged,
    /// since in YAML a backslash means something only inside double quotes.
    static func rewritingSurrogatePairs(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first(where: { !" \t\r\n".unicodeScalars.contains($0) }),
              first == "{" || first == "[",
              text.contains("\\u") || text.contains("\\U") else { return text }
        var out = String.UnicodeScalarView()
        var inString = false
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if !inString {
                if c == "\"" { inString = true }
                out.append(c); i += 1
                continue
            }
            if c == "\"" { inString = false; out.append(c); i += 1; continue }
            guard c == "\\", i + 1 < scalars.count else { out.append(c); i += 1; continue }
            if scalars[i + 1] == "u", let high = hex4(scalars, i + 2), (0xD800...0xDBFF).contains(high),
               i + 11 < scalars.count, scalars[i + 6] == "\\", scalars[i + 7] == "u",
               let low = hex4(scalars, i + 8), (0xDC00...0xDFFF).contains(low) {
                let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                let hex = String(value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\U" + String(repeating: "0", count: 8 - hex.count) + hex).unicodeScalars)
                i += 12
                continue
            }
            // Any other escape: copy it whole so an escaped quote does not end the string.
            out.append(c)
            out.append(scalars[i + 1])
            i += 2
        }
        return String(out)
    }

    private static func hex4(_ scalars: [Unicode.Scalar], _ at: Int) -> Int? {
        guard at + 4 <= scalars.count else { return nil }
        var value = 0
        for scalar in scalars[at..<at + 4] {
            guard let digit = Int(String(scalar), radix: 16) else { return nil }
            value = value * 16 + digit
        }
        return value
    }
}
