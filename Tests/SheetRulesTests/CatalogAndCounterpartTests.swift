import SheetModel
@testable import SheetRules
import XCTest

final class CatalogAndCounterpartTests: XCTestCase {
    let citations = """
    annualGoals:
      - number: 1
        planCodes:
          - {code: "５－２－①", title: "公正で効果的・効率的な市政運営を進めます"}
          - {code: 5-1-①, title: "市政情報の 発信・提供・公開を推進します。"}
          - {code: 5-2-②, title: 多角的な連携に取り組みます。}
          - {code: 3-1-①, title: 未知}
          - {code: 9-1-①}
          - {code: 5-2-1}
          - {code: 0-0-0}
    """

    func report(_ report: String) throws -> [String] {
        try Support.findings(selector: "annualGoals[*].planCodes[*]", kind: "catalog",
                             options: "{catalog: sogo-keikaku, report: \(report), key: code}",
                             message: "{key}|{expected}|{catalog}", sheet: citations).map(\.message)
    }

    func testUnknownIsOnlyWhatCannotExist() throws {
        XCTAssertEqual(try report("unknown"), ["9-1-①||第4次豊中市総合計画"])
    }

    func testUnverifiedIsWellFormedButUnlistedInAPartialCatalogue() throws {
        XCTAssertEqual(try report("unverified"), ["3-1-①||第4次豊中市総合計画"])
    }

    func testTitlesAreComparedAfterWidthSpaceAndFinalMaruNormalization() throws {
        XCTAssertEqual(try report("title-mismatch"), ["5-2-②|適切な公共施設のマネジメントを進めます。|第4次豊中市総合計画"])
    }

    func testACompleteUserCatalogueMakesUnlistedCodesUnknown() throws {
        let catalog = """
        version: 1
        catalog: sogo-keikaku
        name: 完全なカタログ
        key_pattern: '^(?<chapter>\\d+)-(?<measure>\\d+)-(?<direction>[①-⑳])$'
        ranges: {chapter: {min: 1, max: 5}}
        complete: true
        entries:
          - {key: "5-2-①", title: 公正で効果的・効率的な市政運営を進めます。}
        """
        let (set, errors) = RuleSet.loadDefault().adding(files: [("my/sogo.yml", catalog)])
        XCTAssertEqual(errors, [])
        let sheet = try Support.sheet("annualGoals:\n  - {number: 1, planCodes: [5-2-①, 3-1-①, 9-1-①]}\n")
        let ids = RuleEngine.evaluate(set, on: sheet).filter { $0.ruleId.hasPrefix("plan-code-un") }
        XCTAssertEqual(ids.map { "\($0.ruleId) \($0.path)" },
                       ["plan-code-unknown annualGoals[0].planCodes[1]", "plan-code-unknown annualGoals[0].planCodes[2]"])
        XCTAssertTrue(ids[0].message.contains("完全なカタログ"))
    }

    func testPolicyPlaceholderZeroIsNotAlsoUnknown() throws {
        let sheet = try Support.sheet("annualGoals:\n  - {number: 1, policies: [\"０\", 71, 70]}\n")
        let found = RuleEngine.evaluate(RuleSet.loadDefault(), on: sheet).filter { $0.ruleId.hasPrefix("policy") }
        XCTAssertEqual(found.map { "\($0.ruleId) \($0.path)" },
                       ["policy-placeholder annualGoals[0].policies[0].number", "policy-unknown annualGoals[0].policies[1]"])
    }

    func testPlanCodePlaceholderIsOnlyAPlaceholder() throws {
        let sheet = try Support.sheet("annualGoals:\n  - {number: 1, planCodes: [\"０－０－０\"], policies: [1]}\n")
        let found = RuleEngine.evaluate(RuleSet.loadDefault(), on: sheet).filter { $0.ruleId.hasPrefix("plan-code") }
        XCTAssertEqual(found.map(\.ruleId), ["plan-code-placeholder"])
    }

    func testCounterpartSubItemsNeedNoCounterpartWhenTheParentHasOne() throws {
        let found = try Support.findings(
            selector: "annualGoals[*]", kind: "counterpart", options: "{from: plan, to: results}",
            message: "{goal}({number}) {from}→{to}", messageEn: "{from}→{to}",
            sheet: """
            annualGoals:
              - number: 2
                plan:
                  - {number: 1, text: 推進, subItems: [{number: 1, text: 前期}, {number: 2, text: 後期}]}
                  - {number: 2, text: 策定}
                  - {number: 3, text: 報告}
                results:
                  - {number: 1, text: "", subItems: [{number: 1, text: 推進しました}]}
                  - {number: 3, text: 報告しました}
            """)
        XCTAssertEqual(found.map(\.message), ["2(2) 取組み事項・スケジュール→実績"])
        XCTAssertEqual(found.map(\.messageEn), ["plan and schedule→results"])
        XCTAssertEqual(found.first?.span.start.line, 5)
    }

    func testCounterpartUnnumberedTargetCoversAllOnlyWhenAsked() throws {
        let sheet = """
        annualGoals:
          - number: 1
            plan: [{number: 1, text: a}, {number: 2, text: b}]
            directions: 番号のない自由記述
          - number: 2
            plan: [{number: 1, text: a}]
        """
        let covered = try Support.findings(selector: "annualGoals[*]", kind: "counterpart",
                                           options: "{from: plan, to: directions, unnumbered_covers_all: true}", sheet: sheet)
        XCTAssertEqual(covered.count, 0, "free text covers; an empty list is left to direction-missing")
        let strict = try Support.findings(selector: "annualGoals[*]", kind: "counterpart",
                                          options: "{from: plan, to: directions, report_when_empty: true}", sheet: sheet)
        XCTAssertEqual(strict.map(\.path), ["annualGoals[0].plan.items[0]", "annualGoals[0].plan.items[1]",
                                            "annualGoals[1].plan.items[0]"])
    }
}
