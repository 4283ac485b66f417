import Foundation
import SheetModel

/// A node a selector reached in a sheet: the sheet's flat tree and the node's id in it.
/// Everything a check needs around the node (its path, span, ancestors, members) is looked
/// up in the tree, so copying a match copies no arrays.
///
/// A match made with `init(tree:id:)` keeps its tree alive, like any reference. The matches
/// `RuleEngine` hands a check (and every match reached from them: members, elements,
/// leaves) do not: the tree is held once, by the evaluation's `SelectionCache`, for as long
/// as the check runs, and each match is then a pointer and an id that copying never
/// reference-counts (a retain and a release per match and per copy were a large part of
/// rule evaluation). A check must not keep a match beyond its `evaluate` call; none
/// does: checks return findings, which hold no match.
public struct Match: @unchecked Sendable {
    /// The tree, not retained by this reference.
    private let treeRef: Unmanaged<SheetTree>
    /// The tree again, retained: nil for the matches of an evaluation (whose tree the
    /// evaluation keeps alive), the tree for a match made with `init(tree:id:)`.
    private let owner: SheetTree?
    /// The node's id in `tree`.
    public let id: Int32

    /// A match of node `id` of `tree`, keeping the tree alive.
    public init(tree: SheetTree, id: Int32) {
        treeRef = .passUnretained(tree)
        owner = tree
        self.id = id
    }

    /// A match of node `id` of a tree the caller keeps alive for as long as the match and
    /// every match reached from it are used (`RuleEngine`'s evaluation of one rule).
    init(unretained tree: Unmanaged<SheetTree>, id: Int32) {
        treeRef = tree
        owner = nil
        self.id = id
    }

    private init(_ treeRef: Unmanaged<SheetTree>, _ owner: SheetTree?, _ id: Int32) {
        self.treeRef = treeRef
        self.owner = owner
        self.id = id
    }

    /// Node `id` of the same tree, kept alive the same way as this match.
    @inline(__always) private func match(_ id: Int32) -> Match { Match(treeRef, owner, id) }

    /// `body` over the tree, without retaining it.
    @inline(__always) private func read<R>(_ body: (SheetTree) -> R) -> R { treeRef._withUnsafeGuaranteedRef(body) }

    /// The sheet's tree.
    public var tree: SheetTree { treeRef.takeUnretainedValue() }

    /// The node's subtree as a `ModelNode` value. It copies the whole subtree: checks read
    /// the node through `text`, `int`, `isEmptyValue` and `subscript(key)` instead.
    public var node: ModelNode { read { $0.node(id) } }

    /// What the node holds.
    public var kind: SheetTree.Kind { read { $0.kind(id) } }

    /// The string, or the decimal form of an int; nil otherwise.
    public var text: String? { read { $0.text(id) } }

    /// The int an int node holds; nil otherwise.
    public var int: Int? { read { $0.int(id) } }

    /// True for null, empty strings, empty arrays, and objects whose members are all empty.
    public var isEmptyValue: Bool { read { $0.isEmptyValue(id) } }

    /// The node's own span, nil when it has none (`span` falls back to an ancestor's).
    public var ownSpan: SourceSpan? { read { $0.ownSpan(id) } }

    /// The member named `key` of an object node.
    public subscript(key: String) -> Match? {
        read { $0.child(id, key: key) }.map { match($0) }
    }

    /// The members of an object node, in order, with their keys; empty for other nodes.
    public var members: [(key: String, match: Match)] {
        read { tree in
            guard tree.kind(id) == .object else { return [] }
            return tree.children(id).map { (tree.key($0)!, match($0)) }
        }
    }

    /// Its concrete path (`annualGoals[3].planCodes[0]`), rebuilt from the parent links.
    public var path: ModelPath {
        read { tree in
            var components: [ModelPath.Component] = []
            var n = id
            while tree.parents[Int(n)] >= 0 {
                if let k = tree.key(n) { components.append(.key(k)) } else { components.append(.index(tree.ordinal(n) ?? -1)) }
                n = tree.parents[Int(n)]
            }
            return ModelPath(components.reversed())
        }
    }

    /// The node's span, else its nearest ancestor's; nil only when no node has a span.
    public var span: SourceSpan? { read { $0.span(id) } }

