import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// Issue #8, defect 4, and the YAML limits at and past their values: a chain of `**`
/// reached 20 GB; an alias bomb in a rule's example sheet (under 1 KB, fan-out 10,
/// depth 6) took 23 s and 4.3 GB.
final class YAMLAndSelectorLimitTests: XCTestCase {
    func testChainedDescendantStepsSelectLikeOneAndNothingTwice() throws {
        let chained = try Selector(String(repeating: "**.", count: 10) + "text")
        XCTAssertEqual(chained.steps, try Selector("**.text").steps)
        let sheet = try CanonicalSheetReader.read(text: "mission: [{number: 1, text: a}, {number: 2, text: b}]\n", file: "s.yml")
        var cache = SelectionCache(tree: SheetTree(flattening: sheet.tree))
        let ids = cache.select(chained)
        XCTAssertEqual(ids.count, 2)
        XCTAssertEqual(ids, Array(Set(ids)).sorted(), "ascending, each node once")
        // Even written apart, nested `**` never select a node twice.
        var apart = SelectionCache(tree: SheetTree(flattening: sheet.tree))
        XCTAssertEqual(apart.select(try Selector("**.items.**.text")), ids)
    }

    /// fan-out 10, depth 6: 10^6 nodes from 7 lines.
    static let bomb = """
        a0: &a0 [x, x, x, x, x, x, x, x, x, x]
        a1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]
        a2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]
        a3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]
        a4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]
        a5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]
        """

    func testAliasBombInARuleExampleIsRefused() throws {
        let indented = Self.bomb.split(separator: "\n").map { "            " + $0 }.joined(separator: "\n")
        let text = Support.ruleFile(selector: "mission.items[*].text", kind: "pattern", options: "{pattern: x}")
            .replacingOccurrences(of: "    examples: {fail: [{sheet: {}, count: 1}], pass: [{sheet: {}}]}",
                                  with: "    examples:\n      fail:\n        - count: 1\n          sheet:\n\(indented)\n      pass: [{sheet: {}}]")
        XCTAssertTrue(text.contains("*a4"))
        let errors = Support.errors(text)
        XCTAssertEqual(errors.map(\.messageEn), ["too many YAML nodes (at most \(ResourceLimits.maxYAMLNodes) with aliases expanded)"])
        XCTAssertEqual(errors.first?.file, "t.yml")
    }

    func testYAMLNodesAtAndPastTheLimit() throws {
        // A flow sequence of n scalars is n + 1 nodes.
        func sequence(_ n: Int) -> String { "[" + String(repeating: "1,", count: n) + "]" }
        let limit = ResourceLimits.maxYAMLNodes
        XCTAssertNotNil(try YAMLValue.compose(text: sequence(limit - 1), file: "at.yml"))
        XCTAssertThrowsError(try YAMLValue.compose(text: sequence(limit), file: "past.yml")) { error in
            XCTAssertEqual((error as? RuleFileError)?.file, "past.yml")
            XCTAssertTrue((error as? RuleFileError)?.messageEn.hasPrefix("too many YAML nodes") ?? false, "\(error)")
        }
        // Through aliases: 10^7 nodes are refused after counting just past the limit, and
        // aliases that stay small are fine.
        XCTAssertThrowsError(try YAMLValue.compose(
            text: Self.bomb + "\na6: [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]\n", file: "bomb.yml"))
        XCTAssertNotNil(try YAMLValue.compose(text: "a: &a [x, x]\nb: *a\n", file: "small.yml"))
    }

    func testNestingAtAndPastTheLimit() throws {
        let depth = ResourceLimits.maxNestingDepth
        func nested(_ n: Int) -> String { String(repeating: "[", count: n) + String(repeating: "]", count: n) }
        XCTAssertNotNil(try YAMLValue.compose(text: nested(depth), file: "at.yml"))
        XCTAssertThrowsError(try YAMLValue.compose(text: nested(depth + 1), file: "past.yml")) { error in
            XCTAssertEqual((error as? RuleFileError)?.messageEn, "nested too deeply (at most \(depth) levels)")
            XCTAssertEqual((error as? RuleFileError)?.column, depth + 1)
        }
        // In a sheet `[{` adds two levels: depth - 2 more is at the limit (then refused only
        // because a text cannot be a list), depth - 1 more is past it.
        func sheetError(_ n: Int) -> String {
            do {
                _ = try CanonicalSheetReader.read(text: "mission: [{number: 1, text: " + nested(n) + "}]\n", file: "s.yml")
                return ""
            } catch { return "\(error)" }
        }
        XCTAssertTrue(sheetError(depth - 2).contains("must be a string"), sheetError(depth - 2))
        XCTAssertTrue(sheetError(depth - 1).contains("nested too deeply (at most \(depth) levels)"), sheetError(depth - 1))
    }
}

/// A rule stops producing findings one past `ResourceLimits.maxFindingsPerFile` on a sheet
/// (`FindingCap`), so a hostile sheet costs what is reported, not what it holds.
final class FindingCapTests: XCTestCase {
    func testARuleStopsOnePastTheFindingLimit() throws {
        let limit = ResourceLimits.maxFindingsPerFile
        func findings(_ n: Int) throws -> [Finding] {
            let items = (1...n).map { "{number: \($0), text: x}" }.joined(separator: ", ")
            return try Support.findings(selector: "mission.items[*].text", kind: "pattern",
                                        options: "{pattern: x}", sheet: "mission: [\(items)]\n")
        }
        XCTAssertEqual(try findings(limit + 1).count, limit + 1, "at the cap every finding is kept")
        let past = try findings(limit + 50)
        XCTAssertEqual(past.count, limit + 1)
        XCTAssertEqual(past.last?.path, "mission.items[\(limit)].text", "the first ones, in document order")
        XCTAssertFalse(past.contains { $0.path == FindingCap.markerPath })
    }

    func testANumberingCheckStopsAtItsCapInsteadOfCollectingMarkers() throws {
        // Every item skips a number (1, 3, 5, …): one finding each. Past the cap the check
        // stops looping, so it neither collects a marker per item nor changes what is kept.
        let limit = ResourceLimits.maxFindingsPerFile
        let items = (1...(limit + 50)).map { "{number: \(2 * $0 - 1), text: x}" }.joined(separator: ", ")
        let set = Support.ruleSet(Support.ruleFile(selector: "mission.items", kind: "sequence"))
        let tree = SheetTree(flattening: try Support.sheet("mission: [\(items)]\n").tree)
        let rule = try XCTUnwrap(set.rules.first { $0.id == "t" })
        var cache = SelectionCache(tree: tree)
        let matches = cache.select(rule.selectors[0]).map { Match(tree: tree, id: $0) }
        let context = EvaluationContext(rule: rule, catalogs: [:], file: "s.yml", source: nil, texts: cache.texts)
        let cap = FindingCap()
        let produced = FindingCap.$current.withValue(cap) { rule.check.evaluate(matches, context) }
        XCTAssertEqual(produced.count, limit + 1)
        XCTAssertFalse(produced.contains { $0.path == FindingCap.markerPath }, "no marker was collected")
        XCTAssertEqual(cap.refused, 0)
        XCTAssertEqual(try Support.findings(selector: "mission.items", kind: "sequence", sheet: "mission: [\(items)]\n").count, limit + 1)
    }
}
