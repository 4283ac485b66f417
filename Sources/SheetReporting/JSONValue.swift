import SheetModel

/// A JSON document built by hand, so that key order is the order written and output is
/// byte-for-byte deterministic (Foundation's encoders reorder keys and escape `/`).
indirect enum JSONValue: Sendable {
    case string(String)
    case int(Int)
    /// A fraction, written with at most four decimals (`0.6667`), so output is stable.
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Members in output order; keys are not deduplicated.
    case object([(String, JSONValue)])

    /// Pretty-printed with two-space indentation and a final newline.
    var rendered: String {
        var out = ""
        write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    /// What `.object(members).rendered` gives when the member whose value is nil is an
    /// array of `count` values made one at a time by `element`: each is written and
    /// dropped, so a report of 200,000 findings never holds them all as values.
    static func rendered(object members: [(String, JSONValue?)], count: Int, element: (Int) -> JSONValue) -> String {
        var out = "{\n"
        for (i, (key, value)) in members.enumerated() {
            out += spaces(1) + quoted(key) + ": "
            if let value {
                value.write(to: &out, indent: 1)
            } else if count == 0 {
                out += "[]"
            } else {
                out += "[\n"
                for n in 0..<count {
                    out += spaces(2)
                    element(n).write(to: &out, indent: 2)
                    out += n == count - 1 ? "\n" : ",\n"
                }
                out += spaces(1) + "]"
            }
            out += i == members.count - 1 ? "\n" : ",\n"
        }
        out += "}\n"
        return out
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .string(let s): out += Self.quoted(s)
        case .int(let n): out += String(n)
        case .double(let d): out += Self.decimal(d)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += Self.spaces(indent + 1)
                item.write(to: &out, indent: indent + 1)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += Self.spaces(indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += Self.spaces(indent + 1) + Self.quoted(key) + ": "
                value.write(to: &out, indent: indent + 1)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += Self.spaces(indent) + "}"
        }
    }

    /// `d` rounded to four decimals, without a trailing `.0` for whole numbers.
    static func decimal(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        let rounded = (d * 10_000).rounded() / 10_000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    private static func spaces(_ level: Int) -> String { String(repeating: "  ", count: level) }

    /// A JSON string literal (see `JSONText.quoted`).
    static func quoted(_ s: String) -> String { JSONText.quoted(s) }
}
