import SheetModel
import SheetReading

/// Output forms of `sheetlint parse`.
public enum ParseFormat: String, Sendable, CaseIterable {
    /// Canonical YAML (with `span` keys unless spans are turned off).
    case yaml
    /// Canonical JSON (with `span` keys unless spans are turned off).
    case json
    /// One line per element with its `line:col` span, as in the golden tests.
    case dump
}

/// What `sheetlint parse` is asked to do.
public struct ParseOptions: Sendable {
    public var path: String
    public var format: ParseFormat
    public var spans: Bool
    public var read: ReadOptions

    public init(path: String, format: ParseFormat = .yaml, spans: Bool = true, read: ReadOptions = ReadOptions()) {
        self.path = path
        self.format = format
        self.spans = spans
        self.read = read
    }
}

/// Entry points the CLI calls; each returns what to print and never exits.
public enum Sheetlint {
    /// Reads one sheet and renders it. Throws `ReadError` on unusable input.
    public static func parse(_ options: ParseOptions) throws -> ParseResult {
        let sheet = try SheetReader.read(path: options.path, options: options.read)
        let output: String
        switch options.format {
        case .yaml: output = CanonicalSheetWriter.yaml(sheet, spans: options.spans)
        case .json: output = CanonicalSheetWriter.json(sheet, spans: options.spans)
        case .dump: output = sheet.tree.dump()
        }
        let notes = sheet.notes.map { note in
            "\(note.span.file):\(note.span.start.line):\(note.span.start.column): note: \(note.message) [\(note.code)]"
        }
        return ParseResult(output: output, notes: notes)
    }
}

/// The rendered sheet and the reader's notes (for standard error).
public struct ParseResult: Sendable {
    public var output: String
    public var notes: [String]
}
