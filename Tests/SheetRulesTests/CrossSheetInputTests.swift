import Foundation
import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// The cross-sheet stage keeps only what its rules select of each sheet (a pruned tree),
/// not the sheets. Its findings are the ones the rules give on the whole sheets, kept here
/// as the reference.
final class CrossSheetInputTests: XCTestCase {
    func testPrunedInputsGiveTheFindingsOfWholeSheets() throws {
        var sheets = try SelectorEquivalenceTests.sheets()
        // Copies under other names and years, so that duplicates, title conflicts and
        // fiscal-year outliers all occur.
        for (i, sheet) in sheets.prefix(6).enumerated() {
            var copy = sheet
            copy.file = "copies/\(i)/" + sheet.file
            if i % 2 == 0 { copy.fiscalYear = (sheet.fiscalYear ?? 2022) + 1 }
            if i == 3, !copy.annualGoals.isEmpty, !copy.annualGoals[0].planCodes.isEmpty {
                copy.annualGoals[0].planCodes[0].title = "別の題名"
            }
            sheets.append(copy)
        }
        let rules = RuleSet.loadDefault()
        XCTAssertGreaterThanOrEqual(rules.rules.filter(CrossSheetEngine.isCrossSheet).count, 3)
        let got = CrossSheetEngine.evaluate(rules, on: sheets.map { CrossSheetEngine.input(rules, from: $0) })
        XCTAssertEqual(got, Self.reference(rules, sheets))
        XCTAssertFalse(got.isEmpty, "the copies give cross-sheet findings")
        XCTAssertGreaterThanOrEqual(Set(got.map(\.ruleId)).count, 2)
        // What is kept of a sheet is a fraction of it.
        let input = CrossSheetEngine.input(rules, from: sheets[0])
        let keptNodes = input.matches.values.compactMap { $0.first?.tree.count }.max() ?? 0
        XCTAssertLessThan(keptNodes, SheetTree(flattening: sheets[0].tree).count)
    }

    /// The cross-sheet stage as written before it pruned: every rule on the whole trees.
    static func reference(_ rules: RuleSet, _ sheets: [Sheet]) -> [Finding] {
        rules.rules.filter(CrossSheetEngine.isCrossSheet).flatMap { rule -> [Finding] in
            guard let check = rule.check as? any SheetsCheck else { return [] }
            let selected = sheets.map { sheet -> SelectedSheet in
                var seen = Set<String>()
                let matches = rule.selectors.flatMap { $0.select(in: sheet.tree) }.filter { seen.insert($0.path.description).inserted }
                return SelectedSheet(sheet: sheet, matches: matches)
            }
            return check.evaluate(sheets: selected, CrossSheetContext(rule: rule, catalogs: rules.catalogs))
        }.sorted()
    }
}
