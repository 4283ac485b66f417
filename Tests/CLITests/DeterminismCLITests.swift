import Foundation
import XCTest

/// Output never depends on how many files are read at once.
final class DeterminismCLITests: XCTestCase {
    func testJobsDoNotChangeOutput() throws {
        let quirks = "Tests/SheetReadingTests/Fixtures/quirks"
        let one = try CLIRunner.run(["lint", "--format", "json", "--jobs", "1", quirks, "examples"])
        let four = try CLIRunner.run(["lint", "--format", "json", "--jobs", "4", quirks, "examples"])
        XCTAssertEqual(one.status, four.status)
        XCTAssertEqual(one.stdout, four.stdout)
        XCTAssertGreaterThan(one.stdout.components(separatedBy: "\"ruleId\"").count, 20, "the fixtures give many findings")
        let files = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])?["diagnostics"]
            as? [[String: Any]]).compactMap { $0["file"] as? String }
        XCTAssertEqual(files, files.sorted(), "findings are sorted by file")
    }
}
