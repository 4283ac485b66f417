import SheetModel
@testable import SheetRules
import XCTest

/// `rules.<id>.options` in a configuration recompiles the rule with the options merged
/// over its own, and locates mistakes in the configuration file.
final class ConfigOptionsTests: XCTestCase {
    private let rules = RuleSet.loadDefault()

    private func parse(_ text: String) -> (ConfigFile, [ConfigError]) {
        ConfigFile.parse(text: text, file: "cfg.yml", knownRuleIds: Set(rules.rules.map(\.id)), rules: rules)
    }

    func testOptionsAreMergedAndTheRuleRecompiled() throws {
        let (config, errors) = parse("""
        rules:
          plan-item-without-schedule:
            options:
              timing: ["調査"]
        """)
        XCTAssertEqual(errors, [])
        let setting = try XCTUnwrap(config.rules.first)
        XCTAssertNil(setting.level, "severity is left alone")
        let rule = try XCTUnwrap(setting.replacement)
        XCTAssertTrue(rule.optionsText.contains("調査"), rule.optionsText)
        XCTAssertTrue(rule.optionsText.contains("skip_unnumbered"), "options not named keep the rule's values")
        XCTAssertEqual(rule.file, rules.rule(id: "plan-item-without-schedule")?.file)

        // The recompiled rule really uses the new timing words.
        let sheet = try Support.sheet("""
        annualGoals:
          - number: 1
            plan: [{number: 1, text: 現地を調査します}]
        """)
        XCTAssertEqual(RuleEngine.evaluate(rules.rule(id: "plan-item-without-schedule")!, on: sheet.tree, file: "s.yaml",
                                           catalogs: rules.catalogs).count, 1)
        XCTAssertEqual(RuleEngine.evaluate(rule, on: sheet.tree, file: "s.yaml", catalogs: rules.catalogs).count, 0)
    }

    func testBadOptionsAreLocatedInTheConfiguration() {
        let unknown = parse("rules:\n  plan-item-without-schedule: {options: {timings: [x]}}\n").1
        XCTAssertEqual(unknown.first?.file, "cfg.yml")
        XCTAssertEqual(unknown.first?.line, 2)
        XCTAssertTrue(unknown.first?.messageEn.contains("timings") ?? false, "\(unknown)")
        let badRegex = parse("rules:\n  plan-item-without-schedule:\n    options: {timing: [\"([\"]}\n").1
        XCTAssertEqual(badRegex.first?.line, 3, "\(badRegex)")
        let neither = parse("rules:\n  plan-item-without-schedule: {}\n").1
        XCTAssertTrue(neither.first?.messageEn.contains("needs severity or options") ?? false, "\(neither)")
    }
}
