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

    /// An array whose `count` values are made one at a time, in order, by `element` as
    /// they are written: each is written and dropped, so a report of 200,000 findings never
    /// holds them all as values. Written exactly as `.array` of the same values.
    case elements(JSONElements)

    /// Pretty-printed with two-space indentation and a final newline.
    var rendered: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// `rendered`, written into `out`.
    func write<Out: TextOutputStream>(to out: inout Out) {
        write(to: &out, indent: 0)
        out.write("\n")
    }

    private func write<Out: TextOutputStream>(to out: inout Out, indent: Int) {
        switch self {
        case .string(let s): out.write(Self.quoted(s))
        case .int(let n): out.write(String(n))
        case .double(let d): out.write(Self.decimal(d))
        case .bool(let b): out.write(b ? "true" : "false")
        case .null: out.write("null")
        case .array(let items):
            Self.writeArray(count: items.count, element: { items[$0] }, to: &out, indent: indent)
        case .elements(let lazy):
            Self.writeArray(count: lazy.count, element: lazy.element, to: &out, indent: indent)
        case .object(let members):
            guard !members.isEmpty else { out.write("{}"); return }
            out.write("{\n")
            for (i, (key, value)) in members.enumerated() {
                out.write(Self.spaces(indent + 1) + Self.quoted(key) + ": ")
                value.write(to: &out, indent: indent + 1)
                out.write(i == members.count - 1 ? "\n" : ",\n")
            }
            out.write(Self.spaces(indent) + "}")
        }
    }

    private static func writeArray<Out: TextOutputStream>(count: Int, element: (Int) -> JSONValue, to out: inout Out, indent: Int) {
        guard count > 0 else { out.write("[]"); return }
        out.write("[\n")
        for i in 0..<count {
            out.write(spaces(indent + 1))
            element(i).write(to: &out, indent: indent + 1)
            out.write(i == count - 1 ? "\n" : ",\n")
        }
        out.write(spaces(indent) + "]")
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

/// The values of `JSONValue.elements`: made by `element(0)`, `element(1)`, … in order, once
/// each, while the array is written (by the one thread writing the report, hence
/// `@unchecked Sendable`).
struct JSONElements: @unchecked Sendable {
    let count: Int
    let element: (Int) -> JSONValue
}
