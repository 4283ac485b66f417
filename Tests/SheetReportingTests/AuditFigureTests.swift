import Foundation
import SheetModel
@testable import SheetReporting
import SheetRules
import XCTest

/// The audit report's figures on small sheets, against values counted by hand (see
/// `AuditFixture` for the counts).
final class AuditFigureTests: XCTestCase {
    private func report(findings: [Finding] = [], language: ReportLanguage = .ja) throws -> AuditReport {
        let sheets = [
            try AuditFixture.sheet(AuditFixture.review2023, file: "sheets/2023/ryokka.yaml"),
            try AuditFixture.sheet(AuditFixture.review2024, file: "sheets/2024/ryokka.yaml"),
            try AuditFixture.sheet(AuditFixture.plan2024, file: "sheets/2024/bosai.yaml"),
        ]
        let catalogs = [try AuditFixture.catalog(AuditFixture.partialPlan), try AuditFixture.catalog(AuditFixture.policies),
                        try AuditFixture.catalog(AuditFixture.departments)]
        return AuditReport(AuditFixture.input(sheets, findings: findings, catalogs: catalogs, language: language))
    }

    func testCompletionPerGoalAndPerSheet() throws {
        let r = try report()
        let c2023 = try XCTUnwrap(r.sheets[0].completion)
        XCTAssertEqual(c2023.goals.map(\.planItems), [3, 1, 2])
        XCTAssertEqual(c2023.goals.map(\.withResult), [2, 1, 2])
        XCTAssertEqual(c2023.goals.map(\.withDirection), [3, 0, 1])
        XCTAssertEqual(c2023.goals.map(\.complete), [2, 0, 1])
        XCTAssertEqual([c2023.planItems, c2023.withResult, c2023.withDirection, c2023.complete], [6, 5, 4, 3])
        XCTAssertEqual(c2023.share, 0.5)
        let c2024 = try XCTUnwrap(r.sheets[1].completion)
        XCTAssertEqual([c2024.planItems, c2024.complete], [3, 2])
        XCTAssertEqual(r.sheets[2].stage, .plan)
        XCTAssertNil(r.sheets[2].completion, "a goal-setting sheet has no results to count")
    }

    func testCoverageGapsAndCodesNotInTheCatalogue() throws {
        let r = try report()
        let plan2024 = try XCTUnwrap(r.coverage.first { $0.catalogId == "sogo-keikaku" && $0.fiscalYear == 2024 })
        XCTAssertFalse(plan2024.catalogComplete)
        XCTAssertEqual(plan2024.departments, ["緑化推進部", "防災部"])
        // 2024: 4-1-① by 緑化推進部 once, 4-2-① by 緑化推進部 once, 2-1-③ by 防災部 once.
        XCTAssertEqual(plan2024.rows.map(\.key), ["2-1-③", "4-1-①", "4-2-①", "5-2-①"])
        XCTAssertEqual(plan2024.rows.map(\.counts), [[0, 1], [1, 0], [1, 0], [0, 0]])
        XCTAssertEqual(plan2024.gaps.map(\.key), ["5-2-①"])
        // 5-2 is not of the catalogue's form.
        XCTAssertEqual(plan2024.notInCatalogue.map { "\($0.key) \($0.status) \($0.departments) \($0.citations)" },
                       ["5-2 malformed [\"防災部\"] 1"])
        let plan2023 = try XCTUnwrap(r.coverage.first { $0.catalogId == "sogo-keikaku" && $0.fiscalYear == 2023 })
        // 2023: 4-2-① twice (goals 1 and 3); 0-0-0 is a placeholder, not counted; 9-9-①
        // cannot exist (chapter 9).
        XCTAssertEqual(plan2023.rows.first { $0.key == "4-2-①" }?.total, 2)
        XCTAssertEqual(plan2023.gaps.map(\.key), ["2-1-③", "4-1-①", "5-2-①"])
        XCTAssertEqual(plan2023.notInCatalogue.map { "\($0.key) \($0.status)" }, ["9-9-① unknown"])
        // 基本政策: every number 1-60 is a row; 2024 cites 52 (twice) and 20.
        let policies2024 = try XCTUnwrap(r.coverage.first { $0.catalogId == "kihon-seisaku-2022" && $0.fiscalYear == 2024 })
        XCTAssertTrue(policies2024.catalogComplete)
        XCTAssertEqual(policies2024.entryCount, 60)
        XCTAssertEqual(policies2024.gaps.count, 58)
        XCTAssertEqual(policies2024.rows.first { $0.key == "52" }?.counts, [2, 1])
        XCTAssertEqual(policies2024.rows.map(\.key).prefix(3), ["1", "2", "3"], "natural order, not 1, 10, 11")
    }

