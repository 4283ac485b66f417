import Foundation
import XCTest

/// A finding about one character or one expression inside a long cell points at exactly
/// those characters, past tags and entities, not at the start of the cell.
final class ExactSpanCLITests: XCTestCase {
    /// 1-based column (Unicode scalars) of the first `needle` in `line`.
    private func column(of needle: String, in line: String) -> Int {
        let scalars = Array(line.unicodeScalars), n = Array(needle.unicodeScalars)
        for i in 0...(scalars.count - n.count) where Array(scalars[i..<(i + n.count)]) == n { return i + 1 }
        XCTFail("\(needle) not in \(line)")
        return 0
    }

    private func diagnostics(_ r: CLIRunner.Result) throws -> [[String: Any]] {
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.stdout + r.stderr)
        return try XCTUnwrap(json["diagnostics"] as? [[String: Any]])
    }

    private func span(_ d: [String: Any]) -> String {
        "\(d["line"] ?? ""):\(d["column"] ?? "")-\(d["endLine"] ?? ""):\(d["endColumn"] ?? "")"
    }

    func testStyleAndEraFindingsCoverTheirCharacters() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        var lines = CLIFixtures.gateSheet.components(separatedBy: "\n")
        // Line 12: a tilde after an entity and a tag, in a cell whose other ranges use ～.
        lines[11] = "| <p>(1) 方針 &amp; <b>重点</b>を4月~6月に進めます。</p> | <p>(1) 4月～6月と10月～12月に進めました。</p> |"
        // Line 27: an era year that is not the western year beside it.
        lines[26] = lines[26].replacingOccurrences(of: "令和5年度(2023年度)", with: "令和5年度(2024年度)")
        try CLIFixtures.write(lines.joined(separator: "\n"), "sheet.md", in: dir)
        let found = try diagnostics(try CLIRunner.run(["lint", "sheet.md", "--format", "json"], in: dir))
        func only(_ rule: String) throws -> [String: Any] {
            try XCTUnwrap(found.first { $0["ruleId"] as? String == rule }, "\(rule) not reported: \(found)")
        }
        let tilde = column(of: "~", in: lines[11])
        XCTAssertEqual(span(try only("notation-variance")), "12:\(tilde)-12:\(tilde + 1)")
        let era = column(of: "令和5年度(2024年度)", in: lines[26])
        XCTAssertEqual(span(try only("era-year-mismatch")), "27:\(era)-27:\(era + 13)")
        let bracket = column(of: "（", in: lines[5])
        XCTAssertEqual(span(try only("mixed-width-brackets")), "6:\(bracket)-6:\(bracket + 1)")
    }

    func testTheExampleEraMismatchPointsAtTheExpression() throws {
        let r = try CLIRunner.run(["lint", "examples/toshi-seisaku.md"])
        XCTAssertTrue(r.stdout.contains("examples/toshi-seisaku.md:65:147: error: 「令和6年度（2025年度）」"), r.stdout)
        XCTAssertTrue(r.stdout.contains("examples/toshi-seisaku.md:51:73: info: 全角と半角の括弧"), r.stdout)
    }
}
