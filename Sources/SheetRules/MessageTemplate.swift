/// A message with placeholders, parsed at load.
///
/// `{name}` is replaced by a value; text between `[[` and `]]` is kept only when every
/// placeholder inside it has a non-empty value (for optional hints such as a suggestion).
public struct MessageTemplate: Sendable, Hashable {
    enum Piece: Sendable, Hashable {
        case text(String)
        case placeholder(String)
        case optional([Piece])
    }

    /// The template as written.
    public let source: String
    let pieces: [Piece]
    /// The common placeholders (`CommonPlaceholder`) the template names, so a finding works
    /// out only those.
    let commonNeeds: CommonPlaceholder.Set

    /// Parses `source`; throws the bilingual reason for an unclosed `{` or `[[`.
    init(_ source: String) throws(SelectorError) {
        self.source = source
        if let pieces = try Self.piecesOnScalars(source) {
            self.pieces = pieces
        } else {
            pieces = try Self.piecesOnCharacters(source)
        }
        commonNeeds = CommonPlaceholder.Set(Self.names(pieces))
    }

    /// The pieces of `source`, read by characters as written (`[[`, `]]`, `{`, `}` are
    /// delimiters only as characters of their own, not with a combining mark after them).
    static func piecesOnCharacters(_ source: String) throws(SelectorError) -> [Piece] {
        var stack: [[Piece]] = [[]]
        var text = ""
        // By characters, as written (an index into an array: no prefix test per character).
        let chars = Array(source)
        var i = 0
        func flush() {
            if !text.isEmpty { stack[stack.count - 1].append(.text(text)) }
            text = ""
        }
        while i < chars.count {
            let c = chars[i]
            let next = i + 1 < chars.count ? chars[i + 1] : nil
            if c == "[", next == "[" {
                flush()
                stack.append([])
                i += 2
            } else if c == "]", next == "]", stack.count > 1 {
                flush()
                let inner = stack.removeLast()
                stack[stack.count - 1].append(.optional(inner))
                i += 2
            } else if c == "{" {
                guard let close = chars[i...].firstIndex(of: "}") else {
                    throw SelectorError("メッセージ「\(source)」の { が閉じていません", "message '\(source)': unclosed '{'")
                }
                flush()
                stack[stack.count - 1].append(.placeholder(String(chars[(i + 1)..<close])))
                i = close + 1
            } else {
                text.append(c)
                i += 1
            }
        }
        flush()
        guard stack.count == 1 else {
            throw SelectorError("メッセージ「\(source)」の [[ が閉じていません", "message '\(source)': unclosed '[['")
        }
        return stack[0]
    }

