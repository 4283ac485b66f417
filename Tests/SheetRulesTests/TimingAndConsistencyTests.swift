import SheetModel
@testable import SheetRules
import XCTest

final class TimingAndConsistencyTests: XCTestCase {
    /// Only a month range counts as timing here, so the test shows that 〜, ～ and ~ and
    /// full-width digits are all folded before matching.
    func rangeOnly(_ texts: [String]) throws -> [String] {
        let items = texts.enumerated().map { "{number: \($0.offset + 1), text: \"\($0.element)\"}" }.joined(separator: ", ")
        return try Support.findings(selector: "annualGoals[*].plan.items[*]", kind: "has-timing",
                                    options: "{timing: ['\\d+月~\\d+月']}", message: "{number}",
                                    sheet: "annualGoals:\n  - {number: 1, plan: [\(items)]}\n").map(\.message)
    }

    func testWaveDashFullWidthTildeAndAsciiTildeAllReadAsARange() throws {
        XCTAssertEqual(try rangeOnly(["9月〜12月", "9月～12月", "9月~12月", "９月～１２月", "9月から12月"]), ["5"])
    }

    func testDefaultTimingWords() throws {
        let rule = try XCTUnwrap(RuleSet.loadDefault().rule(id: "plan-item-without-schedule"))
        var set = RuleSet()
        set.add(rule)
        let texts = ["年３回開催", "年間5回", "随時", "毎月発行", "毎年度評価", "通年", "６月末", "8月下旬", "令和5年度",
                     "検討します", "4年に1度の点検"]
        let items = texts.enumerated().map { "{number: \($0.offset + 1), text: \"\($0.element)\"}" }.joined(separator: ", ")
        let sheet = try Support.sheet("annualGoals:\n  - {number: 1, plan: [\(items)]}\n")
        XCTAssertEqual(RuleEngine.evaluate(set, on: sheet).map(\.path),
                       ["annualGoals[0].plan.items[9]", "annualGoals[0].plan.items[10]"])
    }

    func testAScheduleEntryOrASubItemTimingCoversTheItem() throws {
        let found = try Support.findings(
            selector: "annualGoals[*].plan.items[*]", kind: "has-timing", options: "{timing: ['随時']}",
            message: "{number}",
            sheet: """
            annualGoals:
              - number: 1
                plan:
                  - {number: 1, text: 検討, schedule: [{text: 調査}]}
                  - {number: 2, text: 検討, subItems: [{number: 1, text: 対話（随時）}]}
                  - {number: 3, text: 検討, subItems: [{number: 1, text: 対話, schedule: [{text: 面談, timing: 随時}]}]}
                  - {number: 4, text: 検討, subItems: [{number: 1, text: 対話}]}
            """)
        XCTAssertEqual(found.map(\.message), ["4"])
    }

    func testConsistencyKeepsWidthVariantsApartAndReportsTheMinorityOnce() throws {
        let found = try Support.findings(
            selector: "**", kind: "consistency",
            options: "{groups: [{name: 範囲, variants: [{label: '～', pattern: '～'}, {label: '〜', pattern: '〜'}, {label: '~', pattern: '~'}]}]}",
            message: "{group}:{variant}:{expected}:{count}",
            sheet: """
            mission:
              - {number: 1, text: 4月～5月}
              - {number: 2, text: 6月～7月、8月~9月}
              - {number: 3, text: 10月〜11月}
            """)
        XCTAssertEqual(found.map(\.message), ["範囲:~:～:1"])
        XCTAssertEqual(found.map(\.path), ["mission.items[1].text"])
    }

    /// Two minority variants first used in the same text: the one listed first is reported,
    /// whatever the order of a dictionary (this varied between runs of the same build).
    func testConsistencyTieBetweenMinorityVariantsGoesToTheOneListedFirst() throws {
        for (order, expected) in [("'～', '〜', '~'", "範囲:〜:～:1"), ("'～', '~', '〜'", "範囲:~:～:1")] {
            let labels = order.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let variants = labels.map { "{label: \($0), pattern: \($0)}" }.joined(separator: ", ")
            for _ in 0..<20 {
                let found = try Support.findings(
                    selector: "**", kind: "consistency",
                    options: "{groups: [{name: 範囲, variants: [\(variants)]}]}",
                    message: "{group}:{variant}:{expected}:{count}",
                    sheet: """
                    mission:
                      - {number: 1, text: 4月～5月、6月～7月}
                      - {number: 2, text: 8月~9月、10月〜11月}
                    """)
                XCTAssertEqual(found.map(\.message), [expected])
            }
        }
    }

    func testConsistencyIsQuietWhenOneVariantIsUsed() throws {
        let found = try Support.findings(
            selector: "**", kind: "consistency",
            options: "{groups: [{name: 括弧, variants: [{label: '（）', pattern: '[（）]'}, {label: '()', pattern: '[()]'}]}]}",
            sheet: "mission: [{number: 1, text: 市長（公約）}, {number: 2, text: 計画（前期）}]\n")
        XCTAssertEqual(found.count, 0)
    }

    func testNormalizationFoldsWidthDashesAndTildesButNotTheLongVowel() {
        XCTAssertEqual(TextNormalization.normalize("５－２－①（１）〜～ー"), "5-2-①(1)~~ー")
        XCTAssertEqual(TextNormalization.titleKey(" 公正で 効果的。"), "公正で効果的")
        XCTAssertEqual(TextNormalization.circled(3), "③")
        XCTAssertEqual(TextNormalization.circledValue("⑳"), 20)
    }
}
