import Foundation
import SheetModel
import XCTest
import Yams
@testable import SheetReading

/// `CanonicalSheetWriter.yaml` writes the canonical YAML itself (`CanonicalYAMLEmitter`)
/// rather than through Yams, whose node tree took about 1 GB per MB of sheet. Its output
/// must stay byte for byte what Yams wrote: the reference here is the former Yams path,
/// kept only in this test, run on every sheet of the project (examples and fixtures) and on
/// trees chosen to reach each of libyaml's style fallbacks.
final class CanonicalYAMLEmitterTests: XCTestCase {
    // MARK: The reference: the writer as it was, through Yams.

    private static func yamsYAML(_ tree: ModelNode, spans: Bool) throws -> String {
        let text = try Yams.serialize(node: node(tree, spans: spans), indent: 2, width: -1, allowUnicode: true)
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    private static func node(_ node: ModelNode, spans: Bool) -> Node {
        switch node.value {
        case .object(let members):
            var pairs: [(Node, Node)] = []
            if spans, let span = node.span {
                pairs.append((Node("span"), Node(span.compactDescription, Tag(.str), .doubleQuoted)))
            }
            for member in members { pairs.append((stringNode(member.key), self.node(member.node, spans: spans))) }
            return Node(pairs)
        case .array(let nodes): return Node(nodes.map { self.node($0, spans: spans) })
        case .string(let s): return stringNode(s)
        case .int(let i): return Node(String(i), Tag(.int), .plain)
        case .bool(let b): return Node(b ? "true" : "false", Tag(.bool), .plain)
        case .null: return Node("null", Tag(.null), .plain)
        }
    }

    private static func stringNode(_ s: String) -> Node {
        if Node(s).tag != Tag(.str) { return Node(s, Tag(.str), .doubleQuoted) }
        if s.contains("\n") { return Node(s, Tag(.str), .literal) }
        return Node(s, Tag(.str), .any)
    }

    private func assertSame(_ tree: ModelNode, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for spans in [true, false] {
            let expected = try Self.yamsYAML(tree, spans: spans)
            let actual = CanonicalYAMLEmitter.document(tree, spans: spans)
            let written = actual.hasSuffix("\n") ? actual : actual + "\n"
            if written != expected {
                XCTFail("\(what) (spans: \(spans)): " + QuirkFixtures.firstDifference(written, expected)
                        + "\nwritten: \(written.debugDescription)\nYams:    \(expected.debugDescription)", file: file, line: line)
            }
        }
    }

    // MARK: Every sheet of the project

    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEveryExampleAndFixtureIsWrittenAsYamsWroteIt() throws {
        var checked = 0
        for folder in ["examples", "Tests"] {
            let base = Self.root.appendingPathComponent(folder)
            let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard SheetReader.isSheetFile(url.path), !url.path.contains("/.build/") else { continue }
                guard let sheet = try? SheetReader.read(path: url.path) else { continue }
                try assertSame(sheet.tree, url.path)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 40, "the project's sheets were found")
    }

    // MARK: Every style fallback

    private static let awkward: [String] = [
        "", " ", "0", "2022", "-1", "+1", "1.5", "0x10", "0o7", ".inf", ".NaN", "1:30", "2024-04-01", "yes", "No", "ON",
        "true", "null", "Null", "~", "<<", "=", "number", "text", "no (not a bool)", "true story",
        "a: b", "a:b", "a :b", "- x", "-x", "--- x", "---", "...", "#x", "a #x", "a#x", "[x]", "x]", "{x", "x,y", "?x", "? x",
        ":x", "&a", "*a", "!t", "|x", ">x", "'q'", "\"q\"", "%x", "@x", "`x", " lead", "trail ", "in  side",
        "multi\nline", "ends\n", "two\n\n", "\n", "\n\n", "\nlead", " \nx", "x \ny", "x\n y", "x\n\ny", "x\r\ny", "cr\r",
        "\ttab", "tab\tin", "quote\"s", "apos's", "back\\slash", "ctl\u{1}", "del\u{7F}", "nel\u{85}x", "nbsp\u{A0}x",
        "ls\u{2028}ps\u{2029}", "bom\u{FEFF}x", "\u{FFFE}", "😀 𠮷", "が (decomposed)", "全角　空白", "取組み（６月）",
        "esc\u{1B}[2J", "nul\u{0}x", "\u{E000}private", "x\n\u{2028}", String(repeating: "長", count: 50),
        String(repeating: "k", count: 130), "line1\nline2\n", "  two lead\nx",
    ]

    func testEveryAwkwardStringAsAValueAKeyAndALastLiteral() throws {
        let span = SourceSpan(file: "t", line: 3, startColumn: 2, endColumn: 9)
        for s in Self.awkward {
            let value = ModelNode(.string(s), span: nil)
            try assertSame(ModelNode(.object([.init("k", value)]), span: span), "value \(s.debugDescription)")
            try assertSame(ModelNode(.object([.init("k", ModelNode(.array([value, value])))])), "item \(s.debugDescription)")
            try assertSame(ModelNode(.object([.init(s, ModelNode(.int(1))), .init("b", value)])), "key \(s.debugDescription)")
            try assertSame(ModelNode(.object([.init("a", ModelNode(.array([ModelNode(.object([.init(s, value), .init("n", ModelNode(.null))]))])))])),
                           "nested \(s.debugDescription)")
        }
    }

    func testEmptyCollectionsNumbersAndNesting() throws {
        let span = SourceSpan(file: "t", line: 1, startColumn: 1, endColumn: 2)
        let empty = ModelNode(.object([]))
        let inner = ModelNode(.object([.init("y", ModelNode(.string("z\n")))]), span: span)
        let tree = ModelNode(.object([
            .init("e", empty), .init("s", ModelNode(.array([]))), .init("es", ModelNode(.object([]), span: span)),
            .init("l", ModelNode(.array([empty, ModelNode(.array([])), ModelNode(.array([ModelNode(.int(-3)), ModelNode(.bool(false))]))]))),
            .init("m", ModelNode(.object([.init("x", ModelNode(.array([inner])))]), span: span)),
        ]), span: span)
        try assertSame(tree, "empty and nested")
        try assertSame(ModelNode(.object([])), "empty root")
    }

    func testTheResolverShortcutAgreesWithYamsOnEveryFirstCharacter() throws {
        // The emitter skips Yams' resolver for strings no rule can match by their first
        // character; check that claim for every ASCII start and some others.
        let firsts = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["\u{85}", "\u{A0}", "\u{2028}", "\u{2029}", "\r\n", "取", "０"]
        for first in firsts {
            for rest in ["", "\n", "\r", "\u{2028}", "0", "1", "_0", "rue", "ull", "es", "n", "ff", "<", ".5", "inf", "x"] {
                let s = first + rest
                let quoted = Node(s).tag != Tag(.str)
                XCTAssertEqual(CanonicalYAMLEmitter.stringStyle(s) == .doubleQuoted, quoted, s.debugDescription)
            }
        }
    }
}