    func testSubmissionAgainstTheDepartmentsCatalogue() throws {
        let s = try XCTUnwrap(try report().submission)
        XCTAssertTrue(s.catalogComplete)
        XCTAssertEqual(s.years.map(\.fiscalYear), [2023, 2024])
        XCTAssertEqual(s.years[0].missing, ["会計室", "防災部"])
        XCTAssertEqual(s.years[1].missing, ["会計室"])
        XCTAssertEqual(s.years[1].submitted, ["緑化推進部", "防災部"])
        XCTAssertEqual(s.years[1].unlisted, [])
    }

    func testYearOverYearDeltasAndCarriedOverGoals() throws {
        let findings = [
            AuditFixture.finding("plan-code-placeholder", .error, "sheets/2023/ryokka.yaml", line: 9),
            AuditFixture.finding("policy-placeholder", .error, "sheets/2023/ryokka.yaml", line: 16),
            AuditFixture.finding("direction-missing", .warning, "sheets/2023/ryokka.yaml", line: 11),
            AuditFixture.finding("plan-item-without-direction", .warning, "sheets/2024/ryokka.yaml", line: 14),
        ]
        let r = try report(findings: findings)
        let y = try XCTUnwrap(r.yearOverYear)
        XCTAssertEqual(y.years, [2023, 2024])
        let ryokka = try XCTUnwrap(y.departments.first { $0.department == "緑化推進部" })
        XCTAssertEqual(ryokka.years.map { $0?.findings.total }, [3, 1])
        XCTAssertNil(ryokka.years[0]?.findingsDelta)
        XCTAssertEqual(ryokka.years[1]?.findingsDelta, -2)
        XCTAssertEqual(try XCTUnwrap(ryokka.years[1]?.completionDeltaPoints), 100.0 * 2 / 3 - 50, accuracy: 1e-9)
        let bosai = try XCTUnwrap(y.departments.first { $0.department == "防災部" })
        XCTAssertNil(bosai.years[0])
        XCTAssertNil(bosai.years[1]?.completion, "plan stage")
        XCTAssertEqual(y.carriedOver.map { "\($0.title) \($0.codesChanged)" }, ["公園の再整備 true", "緑のカーテン false"])
        XCTAssertEqual(y.carriedOver[0].planCodesBefore, ["4-2-①", "0-0-0"])
        XCTAssertEqual(y.carriedOver[0].planCodesAfter, ["4-1-①"])
        // Placeholders per department are the placeholder rules' findings.
        XCTAssertEqual(r.departments.first { $0.name == "緑化推進部" }?.placeholders.map(\.line), [9, 16])
        XCTAssertEqual(r.sheets.map(\.placeholders), [2, 0, 0])
        XCTAssertEqual(r.overview.findings, SeverityCounts(error: 2, warning: 2, info: 0))
        XCTAssertEqual(r.overview.byRule.map(\.ruleId).first, "direction-missing", "ties by count are in id order")
    }

    func testConflictsBetweenSheetsComeFromTheCrossSheetRules() throws {
        // Two departments write 基本政策 52 with one title, a third with another; and two
        // sheets of 緑化推進部 for 2024.
        let a = try AuditFixture.sheet(AuditFixture.review2024, file: "s/a.yaml")
        let b = try AuditFixture.sheet(AuditFixture.review2024, file: "s/b.yaml")
        let c = try AuditFixture.sheet(AuditFixture.plan2024.replacingOccurrences(of: "52, title: 脱炭素のまちづくり",
                                                                                 with: "52, title: 環境のまちづくり"), file: "s/c.yaml")
        let findings = CrossSheetEngine.evaluate(RuleSet.loadDefault(), on: [a, b, c])
        XCTAssertEqual(findings.map { "\($0.ruleId) \($0.span.file):\($0.span.start.line)" },
                       ["duplicate-sheet s/b.yaml:2", "cross-sheet-title-conflict s/c.yaml:8"])
        let r = AuditReport(AuditFixture.input([a, b, c], findings: findings))
        XCTAssertEqual(r.consistency.map(\.ruleId), ["duplicate-sheet", "cross-sheet-title-conflict"])
    }

    func testPathsAreShownRelativeAndLinkedFromTheOutputDirectory() throws {
        let r = try report(findings: [AuditFixture.finding("direction-missing", .warning, "/work/sheets/2024/ryokka.yaml", line: 3)])
        XCTAssertEqual(r.sheets[0].href, "../../sheets/2023/ryokka.yaml")
        XCTAssertEqual(r.departments.flatMap(\.findings).first?.file, "sheets/2024/ryokka.yaml", "absolute under root: relative")
    }
}
