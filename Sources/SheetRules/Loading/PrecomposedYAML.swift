import Yams

/// The built-in rule and catalogue files as composed YAML, read from the tables
/// scripts/generate-default-rules wrote (`DefaultRuleSet.composed`) instead of parsing their
/// YAML at every start: parsing, tag resolution and duplicate-key checks were most of the
/// fixed cost of a process. The loader reads the table in place (`YAMLValue` over a
/// `ComposedYAML` and a node index): building the file as Yams nodes, copying them into
/// every mapping entry and freeing them again was a fifth of a lint process's instructions.
/// Where Yams nodes are needed (a rule's options as text, examples, a configuration's
/// overrides), `ComposedYAML.node(_:)` builds exactly the nodes `Yams.compose` gives for the
/// same text, line and column included (PrecomposedRulesTests compares every node).
enum PrecomposedYAML {
    /// The table of the embedded file `name` whose text is `text`; nil when the table does
    /// not describe that text (then the caller composes the text as before).
    static func table(name: String, text: String) -> ComposedYAML? {
        guard marksCanBeBuilt else { return nil }
        for i in DefaultRuleSet.composed.indices where DefaultRuleSet.composed[i].name == name {
            guard DefaultRuleSet.composed[i].utf8Count == text.utf8.count,
                  DefaultRuleSet.files.indices.contains(i), DefaultRuleSet.files[i].name == name,
                  DefaultRuleSet.files[i].text == text else { return nil }
            return ComposedYAML(strings: DefaultRuleSet.composed[i].strings, words: DefaultRuleSet.composed[i].nodes)
        }
        return nil
    }

    /// The composed root of the embedded file `name` whose text is `text`, as Yams nodes;
    /// nil as for `table(name:text:)`.
    static func root(name: String, text: String) -> Node? {
        table(name: name, text: text).map { $0.node(0) }
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
}

/// One composed file: a pre-order list of nodes, six `Int32` words each (kind, tag, style,
/// line, column, payload: see scripts/generate-default-rules), and its string table. Nodes
/// are numbered in that order; `end(_:)` is the number of the node after a subtree, so a
/// collection's children are found without building anything. Immutable once made, hence
/// `@unchecked Sendable` (Yams' `Resolver` and `Constructor` it keeps are not marked
/// `Sendable`; they are only read).
final class ComposedYAML: @unchecked Sendable {
    enum Kind: Int32 { case scalar = 0, sequence = 1, mapping = 2 }

    let strings: [String]
    private let words: [Int32]
    /// For each node, the number of the node that follows its subtree.
    private let ends: [Int32]
    /// Every scalar in the table has its resolved tag and Yams resolves an implicit mapping
    /// or sequence tag without its resolver's rules, so `Resolver.basic` (no rules) gives the
    /// same nodes as `Resolver.default`, whose first use compiles its seven regular
    /// expressions (8 M instructions). `Constructor.default` builds a new table at every
    /// use (0.6 M), so it is taken once, when Yams nodes are first built. Neither is changed
    /// after it is made.
    private static let resolver = Resolver.basic
    nonisolated(unsafe) private static let constructor = Constructor.default
    private var resolver: Resolver { Self.resolver }
    private var constructor: Constructor { Self.constructor }

    init(strings: [String], words: [Int32]) {
        self.strings = strings
        self.words = words
        let count = words.count / 6
        var ends = [Int32](repeating: 0, count: count)
        // Pre-order: a node's subtree ends where its last child's does. Walk backwards,
        // using the children's ends already worked out.
        var n = count - 1
        while n >= 0 {
            var next = Int32(n + 1)
            let kind = words[6 * n], payload = Int(words[6 * n + 5])
            if kind != Kind.scalar.rawValue {
                for _ in 0..<payload { next = ends[Int(next)] }
            }
            ends[n] = next
            n -= 1
        }
        self.ends = ends
    }

    var nodeCount: Int { ends.count }

