import Foundation
import XCTest

/// Compares output with `Goldens/<name>`. With `RECORD_SNAPSHOTS=1` the golden is written
/// and the test still fails, so a recording run can never pass by accident.
func assertGolden(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .appendingPathComponent("Goldens").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        do {
            try Data(actual.utf8).write(to: url)
            XCTFail("recorded \(name); run again without RECORD_SNAPSHOTS to check it", file: file, line: line)
        } catch {
            XCTFail("cannot record \(url.path): \(error)", file: file, line: line)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path),
          let expected = String(data: data, encoding: .utf8) else {
        XCTFail("missing golden \(url.path); record it with RECORD_SNAPSHOTS=1", file: file, line: line)
        return
    }
    guard actual != expected else { return }
    let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
    let index = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
    let got = index < a.count ? a[index] : "<end>", want = index < e.count ? e[index] : "<end>"
    XCTFail("\(name) differs at line \(index + 1):\n  got:      \(got)\n  expected: \(want)", file: file, line: line)
}
