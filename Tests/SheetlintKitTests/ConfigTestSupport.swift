import Foundation
import SheetlintKit
import SheetRules
import XCTest

/// A temporary directory tree of configuration files and sheets, removed after the test.
final class ConfigTree {
    let root: String

    init() throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sheetlint-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.path
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes `text` at `path` (relative to the root), creating directories; returns the absolute path.
    @discardableResult
    func write(_ path: String, _ text: String = "") throws -> String {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The absolute path of `path` under the root.
    func path(_ path: String) -> String { root + "/" + path }

    /// A resolver over the default rules, with the tree's root as the current directory so
    /// that errors name files relative to it.
    func resolver(config: String? = nil) -> ConfigResolver {
        ConfigResolver(rules: ConfigTree.rules, explicitConfig: config, currentDirectory: root)
    }

    static let rules = RuleSet.loadDefault()
}

extension EffectiveConfig {
    /// Rule levels as `id=word` sorted, for compact assertions.
    var levelWords: [String] { ruleLevels.map { "\($0.key)=\($0.value.word)" }.sorted() }
}

extension ConfigResolver {
    /// Errors as `file:line:col: english message`.
    var errorLines: [String] { errors.map { $0.formatted(english: true) } }
}
