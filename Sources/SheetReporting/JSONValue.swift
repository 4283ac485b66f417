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

    /// A value that writes its own text (`JSONWriter`), exactly as the `JSONValue` it stands
    /// for would be written: for the values a report makes by the thousand (one per
    /// diagnostic), written without building a value tree for each.
    case written(JSONWriter)

    /// Pretty-printed with two-space indentation and a final newline.
    var rendered: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// `rendered`, written into `out`: built in a local string handed to `out` every
    /// `chunkSize` bytes or so (between array elements), so that `out` gets a few large
    /// writes rather than one per token.
    func write<Out: TextOutputStream>(to out: inout Out) {
        var text = ""
        text.reserveCapacity(Self.chunkSize + 4096)
        write(to: &text, indent: 0) { full in
            out.write(full)
            full.removeAll(keepingCapacity: true)
        }
        text.append("\n")
        out.write(text)
    }

    static let chunkSize = 1 << 16

    private func write(to out: inout String, indent: Int, flush: (inout String) -> Void) {
        switch self {
        case .string(let s): JSONText.appendQuoted(s, to: &out)
        case .int(let n): out.append(String(n))
        case .double(let d): out.append(Self.decimal(d))
        case .bool(let b): out.append(b ? "true" : "false")
        case .null: out.append("null")
        case .array(let items):
            Self.writeArray(count: items.count, element: { items[$0] }, to: &out, indent: indent, flush: flush)
        case .elements(let lazy):
            Self.writeArray(count: lazy.count, element: lazy.element, to: &out, indent: indent, flush: flush)
        case .written(let writer):
            writer.write(&out, indent)
        case .object(let members):
            guard !members.isEmpty else { out.append("{}"); return }
            out.append("{\n")
            for (i, (key, value)) in members.enumerated() {
                out.append(Self.spaces(indent + 1))
                JSONText.appendQuoted(key, to: &out)
                out.append(": ")
                value.write(to: &out, indent: indent + 1, flush: flush)
                out.append(i == members.count - 1 ? "\n" : ",\n")
            }
            out.append(Self.spaces(indent))
            out.append("}")
        }
    }

    private static func writeArray(count: Int, element: (Int) -> JSONValue, to out: inout String, indent: Int,
                                   flush: (inout String) -> Void) {
        guard count > 0 else { out.append("[]"); return }
        out.append("[\n")
        for i in 0..<count {
            out.append(spaces(indent + 1))
            element(i).write(to: &out, indent: indent + 1, flush: flush)
            out.append(i == count - 1 ? "\n" : ",\n")
            if out.utf8.count >= chunkSize { flush(&out) }
        }
        out.append(spaces(indent))
        out.append("]")
    }

    /// `d` rounded to four decimals, without a trailing `.0` for whole numbers.
    static func decimal(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        let rounded = (d * 10_000).rounded() / 10_000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    /// Two spaces per level (the first levels made once).
    static func spaces(_ level: Int) -> String {
        level < indents.count ? indents[level] : String(repeating: "  ", count: level)
    }

    private static let indents = (0..<12).map { String(repeating: "  ", count: $0) }

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

/// A `JSONValue.written` value: `write(text, indent)` appends the value's text at
/// nesting level `indent` (no leading indentation, no trailing separator), as
/// `JSONValue.write` would write the value it stands for.
struct JSONWriter: @unchecked Sendable {
    let write: (inout String, Int) -> Void
}
