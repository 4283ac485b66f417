import Foundation
import SheetModel
import SheetReading
@testable import SheetRules
import XCTest
import Yams

/// The built-in rule files are composed at build time (scripts/generate-default-rules) so
/// that start-up parses no YAML. The tables must give exactly the nodes Yams composes from
/// the embedded text: same kinds, strings, resolved tags, raw tags of collections, styles
/// and marks (line and column feed every error message and rule position).
final class PrecomposedRulesTests: XCTestCase {
    func testEveryEmbeddedFileHasATableGivingYamsOwnNodes() throws {
        XCTAssertTrue(PrecomposedYAML.marksCanBeBuilt, "Yams' Mark is no longer two Ints: start-up composes YAML again")
        XCTAssertEqual(DefaultRuleSet.composed.map(\.name), DefaultRuleSet.files.map(\.name),
                       "run scripts/generate-default-rules")
        for file in DefaultRuleSet.files {
            let pre = try XCTUnwrap(PrecomposedYAML.root(name: file.name, text: file.text),
                                    "\(file.name): no table for this text; run scripts/generate-default-rules")
            let composed = try XCTUnwrap(try Yams.compose(yaml: file.text))
            var count = 0
            compare(pre, composed, file.name, &count)
            XCTAssertGreaterThan(count, 50, file.name)
        }
    }

    func testAnotherTextUnderADefaultNameIsComposedFromItsText() throws {
        let file = try XCTUnwrap(DefaultRuleSet.files.first)
        XCTAssertNil(PrecomposedYAML.root(name: file.name, text: file.text + "\n# changed\n"))
        XCTAssertNil(PrecomposedYAML.root(name: "nonexistent.yml", text: file.text))
        let value = try XCTUnwrap(try YAMLValue.compose(text: "a: 1\n", file: "<default>/" + file.name))
        XCTAssertEqual(value.node, Node.mapping(["a": "1"]))
    }

    /// The loader reads a built-in file's table in place (`YAMLValue` over `ComposedYAML`):
    /// every question it asks of a node gets the answer it gets from Yams' composition of the
    /// same text, for every node of every file.
    func testTableNodesAnswerAsYamsNodes() throws {
        for file in DefaultRuleSet.files {
            let name = "<default>/" + file.name
            let table = try XCTUnwrap(try YAMLValue.compose(text: file.text, file: name))
            XCTAssertTrue(table.builtIn)
            XCTAssertNotNil(table.deferredNode, "\(file.name) is not read from its table")
            let yams = YAMLValue(node: try XCTUnwrap(try Yams.compose(yaml: file.text)), file: name, builtIn: true)
            var count = 0
            compareValues(table, yams, &count)
            XCTAssertEqual(count, try XCTUnwrap(PrecomposedYAML.table(name: file.name, text: file.text)).nodeCount, file.name)
        }
    }

    private func compareValues(_ a: YAMLValue, _ b: YAMLValue, _ count: inout Int) {
        count += 1
        let at = "\(b.file):\(b.position.line):\(b.position.column)"
        XCTAssertEqual(a.position, b.position, at)
        XCTAssertEqual(a.isNull, b.isNull, at)
        XCTAssertEqual(a.isSequence, b.isSequence, at)
        XCTAssertEqual(a.node, b.node, at)
        XCTAssertEqual(Result { () throws(RuleFileError) in try a.string("s") }, Result { () throws(RuleFileError) in try b.string("s") }, at)
        XCTAssertEqual(Result { () throws(RuleFileError) in try a.int("i") }, Result { () throws(RuleFileError) in try b.int("i") }, at)
        XCTAssertEqual(Result { () throws(RuleFileError) in try a.bool("b") }, Result { () throws(RuleFileError) in try b.bool("b") }, at)
        let sa = Result { () throws(RuleFileError) in try a.strings("l").map(\.0) }
        XCTAssertEqual(sa, Result { () throws(RuleFileError) in try b.strings("l").map(\.0) }, at)
        if case .sequence = b.node {
            guard let x = try? a.sequence("q"), let y = try? b.sequence("q"), x.count == y.count else {
                return XCTFail("\(at): sequences differ")
            }
            for (p, q) in zip(x, y) { compareValues(p, q, &count) }
        } else {
            XCTAssertThrowsError(try a.sequence("q"), at)
        }
        if case .mapping(let m) = b.node {
            let keys = m.map(\.key).compactMap(\.string)
            // Every key allowed but the last: the unknown-key path is compared too.
            var errorsA: [RuleFileError] = [], errorsB: [RuleFileError] = []
            let partA = try? a.mapping(allowed: Array(keys.dropLast()), what: "m", errors: &errorsA)
            let partB = try? b.mapping(allowed: Array(keys.dropLast()), what: "m", errors: &errorsB)
            XCTAssertEqual(errorsA, errorsB, at)
            XCTAssertEqual(partA?.entries.map(\.key), partB?.entries.map(\.key), at)
            guard let x = try? a.mapping(allowed: keys, what: "m"), let y = try? b.mapping(allowed: keys, what: "m"),
                  x.entries.count == y.entries.count else {
                return XCTFail("\(at): mappings differ")
            }
            for key in keys { XCTAssertEqual(x[key]?.position, y[key]?.position, at) }
            for (p, q) in zip(x.entries, y.entries) {
                XCTAssertEqual(p.key, q.key, at)
                compareValues(p.keyValue, q.keyValue, &count)
                compareValues(p.value, q.value, &count)
            }
        } else {
            XCTAssertThrowsError(try a.mapping(allowed: [], what: "m"), at)
        }
    }

