/// Text made safe for a terminal or a log: every control character printed visibly.
///
/// Sheet content and file names reach the text report and standard error. An ESC sequence
/// (`\e]0;TITLE\a`, `\e[2J`), a C1 control (U+009B is a one-character CSI), BEL or NUL would
/// act on the reader's terminal, and a line break in a file name would forge an extra
/// finding line. Each such scalar is written as `\u{1B}` instead; Japanese text, and every
/// other printable character, is kept as it is.
public enum TerminalText {
    /// `s` with every C0 and C1 control, DEL and bidirectional override escaped as `\u{…}`.
    /// With `keepLayout`, LF and TAB stay (for multi-line output such as `rules explain`).
    public static func escaped(_ s: String, keepLayout: Bool = false) -> String {
        guard s.unicodeScalars.contains(where: { needsEscape($0, keepLayout) }) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if needsEscape(scalar, keepLayout) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 (U+0000–U+001F), DEL, C1 (U+0080–U+009F), and the bidirectional embedding,
    /// override and isolate controls (U+202A–U+202E, U+2066–U+2069), which reorder what
    /// a terminal shows.
    static func needsEscape(_ scalar: Unicode.Scalar, _ keepLayout: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return !keepLayout
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
