import Foundation
import XCTest

/// Opens the report's index.html in a real headless browser (Chromium, with a CJK font)
/// through `Browser/check_report_page.py`, which drives it over the DevTools protocol on
/// loopback: the page must show its title, the findings chart (an SVG of non-zero size),
/// the coverage table, no console error and no request but the page itself, and print on
/// A4 with a page per department. `.ci/run` installs chromium, fonts-noto-cjk and
/// websocket-client; where no browser can be installed the test is skipped, saying so.
final class ReportBrowserTests: XCTestCase {
    func testTheReportPageRendersInAHeadlessBrowser() throws {
        let env = ProcessInfo.processInfo.environment
        guard let python = (env["PATH"] ?? "/usr/bin").split(separator: ":").map({ "\($0)/python3" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("SKIPPED: python3 is not installed, the report page was not opened in a browser")
        }
        let dir = try CLIRunner.temporaryDirectory(self)
        let r = try CLIRunner.run(["report", "examples/", "--out", dir.appendingPathComponent("out").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let screenshot = dir.appendingPathComponent("report.png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [CLIRunner.repoRoot.appendingPathComponent("Tests/CLITests/Browser/check_report_page.py").path,
                             dir.appendingPathComponent("out/index.html").path, screenshot.path,
                             "目標設定シート 監査レポート", "7"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 3 || stderr.contains("No module named 'websocket'") {
            throw XCTSkip("SKIPPED: no headless browser could be started (install chromium, fonts-noto-cjk and the "
                          + "websocket-client Python package, as .ci/run does): \(stdout)\(stderr)")
        }
        XCTAssertEqual(process.terminationStatus, 0, "the page did not render as expected: \(stdout)\(stderr)")
        let seen = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any], stdout)
        XCTAssertEqual(seen["title"] as? String, "目標設定シート 監査レポート")
        XCTAssertEqual(seen["failures"] as? [String], [])
        XCTAssertEqual(seen["departmentSections"] as? Int, 6)
        // 1 overview + 6 department sections, each starting a page.
        XCTAssertGreaterThanOrEqual(seen["pdfPages"] as? Int ?? 0, 7)
        let png = try Data(contentsOf: screenshot)
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "a PNG screenshot")
        if let keep = env["SHEETLINT_SCREENSHOT_DIR"] {
            // For docs/report.md: keep the screenshots (see docs/report.md, "Screenshot").
            for name in ["report.png", "report-top.png", "report.pdf"] {
                let target = URL(fileURLWithPath: keep).appendingPathComponent(name)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: dir.appendingPathComponent(name), to: target)
            }
        }
    }
}
