import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// The built-in rule set: it loads cleanly, has exactly the ids and severities the issue
/// lists, and every rule's examples behave as declared.
final class DefaultRuleSetTests: XCTestCase {
    static let expected: [String: Severity] = [
        "plan-code-missing": .error, "plan-code-placeholder": .error, "plan-code-malformed": .error,
        "plan-code-unknown": .error, "plan-code-unverified": .info, "plan-code-title-mismatch": .warning,
        "policy-missing": .error, "policy-placeholder": .error, "policy-unknown": .error,
        "policy-title-mismatch": .warning, "duplicate-citation": .warning,
        "result-missing": .error, "plan-item-without-result": .error, "result-without-plan": .warning,
        "direction-missing": .warning, "plan-item-without-direction": .warning, "partial-review": .warning,
        "plan-item-without-schedule": .warning, "midterm-schedule-missing": .error,
        "section-missing": .error, "header-field-missing": .error, "approach-without-review": .warning,
        "numbering-sequence": .warning, "era-year-mismatch": .error, "invalid-date": .error,
        "mixed-width-brackets": .info, "notation-variance": .info,
        "duplicate-sheet": .error, "cross-sheet-title-conflict": .warning, "fiscal-year-outlier": .info,
        "department-unknown": .warning,
    ]

    func testDefaultRulesLoadWithoutErrors() {
        let (_, errors) = RuleSet.loadDefaultReportingErrors()
        XCTAssertEqual(errors.map(\.description), [])
    }

    func testDefaultRuleIdsAndSeveritiesAreExactlyTheIssueList() {
        let rules = RuleSet.loadDefault().rules
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0.severity) }), Self.expected)
    }

    func testEveryRuleHasFailAndPassExamples() {
        for rule in RuleSet.loadDefault().rules {
            XCTAssertFalse(rule.failExamples.isEmpty, rule.id)
            XCTAssertFalse(rule.passExamples.isEmpty, rule.id)
        }
    }

    func testEveryExampleBehavesAsDeclared() {
        let set = RuleSet.loadDefault()
        XCTAssertEqual(set.rules.count, Self.expected.count)
        for failure in set.runExamples() {
            XCTFail(failure.description)
        }
    }

    /// A fail example's findings carry real spans from the example sheet, not 1:1.
    func testExampleFindingsPointIntoTheExample() throws {
        let set = RuleSet.loadDefault()
        let rule = try XCTUnwrap(set.rule(id: "plan-code-placeholder"))
        let found = try set.findings(of: rule, on: rule.failExamples[0]).get()
        XCTAssertEqual(found.count, 3)
        XCTAssertTrue(found.allSatisfy { $0.span.start.line > 1 }, "\(found.map(\.span))")
        XCTAssertEqual(found.map(\.path), ["annualGoals[0].planCodes[0].code", "annualGoals[0].planCodes[1].code",
                                           "annualGoals[0].planCodes[2].code"])
    }

    func testDefaultCataloguesAreLoaded() throws {
        let catalogs = RuleSet.loadDefault().catalogs
        let plan = try XCTUnwrap(catalogs["sogo-keikaku"])
        XCTAssertFalse(plan.complete)
        XCTAssertEqual(plan.headings.count, 5)
        XCTAssertEqual(plan.status(of: "5-2-①"), .known(plan.entries["5-2-①"]))
        XCTAssertEqual(plan.status(of: "５－１－②"), .known(plan.entries["5-1-②"]))
        XCTAssertEqual(plan.status(of: "3-1-①"), .unverified)
        XCTAssertEqual(plan.status(of: "6-1-①"), .unknown)
        XCTAssertEqual(plan.status(of: "0-0-0"), .malformed)
        let policies = try XCTUnwrap(catalogs["kihon-seisaku-2022"])
        XCTAssertEqual(policies.entries.count, 28)
        XCTAssertEqual(policies.status(of: "25"), .known(nil))
        XCTAssertEqual(policies.status(of: "71"), .unknown)
        XCTAssertEqual(policies.status(of: "0"), .unknown)
    }
}

final class RuleExplanationTests: XCTestCase {
    func testExplanationShowsMessagesOptionsAndExamples() throws {
        let rule = try XCTUnwrap(RuleSet.loadDefault().rule(id: "plan-code-malformed"))
        let text = rule.explanation(english: true)
        XCTAssertTrue(text.hasPrefix("plan-code-malformed [error]\n"))
        XCTAssertTrue(text.contains("kind: not-pattern"))
        XCTAssertTrue(text.contains("${circled:3}"))
        XCTAssertTrue(text.contains("fails with 2 finding(s)"))
        XCTAssertTrue(text.contains("5-2-1"))
    }
}
