/// Text encodings a sheet may come in.
public enum SheetEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// UTF-16 little-endian (BOM optional when forced).
    case utf16LE = "utf-16le"
    /// UTF-16 big-endian (BOM optional when forced).
    case utf16BE = "utf-16be"
    /// Shift_JIS with Microsoft's extensions (CP932 / Windows-31J).
    case cp932 = "cp932"

    /// Accepts common spellings: `utf8`, `UTF-16`, `sjis`, `shift_jis`, `windows-31j`, …
    public init?(name: String) {
        let n = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch n {
        case "utf-8", "utf8", "utf-8-bom", "utf-8-sig": self = .utf8
        case "utf-16", "utf16", "utf-16le", "utf16le": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "cp932", "shift-jis", "shiftjis", "sjis", "windows-31j", "ms932": self = .cp932
        default: return nil
        }
    }
}
