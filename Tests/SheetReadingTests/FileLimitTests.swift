import Foundation
import SheetModel
@testable import SheetReading
import XCTest

/// `ResourceLimits.maxFileSize` at and past the limit, and what `InputFile` refuses.
final class FileLimitTests: XCTestCase {
    func testFileSizeAtAndPastTheLimit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sheetlint-size-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let at = dir.appendingPathComponent("at.md").path, past = dir.appendingPathComponent("past.md").path
        try Data(repeating: 0x61, count: ResourceLimits.maxFileSize).write(to: URL(fileURLWithPath: at))
        try Data(repeating: 0x61, count: ResourceLimits.maxFileSize + 1).write(to: URL(fileURLWithPath: past))
        XCTAssertEqual(try InputFile.read(at).count, ResourceLimits.maxFileSize)
        XCTAssertThrowsError(try InputFile.read(past)) { error in
            XCTAssertEqual((error as? ReadError)?.kind, .tooLarge)
        }
    }

    func testOnlyRegularFilesAreRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sheetlint-kind-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("f.md").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        XCTAssertEqual(InputFile.kind(of: fifo), .fifo)
        XCTAssertThrowsError(try InputFile.read(fifo)) { error in
            XCTAssertEqual((error as? ReadError)?.messageEn, "not a regular file, not read (a FIFO (named pipe))")
        }
        XCTAssertThrowsError(try InputFile.read("/dev/zero")) { error in
            XCTAssertEqual((error as? ReadError)?.messageEn, "not a regular file, not read (a device file)")
        }
        XCTAssertThrowsError(try InputFile.read(dir.path)) { error in
            XCTAssertEqual((error as? ReadError)?.messageEn, "This is a directory, not a file")
        }
        XCTAssertThrowsError(try InputFile.read(dir.appendingPathComponent("none.md").path)) { error in
            XCTAssertEqual((error as? ReadError)?.kind, .notFound)
        }
    }
}
