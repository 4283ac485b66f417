import Foundation
import XCTest

/// `.pre-commit-hooks.yaml`: each hook's `entry`, given the files pre-commit would pass for
/// the examples of a clean clone (the tracked files matching `files` and not `exclude`),
/// lints the sheets among them and reports their deliberate problems; the README, the
/// configuration and the catalogues are no errors.
final class PreCommitHookCLITests: XCTestCase {
    struct Hook {
        var id = "", entry = "", files = "", exclude = ""
    }

    /// The hooks, read line by line (the file is flat: `- id:` starts a hook).
    private func hooks() throws -> [Hook] {
        let text = try String(contentsOf: CLIRunner.repoRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        var hooks: [Hook] = []
        for raw in text.split(separator: "\n") where !raw.hasPrefix("#") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            func value(_ key: String) -> String? {
                let prefix = key + ": "
                let body = line.hasPrefix("- ") ? String(line.dropFirst(2)) : line
                return body.hasPrefix(prefix) ? String(body.dropFirst(prefix.count)) : nil
            }
            if let id = value("id") { hooks.append(Hook(id: id)) }
            if let v = value("entry") { hooks[hooks.count - 1].entry = v }
            if let v = value("files") { hooks[hooks.count - 1].files = v }
            if let v = value("exclude") { hooks[hooks.count - 1].exclude = v }
        }
        return hooks
    }

    /// The files a clean clone has under `examples/` (git's tracked files).
    private func trackedExampleFiles() throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", CLIRunner.repoRoot.path, "ls-files", "examples"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git ls-files")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    private func matches(_ pattern: String, _ path: String) throws -> Bool {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
    }

    func testEachHookEntryLintsTheExamplesOfACleanClone() throws {
        let all = try trackedExampleFiles()
        XCTAssertTrue(all.contains("examples/.sheetlint.yml") && all.contains("examples/README.md"), "\(all)")
        let hooks = try hooks()
        XCTAssertEqual(hooks.map(\.id), ["sheetlint", "sheetlint-system"])
        for hook in hooks {
            let passed = try all.filter { try matches(hook.files, $0) && !(try matches(hook.exclude, $0)) }
            XCTAssertFalse(passed.contains("examples/.sheetlint.yml"), "\(hook.id) passes the configuration")
            XCTAssertTrue(passed.contains("examples/toshi-seisaku.md"), "\(hook.id): \(passed)")
            let words = hook.entry.split(separator: " ").map(String.init)
            XCTAssertEqual(words.first, "sheetlint", hook.entry)
            let r = try CLIRunner.run(Array(words.dropFirst()) + passed)
            XCTAssertEqual(r.status, 1, "\(hook.id): \(r.stderr)")
            XCTAssertTrue(r.stdout.contains("[era-year-mismatch]"), r.stdout)
            // Non-sheets are skipped with a notice, never an error.
            for line in r.stderr.split(separator: "\n") {
                XCTAssertTrue(line.hasSuffix("シートではないため飛ばしました"), "\(hook.id): \(line)")
            }
        }
    }

    func testAnExplicitNonSheetIsStillAnErrorWithoutTheFlag() throws {
        let r = try CLIRunner.run(["lint", "examples/README.md"])
        XCTAssertEqual(r.status, 2)
    }

    func testVersionNamesTheCommitOrSaysItIsADevelopmentBuild() throws {
        let r = try CLIRunner.run(["--version"])
        XCTAssertEqual(r.status, 0)
        // scripts/package.sh records the commit; a development build says it has none.
        XCTAssertTrue(r.stdout.range(of: #"^\d+\.\d+\.\d+ \((commit [0-9a-f]{7,40}|development build; commit not recorded)\)\n$"#,
                                     options: .regularExpression) != nil, r.stdout)
    }

    func testVersionAloneSaysWhatTheParserSays() throws {
        // `--version` alone skips the argument parser; with other arguments it goes through it.
        let alone = try CLIRunner.run(["--version"])
        for other in [["--version", "--lang", "ja"], ["--lang", "en", "--version"], ["--version", "--version"]] {
            let parsed = try CLIRunner.run(other)
            XCTAssertEqual(parsed.status, alone.status, "\(other)")
            XCTAssertEqual(parsed.stdout, alone.stdout, "\(other)")
            XCTAssertEqual(parsed.stderr, alone.stderr, "\(other)")
        }
    }
}
