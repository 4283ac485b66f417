import Foundation
import XCTest

/// `Fixtures/gate/sheet.md`: a small fictional sheet with exactly one finding of each severity:
/// - error `plan-code-placeholder` at 20:20 (総合計画 0-0-0),
/// - warning `plan-item-without-schedule` at 19:56 (plan item (2) has no timing),
/// - info `mixed-width-brackets` (（仮） beside half-width brackets).
enum CLIFixtures {
    static let gateSheet: String = {
        let url = CLIRunner.repoRoot.appendingPathComponent("Tests/CLITests/Fixtures/gate/sheet.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// Writes `text` as `name` in `directory`, returning the path.
    @discardableResult
    static func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
