import Foundation
@testable import SheetModel
import XCTest

/// The model's own behaviour: span arithmetic, the generic tree, the dump format.
final class ModelTests: XCTestCase {
    private func span(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> SourceSpan {
        SourceSpan(file: "f.md", start: SourcePosition(line: l1, column: c1), end: SourcePosition(line: l2, column: c2))
    }

    func testUnionCoversBothSpansAcrossLines() {
        XCTAssertEqual(span(3, 10, 3, 20).union(span(5, 2, 5, 4)), span(3, 10, 5, 4))
        XCTAssertEqual(span(5, 2, 5, 4).union(span(3, 10, 3, 20)), span(3, 10, 5, 4))
        let none: SourceSpan? = nil
        XCTAssertEqual(none.union(span(1, 1, 1, 2)), span(1, 1, 1, 2))
    }

    /// Positions are stored in 32 bits: beyond that they clamp instead of trapping, and they
    /// encode as before (`line`, `column`).
    func testPositionsClampAt32BitsAndEncodeAsBefore() throws {
        let far = SourcePosition(line: Int(Int32.max) + 5, column: Int(Int32.min) - 5)
        XCTAssertEqual(far.line, Int(Int32.max))
        XCTAssertEqual(far.column, Int(Int32.min))
        var p = SourcePosition(line: 7, column: 3)
        p.column += 2
        XCTAssertEqual([p.line, p.column], [7, 5])
        XCTAssertLessThan(SourcePosition(line: 7, column: 9), SourcePosition(line: 8, column: 1))
        let json = try JSONEncoder().encode(p)
        XCTAssertEqual(try JSONSerialization.jsonObject(with: json) as? [String: Int], ["line": 7, "column": 5])
        XCTAssertEqual(try JSONDecoder().decode(SourcePosition.self, from: json), p)
        XCTAssertEqual(MemoryLayout<SourceSpan>.size, 32, "a span is the file name and four 32-bit numbers")
    }

    func testTreeUsesCanonicalNamesInOrder() {
        var sheet = Sheet(file: "f.md")
        sheet.fiscalYear = 2022
        sheet.annualGoals = [AnnualGoal(number: 1, planCodes: [PlanCode(code: "5-2-①", written: "５－２－①", title: nil,
                                                                        span: span(4, 3, 4, 8))],
                                        span: span(2, 1, 4, 20))]
        let tree = sheet.tree
        guard case .object(let members) = tree.value else { return XCTFail("sheet is an object") }
        XCTAssertEqual(members.map(\.key), ["fiscalYear", "header", "mission", "approaches", "annualGoals", "midTermGoals"])
        XCTAssertEqual(tree["annualGoals"]?.arrayNodes?.first?["planCodes"]?.arrayNodes?.first?["written"]?.text, "５－２－①")
    }

    func testDumpPrintsPathsValuesAndSpans() {
        var sheet = Sheet(file: "f.md")
        sheet.header = Header(department: Field(text: "架空部", span: span(1, 9, 1, 12)))
        let dump = sheet.tree.dump()
        XCTAssertTrue(dump.contains("header.department = \"架空部\" @1:9-1:12\n"), dump)
        XCTAssertTrue(dump.contains("fiscalYear = null\n"))
        XCTAssertTrue(dump.contains("annualGoals = []\n"))
    }

    func testQuotedEscapesOnlyWhatJSONNeeds() {
        XCTAssertEqual(ModelNode.quoted("a\"b\\c\n\u{1}日本"), "\"a\\\"b\\\\c\\n\\u0001日本\"")
    }

    func testEmptinessIgnoresNumbersAndMarkers() {
        let emptyItem = ModelNode(.object([.init("number", ModelNode(.int(1))), .init("text", ModelNode(.string("  ")))]))
        XCTAssertTrue(emptyItem.isEmptyValue)
        let item = ModelNode(.object([.init("number", ModelNode(.int(1))), .init("text", ModelNode(.string("実施")))]))
        XCTAssertFalse(item.isEmptyValue)
    }
}

private extension ModelNode {
    var arrayNodes: [ModelNode]? {
        if case .array(let nodes) = value { return nodes }
        return nil
    }
}
