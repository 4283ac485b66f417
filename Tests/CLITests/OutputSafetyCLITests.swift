import Foundation
import XCTest

/// Issue #8, defects 6, 7 and 8: nothing the tool writes may replace a file it was not
/// asked to write, and a failed or killed run leaves the previous output in place.
final class OutputSafetyCLITests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try BoundedRun.openDirectory(self)
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheet.md", in: dir)
    }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
    private func contents(_ name: String) -> String? { try? String(contentsOfFile: path(name), encoding: .utf8) }
    private func lint(_ args: [String]) throws -> BoundedRun.Result {
        try BoundedRun.run(["lint", "--lang", "en"] + args, in: dir)
    }

    /// Defect 6: `--output FILE` and `--write-baseline FILE` overwrote the input sheet.
    func testOutputThatIsAnInputIsRefused() throws {
        try FileManager.default.createSymbolicLink(atPath: path("alias.txt"), withDestinationPath: "sheet.md")
        try FileManager.default.linkItem(atPath: path("sheet.md"), toPath: path("hard.txt"))
        for args in [["--output", "sheet.md", "sheet.md"], ["--output", "./sheet.md", "."], ["--output", path("sheet.md"), "sheet.md"],
                     ["--write-baseline", "sheet.md", "sheet.md"], ["--output", "alias.txt", "sheet.md"],
                     ["--output", "hard.txt", "sheet.md"]] {
            let result = try lint(args)
            XCTAssertEqual(result.status, 2, "\(args)")
            XCTAssertTrue(result.stderr.contains("refusing to overwrite an input"), "\(args): \(result.stderr)")
            XCTAssertEqual(contents("sheet.md"), CLIFixtures.gateSheet, "\(args)")
        }
        let prune = try BoundedRun.run(["baseline", "prune", "--baseline", "sheet.md", "--lang", "en", "sheet.md"], in: dir)
        XCTAssertEqual(prune.status, 2)
        XCTAssertTrue(prune.stderr.contains("refusing to overwrite an input"), prune.stderr)
        XCTAssertEqual(contents("sheet.md"), CLIFixtures.gateSheet)
        let both = try lint(["--output", "same.txt", "--write-baseline", "./same.txt", "sheet.md"])
        XCTAssertEqual(both.status, 2)
        XCTAssertTrue(both.stderr.contains("--output and --write-baseline name the same file"), both.stderr)
    }

    /// Defect 7: `--output` onto a device node or a symbolic link replaced it with a regular file.
    /// The null and full devices to write to. As root, private copies made with mknod in the
    /// test directory: a tool with this bug, run as root, would replace the system's own
    /// /dev/null (this happened once while checking the test against the old binary).
    private func devices() -> (null: String, full: String) {
        guard getuid() == 0 else { return ("/dev/null", "/dev/full") }
        // glibc's makedev(1, 3) and makedev(1, 7).
        // On a file system mounted nodev the copies cannot be opened: use the real ones then.
        guard mknod(path("null"), S_IFCHR | 0o666, 0x103) == 0, mknod(path("full"), S_IFCHR | 0o666, 0x107) == 0 else {
            return ("/dev/null", "/dev/full")
        }
        let fd = open(path("null"), O_WRONLY)
        guard fd >= 0 else { return ("/dev/null", "/dev/full") }
        close(fd)
        return (path("null"), path("full"))
    }

    func testDevicesAndLinksAreWrittenThroughNeverReplaced() throws {
        let (nullDevice, fullDevice) = devices()
        let null = try lint(["--output", nullDevice, "sheet.md"])
        XCTAssertEqual(null.status, 1, null.stderr)
        var st = stat()
        XCTAssertEqual(lstat(nullDevice, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR, "the null device is still a device")
        let full = try lint(["--output", fullDevice, "sheet.md"])
        XCTAssertEqual(full.status, 2)
        XCTAssertTrue(full.stderr.contains("\(fullDevice): cannot write output (No space left on device)"), full.stderr)
        XCTAssertEqual(lstat(fullDevice, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR)

        try "old".write(toFile: path("target.txt"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path("link.txt"), withDestinationPath: "target.txt")
        XCTAssertEqual(try lint(["--output", "link.txt", "sheet.md"]).status, 1)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.txt")), "target.txt", "the link stays a link")
        XCTAssertTrue(contents("target.txt")?.contains("in 1 file\n") ?? false, "its target got the report")

        XCTAssertEqual(mkfifo(path("pipe.txt"), 0o644), 0)
        let pipe = try lint(["--output", "pipe.txt", "sheet.md"])
        XCTAssertFalse(pipe.timedOut, "a FIFO nobody reads is an error, not a hang")
        XCTAssertEqual(pipe.status, 2)
        XCTAssertEqual(lstat(path("pipe.txt"), &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO)

        try FileManager.default.createSymbolicLink(atPath: path("dangling.txt"), withDestinationPath: "nowhere/x.txt")
        XCTAssertEqual(try lint(["--output", "dangling.txt", "sheet.md"]).status, 2)
    }

    /// Defect 8: a run that exits 2 replaced an existing `--output` with an empty report.
    func testOperationalErrorLeavesThePreviousOutputInPlace() throws {
        try "previous report\n".write(toFile: path("report.txt"), atomically: false, encoding: .utf8)
        try "previous baseline\n".write(toFile: path("baseline.json"), atomically: false, encoding: .utf8)
        try Data().write(to: dir.appendingPathComponent("empty.md"))
        let result = try lint(["--output", "report.txt", "empty.md"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--output report.txt: not written because of the errors above"), result.stderr)
        XCTAssertEqual(contents("report.txt"), "previous report\n")
        XCTAssertEqual(try lint(["--write-baseline", "baseline.json", "empty.md", "sheet.md"]).status, 2)
        XCTAssertEqual(contents("baseline.json"), "previous baseline\n")
    }

    /// Defect 8: a run killed mid-write left its temporary file behind (5 of 8 kill -9).
    /// Temporaries are created unlinked, and one left by a dead process is removed by the next run.
    func testKilledRunsLeaveNoTemporaryBehind() throws {
        // A stale temporary as an older build (or a kill between link and rename) leaves it.
        try "partial".write(toFile: path(".report.txt.sheetlint-999999999-abc.tmp"), atomically: false, encoding: .utf8)
        let sheets = dir.appendingPathComponent("many")
        for i in 0..<40 { try CLIFixtures.write(CLIFixtures.gateSheet, "s\(i).md", in: sheets) }
        let binary = CLIRunner.productsDirectory.appendingPathComponent("sheetlint")
        for round in 0..<8 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["lint", "--format", "sarif", "--output", "report.txt", "many"]
            process.currentDirectoryURL = dir
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(20_000 + round * 15_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        XCTAssertEqual(try lint(["--output", "report.txt", "sheet.md"]).status, 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".sheetlint-") }
        XCTAssertEqual(left, [])
        XCTAssertTrue(contents("report.txt")?.contains("in 1 file\n") ?? false)
    }
}
