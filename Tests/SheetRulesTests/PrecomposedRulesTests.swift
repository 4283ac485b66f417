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
            XCTAssertEqual((a.failExamples + a.passExamples).map(\.sheet), (b.failExamples + b.passExamples).map(\.sheet), a.id)
            XCTAssertEqual((a.failExamples + a.passExamples).map(\.position),
                           (b.failExamples + b.passExamples).map(\.position), a.id)
        }
        XCTAssertEqual(fromTables.0.catalogs.keys.sorted(), fromText.0.catalogs.keys.sorted())
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
