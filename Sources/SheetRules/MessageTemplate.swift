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

    /// Parses `source`; throws the bilingual reason for an unclosed `{` or `[[`.
    init(_ source: String) throws(SelectorError) {
        self.source = source
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
        pieces = stack[0]
    }

    /// Every placeholder name used, for validation at load.
    var placeholders: [String] { Self.names(pieces) }

    /// The message with values filled in; unknown or missing values render empty.
    func render(_ values: [String: String]) -> String {
        func render(_ pieces: [Piece]) -> String {
            pieces.map { piece -> String in
                switch piece {
                case .text(let t): return t
                case .placeholder(let n): return values[n] ?? ""
                case .optional(let inner):
                    let used = MessageTemplate.names(inner)
                    return used.allSatisfy { !(values[$0] ?? "").isEmpty } ? render(inner) : ""
                }
            }.joined()
        }
        return render(pieces)
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