    /// The same pieces found on the UTF-8 bytes, without splitting the text into characters
    /// (that was most of the time spent loading the built-in rules' 62 templates); nil when
    /// a delimiter stands next to a scalar that could join it into a larger character (a
    /// combining mark after it, a prepended one before it), which `piecesOnCharacters`
    /// then reads. The delimiters are ASCII, so between two of them the text is a slice.
    static func piecesOnScalars(_ source: String) throws(SelectorError) -> [Piece]? {
        var stack: [[Piece]] = [[]]
        var result: [Piece]?
        let ok: Bool = source.utf8.withContiguousStorageIfAvailable { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            let n = bytes.count
            let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), lbrace = UInt8(ascii: "{"), rbrace = UInt8(ascii: "}")
            func isDelimiter(_ b: UInt8) -> Bool { b == open || b == close || b == lbrace || b == rbrace }
            // Every delimiter must be a character of its own: its neighbours are scalars
            // that never join one (ASCII, or CJK and full-width forms without their
            // combining marks).
            for i in 0..<n where isDelimiter(bytes[i]) {
                if i > 0, !isFreeBefore(bytes, i) { return false }
                if i + 1 < n, !isFreeAt(bytes, i + 1) { return false }
            }
            func text(_ from: Int, _ to: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
            }
            var i = 0, start = 0
            func flush(_ end: Int) {
                if end > start { stack[stack.count - 1].append(.text(text(start, end))) }
            }
            while i < n {
                let b = bytes[i]
                if b == open, i + 1 < n, bytes[i + 1] == open {
                    flush(i)
                    stack.append([])
                    i += 2
                    start = i
                } else if b == close, i + 1 < n, bytes[i + 1] == close, stack.count > 1 {
                    flush(i)
                    let inner = stack.removeLast()
                    stack[stack.count - 1].append(.optional(inner))
                    i += 2
                    start = i
                } else if b == lbrace {
                    var end = i + 1
                    while end < n, bytes[end] != rbrace { end += 1 }
                    guard end < n else { return true }  // unclosed: thrown below
                    flush(i)
                    stack[stack.count - 1].append(.placeholder(text(i + 1, end)))
                    i = end + 1
                    start = i
                } else {
                    i += 1
                }
            }
            flush(n)
            if stack.count == 1 { result = stack[0] }
            return true
        } ?? false
        guard ok else { return nil }
        // An unclosed `{` or `[[`: the characters' reading throws the same error.
        guard let result else { return try piecesOnCharacters(source) }
        return result
    }

    /// True when the scalar ending just before byte `i` never joins the character after
    /// it (it is not a Prepend scalar).
    private static func isFreeBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isFree(bytes, start)
    }

    /// True when the scalar starting at byte `i` never joins the character before it
    /// (it is not Extend, ZWJ or SpacingMark) nor, for the check before, the one after.
    private static func isFreeAt(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool { isFree(bytes, i) }

    /// ASCII, or U+3000–U+9FFF or U+FF01–U+FF9D other than the combining marks U+302A–302F
    /// and U+3099–309A: scalars of Grapheme_Cluster_Break=Other (or Control, for ASCII
    /// controls, which break on both sides except CR LF, and no delimiter is CR or LF).
    private static func isFree(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b0 = bytes[i]
        if b0 < 0x80 { return true }
        guard b0 & 0xF0 == 0xE0, i + 2 < bytes.count else { return false }
        let v = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        switch v {
        case 0x302A...0x302F, 0x3099...0x309A: return false
        case 0x3000...0x9FFF, 0xFF01...0xFF9D: return true
        default: return false
        }
    }

    /// Every placeholder name used, for validation at load.
    var placeholders: [String] { Self.names(pieces) }

    /// The message with values filled in; unknown or missing values render empty.
    func render(_ values: [String: String]) -> String {
        render { values[$0] }
    }

    /// The message with the value `value(name)` for each placeholder; nil renders empty.
    func render(_ value: (String) -> String?) -> String {
        var out = ""
        out.reserveCapacity(source.utf8.count + 64)
        func render(_ pieces: [Piece]) {
            for piece in pieces {
                switch piece {
                case .text(let t): out += t
                case .placeholder(let n): out += value(n) ?? ""
                case .optional(let inner):
                    if MessageTemplate.names(inner).allSatisfy({ !(value($0) ?? "").isEmpty }) { render(inner) }
                }
            }
        }
        render(pieces)
        return out
    }

    private static func names(_ pieces: [Piece]) -> [String] {
        pieces.flatMap { piece -> [String] in
            switch piece {
            case .text: return []
            case .placeholder(let n): return [n]
            case .optional(let inner): return names(inner)
            }
        }
    }
}

/// Placeholders every rule may use, whatever its kind.
public enum CommonPlaceholder {
    /// A set of the common placeholders, by name.
    struct Set: OptionSet, Sendable, Hashable {
        let rawValue: UInt16
        static let value = Set(rawValue: 1 << 0), path = Set(rawValue: 1 << 1), field = Set(rawValue: 1 << 2)
        static let section = Set(rawValue: 1 << 3), number = Set(rawValue: 1 << 4), goal = Set(rawValue: 1 << 5)
        static let code = Set(rawValue: 1 << 6), title = Set(rawValue: 1 << 7), written = Set(rawValue: 1 << 8)

        init(rawValue: UInt16) { self.rawValue = rawValue }

        /// The common placeholders among `names`.
        init(_ names: [String]) {
            self = []
            for name in names {
                switch name {
                case "value": insert(.value)
                case "path": insert(.path)
                case "field": insert(.field)
                case "section": insert(.section)
                case "number": insert(.number)
                case "goal": insert(.goal)
                case "code": insert(.code)
                case "title": insert(.title)
                case "written": insert(.written)
                default: break
                }
            }
        }
    }

    /// Name and meaning of each common placeholder, for the documentation.
    public static let all: [(name: String, meaning: String)] = [
        ("value", "the selected value (a number or text; for an object its written form, code or text)"),
        ("path", "the model path, e.g. annualGoals[3].planCodes[0]"),
        ("field", "the label of the selected field in the message's language (e.g. 実績 / results)"),
        ("section", "the label of the section the node is in (e.g. 当年度目標と振り返り)"),
        ("number", "the `number` of the node or of its nearest numbered ancestor (item (n), goal No, policy number)"),
        ("goal", "the No of the enclosing annual or mid-term goal"),
        ("code", "the `code` of the node or its nearest ancestor (a 総合計画 citation)"),
        ("title", "the `title` of the node or its nearest ancestor"),
        ("written", "the `written` form of the node or its nearest ancestor (a citation as written)"),
    ]
}
