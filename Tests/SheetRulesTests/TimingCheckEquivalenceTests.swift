import Foundation
import SheetModel
@testable import SheetRules
import XCTest

/// `has-timing` walks the tree's ids and its patterns skip texts by their required
/// characters (`RequiredLiterals`, alternations included). The walk it replaced, over
/// `Match.members` and `elements` with every pattern run by ICU on every text, is kept here
/// as the reference: both must agree on every node of every fixture and of random sheets.
final class TimingCheckEquivalenceTests: XCTestCase {
    func testHasTimingAgreesWithTheWalkItReplaced() throws {
        let rule = try XCTUnwrap(RuleSet.loadDefault().rule(id: "plan-item-without-schedule"))
        let builtIn = try XCTUnwrap(rule.check as? TimingCheck)
        let stress = Support.ruleSet(Support.ruleFile(
            selector: "annualGoals[*].plan.items[*]", kind: "has-timing",
            options: "{timing: ['上旬|中旬|下旬', '(春|夏)(頃|期)', '毎年度?|随時', 'x|\\\\d+回', '[（(]\\\\d', '取組(?=状況)|推進', '[]a]', '[:Han:]月'], entries: schedule}"))
        let checks = [builtIn, try XCTUnwrap(stress.rules.first?.check as? TimingCheck)]
        var sheets = try VariantSearchTests.sheets().map(\.0)
        let words = ["上旬", "中旬", "月末", "随時", "毎月", "毎年", "毎年度", "通年", "年3回", "年間 5 回", "月2回", "週 1 回", "令和5年",
                     "平成元年", "2024年", "4/1", "12/31", "春頃", "夏ごろ", "秋期", "冬", "検討", "推進", "取組状況", "(1", "（2", "]", "a",
                     "漢月", "x", "９月", "１０月〜１２月"]
        var rng = SplitMix(seed: 5)
        for _ in 0..<200 {
            func text() -> String { (0..<Int(rng.next() % 4)).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined() }
            let items = (0..<Int(1 + rng.next() % 5)).map { n -> String in
                var item = "{number: \(n + 1), text: \"\(text())\""
                switch rng.next() % 3 {
                case 0: item += ", schedule: [{text: \"\(text())\", timing: \"\(text())\"}]"
                case 1: item += ", schedule: []"
                default: break
                }
                if rng.next() % 3 == 0 { item += ", subItems: [{number: 1, text: \"\(text())\"}, {number: 2, text: \"\(text())\"}]" }
                return item + "}"
            }
            sheets.append(try Support.sheet("annualGoals:\n  - {number: 1, plan: [\(items.joined(separator: ", "))]}\n"))
        }
        var agreed = 0, timed = 0
        for sheet in sheets {
            let cache = SelectionCache(tree: SheetTree(sheet))
            let tree = cache.tree
            for check in checks {
                for id in 0..<Int32(tree.count) where tree.kind(id) == .object {
                    let new = check.hasTiming(tree, id, cache.texts)
                    XCTAssertEqual(new, try Self.reference(check, Match(tree: tree, id: id)), "\(sheet.file) \(Match(tree: tree, id: id).path)")
                    agreed += 1
                    if new { timed += 1 }
                }
            }
        }
        XCTAssertGreaterThan(agreed, 2000)
        XCTAssertGreaterThan(timed, 500)
        XCTAssertGreaterThan(agreed - timed, 500)
    }

    /// `TimingCheck.hasTiming` before: `members` and `elements`, each pattern run by ICU alone.
    static func reference(_ check: TimingCheck, _ node: Match) throws -> Bool {
        switch node.kind {
        case .string:
            let t = TextNormalization.normalize(node.text ?? "")
            return try check.timing.contains { try !$0.regex.get().matches(Array(t.utf16), upTo: 1, budget: nil).0.isEmpty }
        case .array:
            return try node.elements.contains { try reference(check, $0) }
        case .object:
            return try node.members.contains { member in
                if member.key == check.entries, member.match.kind == .array, member.match.elements.contains(where: { !$0.isEmptyValue }) {
                    return true
                }
                return try reference(check, member.match)
            }
        default:
            return false
        }
    }
}
