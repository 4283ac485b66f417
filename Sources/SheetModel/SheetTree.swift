/// A sheet's model tree flattened into parallel arrays, one slot per node, numbered depth
/// first: a node's id is smaller than every id below it, and its descendants are exactly the
/// ids `id + 1 ..< end(id)`. So "b is under a" is two comparisons, "every node under a" one
/// contiguous range, and document order is the order of ids.
///
/// Built once per sheet for rule evaluation and then only read, so it is immutable and
/// shared freely between the matches that point into it. Ids mean something only within
/// one tree: never store them (baselines keep fingerprints and path strings).
public final class SheetTree: Sendable {
    /// The node at each id (its subtree as a value; arrays inside share storage).
    public let nodes: [ModelNode]
    /// The parent's id; -1 for the root.
    public let parents: [Int32]
    /// One past the last id under each node.
    public let ends: [Int32]
    /// The member key, as an index into `keys`; -1 for array elements and the root.
    public let keyIndex: [Int32]
    /// The position in the parent array; -1 for object members and the root.
    public let ordinals: [Int32]
    /// The node itself when it has a span, else its nearest ancestor with one; -1 when none has.
    public let spanOwners: [Int32]
    /// Every distinct member key of the tree.
    public let keys: [String]

    /// Flattens `root` in one depth-first pass.
    public init(flattening root: ModelNode) {
        var b = Builder()
        b.add(root, parent: -1, key: -1, ordinal: -1, spanOwner: -1)
        nodes = b.nodes
        parents = b.parents
        ends = b.ends
        keyIndex = b.keyIndex
        ordinals = b.ordinals
        spanOwners = b.spanOwners
        keys = b.keys
    }

    /// The number of nodes.
    public var count: Int { nodes.count }

    /// The member key of `id` in its parent object; nil for array elements and the root.
    public func key(_ id: Int32) -> String? {
        let k = keyIndex[Int(id)]
        return k < 0 ? nil : keys[Int(k)]
    }

    /// True when the node holds a string.
    public func isString(_ id: Int32) -> Bool {
        if case .string = nodes[Int(id)].value { return true }
        return false
    }

    /// The children of `id`, in order: the first is `id + 1`, each next one starts where
    /// the previous one's subtree ends.
    public func children(_ id: Int32) -> ChildIDs { ChildIDs(tree: self, first: id + 1, end: ends[Int(id)]) }

    /// The child of object node `id` with member key `key`.
    public func child(_ id: Int32, key: String) -> Int32? {
        guard case .object = nodes[Int(id)].value else { return nil }
        for c in children(id) where self.key(c) == key { return c }
        return nil
    }

    /// The ids of a node's children.
    public struct ChildIDs: Sequence, IteratorProtocol {
        let tree: SheetTree
        var first: Int32
        let end: Int32
        public mutating func next() -> Int32? {
            guard first < end else { return nil }
            defer { first = tree.ends[Int(first)] }
            return first
        }
    }

    private struct Builder {
        var nodes: [ModelNode] = []
        var parents: [Int32] = []
        var ends: [Int32] = []
        var keyIndex: [Int32] = []
        var ordinals: [Int32] = []
        var spanOwners: [Int32] = []
        var keys: [String] = []
        var keyIDs: [String: Int32] = [:]

        mutating func add(_ node: ModelNode, parent: Int32, key: Int32, ordinal: Int32, spanOwner: Int32) {
            let id = Int32(nodes.count)
            nodes.append(node)
            parents.append(parent)
            ends.append(id + 1)
            keyIndex.append(key)
            ordinals.append(ordinal)
            let owner = node.span != nil ? id : spanOwner
            spanOwners.append(owner)
            switch node.value {
            case .object(let members):
                for m in members { add(m.node, parent: id, key: intern(m.key), ordinal: -1, spanOwner: owner) }
            case .array(let elements):
                for (i, e) in elements.enumerated() { add(e, parent: id, key: -1, ordinal: Int32(i), spanOwner: owner) }
            default:
                break
            }
            ends[Int(id)] = Int32(nodes.count)
        }

        mutating func intern(_ key: String) -> Int32 {
            if let k = keyIDs[key] { return k }
            let k = Int32(keys.count)
            keys.append(key)
            keyIDs[key] = k
            return k
        }
    }
}
