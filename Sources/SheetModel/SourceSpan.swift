/// A position in a source file: 1-based line and 1-based column counted in Unicode scalars.
///
/// Columns never count bytes or grapheme clusters: `部局` at the start of a line occupies
/// columns 1 and 2. SARIF calls this unit `unicodeCodePoints`.
///
/// Stored in 32 bits each (every element of a sheet carries spans, so this halves them);
/// a value past `Int32.max` is clamped to it, which no file within the size limit reaches.
public struct SourcePosition: Sendable, Hashable, Comparable, Codable {
    private var storedLine: Int32
    private var storedColumn: Int32

    /// 1-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    /// 1-based column, in Unicode scalars.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// Creates a position; both values are 1-based.
    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    private enum CodingKeys: String, CodingKey { case line, column }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(line: try c.decode(Int.self, forKey: .line), column: try c.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
    }
}

/// The region of a file an element was read from.
///
/// `start` is the first scalar of the element; `end` is the position just after its last
/// scalar (exclusive), as in SARIF's `endColumn`. An empty element has `start == end`.
public struct SourceSpan: Sendable, Hashable, Codable {
    /// The file as the user named it (relative paths stay relative).
    public var file: String
    /// First scalar of the element.
    public var start: SourcePosition
    /// Position just after the last scalar (exclusive end).
    public var end: SourcePosition

    /// Creates a span from `start` (inclusive) to `end` (exclusive).
    public init(file: String, start: SourcePosition, end: SourcePosition) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// Creates a span on one line from `startColumn` (inclusive) to `endColumn` (exclusive).
    public init(file: String, line: Int, startColumn: Int, endColumn: Int) {
        self.init(file: file, start: SourcePosition(line: line, column: startColumn),
                  end: SourcePosition(line: line, column: endColumn))
    }

    /// The smallest span that covers both spans (same file assumed).
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    /// `line:col-line:col`, the form used in dumps and canonical output.
    public var compactDescription: String {
        "\(start.line):\(start.column)-\(end.line):\(end.column)"
    }
}

extension Optional where Wrapped == SourceSpan {
    /// Union of an optional span with another span.
    public func union(_ other: SourceSpan?) -> SourceSpan? {
        switch (self, other) {
        case let (a?, b?): return a.union(b)
        case let (a?, nil): return a
        case let (nil, b): return b
        }
    }
}
