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

    /// A JSON string literal. RFC 8259 requires escaping only `"`, `\` and U+0000–U+001F;
    /// U+2028/U+2029 are escaped too so the output is also a valid JavaScript literal.
    /// Everything else, Japanese included, is written as is.
    static func quoted(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\u{08}": out.append(contentsOf: "\\b".unicodeScalars)
            case "\u{0C}": out.append(contentsOf: "\\f".unicodeScalars)
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            default: out.append(scalar)
            }
        }
        out.append("\"")
        return String(out)
    }
}
