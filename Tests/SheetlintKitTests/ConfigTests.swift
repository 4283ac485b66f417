import Foundation
import SheetlintKit
import SheetModel
import SheetRules
import XCTest

/// Discovery (the nearest file wins, `--config` overrides) and `extends` chains.
final class ConfigTests: XCTestCase {
    func testNearestConfigWinsAndParentsAreNotMerged() throws {
        let tree = try ConfigTree()
        try tree.write(".sheetlint.yml", "rules: {notation-variance: off}\nlang: en\n")
        try tree.write("dept/.sheetlint.yml", "rules: {plan-code-missing: warning}\n")
        var resolver = tree.resolver()

        let top = resolver.effectiveConfig(forSheet: tree.path("a.md"))
        XCTAssertEqual(top.configFile, ".sheetlint.yml")
        XCTAssertEqual(top.levelWords, ["notation-variance=off"])
        XCTAssertEqual(top.lang, .en)

        for sheet in ["dept/b.md", "dept/x/y/c.md"] {
            let nested = resolver.effectiveConfig(forSheet: tree.path(sheet))
            XCTAssertEqual(nested.configFile, "dept/.sheetlint.yml", sheet)
            XCTAssertEqual(nested.levelWords, ["plan-code-missing=warning"], sheet)
            XCTAssertNil(nested.lang, sheet)
        }
        XCTAssertEqual(resolver.errors, [])
    }

    func testRelativeSheetPathsResolveAgainstTheCurrentDirectory() throws {
        let tree = try ConfigTree()
        try tree.write("dept/.sheetlint.yml", "fiscalYear: 2024\n")
        var resolver = tree.resolver()
        XCTAssertEqual(resolver.effectiveConfig(forSheet: "dept/./sheets/../a.md").fiscalYear, 2024)
        XCTAssertEqual(resolver.effectiveConfig(forDirectory: "dept").fiscalYear, 2024)
        XCTAssertNil(resolver.effectiveConfig(forDirectory: ".").fiscalYear)
    }

    func testYamlExtensionIsFoundAndBothIsAnError() throws {
        let tree = try ConfigTree()
        try tree.write("a/.sheetlint.yaml", "fiscalYear: 2023\n")
        try tree.write("b/.sheetlint.yml", "fiscalYear: 2024\n")
        try tree.write("b/.sheetlint.yaml", "fiscalYear: 2025\n")
        var resolver = tree.resolver()
        XCTAssertEqual(resolver.effectiveConfig(forSheet: tree.path("a/s.md")).fiscalYear, 2023)
        XCTAssertEqual(resolver.effectiveConfig(forSheet: tree.path("b/s.md")).fiscalYear, 2024)
        XCTAssertEqual(resolver.errorLines.count, 1)
        XCTAssertEqual(resolver.errorLines.first?.hasPrefix("b/.sheetlint.yaml:1:1: .sheetlint.yml in the same directory is used"), true)
    }

    func testExplicitConfigOverridesDiscoveryForEverySheet() throws {
        let tree = try ConfigTree()
        try tree.write("dept/.sheetlint.yml", "rules: {plan-code-missing: off}\n")
        try tree.write("ci/strict.yml", "rules: {notation-variance: error}\n")
        var resolver = tree.resolver(config: "ci/strict.yml")
        let config = resolver.effectiveConfig(forSheet: tree.path("dept/a.md"))
        XCTAssertEqual(config.configFile, "ci/strict.yml")
        XCTAssertEqual(config.levelWords, ["notation-variance=error"])

        var missing = tree.resolver(config: "ci/nope.yml")
        XCTAssertEqual(missing.effectiveConfig(forSheet: tree.path("dept/a.md")).levelWords, [])
        XCTAssertEqual(missing.errorLines, ["ci/nope.yml:1:1: configuration file not found or unreadable"])
    }

    func testNoConfigurationAnywhereIsNone() throws {
        let tree = try ConfigTree()
        var resolver = tree.resolver()
        // The walk goes up to `/`; a stray config above the temporary directory would show here.
        let config = resolver.effectiveConfig(forSheet: tree.path("x/a.md"))
        XCTAssertEqual(config.levelWords, [])
        XCTAssertFalse(config.isIgnored)
    }

