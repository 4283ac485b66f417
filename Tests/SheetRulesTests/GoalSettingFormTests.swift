import Foundation
import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// The goal-setting form of every fixture sheet (examples/, the reader's quirk fixtures, the
/// CLI gate fixture): reads the same goals, passes at `auto` and at `plan` with no error the
/// stage brought (only the errors the sheet itself has at every stage, such as its
/// deliberate citation placeholders), and fails at `review` with exactly the result,
/// direction and 総括 findings added.
final class GoalSettingFormTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let rules = RuleSet.loadDefault()

    /// Every fixture sheet of the repository, relative to its root.
    static func fixtures() throws -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        for dir in ["examples", "examples/canonical", "Tests/SheetReadingTests/Fixtures/quirks", "Tests/CLITests/Fixtures/gate"] {
            for name in try fm.contentsOfDirectory(atPath: repo.appendingPathComponent(dir).path).sorted()
            where (name.hasSuffix(".md") && name != "README.md") || name.hasSuffix(".yaml") {
                out.append(dir + "/" + name)
            }
        }
        return out
    }

    /// `rule path` of each finding (paths, unlike lines, are the same in both forms).
    private func keys(_ findings: [Finding]) -> [String] { findings.map { "\($0.ruleId) \($0.path)" }.sorted() }

    func testGoalSettingFormOfEveryFixture() throws {
        let fixtures = try Self.fixtures()
        XCTAssertGreaterThan(fixtures.count, 25)
        var reviewFixtures = 0
        for path in fixtures {
            let decoded = try SheetDecoder.readFile(path: Self.repo.appendingPathComponent(path).path)
            let canonical = path.hasSuffix(".yaml")
            let sheet = canonical ? try CanonicalSheetReader.read(text: decoded.text, file: path)
                                  : MarkdownSheetReader.read(text: decoded.text, file: path)
            if SheetStage.inferred(from: sheet) == .review { reviewFixtures += 1 }
            let formText = canonical ? GoalSettingForm.canonical(sheet) : GoalSettingForm.markdown(decoded.text, sheet: sheet)
            let form = canonical ? try CanonicalSheetReader.read(text: formText, file: path)
                                 : MarkdownSheetReader.read(text: formText, file: path)

            // The same sheet, less its results: same goals, plans, schedules and citations.
            XCTAssertEqual(CanonicalSheetWriter.json(form, spans: false),
                           CanonicalSheetWriter.json(GoalSettingForm.emptied(sheet), spans: false), path)
            XCTAssertEqual(form.notes.map(\.code), sheet.notes.map(\.code), "\(path): no new reader note")
            XCTAssertEqual(SheetStage.inferred(from: form), .plan, path)

            let original = RuleEngine.evaluate(rules, on: sheet)
            let auto = RuleEngine.evaluate(rules, on: form)
            let plan = RuleEngine.evaluate(rules, on: form, stage: .plan)
            let review = RuleEngine.evaluate(rules, on: form, stage: .review)
            XCTAssertEqual(keys(auto), keys(plan), path)
            // No error the stage brought: the form's errors are errors the sheet has anyway.
            let ownErrors = Set(keys(original.filter { $0.severity == .error }))
            XCTAssertEqual(keys(plan.filter { $0.severity == .error }).filter { !ownErrors.contains($0) }, [], path)
            XCTAssertEqual(plan.filter { ["result-missing", "direction-missing", "approach-without-review"].contains($0.ruleId) }
                .count, 0, path)

            // At review: exactly one result-missing and one direction-missing per annual goal and
            // one approach-without-review per 方針 are added; nothing is lost.
            var added = keys(review)
            for key in keys(plan) {
                guard let i = added.firstIndex(of: key) else { XCTFail("\(path): review lost \(key)"); continue }
                added.remove(at: i)
            }
            let want = form.annualGoals.indices.flatMap { i in
                ["result-missing annualGoals[\(i)].results", "direction-missing annualGoals[\(i)].directions"]
            } + form.approaches.indices.filter { !(form.approaches[$0].approach?.text.isEmpty ?? true) }
                .map { "approach-without-review approaches[\($0)].review" }
            XCTAssertEqual(added, want.sorted(), path)
        }
        XCTAssertGreaterThan(reviewFixtures, 20, "most fixtures are year-end sheets: the test empties something")
    }
}