    /// The nearest of the node and its ancestors that has a member `key` with text, and
    /// that text (for `{number}`, `{code}`, … in messages).
    public func nearest(_ key: String) -> String? {
        read { tree in
            // The key's index in the tree, found once: then each ancestor's members are
            // compared by index, not by string. (Keys are interned by `==`, so one index, or
            // none when no node has the key.)
            guard let k = tree.keys.firstIndex(of: key) else { return nil }
            var n = id
            while n >= 0 {
                if let c = tree.child(n, keyIndex: Int32(k)), let t = tree.text(c) { return t }
                n = tree.parents[Int(n)]
            }
            return nil
        }
    }

    /// The ancestor (or the node itself) at `depth` below the root (the root is depth 0).
    public func ancestor(atDepth depth: Int) -> Match? {
        let chain = read { tree in
            var chain: [Int32] = []
            var n = id
            while n >= 0 {
                chain.append(n)
                n = tree.parents[Int(n)]
            }
            return chain
        }
        guard depth < chain.count else { return nil }
        return match(chain[chain.count - 1 - depth])
    }

    /// The depth of the node (the root is 0).
    public var depth: Int {
        read { tree in
            var d = 0, n = tree.parents[Int(id)]
            while n >= 0 {
                d += 1
                n = tree.parents[Int(n)]
            }
            return d
        }
    }

    /// A match for a member of this node reached by a relative key path.
    public func descend(_ keys: [String]) -> Match? {
        let reached = read { tree -> Int32? in
            var n = id
            for k in keys {
                guard let c = tree.child(n, key: k) else { return nil }
                n = c
            }
            return n
        }
        return reached.map { match($0) }
    }

    /// The elements of an array node, as matches; empty for other nodes.
    public var elements: [Match] {
        read { tree in
            guard tree.kind(id) == .array else { return [] }
            return tree.children(id).map { match($0) }
        }
    }

    /// The string leaves under `matches`, each once, in document order. Matches arrive in
    /// ascending id order (document order), so a match inside the last one walked is
    /// already covered: its leaves are in the walked range.
    public static func uniqueTextLeaves(_ matches: [Match]) -> [Match] {
        guard let first = matches.first else { return [] }
        return first.read { tree in
            var leaves: [Match] = []
            // Room for every leaf at once (growing by doubling copied the list four times or
            // so): no more than the nodes walked, nor than the tree's strings.
            var walked = 0
            var reach: Int32 = -1
            for match in matches where match.id >= reach {
                reach = tree.ends[Int(match.id)]
                walked += Int(reach - match.id)
            }
            leaves.reserveCapacity(min(walked, tree.stringCount))
            var walkedEnd: Int32 = -1
            for match in matches {
                let end = tree.ends[Int(match.id)]
                // A match whose range starts inside the walked one also ends inside it.
                guard match.id >= walkedEnd else { continue }
                for n in match.id..<end where tree.isString(n) { leaves.append(first.match(n)) }
                walkedEnd = end
            }
            return leaves
        }
    }

    /// Every string leaf under this node (itself included), in document order.
    public var textLeaves: [Match] {
        read { tree in (id..<tree.ends[Int(id)]).filter { tree.isString($0) }.map { match($0) } }
    }
}

/// The nodes each selector reaches in one sheet, worked out once per distinct step prefix
/// and shared by every rule that uses it: `**` is expanded once for the five rules that
/// start with it, `*Goals[*].planCodes` once for the rules that share it. One per sheet,
/// owned by one evaluation (never shared between tasks), so it needs no lock.
public struct SelectionCache {
    /// The sheet's tree.
    public let tree: SheetTree
    /// Ascending, duplicate-free ids for every step prefix seen so far, by the prefix's
    /// number (`Selector.prefixes`); the root (`[]`, number 0) is not kept here.
    private var memo: [Int32: [Int32]] = Dictionary(minimumCapacity: 48)
    /// For each key pattern, whether it matches each of `tree.keys` given by name (not as a
    /// `ModelKey`), worked out when first needed.
    private var nameKeyMatches: [String: [Bool?]] = [:]
    /// How many times a step was applied (not looked up): for tests of the sharing.
    public private(set) var stepsApplied = 0
    /// Text worked out once for the sheet's rules (normalized leaves).
    let texts = SheetTexts()

    public init(tree: SheetTree) {
        self.tree = tree
    }

    /// The nodes `selector` reaches, in document order, each once.
    public mutating func select(_ selector: Selector) -> [Int32] {
        select(selector.steps, numbered: selector.prefixes, keyAnswers: selector.keyAnswers)
    }

