import XCTest
@testable import SheetlintKit

/// `ConfigPath.normalize` returns an already normal ASCII path as it is; the segment-by-segment
/// normalization stays the reference.
final class ConfigPathTests: XCTestCase {
    func testNormalPathsAreRecognizedExactly() {
        let fixed = [
            "/", "//", "/a", "/a/", "/a//b", "/./a", "/a/.", "/a/..", "/../a", "/a/b/../c", "/.a", "/a.",
            "/...", "/a/.../b", "/..a", "/a..", "a", "a/b", "", ".", "/a/b/c.md", "/tmp/x/000123.md",
            "/a/\u{301}", "/a\u{301}/b", "/.\u{301}/b", "/./\u{301}", "/東京/表.md", "/a/\r\n/b",
        ]
        for path in fixed { check(path) }
        // Random paths over the characters that matter.
        var rng = SystemRandomNumberGenerator()
        let alphabet: [String] = ["/", "/", "/", ".", ".", "a", "b", "-", "\u{301}", "表", " "]
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...12, using: &rng)
            check((0..<n).map { _ in alphabet.randomElement(using: &rng)! }.joined())
        }
    }

    private func check(_ path: String, file: StaticString = #filePath, line: UInt = #line) {
        let reference = ConfigPath.normalizeBySegments(path)
        XCTAssertEqual(ConfigPath.normalize(path), reference, "normalize(\(path.debugDescription))", file: file, line: line)
        if ConfigPath.isNormalASCII(path) {
            XCTAssertEqual(reference, path, "\(path.debugDescription) taken as normal", file: file, line: line)
        }
    }

    func testTheFastPathIsTakenForOrdinarySheetPaths() {
        for path in ["/", "/work/sheets/2024/toshi-seisaku.md", "/a/b.c/d..e/f...g"] {
            XCTAssertTrue(ConfigPath.isNormalASCII(path), path)
        }
    }
}
