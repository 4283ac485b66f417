import Foundation
import XCTest

/// The real binary on `Fixtures/gate/` in every output format: exact output and exit code
/// against golden files. Re-record with RECORD_SNAPSHOTS=1; a recording run still fails.
final class OutputGoldenTests: XCTestCase {
    private static let fixture = CLIRunner.repoRoot.appendingPathComponent("Tests/CLITests/Fixtures/gate")

    private func check(_ format: String, extension ext: String, lang: String = "ja", status expected: Int32 = 1) throws {
        let result = try CLIRunner.run(["lint", "--format", format, "--lang", lang, "sheet.md"], in: Self.fixture)
        XCTAssertEqual(result.status, expected, result.stderr)
        XCTAssertEqual(result.stderr, "")
        // The only machine-specific text is the absolute root in SARIF's originalUriBaseIds.
        // SARIF percent-encodes it (all but letters, digits, `-._~/`), so replace that form too.
        let encoded = Self.fixture.path.utf8.map { byte -> String in
            let c = Character(Unicode.Scalar(byte))
            return (byte < 128 && (c.isLetter || c.isNumber || "-._~/".contains(c))) ? String(c) : String(format: "%%%02X", byte)
        }.joined()
        let output = result.stdout.replacingOccurrences(of: "file://" + encoded, with: "file://$ROOT")
            .replacingOccurrences(of: Self.fixture.path, with: "$ROOT")
        let golden = Self.fixture.appendingPathComponent("expected/\(format).\(lang).\(ext)")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(output.utf8).write(to: golden)
            XCTFail("recorded \(golden.lastPathComponent); run again without RECORD_SNAPSHOTS")
            return
        }
        guard let expectedText = try? String(contentsOf: golden, encoding: .utf8) else {
            return XCTFail("missing golden \(golden.path): record it with RECORD_SNAPSHOTS=1 swift test --filter OutputGoldenTests")
        }
        XCTAssertEqual(output, expectedText, "\(format) output differs from \(golden.lastPathComponent)")
    }

    func testText() throws { try check("text", extension: "txt") }
    func testTextEnglish() throws { try check("text", extension: "txt", lang: "en") }
    func testJSON() throws { try check("json", extension: "json") }
    func testSARIF() throws { try check("sarif", extension: "sarif") }
    func testGitHub() throws { try check("github", extension: "txt") }
    func testJUnit() throws { try check("junit", extension: "xml") }
}
