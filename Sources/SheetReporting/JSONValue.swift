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

    /// `rendered`, written into `out`: built as UTF-8 in a local buffer handed to `out` every
    /// `chunkSize` bytes or so (between array elements), so that `out` gets a few large
    /// writes rather than one per token. A `ReportStream` takes the bytes as they are; any
    /// other stream gets them as a `String` (made, and so validated, once per chunk rather
    /// than once per diagnostic).
    func write<Out: TextOutputStream>(to out: inout Out) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.chunkSize + 4096)
        let stream = out as? ReportStream
        write(to: &bytes, indent: 0) { full in
            if let stream { stream.write(utf8: full) } else { out.write(String(decoding: full, as: UTF8.self)) }
            full.removeAll(keepingCapacity: true)
        }
        bytes.append(UInt8(ascii: "\n"))
        if let stream { stream.write(utf8: bytes) } else { out.write(String(decoding: bytes, as: UTF8.self)) }
    }

    static let chunkSize = 1 << 16

    private func write(to out: inout [UInt8], indent: Int, flush: (inout [UInt8]) -> Void) {
        switch self {
        case .string(let s): JSONText.appendQuoted(s, to: &out)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .double(let d): out.append(contentsOf: Self.decimal(d).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            Self.writeArray(count: items.count, element: { items[$0] }, to: &out, indent: indent, flush: flush)
        case .elements(let lazy):
            Self.writeArray(count: lazy.count, element: lazy.element, to: &out, indent: indent, flush: flush)
        case .written(let writer):
            writer.write(&out, indent)
        case .object(let members):
            guard !members.isEmpty else { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (i, (key, value)) in members.enumerated() {
                out.append(contentsOf: Self.spaces(indent + 1).utf8)
                JSONText.appendQuoted(key, to: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(to: &out, indent: indent + 1, flush: flush)
                out.append(contentsOf: (i == members.count - 1 ? "\n" : ",\n").utf8)
            }
            out.append(contentsOf: Self.spaces(indent).utf8)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeArray(count: Int, element: (Int) -> JSONValue, to out: inout [UInt8], indent: Int,
                                   flush: (inout [UInt8]) -> Void) {
        guard count > 0 else { out.append(contentsOf: "[]".utf8); return }
        out.append(contentsOf: "[\n".utf8)
        for i in 0..<count {
            out.append(contentsOf: spaces(indent + 1).utf8)
            element(i).write(to: &out, indent: indent + 1, flush: flush)
            out.append(contentsOf: (i == count - 1 ? "\n" : ",\n").utf8)
            if out.count >= chunkSize { flush(&out) }
        }
        out.append(contentsOf: spaces(indent).utf8)
        out.append(UInt8(ascii: "]"))
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

/// A `JSONValue.written` value: `write(text, indent)` appends the value's text, as UTF-8,
/// at nesting level `indent` (no leading indentation, no trailing separator), as
/// `JSONValue.write` would write the value it stands for.
struct JSONWriter: @unchecked Sendable {
    let write: (inout [UInt8], Int) -> Void
}
