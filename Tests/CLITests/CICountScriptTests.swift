import Foundation
import XCTest

/// `.ci/count-tests`: the test count `.ci/run` prints comes from XCTest's own total line in
/// every form (with or without skipped tests, with failures), and the script fails loudly
/// when it cannot find one. The logs in `.ci/testdata` are captured `swift test` outputs.
final class CICountScriptTests: XCTestCase {
    private func count(_ log: URL) throws -> CLIRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [CLIRunner.repoRoot.appendingPathComponent(".ci/count-tests").path, log.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
                     status: process.terminationStatus)
    }

    private func captured(_ name: String) -> URL {
        CLIRunner.repoRoot.appendingPathComponent(".ci/testdata/\(name)")
    }

    func testCountsARunWhereEveryTestPassed() throws {
        let r = try count(captured("all-passed.log"))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "260 0 0\n")
    }

    func testCountsARunWithSkippedTestsFromTheTotalNotASuiteLine() throws {
        // "Executed 260 tests, with 2 tests skipped and 0 failures": the old pattern missed
        // this form and took the last suite's "Executed 11 tests" line instead.
        let r = try count(captured("skipped.log"))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "258 0 2\n")
    }

    func testCountsFailedTestsNotFailedAssertions() throws {
        // "Executed 9 tests, with 6 failures": six failed tests here; one test may fail
        // several assertions, so F alone is not the number of failed tests.
        let r = try count(captured("failed.log"))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "3 6 0\n")
    }

    func testFailsLoudlyWithoutATotalLine() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        let whole = try String(contentsOf: captured("all-passed.log"), encoding: .utf8)
        // A run that crashed halfway: suite totals, but no "All tests" total.
        let cut = whole.components(separatedBy: "\n").prefix(300).joined(separator: "\n")
        let path = try CLIFixtures.write(cut, "crashed.log", in: dir)
        let r = try count(URL(fileURLWithPath: path))
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("no XCTest total line"), r.stderr)
        // A total that the test case lines do not add up to is refused too.
        let forged = whole.replacingOccurrences(of: "Executed 260 tests, with 0 failures", with: "Executed 261 tests, with 0 failures")
        let forgedPath = try CLIFixtures.write(forged, "forged.log", in: dir)
        let f = try count(URL(fileURLWithPath: forgedPath))
        XCTAssertEqual(f.status, 2)
        XCTAssertTrue(f.stderr.contains("XCTest reports 261 tests"), f.stderr)
    }
}
