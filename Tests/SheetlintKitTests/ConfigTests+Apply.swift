import Foundation
import SheetlintKit
import SheetModel
import SheetRules
import XCTest

/// `overrides` and `ignore` by glob, catalogues, and applying a configuration to findings.
final class ConfigApplyTests: XCTestCase {
    func testOverridesMatchByGlobRelativeToTheConfigDirectoryAndLaterWins() throws {
        let tree = try ConfigTree()
        try tree.write("dept/.sheetlint.yml", """
            rules: {plan-code-missing: error, notation-variance: info}
            overrides:
              - files: ["legacy/**"]
                rules: {plan-code-missing: off}
              - files: ["**/*.old.md", "legacy/keep.md"]
                rules: {plan-code-missing: warning, notation-variance: off}

            """)
        var resolver = tree.resolver()
        func levels(_ sheet: String) -> [String] { resolver.effectiveConfig(forSheet: tree.path(sheet)).levelWords }
        XCTAssertEqual(levels("dept/new.md"), ["notation-variance=info", "plan-code-missing=error"])
        XCTAssertEqual(levels("dept/legacy/2019/a.md"), ["notation-variance=info", "plan-code-missing=off"])
        XCTAssertEqual(levels("dept/legacy/keep.md"), ["notation-variance=off", "plan-code-missing=warning"])
        XCTAssertEqual(levels("dept/x/y.old.md"), ["notation-variance=off", "plan-code-missing=warning"])
        XCTAssertEqual(resolver.errors, [])
    }

    func testBaseGlobsStayRelativeToTheBaseFileAndChildRulesWinOverBaseOverrides() throws {
        let tree = try ConfigTree()
        try tree.write("org/base.yml", """
            ignore: ["drafts/**"]
            overrides:
              - files: ["**"]
                rules: {notation-variance: off, duplicate-citation: off}

            """)
        try tree.write("org/dept/.sheetlint.yml", "extends: ../base.yml\nrules: {notation-variance: warning}\n")
        var resolver = tree.resolver()
        let sheet = resolver.effectiveConfig(forSheet: tree.path("org/dept/a.md"))
        XCTAssertEqual(sheet.levelWords, ["duplicate-citation=off", "notation-variance=warning"])
        // `drafts/**` in org/base.yml means org/drafts, not org/dept/drafts.
        XCTAssertFalse(resolver.effectiveConfig(forSheet: tree.path("org/dept/drafts/a.md")).isIgnored)
        XCTAssertEqual(resolver.errors, [])
    }

    func testIgnoreGlobs() throws {
        let tree = try ConfigTree()
        try tree.write(".sheetlint.yml", "ignore: [\"drafts/**\", \"**/*.draft.md\", archive, \"令和?年度/tmp-*.md\"]\n")
        var resolver = tree.resolver()
        let ignored = ["drafts/a.md", "drafts/x/b.md", "c.draft.md", "dept/d.draft.md", "archive/2019/e.md", "令和6年度/tmp-1.md"]
        let kept = ["a.md", "dept/drafts.md", "dept/drafts/a.md", "c.draft.mdx", "archived/e.md", "令和6年度/a.md"]
        for sheet in ignored { XCTAssertTrue(resolver.effectiveConfig(forSheet: tree.path(sheet)).isIgnored, sheet) }
        for sheet in kept { XCTAssertFalse(resolver.effectiveConfig(forSheet: tree.path(sheet)).isIgnored, sheet) }
    }

    func testGlobsNeverMatchSheetsOutsideAnExplicitConfigsDirectory() throws {
        let tree = try ConfigTree()
        try tree.write("ci/cfg.yml", "ignore: [\"**\"]\noverrides: [{files: \"**\", rules: {notation-variance: off}}]\n")
        var resolver = tree.resolver(config: "ci/cfg.yml")
        XCTAssertTrue(resolver.effectiveConfig(forSheet: tree.path("ci/x.md")).isIgnored)
        let outside = resolver.effectiveConfig(forSheet: tree.path("sheets/a.md"))
        XCTAssertFalse(outside.isIgnored)
        XCTAssertEqual(outside.levelWords, [])
    }

