extension ModelNode {
    /// A line-per-leaf text dump: `path = value @line:col-line:col`, objects and arrays
    /// as `path @span` lines. Deterministic; used by golden tests and `parse --format dump`.
    public func dump(root: String = "") -> String {
        var lines: [String] = []
        dump(path: root, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private func dump(path: String, into lines: inout [String]) {
        let at = span.map { " @" + $0.compactDescription } ?? ""
        switch value {
        case .object(let members):
            if !path.isEmpty || span != nil { lines.append("\(path.isEmpty ? "." : path)\(at)") }
            for member in members {
                member.node.dump(path: path.isEmpty ? member.key : "\(path).\(member.key)", into: &lines)
            }
        case .array(let nodes):
            if nodes.isEmpty { lines.append("\(path) = []\(at)") }
            for (i, node) in nodes.enumerated() { node.dump(path: "\(path)[\(i)]", into: &lines) }
        case .string(let s): lines.append("\(path) = \(Self.quoted(s))\(at)")
        case .int(let i): lines.append("\(path) = \(i)\(at)")
        case .bool(let b): lines.append("\(path) = \(b)\(at)")
        case .null: lines.append("\(path) = null\(at)")
        }
    }

    /// A JSON string literal (see `JSONText.quoted`).
    public static func quoted(_ s: String) -> String { JSONText.quoted(s) }
}
