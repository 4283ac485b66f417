/// A generic, ordered view of the model: the shape that selectors walk, that the canonical
/// YAML/JSON writers emit and that `dump()` prints. Keys are the canonical model names.
public struct ModelNode: Sendable, Hashable {
    /// The node's value.
    public var value: Value
    /// Where the element was read from; nil for values with no place of their own.
    public var span: SourceSpan?

    /// The value of a node.
    public enum Value: Sendable, Hashable {
        case object([Member])
        case array([ModelNode])
        case string(String)
        case int(Int)
        case bool(Bool)
        case null
    }

    /// One key of an object, in canonical order.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var node: ModelNode
        public init(_ key: String, _ node: ModelNode) {
            self.key = key
            self.node = node
        }
    }

    public init(_ value: Value, span: SourceSpan? = nil) {
        self.value = value
        self.span = span
    }

    /// The member named `key` of an object node.
    public subscript(key: String) -> ModelNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.node
    }

    /// The string, or the decimal form of an int; nil otherwise.
    public var text: String? {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        default: return nil
        }
    }

    /// True for null, empty strings, empty arrays, and objects whose members are all empty.
    public var isEmptyValue: Bool {
        switch value {
        case .null: return true
        case .string(let s): return s.allSatisfy { $0.isWhitespace }
        case .array(let a): return a.allSatisfy { $0.isEmptyValue }
        case .object(let m): return m.allSatisfy { $0.key == "number" || $0.key == "marker" || $0.node.isEmptyValue }
        case .int, .bool: return false
        }
    }
}
