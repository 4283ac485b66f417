import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// A finding about part of a text leaf reads the leaf's alignment with the source from
/// `SheetSource.focusedSpan`, computed once per leaf, instead of aligning the whole leaf
/// again for every finding (quadratic in a long cell with thousands of findings). Compared
/// here with the former per-call computation, `FocusedSpanAlignmentTests.spanRecomputed`.
final class FocusedSpanAlignmentTests: XCTestCase {
    /// `FocusedSpan.span` as it was: the whole leaf aligned again for every finding; the
    /// reference `Alignment` is compared with.
    static func spanRecomputed(ofUTF16 range: Range<Int>, in text: String, leafSpan: SourceSpan, ownSpan: Bool = true,
                               source: [Substring]) -> SourceSpan? {
        // UTF-16 offsets to scalar offsets.
        var scalarStart: Int?, scalarEnd: Int?, units = 0
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if units == range.lowerBound { scalarStart = i }
            if units == range.upperBound { scalarEnd = i }
            units += scalar.utf16.count
        }
        if units == range.upperBound { scalarEnd = scalars.count }
        guard let first = scalarStart, let end = scalarEnd, first < end,
              let positions = FocusedSpan.align(scalars, leafSpan: leafSpan, source: source, greedy: ownSpan) else { return nil }
        let last = positions[end - 1]
        return SourceSpan(file: leafSpan.file, start: positions[first],
                          end: SourcePosition(line: last.line, column: last.column + 1))
    }

    /// The UTF-16 ranges tried in a text: every start with short lengths, whole and empty
    /// ranges, and ranges ending at the text's end (some starting or ending inside a
    /// surrogate pair when the text has one).
    private func ranges(_ text: String) -> [Range<Int>] {
        let n = text.utf16.count
        var out: [Range<Int>] = [0..<n, 0..<0, n..<n]
        for start in stride(from: 0, through: n, by: max(1, n / 40)) {
            for length in [1, 2, 3, 5] where start + length <= n { out.append(start..<(start + length)) }
            out.append(start..<n)
        }
        return out
    }

    func testFocusedSpansAreThoseOfTheFormerComputation() {
        var compared = 0, placed = 0
        for (sheet, text) in EngineFastPathTests.sheets {
            let source = SheetSource(text: text)
            let lines = source.lines
            let tree = SheetTree(sheet)
            var leaves: [Match] = []
            for id in 0..<Int32(tree.count) {
                let m = Match(tree: tree, id: id)
                if m.text != nil, m.span != nil { leaves.append(m) }
            }
            // Leaf by leaf (the memo reused), then leaves interleaved (the memo replaced).
            for order in [leaves, zip(leaves, leaves.reversed()).flatMap { [$0, $1] }] {
                for m in order {
                    let text = m.text!, region = m.span!, own = m.ownSpan != nil
                    for range in ranges(text).prefix(order.count > 400 ? 8 : 200) {
                        let got = source.focusedSpan(ofUTF16: range, in: text, leafSpan: region, ownSpan: own)
                        let want = Self.spanRecomputed(ofUTF16: range, in: text, leafSpan: region, ownSpan: own,
                                                              source: lines)
                        XCTAssertEqual(got, want, "\(range) of \(m.path) in \(sheet.file)")
                        compared += 1
                        if want != nil { placed += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 5000)
        XCTAssertGreaterThan(placed, 1000)
    }

    /// Texts with scalars beyond the BMP, entities and tags, aligned against a source
    /// written for them: ranges inside a surrogate pair place nothing, as before.
    func testSurrogatePairsEntitiesAndTags() {
        let line = "| x | 𠮷野家&amp;<b>令和</b>3年 𠮷 |"
        let text = "𠮷野家&令和3年 𠮷"
        let source = SheetSource(text: line + "\n")
        let start = 7  // the scalar column of 𠮷 in the line
        let region = SourceSpan(file: "t.md", start: SourcePosition(line: 1, column: start),
                                end: SourcePosition(line: 1, column: line.unicodeScalars.count - 1))
        for own in [true, false] {
            for lower in 0...text.utf16.count {
                for upper in lower...text.utf16.count {
                    XCTAssertEqual(source.focusedSpan(ofUTF16: lower..<upper, in: text, leafSpan: region, ownSpan: own),
                                   Self.spanRecomputed(ofUTF16: lower..<upper, in: text, leafSpan: region,
                                                              ownSpan: own, source: source.lines),
                                   "\(lower)..<\(upper) own \(own)")
                }
            }
        }
        XCTAssertNil(source.focusedSpan(ofUTF16: 1..<3, in: text, leafSpan: region, ownSpan: true))
        XCTAssertNotNil(source.focusedSpan(ofUTF16: 0..<2, in: text, leafSpan: region, ownSpan: true))
    }
}
