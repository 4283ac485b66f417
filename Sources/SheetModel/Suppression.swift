/// A suppression written in a sheet: an HTML comment in the published form
/// (`<!-- sheetlint-disable RULE, RULE -->`, `<!-- sheetlint-enable -->`,
/// `<!-- sheetlint-disable-next-line RULE -->`) or an entry of `suppress:` in the canonical form.
public struct Suppression: Sendable, Hashable {
    /// What the directive does.
    public enum Kind: String, Sendable, Hashable {
        /// From this line until a matching `enable` (or the end of the file).
        case disable
        /// Ends an earlier `disable` (of the rules named, or of all when none are named).
        case enable
        /// Only the next line that is neither blank nor a comment.
        case disableNextLine = "disable-next-line"
        /// Canonical `suppress:` entry: the whole sheet, or the model path given.
        case sheet
        /// A `sheetlint-…` comment with a word sheetlint does not know (`rules` holds it).
        case unknown
    }

    public var kind: Kind
    /// Rule ids named; empty means every rule.
    public var rules: [String]
    /// Canonical form only: suppress findings at this model path or below it.
    public var path: String?
    /// The directive itself (the comment, or the `suppress:` entry).
    public var span: SourceSpan
    /// `disable-next-line` only: the line it applies to (the next line that is neither
    /// blank nor only comments); nil when the file ends first.
    public var targetLine: Int?

    public init(kind: Kind, rules: [String], path: String? = nil, span: SourceSpan, targetLine: Int? = nil) {
        self.kind = kind
        self.rules = rules
        self.path = path
        self.span = span
        self.targetLine = targetLine
    }
}
