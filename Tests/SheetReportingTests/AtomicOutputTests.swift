import Foundation
import XCTest
@testable import SheetReporting

final class AtomicOutputTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("sheetlint-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    func testWritesNewFileAndOverwrites() throws {
        let path = dir.appendingPathComponent("結果.sarif").path
        try AtomicOutput.write("一回目\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "一回目\n")
        try AtomicOutput.write("二回目", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "二回目")
        XCTAssertEqual(try entries(), ["結果.sarif"])
    }

    func testMissingDirectoryThrowsAndLeavesNothing() throws {
        let missing = dir.appendingPathComponent("no-such-dir")
        XCTAssertThrowsError(try AtomicOutput.write("x", to: missing.appendingPathComponent("out.json").path)) { error in
            XCTAssertEqual((error as? OutputError)?.stage, .create)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.path))
        XCTAssertEqual(try entries(), [])
    }

    func testFailedRenameRemovesTemporaryAndKeepsDestination() throws {
        let target = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))
        XCTAssertThrowsError(try AtomicOutput.write("new", to: target.path)) { error in
            XCTAssertEqual((error as? OutputError)?.stage, .replace)
        }
        XCTAssertEqual(try entries(), ["out"])
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("inside"), encoding: .utf8), "keep")
    }

    func testKeepsPermissionsOfReplacedFile() throws {
        let path = dir.appendingPathComponent("out.txt").path
        try AtomicOutput.write("a", to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicOutput.write("b", to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o600)
    }

    /// A report written piece by piece (`open`, `File.write`, `commit`): until `commit`
    /// the destination keeps its old content and no other name appears beside it; a file
    /// dropped (`discard`, or released) leaves the destination as it was.
    func testPiecewiseOutputReplacesOnlyWhenCommitted() throws {
        let path = dir.appendingPathComponent("report.json").path
        try AtomicOutput.write("old", to: path)
        let file = try AtomicOutput.open(path)
        for piece in ["{", "\"a\": 1", "}"] { Array(piece.utf8).withUnsafeBytes { _ = file.write($0) } }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old")
        XCTAssertEqual(try entries(), ["report.json"])
        try file.commit()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "{\"a\": 1}")

        let dropped = try AtomicOutput.open(path)
        Array("partial".utf8).withUnsafeBytes { _ = dropped.write($0) }
        dropped.discard()
        do {
            let released = try AtomicOutput.open(path)
            Array("partial".utf8).withUnsafeBytes { _ = released.write($0) }
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "{\"a\": 1}")
        XCTAssertEqual(try entries(), ["report.json"])
    }
}