    mutating func select(_ steps: [Selector.Step]) -> [Int32] {
        select(steps, numbered: StepPrefixes.shared.numbers(steps), keyAnswers: Selector.keyAnswers(steps))
    }

    /// `steps`, whose prefixes have the numbers `prefixes`.
    private mutating func select(_ steps: [Selector.Step], numbered prefixes: [Int32], keyAnswers: [[Bool]?]) -> [Int32] {
        guard let last = prefixes.last else { return [0] }
        if let known = memo[last] { return known }
        // Extend the longest prefix already known, remembering every prefix on the way.
        var known = prefixes.count - 1
        while known > 0 && memo[prefixes[known - 1]] == nil { known -= 1 }
        var ids = known == 0 ? [0] : memo[prefixes[known - 1]]!
        for i in known..<steps.count {
            ids = apply(steps[i], keyAnswers[i], to: ids)
            stepsApplied += 1
            memo[prefixes[i]] = ids
        }
        return ids
    }

    /// `step` applied to `ids`; `answers`, for a `.key` step, says which `ModelKey`s match.
    private mutating func apply(_ step: Selector.Step, _ answers: [Bool]?, to ids: [Int32]) -> [Int32] {
        var out: [Int32] = []
        let tree = tree
        switch step {
        case .key(let pattern):
            let answers = answers ?? ModelKeyMatches.shared.answers(pattern)
            for id in ids {
                guard tree.kind(id) == .object else { continue }
                var c = id + 1
                let end = tree.ends[Int(id)]
                while c < end {
                    let k = tree.keyIndex(c)
                    let raw = tree.modelKeyRaw(ofKey: k)
                    if raw >= 0 ? answers[raw] : nameKeyMatches(pattern, k) { out.append(c) }
                    c = tree.ends[Int(c)]
                }
            }
        case .index(let n):
            for id in ids {
                guard tree.kind(id) == .array else { continue }
                var i = 0
                var c = id + 1
                let end = tree.ends[Int(id)]
                while c < end {
                    if n == nil || n == i { out.append(c) }
                    if n != nil && i >= n! { break }
                    i += 1
                    c = tree.ends[Int(c)]
                }
            }
        case .descendants:
            // The union of the ranges [id, end): an id inside the last range taken is
            // already in it.
            var takenEnd: Int32 = -1
            for id in ids where id >= takenEnd {
                takenEnd = tree.ends[Int(id)]
                out.append(contentsOf: id..<takenEnd)
            }
            return out
        }
        // Children of ascending parents come out ascending unless a parent lies inside an
        // earlier one (only after `**`); then put them back in document order.
        if !isAscending(out) { out.sort() }
        return out
    }

    private func isAscending(_ ids: [Int32]) -> Bool {
        var last: Int32 = -1
        for id in ids {
            if id <= last { return false }
            last = id
        }
        return true
    }

    /// Whether `pattern` matches key `k` of the tree, a key given by name.
    private mutating func nameKeyMatches(_ pattern: String, _ k: Int32) -> Bool {
        if let known = nameKeyMatches[pattern]?[Int(k)] { return known }
        let matches = Selector.keyMatches(pattern, tree.keys[Int(k)])
        nameKeyMatches[pattern, default: Array(repeating: nil, count: tree.keys.count)][Int(k)] = matches
        return matches
    }
}

/// For each key pattern of a selector, which `ModelKey`s it matches (by `ModelKey.rawValue`),
/// worked out once per process instead of once per sheet.
final class ModelKeyMatches: @unchecked Sendable {
    static let shared = ModelKeyMatches()

    private let lock = NSLock()
    private var answers: [String: [Bool]] = [:]

    func answers(_ pattern: String) -> [Bool] {
        lock.lock()
        defer { lock.unlock() }
        if let known = answers[pattern] { return known }
        let made = ModelKey.allCases.map { Selector.keyMatches(pattern, $0.name) }
        answers[pattern] = made
        return made
    }
}

extension Selector {
    /// Every node of `root` the selector reaches, in document order, without duplicates.
    public func select(in root: ModelNode) -> [Match] {
        let tree = SheetTree(flattening: root)
        var cache = SelectionCache(tree: tree)
        return cache.select(self).map { Match(tree: tree, id: $0) }
    }
}
