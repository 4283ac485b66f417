import SheetModel

/// A concrete path in `Sheet.tree`: keys and 0-based indices, printed as
/// `annualGoals[3].planCodes[0]`.
public struct ModelPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    /// The path extended by one component.
    public func appending(_ component: Component) -> ModelPath { ModelPath(components + [component]) }

    /// The path extended by a dotted relative path (`plan.items`).
    public func appending(keys: [String]) -> ModelPath { ModelPath(components + keys.map { .key($0) }) }

    /// True when `self` is `other` or lies below it.
    public func isWithin(_ other: ModelPath) -> Bool {
        components.count >= other.components.count && components.starts(with: other.components)
    }

    /// The last key in the path (`planCodes` for `annualGoals[0].planCodes[1]`).
    public var lastKey: String? {
        for c in components.reversed() { if case .key(let k) = c { return k } }
        return nil
    }

    public var description: String {
        // Written as UTF-8 into a string of the exact size (a path is made for every finding
        // and cross-sheet site).
        var size = 0
        for c in components {
            switch c {
            case .key(let k): size += k.utf8.count + (size == 0 ? 0 : 1)
            case .index(let i): size += String(i).utf8.count + 2
            }
        }
        guard size > 0 else { return "" }
        return String(unsafeUninitializedCapacity: size) { buffer in
            var n = 0
            func put<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
                for byte in bytes {
                    buffer[n] = byte
                    n += 1
                }
            }
            for c in components {
                switch c {
                case .key(let k):
                    if n > 0 { put(CollectionOfOne(UInt8(ascii: "."))) }
                    put(k.utf8)
                case .index(let i):
                    put(CollectionOfOne(UInt8(ascii: "[")))
                    put(String(i).utf8)
                    put(CollectionOfOne(UInt8(ascii: "]")))
                }
            }
            return n
        }
    }

    /// The Japanese and English label of the last key, from the model schema
    /// (`当年度目標と振り返り` for `annualGoals`); the key itself when unknown.
    public var label: (ja: String, en: String) {
        var schema = ModelSchema.sheet
        var label: (String, String)? = nil
        for c in components {
            switch (c, schema) {
            case (.key(let k), .object):
                guard let m = schema.member(k) else { return (k, k) }
                // `items` only wraps a list: the list's own label says more.
                if k != "items" || label == nil { label = (m.label, m.labelEn) }
                schema = m.schema
            case (.index, .array(let element)):
                schema = element
            default:
                return (lastKey ?? "", lastKey ?? "")
            }
        }
        return label ?? ("シート", "sheet")
    }
}