    func kind(_ n: Int) -> Kind { Kind(rawValue: words[6 * n]) ?? .mapping }
    func style(_ n: Int) -> UInt32 { UInt32(words[6 * n + 2]) }
    func line(_ n: Int) -> Int { Int(words[6 * n + 3]) }
    func column(_ n: Int) -> Int { Int(words[6 * n + 4]) }
    /// A scalar's text.
    func scalarString(_ n: Int) -> String { strings[Int(words[6 * n + 5])] }
    /// The node after `n`'s subtree.
    func end(_ n: Int) -> Int { Int(ends[n]) }

    /// A collection's child nodes, in order (a mapping's keys and values alternating).
    func children(_ n: Int) -> [Int] {
        guard kind(n) != .scalar else { return [] }
        let count = Int(words[6 * n + 5])
        var out: [Int] = []
        out.reserveCapacity(count)
        var child = n + 1
        for _ in 0..<count {
            out.append(child)
            child = end(child)
        }
        return out
    }

    /// True when scalar `n` reads as null (Yams' `Node.null`: a plain scalar spelt as null).
    func isNull(_ n: Int) -> Bool {
        guard kind(n) == .scalar, style(n) == Node.Scalar.Style.plain.rawValue else { return false }
        switch scalarString(n) {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// Node `n` and its subtree as the Yams nodes `Yams.compose` gives for the file's text.
    func node(_ n: Int) -> Node {
        var tags: [Int: Tag] = [:]
        return node(n, &tags)
    }

    /// Each explicit tag is made once per call of `node(_:)` (tags are classes; Yams changes
    /// a named one only for a merge's `=` key, which is never shared).
    /// Scalar `n` as Yams' `Node.bool` reads it (`Bool.construct`): nil for a scalar tagged
    /// `str`, else true for true/yes/on and false for false/no/off in any case.
    func bool(_ n: Int) -> Bool? {
        guard kind(n) == .scalar else { return nil }
        let tagIndex = Int(words[6 * n + 1])
        // The generator gives every scalar its resolved tag; should one lack it, ask Yams.
        guard tagIndex >= 0 else { return node(n).bool }
        if strings[tagIndex] == Tag.Name.str.rawValue { return nil }
        switch scalarString(n).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    private func tag(_ index: Int, _ tags: inout [Int: Tag]) -> Tag {
        // Yams resolves an implicit tag in place, on first use: one per node.
        if index < 0 { return Tag(.implicit, resolver, constructor) }
        if let t = tags[index] { return t }
        let t = Tag(Tag.Name(rawValue: strings[index]), resolver, constructor)
        if strings[index] != Tag.Name.value.rawValue { tags[index] = t }
        return t
    }

    private func node(_ n: Int, _ tags: inout [Int: Tag]) -> Node {
        let at = 6 * n
        let tagIndex = Int(words[at + 1]), style = UInt32(words[at + 2])
        let mark = PrecomposedYAML.mark(line: Int(words[at + 3]), column: Int(words[at + 4]))
        let tag = tag(tagIndex, &tags)
        switch kind(n) {
        case .scalar:
            return .scalar(Node.Scalar(scalarString(n), tag, Node.Scalar.Style(rawValue: style) ?? .any, mark))
        case .sequence:
            var items: [Node] = []
            for child in children(n) { items.append(node(child, &tags)) }
            return .sequence(Node.Sequence(items, tag, Node.Sequence.Style(rawValue: style) ?? .any, mark))
        case .mapping:
            let items = children(n)
            var pairs: [(Node, Node)] = []
            pairs.reserveCapacity(items.count / 2)
            var i = 0
            while i + 1 < items.count {
                let key = node(items[i], &tags)
                pairs.append((key, node(items[i + 1], &tags)))
                i += 2
            }
            return .mapping(Node.Mapping(pairs, tag, Node.Mapping.Style(rawValue: style) ?? .any, mark))
        }
    }
}
