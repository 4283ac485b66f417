import SheetModel
import SheetRules
import XCTest

/// `.sheetlint.yml` decoding: every key, and every kind of mistake with its exact
/// line and column (Unicode scalars).
final class ConfigParseTests: XCTestCase {
    static let ids: Set<String> = ["plan-code-missing", "plan-code-unverified", "notation-variance", "duplicate-citation"]

    private func parse(_ text: String) -> (ConfigFile, [ConfigError]) {
        ConfigFile.parse(text: text, file: "cfg.yml", knownRuleIds: Self.ids)
    }

    private func errors(_ text: String) -> [String] {
        parse(text).1.map { "\($0.line):\($0.column) \($0.messageEn)" }
    }

    func testEveryKeyDecodes() {
        let (config, errors) = parse("""
            extends: [../base.sheetlint.yml, other.yml]
            fiscalYear: 2024
            lang: en
            catalogs: [catalogs/my-plan.yml]
            rules:
              plan-code-unverified: off
              notation-variance: warning
              duplicate-citation: {severity: error}
            ignore: ["drafts/**", "**/*.draft.md"]
            overrides:
              - files: ["legacy/**"]
                rules: {plan-code-missing: off}

            """)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(config.extends.map(\.value), ["../base.sheetlint.yml", "other.yml"])
        XCTAssertEqual(config.extends.map(\.position), [SourcePosition(line: 1, column: 11), SourcePosition(line: 1, column: 34)])
        XCTAssertEqual(config.fiscalYear?.value, 2024)
        XCTAssertEqual(config.lang?.value, .en)
        XCTAssertEqual(config.catalogs.map(\.value), ["catalogs/my-plan.yml"])
        XCTAssertEqual(config.rules.map(\.ruleId), ["plan-code-unverified", "notation-variance", "duplicate-citation"])
        XCTAssertEqual(config.rules.map(\.level), [.off, .severity(.warning), .severity(.error)])
        XCTAssertEqual(config.rules[1].position, SourcePosition(line: 7, column: 3))
        XCTAssertEqual(config.ignore.map(\.value.pattern), ["drafts/**", "**/*.draft.md"])
        XCTAssertEqual(config.overrides.count, 1)
        XCTAssertEqual(config.overrides[0].files.map(\.value.pattern), ["legacy/**"])
        XCTAssertEqual(config.overrides[0].rules, [RuleLevelSetting(ruleId: "plan-code-missing", level: .off,
                                                                    position: SourcePosition(line: 12, column: 13))])
    }

    func testEmptyAndCommentOnlyFilesAreEmptyConfigurations() {
        for text in ["", "# nothing yet\n", "rules:\n  # plan-code-missing: off\n"] {
            let (config, errors) = parse(text)
            XCTAssertEqual(errors, [], text)
            XCTAssertEqual(config, ConfigFile(file: "cfg.yml"), text)
        }
    }

