import Foundation
import XCTest

/// Runs the binary with a deadline, for tests of inputs that used to hang: a run still
/// going after `seconds` is killed and reported as `timedOut`, so the test fails instead
/// of hanging the suite. Output goes through files, so a large output cannot block the child.
enum BoundedRun {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
        var timedOut: Bool
    }

    /// The user id of `nobody`, used to run as a user without root's power to read anything.
    static let nobody = "65534"

    static func run(_ arguments: [String], in directory: URL, seconds: Double = 20, asNobody: Bool = false) throws -> Result {
        let binary = CLIRunner.productsDirectory.appendingPathComponent("sheetlint")
        let process = Process()
        if asNobody && getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sheetlint-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        let timedOut = process.isRunning
        if timedOut {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
                      status: process.terminationStatus, timedOut: timedOut)
    }

    /// A temporary directory every user can read (for runs as `nobody`).
    static func openDirectory(_ test: XCTestCase) throws -> URL {
        let dir = try CLIRunner.temporaryDirectory(test)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir.path)
        return dir
    }
}
