import Foundation
import SheetlintKit
import SheetRules
import XCTest

/// `sheetlint init`'s starter text and writer, and the JSON Schema kept in step with the
/// parser and the default rules.
final class ConfigStarterTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let ids = Set(ConfigTree.rules.rules.map(\.id) + MetaRules.all.map(\.id))

    func testStarterTextParsesBackToAnEmptyConfiguration() {
        let text = StarterConfig.text(rules: ConfigTree.rules)
        let (config, errors) = ConfigFile.parse(text: text, file: ".sheetlint.yml", knownRuleIds: ids)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(config, ConfigFile(file: ".sheetlint.yml"))
    }

    func testStarterTextListsEveryKeyAndEveryDefaultRule() {
        let text = StarterConfig.text(rules: ConfigTree.rules)
        for key in ConfigFile.keys { XCTAssertTrue(text.contains("# \(key):") || text.contains("\n\(key):"), key) }
        for rule in ConfigTree.rules.rules {
            XCTAssertTrue(text.contains("  # \(rule.id): \(rule.severity.rawValue) "), rule.id)
        }
        XCTAssertTrue(text.contains("  # reader-note: warning "))
        XCTAssertTrue(text.contains("（") && text.contains("(Per-rule setting"))
    }

    func testStarterTextStaysValidWithEveryLineUncommented() throws {
        // Uncomment every rule line and every example key: the result is a working configuration.
        let lines = StarterConfig.text(rules: ConfigTree.rules).split(separator: "\n", omittingEmptySubsequences: false)
        let uncommented = lines.map { line -> String in
            let ruleLine = line.hasPrefix("  # ") && line.dropFirst(4).prefix { $0 != ":" }.allSatisfy {
                $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-")
            }
            let key = line.dropFirst(2).prefix { $0 != ":" }
            let keyLine = line.hasPrefix("# ") && ConfigFile.keys.contains(String(key)) && line.contains(":")
            if ruleLine { return "  " + line.dropFirst(4) }
            if keyLine || line.hasPrefix("#   ") { return String(line.dropFirst(2)) }
            return String(line)
        }.joined(separator: "\n")
        let (config, errors) = ConfigFile.parse(text: uncommented, file: "u.yml", knownRuleIds: ids)
        XCTAssertEqual(errors.map(\.description), [])
        XCTAssertEqual(config.rules.count, ConfigTree.rules.rules.count + MetaRules.all.count)
        XCTAssertEqual(config.fiscalYear?.value, 2024)
        XCTAssertEqual(config.ignore.count, 2)
        XCTAssertEqual(config.overrides.count, 2)
        XCTAssertEqual(config.stage?.value, .auto)
        XCTAssertEqual(config.overrides.last?.stage?.value, .plan)
        XCTAssertEqual(config.extends.map(\.value), ["../base.sheetlint.yml"])
    }

    func testWriterRefusesToOverwrite() throws {
        let tree = try ConfigTree()
        let path = tree.path(StarterConfig.defaultFileName)
        try StarterConfig.write("rules:\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "rules:\n")
        XCTAssertThrowsError(try StarterConfig.write("lang: en\n", to: path)) { error in
            XCTAssertEqual((error as? ConfigError)?.messageEn, "the file already exists; not overwriting it")
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "rules:\n")
    }

    func testSchemaListsTheParsersKeysAndEveryRuleId() throws {
        let url = Self.repo.appendingPathComponent("rules/schema/config.schema.json")
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let properties = try XCTUnwrap(schema["properties"] as? [String: Any])
        XCTAssertEqual(Set(properties.keys), Set(ConfigFile.keys))
        XCTAssertEqual(schema["additionalProperties"] as? Bool, false)
        let definitions = try XCTUnwrap(schema["definitions"] as? [String: Any])
        let rules = try XCTUnwrap((definitions["rules"] as? [String: Any])?["properties"] as? [String: Any])
        XCTAssertEqual(Set(rules.keys), ids, "rules/schema/config.schema.json is stale: list every rule id")
        let level = try XCTUnwrap((definitions["level"] as? [String: Any])?["enum"] as? [String])
        XCTAssertEqual(level, RuleLevel.words)
        let override = try XCTUnwrap(((properties["overrides"] as? [String: Any])?["items"] as? [String: Any])?["properties"] as? [String: Any])
        XCTAssertEqual(Set(override.keys), Set(ConfigFile.overrideKeys))
    }
}