    func testUnknownTopLevelKeyHasLineColumnAndAllowedKeys() {
        let (_, errors) = parse("lang: ja\n  # note\nrulez:\n  plan-code-missing: off\n")
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.formatted(english: true),
                       "cfg.yml:3:1: unknown key 'rulez' in config (did you mean 'rules'?); allowed keys: "
                       + "extends, fiscalYear, lang, stage, catalogs, rules, ignore, overrides")
        XCTAssertEqual(errors.first?.message.contains("rulez"), true)
        XCTAssertEqual(errors.first?.message.contains("使えるキー"), true)
    }

    func testColumnsCountUnicodeScalarsNotBytes() {
        // `"日本語": 1` puts the unknown key inside an override at column 7; a byte count would say more.
        let text = "overrides:\n  - files: 下書き/**\n    rules: {plan-code-missing: off}\n    日本語: 1\n"
        XCTAssertEqual(errors(text), ["4:5 unknown key '日本語' in overrides[0]; allowed keys: files, stage, rules"])
        let afterKana = "ignore: [\"下書き/**\", \"a//b\"]\n"
        XCTAssertEqual(errors(afterKana).first?.hasPrefix("1:20 ignore: glob 'a//b'"), true)
    }

    func testUnknownRuleIdHasPositionAndSuggestion() {
        XCTAssertEqual(errors("rules:\n  notation-variance: info\n  plan-code-mising: off\n"),
                       ["3:3 unknown rule id 'plan-code-mising' (did you mean 'plan-code-missing'?); `sheetlint rules` lists them"])
        XCTAssertEqual(errors("overrides:\n  - files: a\n    rules: {no-such-rule: off}\n").first?.hasPrefix("3:13 unknown rule id 'no-such-rule'"), true)
    }

    func testBadSeverityWordsAndTypes() {
        XCTAssertEqual(errors("rules:\n  notation-variance: warn\n"),
                       ["2:22 unknown severity 'warn' for rules.notation-variance; allowed values: off, error, warning, info"])
        XCTAssertEqual(errors("rules:\n  notation-variance: {severity: fatal}\n"),
                       ["2:33 unknown severity 'fatal' for rules.notation-variance; allowed values: off, error, warning, info"])
        XCTAssertEqual(errors("rules:\n  notation-variance: {level: error}\n").first?.hasPrefix("2:23 unknown key 'level' in rules.notation-variance"), true)
        XCTAssertEqual(errors("rules:\n  notation-variance: {severity: info, options: {x: 1}}\n").first?.hasPrefix("2:48 options of rules.notation-variance cannot be checked without the loaded rules"), true)
        XCTAssertEqual(errors("rules: [a]\n"), ["1:8 rules must be a mapping (rule-id: severity)"])
        XCTAssertEqual(errors("fiscalYear: 令和6\n"), ["1:13 fiscalYear must be an integer"])
        XCTAssertEqual(errors("fiscalYear: 6\n"), ["1:13 fiscalYear must be a western-calendar fiscal year (e.g. 2024)"])
        XCTAssertEqual(errors("lang: fr\n"), ["1:7 unknown lang 'fr'; allowed values: ja, en"])
        XCTAssertEqual(errors("overrides: {files: a}\n"), ["1:12 overrides must be a list"])
        XCTAssertEqual(errors("overrides:\n  - rules: {}\n"), ["2:5 overrides[0] is missing the required key 'files'"])
        XCTAssertEqual(errors("- a\n"), ["1:1 config must be a mapping (key: value)"])
        XCTAssertEqual(errors("rules: {notation-variance: off, notation-variance: info}\n").count, 1)
    }

    func testOneBadEntryDoesNotHideTheOthers() {
        let (config, errors) = parse("rules:\n  a: off\n  notation-variance: info\n  b: off\nlang: xx\nfiscalYear: 2025\n")
        XCTAssertEqual(errors.map(\.line), [2, 4, 5])
        XCTAssertEqual(config.rules.map(\.ruleId), ["notation-variance"])
        XCTAssertEqual(config.fiscalYear?.value, 2025)
    }

    func testYAMLSyntaxErrorKeepsItsPosition() {
        let errors = parse("rules:\n  notation-variance: [off\n").1
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.messageEn.hasPrefix("not valid YAML"), true)
        XCTAssertGreaterThan(errors.first?.line ?? 0, 1)
    }

    func testBadGlobsAreErrorsAtTheirPosition() {
        let text = "ignore:\n  - \"/abs/**\"\n  - ok/*.md\n  - \"a/../b\"\n  - \"x[0-9].md\"\n  - \"a**b\"\n  - \"\"\n"
        let (config, found) = parse(text)
        XCTAssertEqual(found.map { "\($0.line):\($0.column)" }, ["2:5", "4:5", "5:5", "6:5", "7:5"])
        XCTAssertEqual(config.ignore.map(\.value.pattern), ["ok/*.md"])
    }
}
