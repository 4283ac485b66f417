import SheetModel
@testable import SheetRules
import XCTest

/// Issue #8, defect 1: every pattern is bounded. `(a+)+$` backtracks 2^n steps on `a`×n
/// then `!`; ICU counts ~400,000 steps at n = 20 and doubles with each `a`, so n = 21 is
/// just inside `ResourceLimits.regexStepsPerText` and n = 22 just past it.
final class RegexLimitTests: XCTestCase {
    private let evil = "(a+)+$"

    private func sheet(_ texts: [String]) -> String {
        "mission:\n" + texts.enumerated().map { "  - {number: \($0.offset + 1), text: \"\($0.element)\"}\n" }.joined()
    }

    private func findings(_ texts: [String]) throws -> [Finding] {
        try Support.findings(selector: "mission.items[*].text", kind: "pattern",
                             options: "{pattern: '\(evil)', normalize: false}", sheet: sheet(texts))
    }

    func testCatastrophicPatternStopsWithAFindingNamingTheRuleAndPattern() throws {
        // Before the fix this took 52 s at n = 100 and never ended at n = 1000.
        let found = try findings([String(repeating: "a", count: 1000) + "!"])
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertEqual(found.first?.ruleId, "t")
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertEqual(found.first?.span.file, "s.yml")
        XCTAssertTrue(found.first?.messageEn.contains("rule t (t.yml:11:24)") ?? false, "\(found)")
        XCTAssertTrue(found.first?.messageEn.contains("'\(evil)' exceeded its work limit (steps-per-text)") ?? false, "\(found)")
    }

    func testStepsPerTextAtAndPastTheLimit() throws {
        let pattern = try TextPattern(evil)
        let at = RegexBudget()
        let matchedAt = RegexBudget.$current.withValue(at) { pattern.matches(String(repeating: "a", count: 21) + "!") }
        XCTAssertFalse(matchedAt)
        XCTAssertNil(at.overrun, "21 a's fit in \(ResourceLimits.regexStepsPerText) steps")
        let past = RegexBudget()
        _ = RegexBudget.$current.withValue(past) { pattern.matches(String(repeating: "a", count: 22) + "!") }
        XCTAssertEqual(past.overrun, .init(pattern: evil, limit: "steps-per-text"))
        // A matching text still matches after an expensive neighbour: limits are per text.
        XCTAssertTrue(pattern.matches(String(repeating: "a", count: 5000)))
    }

    func testStepsPerRuleAndSheetAtAndPastTheLimit() throws {
        // One budget is shared by every text a rule matches on a sheet. Each text here costs
        // ~1 million steps (104 ticks of 10,000), under the per-text limit; a budget of three
        // such texts lets three through and stops the fourth. The engine's budget is the
        // resource limit; spending all of it takes seconds, so its size is checked directly.
        let pattern = try TextPattern(evil), text = String(repeating: "a", count: 18) + "!"
        let probe = RegexBudget()
        _ = RegexBudget.$current.withValue(probe) { pattern.matches(text) }
        let perText = (ResourceLimits.regexStepsPerRuleAndSheet - probe.remainingSteps) / ICURegex.stepsPerTick
        XCTAssertEqual(perText, 104)
        let at = RegexBudget(steps: (3 * perText + 1) * ICURegex.stepsPerTick)
        RegexBudget.$current.withValue(at) { for _ in 0..<3 { _ = pattern.matches(text) } }
        XCTAssertNil(at.overrun)
        let past = RegexBudget(steps: (3 * perText + 1) * ICURegex.stepsPerTick)
        RegexBudget.$current.withValue(past) { for _ in 0..<4 { _ = pattern.matches(text) } }
        XCTAssertEqual(past.overrun, .init(pattern: evil, limit: "steps-per-rule-and-sheet"))
        XCTAssertFalse(RegexBudget.$current.withValue(past) { pattern.matches("a") }, "a spent budget matches nothing more")
        XCTAssertEqual(RegexBudget().remainingSteps, ResourceLimits.regexStepsPerRuleAndSheet)
    }

    func testBacktrackingStackWithinAndPastTheLimit() throws {
        // `(a|b)*c` keeps one backtracking frame per `a`: 200,000 fit in
        // `ResourceLimits.regexStackBytes`, 400,000 do not.
        let pattern = try TextPattern("(a|b)*c")
        let within = RegexBudget()
        XCTAssertTrue(RegexBudget.$current.withValue(within) { pattern.matches(String(repeating: "a", count: 200_000) + "c") })
        XCTAssertNil(within.overrun)
        let past = RegexBudget()
        XCTAssertFalse(RegexBudget.$current.withValue(past) { pattern.matches(String(repeating: "a", count: 400_000) + "c") })
        XCTAssertEqual(past.overrun, .init(pattern: "(a|b)*c", limit: "stack"))
    }

    func testOrdinaryPatternsKeepTheirMeaning() throws {
        let p = try TextPattern("(?<=令和)(?<year>\\d+|元)年")
        XCTAssertEqual(p.namedGroup("year", in: "令和元年度と令和5年"), "元")
        XCTAssertEqual(p.allMatches(in: "令和元年度と令和5年").map { $0.compactMap { $0 } }, [["元年", "元"], ["5年", "5"]])
        XCTAssertEqual(try TextPattern("x*").count(in: "ab"), 3, "empty matches advance as in NSRegularExpression")
        XCTAssertEqual(try TextPattern("😀(.)").firstMatch(in: "a😀b"), ["😀b", "b"], "UTF-16 ranges round-trip surrogates")
        XCTAssertEqual(try TextPattern("").count(in: ""), 1)
        XCTAssertThrowsError(try TextPattern("(a")) { error in
            XCTAssertTrue((error as? TextPattern.CompileError)?.reason.contains("U_REGEX_MISMATCHED_PAREN") ?? false)
        }
    }

    func testMatchersAreSafeToUseFromManyTasksAtOnce() async throws {
        let p = try TextPattern("(\\d+)月")
        let counts = await withTaskGroup(of: Int.self) { group in
            for i in 0..<64 { group.addTask { (0..<50).reduce(0) { n, _ in n + p.count(in: String(repeating: "\(i)月 ", count: 20)) } } }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        XCTAssertEqual(counts, Array(repeating: 1000, count: 64))
    }
}