    func testExtendsChainOfTwoWithRelativePaths() throws {
        let tree = try ConfigTree()
        try tree.write("shared/org.yml", "fiscalYear: 2023\nlang: en\nrules: {notation-variance: off, duplicate-citation: info}\n")
        try tree.write("shared/base/dept.yml", "extends: ../org.yml\nfiscalYear: 2024\nrules: {duplicate-citation: error}\n")
        try tree.write("team/.sheetlint.yml", "extends: [../shared/base/dept.yml]\nrules: {plan-code-missing: warning}\n")
        var resolver = tree.resolver()
        let config = resolver.effectiveConfig(forSheet: tree.path("team/a.md"))
        XCTAssertEqual(resolver.errors, [])
        XCTAssertEqual(config.levelWords, ["duplicate-citation=error", "notation-variance=off", "plan-code-missing=warning"])
        XCTAssertEqual(config.fiscalYear, 2024)
        XCTAssertEqual(config.lang, .en)
    }

    func testExtendsCycleIsAnErrorNamingTheChain() throws {
        let tree = try ConfigTree()
        try tree.write(".sheetlint.yml", "extends: a.yml\n")
        try tree.write("a.yml", "rules: {notation-variance: off}\nextends: sub/b.yml\n")
        try tree.write("sub/b.yml", "rules: {plan-code-missing: off}\nextends: ../a.yml\n")
        var resolver = tree.resolver()
        let config = resolver.effectiveConfig(forSheet: tree.path("s.md"))
        XCTAssertEqual(resolver.errorLines,
                       ["sub/b.yml:2:10: extends forms a cycle: .sheetlint.yml → a.yml → sub/b.yml → a.yml"])
        XCTAssertTrue(resolver.errors[0].message.contains("循環"))
        // What does not loop is still applied.
        XCTAssertEqual(config.levelWords, ["notation-variance=off", "plan-code-missing=off"])
    }

    func testSelfExtendIsACycle() throws {
        let tree = try ConfigTree()
        try tree.write(".sheetlint.yml", "extends: ./.sheetlint.yml\n")
        var resolver = tree.resolver()
        _ = resolver.effectiveConfig(forSheet: tree.path("s.md"))
        XCTAssertEqual(resolver.errorLines, ["\(".sheetlint.yml"):1:10: extends forms a cycle: .sheetlint.yml → .sheetlint.yml"])
    }

    func testMissingExtendsFileIsAnErrorAtItsPosition() throws {
        let tree = try ConfigTree()
        try tree.write("d/.sheetlint.yml", "lang: ja\nextends:\n  - ../base.yml\n  - ../ｂａｓｅ２.yml\n")
        try tree.write("base.yml", "fiscalYear: 2022\n")
        var resolver = tree.resolver()
        XCTAssertEqual(resolver.effectiveConfig(forSheet: tree.path("d/s.md")).fiscalYear, 2022)
        XCTAssertEqual(resolver.errorLines,
                       ["d/.sheetlint.yml:4:5: extends file '../ｂａｓｅ２.yml' not found (ｂａｓｅ２.yml)"])
    }

    func testUnknownKeyInADiscoveredFileHasExactLineAndColumn() throws {
        let tree = try ConfigTree()
        try tree.write("部局/.sheetlint.yml", "# 設定\nrules:\n  notation-variance: off\noverrides:\n  - files: [\"旧様式/**\"]\n    rule: {}\n")
        var resolver = tree.resolver()
        _ = resolver.effectiveConfig(forSheet: tree.path("部局/a.md"))
        _ = resolver.effectiveConfig(forSheet: tree.path("部局/b.md"))
        // Loaded once, so reported once, however many sheets use it.
        XCTAssertEqual(resolver.errorLines,
                       ["部局/.sheetlint.yml:6:5: unknown key 'rule' in overrides[0] (did you mean 'rules'?); allowed keys: files, stage, rules"])
    }

    func testUnknownRuleIdIsAnErrorWithPositionUnlessTheRuleSetHasIt() throws {
        let tree = try ConfigTree()
        try tree.write(".sheetlint.yml", "rules:\n  my-local-rule: off\n  reader-note: off\n")
        var resolver = tree.resolver()
        XCTAssertEqual(resolver.effectiveConfig(forSheet: tree.path("a.md")).levelWords, ["reader-note=off"])
        XCTAssertEqual(resolver.errorLines.count, 1)
        XCTAssertEqual(resolver.errorLines.first?.hasPrefix(".sheetlint.yml:2:3: unknown rule id 'my-local-rule'"), true)

        var withRule = ConfigResolver(rules: ConfigTree.rules, extraRuleIds: ["reader-note", "my-local-rule"],
                                      currentDirectory: tree.root)
        XCTAssertEqual(withRule.effectiveConfig(forSheet: tree.path("a.md")).levelWords,
                       ["my-local-rule=off", "reader-note=off"])
        XCTAssertEqual(withRule.errors, [])
    }
}
