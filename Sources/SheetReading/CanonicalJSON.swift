import SheetModel

/// A small JSON serializer for `ModelNode`, so that the canonical JSON is exactly what we
/// specify (key order, indentation, escaping) and does not vary with Foundation versions.
enum CanonicalJSON {
    static func write(_ node: ModelNode, spans: Bool, depth: Int, into out: inout String) {
        switch node.value {
        case .object(let members):
            var entries: [(String, ModelNode)] = []
            if spans, let span = node.span { entries.append(("span", ModelNode(.string(span.compactDescription)))) }
            entries += members.map { ($0.key, $0.node) }
            guard !entries.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in entries.enumerated() {
                indent(depth + 1, &out)
                out += quoted(key)
                out += ": "
                write(value, spans: spans, depth: depth + 1, into: &out)
                out += index == entries.count - 1 ? "\n" : ",\n"
            }
            indent(depth, &out)
            out += "}"
        case .array(let nodes):
            guard !nodes.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, value) in nodes.enumerated() {
                indent(depth + 1, &out)
                write(value, spans: spans, depth: depth + 1, into: &out)
                out += index == nodes.count - 1 ? "\n" : ",\n"
            }
            indent(depth, &out)
            out += "]"
        case .string(let s): out += quoted(s)
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    private static func indent(_ depth: Int, _ out: inout String) {
        out += String(repeating: "  ", count: depth)
    }

    /// A JSON string literal (see `JSONText.quoted`).
    static func quoted(_ s: String) -> String { JSONText.quoted(s) }
}