    func testCatalogsLoadRelativeToTheConfigAndMissingOnesAreErrors() throws {
        let tree = try ConfigTree()
        try tree.write("cfg/catalogs/mine.yml", """
            version: 1
            catalog: sogo-keikaku
            name: 私の計画
            key_pattern: '^\\d+$'
            complete: true
            entries:
              - {key: "1", title: 一つ目}

            """)
        try tree.write("cfg/.sheetlint.yml", "catalogs:\n  - catalogs/mine.yml\n  - catalogs/absent.yml\n")
        var resolver = tree.resolver()
        let config = resolver.effectiveConfig(forSheet: tree.path("cfg/a.md"))
        XCTAssertEqual(config.catalogs.map(\.id), ["sogo-keikaku"])
        XCTAssertEqual(config.catalogFiles, ["cfg/catalogs/mine.yml"])
        // The same id replaces the default catalogue; the other default stays.
        XCTAssertEqual(config.rules(over: ConfigTree.rules).catalogs["sogo-keikaku"]?.name, "私の計画")
        XCTAssertNotNil(config.rules(over: ConfigTree.rules).catalogs["kihon-seisaku-2022"])
        XCTAssertEqual(resolver.errorLines, [
            "cfg/.sheetlint.yml:3:5: catalogs file 'catalogs/absent.yml' not found or unreadable (cfg/catalogs/absent.yml)",
        ])
    }

    func testACatalogueNoRuleCitesIsAnErrorAtItsEntry() throws {
        let tree = try ConfigTree()
        try tree.write("catalogs/mine.yml", "version: 1\ncatalog: my-plan\nkey_pattern: '^\\d+$'\ncomplete: true\n")
        try tree.write(".sheetlint.yml", "catalogs: [catalogs/mine.yml]\n")
        var resolver = tree.resolver()
        XCTAssertEqual(resolver.effectiveConfig(forSheet: tree.path("a.md")).catalogs, [])
        XCTAssertEqual(resolver.errorLines, [
            ".sheetlint.yml:1:12: no rule cites the catalogue 'my-plan' (catalogs/mine.yml) named in catalogs; "
                + "to replace a default catalogue, give it that catalogue's id (departments, kihon-seisaku-2022, sogo-keikaku) in catalog:",
        ])
    }

    func testABrokenCatalogIsReportedAtItsOwnPosition() throws {
        let tree = try ConfigTree()
        try tree.write("bad.yml", "version: 1\ncatalog: x\nkey_pattern: a\ncomplete: true\ncolour: red\n")
        try tree.write(".sheetlint.yml", "catalogs: bad.yml\n")
        var resolver = tree.resolver()
        XCTAssertEqual(resolver.effectiveConfig(forSheet: tree.path("a.md")).catalogs, [])
        XCTAssertEqual(resolver.errors.map { "\($0.file):\($0.line):\($0.column)" }, ["bad.yml:5:1"])
    }

    func testApplyDropsOffRulesAndRewritesSeverities() {
        func finding(_ id: String, _ severity: Severity, line: Int) -> Finding {
            Finding(ruleId: id, severity: severity, message: "m", messageEn: "m",
                    span: SourceSpan(file: "a.md", line: line, startColumn: 1, endColumn: 2), path: "")
        }
        let findings = [finding("plan-code-missing", .error, line: 1), finding("notation-variance", .info, line: 2),
                        finding("duplicate-citation", .warning, line: 3), finding("reader-note", .warning, line: 4)]
        let config = EffectiveConfig(ruleLevels: ["notation-variance": .off, "duplicate-citation": .severity(.error),
                                                  "reader-note": .severity(.info)])
        let applied = config.apply(to: findings)
        XCTAssertEqual(applied.map(\.ruleId), ["plan-code-missing", "duplicate-citation", "reader-note"])
        XCTAssertEqual(applied.map(\.severity), [.error, .error, .info])
        XCTAssertEqual(applied.map(\.span.start.line), [1, 3, 4])
        XCTAssertEqual(EffectiveConfig.none.apply(to: findings), findings)
        XCTAssertTrue(config.isOff("notation-variance"))
        XCTAssertEqual(config.level(of: "plan-code-missing"), nil)
    }

    func testResolvedConfigAppliedEndToEnd() throws {
        let tree = try ConfigTree()
        try tree.write(".sheetlint.yml", "rules: {plan-code-unverified: off, notation-variance: {severity: error}}\n")
        var resolver = tree.resolver()
        let config = resolver.effectiveConfig(forSheet: tree.path("a.md"))
        let findings = ["plan-code-unverified", "notation-variance"].map {
            Finding(ruleId: $0, severity: .info, message: "", messageEn: "",
                    span: SourceSpan(file: "a.md", line: 1, startColumn: 1, endColumn: 1), path: "")
        }
        XCTAssertEqual(config.apply(to: findings).map { "\($0.ruleId) \($0.severity)" }, ["notation-variance error"])
    }
}
