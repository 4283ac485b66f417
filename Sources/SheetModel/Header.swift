/// A piece of text as written, with the span it came from.
public struct Field: Sendable, Hashable {
    /// The text exactly as written (entities decoded, tags removed, outer spaces trimmed).
    public var text: String
    /// Where the text was read from.
    public var span: SourceSpan

    public init(text: String, span: SourceSpan) {
        self.text = text
        self.span = span
    }
}

/// The header row: 部局 / 補職 / 氏名.
public struct Header: Sendable, Hashable {
    /// 部局.
    public var department: Field?
    /// 補職.
    public var position: Field?
    /// 氏名.
    public var name: Field?
    /// The header row(s); nil when no header was found.
    public var span: SourceSpan?

    public init(department: Field? = nil, position: Field? = nil, name: Field? = nil, span: SourceSpan? = nil) {
        self.department = department
        self.position = position
        self.name = name
        self.span = span
    }
}

/// One 方針 (n) and the 総括 (n) that answers it.
public struct Approach: Sendable, Hashable {
    /// The n of (n); nil when the text is not numbered.
    public var number: Int?
    /// 方針: the policy text.
    public var approach: Field?
    /// 総括: its year-end review.
    public var review: Field?
    public var span: SourceSpan

    public init(number: Int?, approach: Field?, review: Field?, span: SourceSpan) {
        self.number = number
        self.approach = approach
        self.review = review
        self.span = span
    }
}
