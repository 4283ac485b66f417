import Foundation
import SheetModel
import XCTest
@testable import SheetReading

/// Every quirk fixture's `sheet.tree.dump()` (values and `line:col` spans) must equal its
/// golden `.dump` exactly.
///
/// To re-record after a deliberate reader change: `RECORD_SNAPSHOTS=1 swift test --filter
/// QuirkGoldenTests`, read the new dumps by eye, then run again without the variable. A
/// recording run always fails, so a golden is never rewritten silently.
final class QuirkGoldenTests: XCTestCase {
    func testEveryQuirkFixtureMatchesItsGoldenDump() throws {
        let names = try QuirkFixtures.names()
        XCTAssertGreaterThanOrEqual(names.count, 20, "quirk fixtures not found in \(QuirkFixtures.folder.path)")
        let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        var recorded: [String] = []
        for name in names {
            let dump = try QuirkFixtures.read(name).tree.dump()
            let url = QuirkFixtures.goldenURL(name)
            let golden = try? String(contentsOf: url, encoding: .utf8)
            if recording {
                if golden != dump {
                    try dump.write(to: url, atomically: true, encoding: .utf8)
                    recorded.append(name + ".dump")
                }
                continue
            }
            guard let golden else {
                XCTFail("\(name).md has no golden \(name).dump: run with RECORD_SNAPSHOTS=1, then check the dump by eye")
                continue
            }
            XCTAssertTrue(dump == golden, "\(name).dump differs from the reading: "
                          + QuirkFixtures.firstDifference(dump, golden))
        }
        if recording {
            XCTFail("recorded \(recorded.isEmpty ? "nothing (all goldens current)" : recorded.joined(separator: ", ")); "
                    + "re-run without RECORD_SNAPSHOTS")
        }
    }

    /// Every golden belongs to a fixture: a renamed fixture must not leave a stale golden.
    func testNoGoldenWithoutFixture() throws {
        let names = Set(try QuirkFixtures.names())
        let goldens = try FileManager.default.contentsOfDirectory(atPath: QuirkFixtures.folder.path)
            .filter { $0.hasSuffix(".dump") }.map { String($0.dropLast(5)) }
        for golden in goldens where !names.contains(golden) {
            XCTFail("\(golden).dump has no \(golden).md")
        }
    }

    /// Each quirk is survived without leaving text unplaced, except the stray text a fixture
    /// holds on purpose to show it is still noted.
    func testNoQuirkLeavesReadNotes() throws {
        let deliberate = ["page-furniture": ["unplaced-text @45:1-45:15"]]
        for name in try QuirkFixtures.names() {
            let notes = try QuirkFixtures.read(name).notes
            XCTAssertEqual(notes.map { "\($0.code) @\($0.span.compactDescription)" }, deliberate[name] ?? [], name)
        }
    }
}
