import Foundation
import SheetModel
@testable import SheetRules
import XCTest

/// `--rules DIR`: rules and catalogues added on top of the defaults without rebuilding.
final class RuleDirectoryTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sheetlint-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("catalogs"),
                                                withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func testADirectoryAddsRulesReplacesDefaultsAndReportsBrokenFiles() throws {
        // A new rule: department names must end in 部 or 局.
        try write("local.yml", """
        version: 1
        rules:
          - id: department-suffix
            severity: warning
            summary: 部局名は「部」か「局」で終わる
            description: 部局名の表記をそろえるため。
            message: "部局名「{value}」が「部」「局」で終わっていません。"
            message_en: "department '{value}' does not end in 部 or 局."
            selector: header.department
            kind: not-pattern
            options: {pattern: '[部局]$'}
            examples:
              fail: [{sheet: {header: {department: 都市経営課}}, count: 1}]
              pass: [{sheet: {header: {department: 都市経営部}}}]
          - id: plan-code-unverified
            severity: warning
            summary: 確認できないコードを警告にする
            description: この市では確認できないコードも警告として扱う。
            message: "{code} は確認できません"
            message_en: "{code} is unverified"
            selector: "*Goals[*].planCodes[*]"
            kind: catalog
            options: {catalog: sogo-keikaku, report: unverified, key: code}
            examples:
              fail: [{sheet: {annualGoals: [{number: 1, planCodes: [3-1-①]}]}, count: 1}]
              pass: [{sheet: {annualGoals: [{number: 1, planCodes: [5-2-①]}]}}]
        """)
        try write("broken.yml", "version: 1\nrules:\n  - id: broken\n    kind: nope\n")
        let (set, errors) = RuleSet.load(directory: directory.path, over: RuleSet.loadDefault())

        // Every mistake of the broken rule at once: the unknown kind and each missing key.
        XCTAssertEqual(errors.count, 8, "\(errors)")
        XCTAssertEqual(Set(errors.map { ($0.file as NSString).lastPathComponent }), ["broken.yml"])
        XCTAssertEqual(set.rules.count, DefaultRuleSetTests.expected.count + 1)
        XCTAssertEqual(set.rule(id: "plan-code-unverified")?.severity, .warning)
        XCTAssertEqual(set.runExamples(ids: ["department-suffix", "plan-code-unverified"]), [])

        let sheet = try Support.sheet("""
        header: {department: 都市経営課, position: 部長, name: 豊中 太郎}
        annualGoals:
          - {number: 1, planCodes: [3-1-①]}
        """)
        let found = RuleEngine.evaluate(set, on: sheet)
        XCTAssertEqual(found.filter { $0.ruleId == "department-suffix" }.map(\.message),
                       ["部局名「都市経営課」が「部」「局」で終わっていません。"])
        XCTAssertEqual(found.filter { $0.ruleId == "plan-code-unverified" }.map(\.severity), [.warning])
    }

    func testAUserCatalogueInTheDirectoryReplacesTheDefaultOne() throws {
        try write("catalogs/sogo-keikaku.yml", """
        version: 1
        catalog: sogo-keikaku
        name: 自前の総合計画カタログ
        key_pattern: '^(?<chapter>\\d+)-(?<measure>\\d+)-(?<direction>[①-⑳])$'
        ranges: {chapter: {min: 1, max: 5}}
        complete: true
        entries: [{key: "3-1-①", title: 自前の名称}]
        """)
        let (set, errors) = RuleSet.load(directory: directory.path, over: RuleSet.loadDefault())
        XCTAssertEqual(errors, [])
        let sheet = try Support.sheet("annualGoals:\n  - {number: 1, planCodes: [{code: 3-1-①, title: 別の名称}, 5-2-①]}\n")
        let found = RuleEngine.evaluate(set, on: sheet).filter { $0.ruleId.hasPrefix("plan-code") }
        XCTAssertEqual(found.map { "\($0.ruleId) \($0.path)" },
                       ["plan-code-title-mismatch annualGoals[0].planCodes[0]", "plan-code-unknown annualGoals[0].planCodes[1]"])
    }

    func testAMissingDirectoryIsOneError() {
        let (set, errors) = RuleSet.load(directory: directory.appendingPathComponent("nai").path, over: RuleSet.loadDefault())
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(set.rules.count, DefaultRuleSetTests.expected.count)
    }
}
