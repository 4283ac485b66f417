import SheetModel
import SheetReporting
import XCTest
@testable import SheetlintKit

/// `SpanText.Cache` remembers long lines and spans; what it gives must be what the plain
/// extraction gives, span by span, whatever order the spans come in.
final class SpanTextTests: XCTestCase {
    func testTheCacheGivesWhatEachSpanGivesAlone() {
        let long = String(repeating: "計画コード　０－０－０\t", count: 400)
        let files = [
            "a.md": ["# 目標", long, "短い行", long + "終", "", "x"],
            "b.md": [long, "二行目", "三行目"],
        ]
        var generator = SystemRandomNumberGenerator()
        var cache = SpanText.Cache()
        for _ in 0..<2_000 {
            let file = Bool.random(using: &generator) ? "a.md" : "b.md"
            let lines = files[file]!
            let startLine = Int.random(in: 0...lines.count + 1, using: &generator)
            let endLine = startLine + Int.random(in: 0...2, using: &generator)
            let span = SourceSpan(file: file,
                                  start: SourcePosition(line: startLine, column: Int.random(in: 1...5_000, using: &generator)),
                                  end: SourcePosition(line: endLine, column: Int.random(in: 1...5_000, using: &generator)))
            XCTAssertEqual(SpanText.text(of: span, in: lines), Self.formerText(of: span, in: lines), "\(span)")
            let expected = Self.formerText(of: span, in: lines).map(LineFingerprint.fingerprintText)
            XCTAssertEqual(cache.fingerprintText(of: span, in: lines), expected, "\(span)")
        }
    }

    /// The extraction as it was before the cache (one line split per call), as reference.
    private static func formerText(of span: SourceSpan, in lines: [String]?) -> String? {
        guard let lines, span.start.line >= 1, span.start.line <= lines.count else { return nil }
        var parts: [String] = []
        let last = min(span.end.line, lines.count)
        for number in span.start.line...max(span.start.line, last) {
            let scalars = Array(lines[number - 1].unicodeScalars)
            let from = number == span.start.line ? max(0, span.start.column - 1) : 0
            let to = number == span.end.line ? min(scalars.count, max(from, span.end.column - 1)) : scalars.count
            guard from <= to else { continue }
            parts.append(String(String.UnicodeScalarView(scalars[from..<to])))
        }
        return parts.joined(separator: "\n")
    }
}
