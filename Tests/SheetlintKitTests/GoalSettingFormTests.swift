import Foundation
import SheetlintKit
import SheetModel
import SheetReading
import SheetRules
import XCTest

/// The goal-setting form of every fixture sheet (examples/, the reader's quirk fixtures, the
/// CLI gate fixture), linted as `sheetlint lint` does: it reads the same goals, passes at
/// `auto` and at `plan` with no error the stage brought (only the errors the sheet itself
/// has at every stage, such as its deliberate citation placeholders), and fails at `review`
/// with exactly the result, direction and 総括 findings added.
final class GoalSettingFormTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

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

    /// `rule path` of each finding of `file` (paths, unlike lines, are the same in both forms).
    private func keys(_ result: LintResult, _ file: String, _ filter: (Finding) -> Bool = { _ in true }) -> [String] {
        result.findings.filter { $0.span.file == file && filter($0) }.map { "\($0.ruleId) \($0.path)" }.sorted()
    }

    func testGoalSettingFormOfEveryFixture() throws {
        let fixtures = try Self.fixtures()
        XCTAssertGreaterThan(fixtures.count, 25)
        let tree = try ConfigTree()
        var reviewFixtures = 0
        var forms: [String: Sheet] = [:]
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
            let name = path.replacingOccurrences(of: "/", with: "__")
            try tree.write("original/" + name, decoded.text)
            forms[try tree.write("form/" + name, formText)] = form
        }
        XCTAssertGreaterThan(reviewFixtures, 20, "most fixtures are year-end sheets: the test empties something")

        func lint(_ dir: String, _ stage: StageChoice?) -> LintResult {
            let result = Sheetlint.lint(LintOptions(paths: [tree.path(dir)], jobs: 2, sourceDigests: false, stage: stage))
            XCTAssertEqual(result.errors.map { $0.messageEn }, [])
            return result
        }
        let original = lint("original", nil), auto = lint("form", nil), plan = lint("form", .plan), review = lint("form", .review)
        XCTAssertEqual(auto.files.count, fixtures.count)
        for (file, form) in forms.sorted(by: { $0.key < $1.key }) {
            let source = file.replacingOccurrences(of: "/form/", with: "/original/")
            XCTAssertEqual(auto.stages[file], ResolvedStage(.plan, source: .inferred), file)
            XCTAssertEqual(plan.stages[file], ResolvedStage(.plan, source: .option), file)
            XCTAssertEqual(keys(auto, file), keys(plan, file), file)
            // No error the stage brought: the form's errors are errors the sheet has anyway;
            // and no reader note the original does not have.
            let ownErrors = Set(keys(original, source) { $0.severity == .error })
            XCTAssertEqual(keys(plan, file) { $0.severity == .error }.filter { !ownErrors.contains($0) }, [], file)
            XCTAssertEqual(keys(auto, file) { $0.ruleId == ReaderNotes.ruleId }.count,
                           keys(original, source) { $0.ruleId == ReaderNotes.ruleId }.count, file)

            // At review: exactly one result-missing and one direction-missing per annual goal
            // and one approach-without-review per 方針 are added; nothing is lost.
            var added = keys(review, file)
            for key in keys(plan, file) {
                guard let i = added.firstIndex(of: key) else { XCTFail("\(file): review lost \(key)"); continue }
                added.remove(at: i)
            }
            let want = form.annualGoals.indices.flatMap { i in
                ["result-missing annualGoals[\(i)].results", "direction-missing annualGoals[\(i)].directions"]
            } + form.approaches.indices.filter { !(form.approaches[$0].approach?.text.isEmpty ?? true) }
                .map { "approach-without-review approaches[\($0)].review" }
            XCTAssertEqual(added, want.sorted(), file)
        }
    }
}
