import Foundation
import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// `SheetTree(sheet)`, built straight from the model, is the tree `SheetTree(flattening:
/// sheet.tree)` gives from the `ModelNode` value tree (the reference), node for node; and
/// what the compact table stores (strings by index, spans as 32-bit positions with the
/// file named once) reads back as the values it was built from.
final class SheetTreeBuildTests: XCTestCase {
    /// The shipped sheets, the real one when present, and canonical ones that fill every
    /// part of the model (sub-items, schedules, timings, citations, mid-term goals).
    static func sheets() throws -> [Sheet] {
        var sheets = try SelectorEquivalenceTests.sheets()
        let real = SelectorEquivalenceTests.repo.deletingLastPathComponent().appendingPathComponent("shared/fixtures/real")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: real.path).sorted()) ?? [] where name.hasSuffix(".md") {
            let decoded = try SheetDecoder.readFile(path: real.appendingPathComponent(name).path, forced: nil)
            sheets.append(try SheetReader.read(decoded: decoded, path: name, options: ReadOptions()))
        }
        let canonical = SelectorEquivalenceTests.repo.appendingPathComponent("examples/canonical")
        for name in try FileManager.default.contentsOfDirectory(atPath: canonical.path).sorted() where name.hasSuffix(".yaml") {
            let text = try String(contentsOf: canonical.appendingPathComponent(name), encoding: .utf8)
            sheets.append(try CanonicalSheetReader.read(text: text, file: name))
        }
        return sheets
    }

    func testTheDirectBuildEqualsTheFlattenedModelTree() throws {
        var nodes = 0
        for sheet in try Self.sheets() {
            let direct = SheetTree(sheet), reference = SheetTree(flattening: sheet.tree)
            XCTAssertEqual(direct.count, reference.count, sheet.file)
            XCTAssertEqual(direct.parents, reference.parents, sheet.file)
            XCTAssertEqual(direct.ends, reference.ends, sheet.file)
            XCTAssertEqual(direct.keys, reference.keys, sheet.file)
            for id in 0..<Int32(direct.count) {
                XCTAssertEqual(direct.kind(id), reference.kind(id))
                XCTAssertEqual(direct.keyIndex(id), reference.keyIndex(id))
                XCTAssertEqual(direct.ordinal(id), reference.ordinal(id))
                XCTAssertEqual(direct.text(id), reference.text(id))
                XCTAssertEqual(direct.span(id), reference.span(id))
                XCTAssertEqual(direct.ownSpan(id), reference.ownSpan(id))
            }
            // The whole table reads back as the model tree, every span included.
            XCTAssertEqual(direct.node(0), sheet.tree, sheet.file)
            nodes += direct.count
        }
        XCTAssertGreaterThan(nodes, 5_000)
    }

    func testTheTableReadsBackEveryValueItWasBuiltFrom() throws {
        for sheet in try Self.sheets() {
            let tree = SheetTree(sheet)
            var ownSpans = 0
            func check(_ node: ModelNode, _ id: Int32, _ inherited: SourceSpan?) {
                XCTAssertEqual(tree.ownSpan(id), node.span)
                XCTAssertEqual(tree.span(id), node.span ?? inherited)
                XCTAssertEqual(tree.text(id), node.text)
                XCTAssertEqual(tree.isEmptyValue(id), node.isEmptyValue)
                if node.span != nil { ownSpans += 1 }
                switch node.value {
                case .object(let members):
                    XCTAssertEqual(tree.kind(id), .object)
                    let children = Array(tree.children(id))
                    XCTAssertEqual(children.count, members.count)
                    for (m, c) in zip(members, children) {
                        XCTAssertEqual(tree.key(c), m.key)
                        XCTAssertEqual(tree.child(id, key: m.key), c)
                        check(m.node, c, node.span ?? inherited)
                    }
                case .array(let elements):
                    XCTAssertEqual(tree.kind(id), .array)
                    let children = Array(tree.children(id))
                    XCTAssertEqual(children.count, elements.count)
                    for (i, (e, c)) in zip(elements, children).enumerated() {
                        XCTAssertEqual(tree.ordinal(c), i)
                        XCTAssertNil(tree.key(c))
                        check(e, c, node.span ?? inherited)
                    }
                case .string(let s): XCTAssertEqual(tree.string(id), s)
                case .int(let i): XCTAssertEqual(tree.int(id), i)
                case .bool: XCTAssertEqual(tree.kind(id), .bool)
                case .null: XCTAssertEqual(tree.kind(id), .null)
                }
            }
            check(sheet.tree, 0, nil)
            XCTAssertGreaterThan(ownSpans, 1, sheet.file)
        }
    }

    /// String slots (what per-sheet text memos are indexed by) number the string nodes
    /// 0, 1, 2 … in document order, and no other node has one.
    func testStringSlotsNumberTheStringsInOrder() throws {
        for sheet in try Self.sheets() {
            let tree = SheetTree(sheet)
            var next = 0
            for id in 0..<Int32(tree.count) {
                if tree.isString(id) {
                    XCTAssertEqual(tree.stringIndex(id), next)
                    next += 1
                } else {
                    XCTAssertNil(tree.stringIndex(id))
                }
            }
            XCTAssertEqual(next, tree.stringCount, sheet.file)
        }
    }

    /// Values the model never holds still round-trip: bools, keys of any name, ints and
    /// positions at or past the 32-bit limit, spans of several files.
    func testAnyModelNodeRoundTrips() {
        let far = SourceSpan(file: "b.md", start: SourcePosition(line: Int(Int32.max), column: 1),
                             end: SourcePosition(line: Int(Int32.max), column: Int(Int32.max)))
        let near = SourceSpan(file: "a.md", line: 2, startColumn: 1, endColumn: 9)
        let root = ModelNode(.object([
            ModelNode.Member("flag", ModelNode(.bool(true), span: near)),
            ModelNode.Member("far", ModelNode(.string("x"), span: far)),
            ModelNode.Member("list", ModelNode(.array([ModelNode(.int(-3)), ModelNode(.null), ModelNode(.bool(false)),
                                                      ModelNode(.int(Int.max)), ModelNode(.int(Int(Int32.min) - 1))]))),
            ModelNode.Member("名前", ModelNode(.string(""), span: near)),
        ]), span: near)
        let tree = SheetTree(flattening: root)
        XCTAssertEqual(tree.node(0), root)
        XCTAssertEqual(tree.span(2), far)
        XCTAssertEqual(tree.span(4), near, "an element without a span has its parent's parent's")
        XCTAssertEqual(tree.key(9), "名前")
        XCTAssertEqual(tree.int(7), Int.max, "an int past 32 bits")
        XCTAssertEqual(tree.text(8), String(Int(Int32.min) - 1))
        XCTAssertEqual(tree.text(4), "-3")
        XCTAssertNil(tree.text(1))
    }
}
