import SheetModel
@testable import SheetReading
import XCTest

/// Issue #8, defect 5: one line with N unclosed `<!--` was quadratic (N = 8,000: 7.7 s),
/// because each opening rescanned to the end of the line for `-->`.
final class SuppressionScanTests: XCTestCase {
    /// The scan as it was (pairwise), as the reference for what directives a line holds.
    private func reference(_ line: [Unicode.Scalar]) -> [Int] {
        let open = Array("<!--".unicodeScalars), close = Array("-->".unicodeScalars)
        func at(_ i: Int, _ p: [Unicode.Scalar]) -> Bool { i + p.count <= line.count && Array(line[i..<(i + p.count)]) == p }
        var starts: [Int] = [], i = 0
        while i < line.count {
            if at(i, open), let end = (i + open.count..<max(i + open.count, line.count)).first(where: { at($0, close) }) {
                starts.append(i + 1)
                i = end + close.count
                continue
            }
            i += 1
        }
        return starts
    }

    func testScanFindsTheSameCommentsAsThePairwiseScan() {
        let pieces = ["<!--", "-->", " sheetlint-disable r ", "x", "<!-- sheetlint-enable -->", "-", "<!"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let line = Array((0..<Int.random(in: 0...12, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined().unicodeScalars)
            let scanned = SuppressionComments.scan(line, number: 1, file: "f.md").directives.map(\.span.start.column)
            let expected = reference(line).filter { start in
                // Only comments whose body starts with `sheetlint-` are directives.
                String(String.UnicodeScalarView(line[(start + 3)...])).drop { $0 == " " }.hasPrefix("sheetlint-")
            }
            XCTAssertEqual(scanned, expected, String(String.UnicodeScalarView(line)))
        }
    }

    func testManyUnclosedOpeningsThenADirective() {
        let line = Array((String(repeating: "<!-- x ", count: 20_000)).unicodeScalars)
        XCTAssertEqual(SuppressionComments.scan(line, number: 1, file: "f.md").directives.count, 0)
        let closed = Array((String(repeating: "<!-- x ", count: 20_000) + "-->" + "<!-- sheetlint-disable r -->").unicodeScalars)
        XCTAssertEqual(SuppressionComments.scan(closed, number: 1, file: "f.md").directives.map(\.rules), [["r"]])
    }
}
