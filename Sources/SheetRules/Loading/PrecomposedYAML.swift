import Yams

/// The built-in rule and catalogue files as Yams nodes, decoded from the tables
/// scripts/generate-default-rules wrote (`DefaultRuleSet.composed`) instead of parsing their
/// YAML at every start: parsing, tag resolution and duplicate-key checks were most of the
/// fixed cost of a process. The nodes are the ones `Yams.compose` gives for the same text,
/// line and column included (PrecomposedRulesTests compares every node).
enum PrecomposedYAML {
    /// The composed root of the embedded file `name` whose text is `text`; nil when the table
    /// does not describe that text (then the caller composes the text as before).
    static func root(name: String, text: String) -> Node? {
        guard marksCanBeBuilt,
              let entry = DefaultRuleSet.composed.first(where: { $0.name == name }), entry.utf8Count == text.utf8.count,
              DefaultRuleSet.files.first(where: { $0.name == name })?.text == text else { return nil }
        var decoder = Decoder(strings: entry.strings, words: entry.nodes)
        return decoder.node()
    }

    /// A Yams `Mark`. Yams has no public initializer for it (only its parser makes marks),
    /// so one is built from its two stored `Int`s, which `marksCanBeBuilt` verifies first.
    static func mark(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    /// True when a `Mark` is two `Int`s, line then column, as built by `mark(line:column:)`.
    /// Should a Yams release change that, the embedded text is composed as before.
    static let marksCanBeBuilt: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size,
              MemoryLayout<Mark>.alignment == MemoryLayout<(Int, Int)>.alignment else { return false }
        let m = mark(line: 12, column: 34)
        return m.line == 12 && m.column == 34
    }()

    private struct Decoder {
        let strings: [String]
        let words: [Int32]
        var at = 0
        /// Every scalar in the table has its resolved tag and Yams resolves an implicit
        /// mapping or sequence tag without its resolver's rules, so `Resolver.basic` (no
        /// rules) gives the same nodes as `Resolver.default`, whose first use compiles its
        /// seven regular expressions (8 M instructions, a tenth of a lint process's fixed
        /// cost). `Constructor.default` builds a new table at every use, so it is taken
        /// once, and each explicit tag is made once (tags are classes; Yams changes a named
        /// one only for a merge's `=` key).
        let resolver = Resolver.basic
        let constructor = Constructor.default
        var tags: [Int: Tag] = [:]

        init(strings: [String], words: [Int32]) {
            self.strings = strings
            self.words = words
        }

        mutating func tag(_ index: Int) -> Tag {
            // Yams resolves an implicit tag in place, on first use: one per node.
            if index < 0 { return Tag(.implicit, resolver, constructor) }
            if let t = tags[index] { return t }
            let t = Tag(Tag.Name(rawValue: strings[index]), resolver, constructor)
            // Yams renames a `=` key's tag in place when it flattens merges: never share that one.
            if strings[index] != Tag.Name.value.rawValue { tags[index] = t }
            return t
        }

        mutating func node() -> Node {
            let kind = words[at], tagIndex = Int(words[at + 1]), style = UInt32(words[at + 2])
            let mark = PrecomposedYAML.mark(line: Int(words[at + 3]), column: Int(words[at + 4]))
            let payload = Int(words[at + 5])
            at += 6
            let tag = tag(tagIndex)
            switch kind {
            case 0:
                return .scalar(Node.Scalar(strings[payload], tag, Node.Scalar.Style(rawValue: style) ?? .any, mark))
            case 1:
                var items: [Node] = []
                items.reserveCapacity(payload)
                for _ in 0..<payload { items.append(node()) }
                return .sequence(Node.Sequence(items, tag, Node.Sequence.Style(rawValue: style) ?? .any, mark))
            default:
                var pairs: [(Node, Node)] = []
                pairs.reserveCapacity(payload / 2)
                for _ in 0..<payload / 2 {
                    let key = node()
                    pairs.append((key, node()))
                }
                return .mapping(Node.Mapping(pairs, tag, Node.Mapping.Style(rawValue: style) ?? .any, mark))
            }
        }
    }
}