    func testTheDefaultSetLoadsTheSameFromTablesAndFromText() throws {
        let fromTables = RuleSet.loadDefaultReportingErrors()
        XCTAssertEqual(fromTables.1.map(\.description), [])
        // The same files under names that are not built-in are composed from their text.
        let fromText = RuleSet().adding(files: DefaultRuleSet.files.map { (name: "<text>/" + $0.name, text: $0.text) })
        XCTAssertEqual(fromText.1.map(\.description), [])
        XCTAssertEqual(fromTables.0.rules.map(\.id), fromText.0.rules.map(\.id))
        for (a, b) in zip(fromTables.0.rules, fromText.0.rules) {
            XCTAssertEqual(a.position, b.position, a.id)
            XCTAssertEqual(a.optionsText, b.optionsText, a.id)
            XCTAssertEqual(a.selectors, b.selectors, a.id)
            XCTAssertEqual(a.file, "<default>/" + b.file.dropFirst("<text>/".count), a.id)
            XCTAssertEqual([a.severity.rawValue, a.summary, a.description, a.kind], [b.severity.rawValue, b.summary, b.description, b.kind], a.id)
            XCTAssertEqual([a.summaryJa, a.descriptionJa], [b.summaryJa, b.descriptionJa], a.id)
            XCTAssertEqual(a.message, b.message, a.id)
            XCTAssertEqual(a.messageEn, b.messageEn, a.id)
            XCTAssertEqual(a.stages, b.stages, a.id)
            XCTAssertEqual(a.sourceText, b.sourceText, a.id)
            XCTAssertEqual(a.sourceIndex, b.sourceIndex, a.id)
            XCTAssertEqual(String(describing: type(of: a.check)), String(describing: type(of: b.check)), a.id)
            XCTAssertEqual((a.failExamples + a.passExamples).map(\.sheet), (b.failExamples + b.passExamples).map(\.sheet), a.id)
            XCTAssertEqual((a.failExamples + a.passExamples).map(\.position),
                           (b.failExamples + b.passExamples).map(\.position), a.id)
        }
        XCTAssertEqual(fromTables.0.catalogs.keys.sorted(), fromText.0.catalogs.keys.sorted())
        // The checks compiled from the tables find what those compiled from the text do, on
        // every rule's example sheets and on the example sheets of the repository.
        var sheets: [Sheet] = []
        for rule in fromText.0.rules {
            for example in rule.failExamples + rule.passExamples {
                if let sheet = try? CanonicalSheetReader.read(text: example.sheet, file: "example.yml") { sheets.append(sheet) }
            }
        }
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted() where name.hasSuffix(".md") {
            let text = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
            sheets.append(MarkdownSheetReader.read(text: text, file: name))
        }
        XCTAssertGreaterThan(sheets.count, 60)
        var total = 0
        for sheet in sheets {
            for stage in SheetStage.allCases {
                let a = RuleEngine.evaluate(fromTables.0, on: sheet, stage: stage)
                let b = RuleEngine.evaluate(fromText.0, on: sheet, stage: stage)
                XCTAssertEqual(a, b, sheet.file)
                total += a.count
            }
        }
        XCTAssertGreaterThan(total, 100)
    }

    func testACatalogueIsAFileWithATopLevelCatalogKey() {
        XCTAssertTrue(RuleSet.looksLikeCatalog("catalog: x\n"))
        XCTAssertTrue(RuleSet.looksLikeCatalog("# c\nversion: 1\ncatalog:\n"))
        XCTAssertFalse(RuleSet.looksLikeCatalog("version: 1\nrules:\n  catalog: x\n"))
        XCTAssertFalse(RuleSet.looksLikeCatalog("catalogs: x\n".replacingOccurrences(of: "catalogs:", with: "catalo: g:")))
        XCTAssertFalse(RuleSet.looksLikeCatalog("# catalog: x\nccatalog: y"))
        XCTAssertTrue(RuleSet.looksLikeCatalog("cat\ncatalog: y"))
        for file in DefaultRuleSet.files {
            XCTAssertEqual(RuleSet.looksLikeCatalog(file.text), file.name.hasPrefix("catalogs/"), file.name)
        }
    }

    private func compare(_ a: Node, _ b: Node, _ file: String, _ count: inout Int) {
        count += 1
        let at = "\(file):\(b.mark?.description ?? "?")"
        XCTAssertEqual(a.mark?.line, b.mark?.line, at)
        XCTAssertEqual(a.mark?.column, b.mark?.column, at)
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            XCTAssertEqual(x.string, y.string, at)
            XCTAssertEqual(x, y, at)  // string and resolved tag
            XCTAssertEqual(x.style, y.style, at)
        case (.sequence(let x), .sequence(let y)):
            XCTAssertEqual(x.tag.description, y.tag.description, at)
            XCTAssertEqual(x.style, y.style, at)
            XCTAssertEqual(x.count, y.count, at)
            for (p, q) in zip(x, y) { compare(p, q, file, &count) }
        case (.mapping(let x), .mapping(let y)):
            XCTAssertEqual(x.tag.description, y.tag.description, at)
            XCTAssertEqual(x.style, y.style, at)
            XCTAssertEqual(x.count, y.count, at)
            for (p, q) in zip(x, y) {
                compare(p.key, q.key, file, &count)
                compare(p.value, q.value, file, &count)
            }
        default:
            XCTFail("\(at): \(a) is not \(b)")
        }
    }
}
