/// XML 1.0 escaping for JUnit output.
enum XMLEscaping {
    /// Character data: `&`, `<`, `>` escaped; characters XML 1.0 cannot carry (C0 controls
    /// other than tab, LF and CR; lone surrogates cannot occur in `String`; U+FFFE/U+FFFF)
    /// are replaced by U+FFFD so the document stays well-formed.
    static func text(_ s: String) -> String { escape(s, attribute: false) }

    /// Attribute values (always written in double quotes): as `text`, plus `"` and `'`, and
    /// tab, LF and CR as character references so that attribute normalization keeps them.
    static func attribute(_ s: String) -> String { escape(s, attribute: true) }

    private static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case let c where c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
