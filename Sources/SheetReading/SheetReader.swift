import SheetModel

/// What a read may be told from outside the file.
public struct ReadOptions: Sendable, Hashable {
    /// Force this encoding instead of detecting one.
    public var encoding: SheetEncoding?
    /// Fiscal year to use whatever the sheet says (`--fiscal-year`).
    public var fiscalYear: Int?

    /// The fiscal years accepted anywhere one is given (`--fiscal-year`, `fiscalYear:` in a
    /// configuration): western years, so a Japanese-era number or a typo is refused.
    public static let validFiscalYears = 1900...2999

    public init(encoding: SheetEncoding? = nil, fiscalYear: Int? = nil) {
        self.encoding = encoding
        self.fiscalYear = fiscalYear
    }
}

/// Reads a sheet file of any supported form: `.md`/`.markdown` (published form),
/// `.yaml`/`.yml`/`.json` (canonical form).
public enum SheetReader {
    /// File name endings read as sheets.
    public static let markdownExtensions: Set<String> = ["md", "markdown"]
    public static let canonicalExtensions: Set<String> = ["yaml", "yml", "json"]

    /// True when `path` names a file sheetlint reads as a sheet.
    public static func isSheetFile(_ path: String) -> Bool {
        let ext = fileExtension(path)
        return markdownExtensions.contains(ext) || canonicalExtensions.contains(ext)
    }

    /// Reads, decodes and parses `path`. Throws `ReadError` for unusable input.
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws -> Sheet {
        let decoded = try SheetDecoder.readFile(path: path, forced: options.encoding)
        return try read(decoded: decoded, path: path, options: options)
    }

    /// Parses already decoded text; the form is chosen by `path`'s extension.
    public static func read(decoded: DecodedText, path: String, options: ReadOptions = ReadOptions()) throws -> Sheet {
        var sheet: Sheet
        let ext = fileExtension(path)
        if canonicalExtensions.contains(ext) {
            sheet = try CanonicalSheetReader.read(text: decoded.text, file: path)
        } else {
            sheet = MarkdownSheetReader.read(text: decoded.text, file: path)
            if sheet.sectionsPresent.isEmpty && sheet.header.span == nil {
                throw ReadError(.notASheet, file: path,
                                message: "目標設定シートとして読めません（部局・使命・目標の節も表も見つかりません）",
                                messageEn: "not a goal sheet: no header, section heading or goal table found")
            }
        }
        sheet.notes = decoded.notes + sheet.notes
        if let year = options.fiscalYear {
            sheet.fiscalYear = year
            sheet.fiscalYearSource = .option
        }
        return sheet
    }

    static func fileExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }
}
