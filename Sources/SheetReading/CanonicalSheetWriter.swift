import SheetModel
import Yams

/// Writes a sheet in its canonical form: `sheet.tree` as YAML or JSON.
///
/// Output is deterministic: keys in the tree's canonical order, 2-space indentation,
/// non-ASCII text written as is (no `\u` escapes for Japanese), a trailing newline.
/// Absent values are written as `null` in both forms, so YAML and JSON have the same
/// shape as the tree. `CanonicalSheetReader` reads either back to the same content.
public enum CanonicalSheetWriter {
    /// The sheet as pretty-printed JSON (RFC 8259).
    ///
    /// - Parameter spans: when true, every object whose element has a span gets a first
    ///   key `"span": "line:col-line:col"` (`SourceSpan.compactDescription`: 1-based,
    ///   Unicode-scalar columns, end exclusive). String values never carry spans.
    public static func json(_ sheet: Sheet, spans: Bool = true) -> String {
        var out = ""
        CanonicalJSON.write(sheet.tree, spans: spans, depth: 0, into: &out)
        return out + "\n"
    }

    /// The sheet as block-style YAML, via Yams with `allowUnicode`.
    ///
    /// Strings that a YAML 1.1 reader would take for something else (`0`, `2022`, `yes`,
    /// `null`, `1:30`) are double-quoted; `0-0-0` or `5-2-①` stay plain because they
    /// already read back as strings. Multi-line text uses literal block style (`|`).
    /// - Parameter spans: as for `json(_:spans:)`; spans are written as `span: "25:1-27:30"`.
    public static func yaml(_ sheet: Sheet, spans: Bool = true) -> String {
        let node = yamlNode(sheet.tree, spans: spans)
        do {
            let text = try Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true)
            return text.hasSuffix("\n") ? text : text + "\n"
        } catch {
            // libyaml refuses nothing we build, but JSON is valid YAML: never lose the sheet.
            return json(sheet, spans: spans)
        }
    }

    static func yamlNode(_ node: ModelNode, spans: Bool) -> Node {
        switch node.value {
        case .object(let members):
            var pairs: [(Node, Node)] = []
            if spans, let span = node.span {
                pairs.append((Node("span"), Node(span.compactDescription, Tag(.str), .doubleQuoted)))
            }
            for member in members {
                pairs.append((stringNode(member.key), yamlNode(member.node, spans: spans)))
            }
            return Node(pairs)
        case .array(let nodes):
            return Node(nodes.map { yamlNode($0, spans: spans) })
        case .string(let s):
            return stringNode(s)
        case .int(let i):
            return Node(String(i), Tag(.int), .plain)
        case .bool(let b):
            return Node(b ? "true" : "false", Tag(.bool), .plain)
        case .null:
            return Node("null", Tag(.null), .plain)
        }
    }

    /// A string scalar that reads back as the same string in any YAML 1.1 reader.
    private static func stringNode(_ s: String) -> Node {
        // Resolve with Yams' default (YAML 1.1) rules: if a plain scalar with this text would
        // be an int, float, bool, null or timestamp, quote it. libyaml itself already refuses
        // plain style where the syntax needs quotes (`: `, ` #`, leading `-`, `[`, …).
        if Node(s).tag != Tag(.str) {
            return Node(s, Tag(.str), .doubleQuoted)
        }
        if s.contains("\n") {
            // libyaml falls back to a quoted style when literal cannot hold the text exactly.
            return Node(s, Tag(.str), .literal)
        }
        return Node(s, Tag(.str), .any)
    }
}
