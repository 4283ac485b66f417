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
        let strings = StringTable()
        let got = CrossSheetEngine.evaluate(rules, on: sheets.map { CrossSheetEngine.input(rules, from: $0, strings: strings) })
        XCTAssertEqual(got, Self.reference(rules, sheets))
        XCTAssertFalse(got.isEmpty, "the copies give cross-sheet findings")
        XCTAssertGreaterThanOrEqual(Set(got.map(\.ruleId)).count, 2)
        // What is kept of a sheet is a fraction of it.
        let input = CrossSheetEngine.input(rules, from: sheets[0])
        XCTAssertGreaterThan(input.siteCount, 0)
        XCTAssertLessThan(input.siteCount, SheetTree(flattening: sheets[0].tree).count)
        // Texts repeated from sheet to sheet are stored once: the copies add no new text but their paths.
        let once = StringTable()
        _ = CrossSheetEngine.input(rules, from: sheets[0], strings: once)
        let first = once.count
        _ = CrossSheetEngine.input(rules, from: sheets[0], strings: once)
        XCTAssertEqual(once.count, first)
    }

    /// The cross-sheet stage as written before it kept compact values: every rule on the
    /// whole trees, selected by the plain evaluation, findings built at the nodes
    /// (`EvaluationContext.finding(match:)`); the citations read from the nodes.
    static func reference(_ rules: RuleSet, _ sheets: [Sheet]) -> [Finding] {
        rules.rules.filter(CrossSheetEngine.isCrossSheet).flatMap { rule -> [Finding] in
            let selected = sheets.map { sheet -> [Match] in
                var seen = Set<String>()
                return rule.selectors.flatMap { $0.select(in: sheet.tree) }.filter { seen.insert($0.path.description).inserted }
            }
            let context = { (i: Int) in EvaluationContext(rule: rule, catalogs: rules.catalogs, file: sheets[i].file) }
            switch rule.check {
            case is DuplicateSheetCheck:
                var first: [String: String] = [:]
                var out: [Finding] = []
                for (i, sheet) in sheets.enumerated() {
                    guard let year = sheet.fiscalYear, let match = selected[i].first, let department = match.node.text,
                          !TextNormalization.titleKey(department).isEmpty else { continue }
                    let key = TextNormalization.titleKey(department) + "\u{1F}\(year)"
                    if let other = first[key] {
                        out.append(context(i).finding(match, ["department": department, "fiscalYear": String(year), "other": other]))
                    } else {
                        first[key] = sheet.file
                    }
                }
                return out
            case is FiscalYearOutlierCheck:
                var folders: [String: [Int]] = [:]
                for (i, sheet) in sheets.enumerated() where sheet.fiscalYear != nil {
                    let folder = sheet.file.lastIndex(of: "/").map { String(sheet.file[..<$0]) } ?? ""
                    folders[folder, default: []].append(i)
                }
                var out: [Finding] = []
                for (folder, members) in folders where members.count > 1 {
                    var counts: [Int: Int] = [:]
                    for m in members { counts[sheets[m].fiscalYear!, default: 0] += 1 }
                    let ranked = counts.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }
                    guard ranked.count > 1, ranked[0].value > ranked[1].value else { continue }
                    for m in members where sheets[m].fiscalYear != ranked[0].key {
                        guard let match = selected[m].first else { continue }
                        out.append(context(m).finding(match, ["fiscalYear": String(sheets[m].fiscalYear!),
                                                              "expected": String(ranked[0].key), "folder": folder.isEmpty ? "." : folder]))
                    }
                }
                return out
            case let check as TitleConflictCheck:
                struct Citation { var sheet: Int; var match: Match; var key: String; var title: String; var titleKey: String }
                var groups: [String: [Citation]] = [:]
                var order: [String] = []
                for (i, matches) in selected.enumerated() {
                    for match in matches {
                        guard let keyName = check.keys.first(where: { match.node[$0] != nil }),
                              let written = match.node[keyName]?.text, let titleText = match.node[check.title]?.text else { continue }
                        let key = TextNormalization.normalize(written).trimmingCharacters(in: .whitespaces)
                        let titleKey = TextNormalization.titleKey(titleText)
                        guard !key.isEmpty, !titleKey.isEmpty, !(check.ignore?.matches(key) ?? false) else { continue }
                        let group = (match.path.arrayKey ?? "") + "\u{1F}" + key
                        if groups[group] == nil { order.append(group) }
                        groups[group, default: []].append(Citation(sheet: i, match: match, key: key, title: titleText, titleKey: titleKey))
                    }
                }
                var out: [Finding] = []
                for group in order {
                    let citations = groups[group] ?? []
                    var sheetsByTitle: [String: Set<Int>] = [:]
                    var firstByTitle: [String: Citation] = [:]
                    for c in citations {
                        sheetsByTitle[c.titleKey, default: []].insert(c.sheet)
                        if firstByTitle[c.titleKey] == nil { firstByTitle[c.titleKey] = c }
                    }
                    guard sheetsByTitle.count > 1 else { continue }
                    let titles = citations.map(\.titleKey).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                    let most = titles.map { sheetsByTitle[$0]?.count ?? 0 }.max() ?? 0
                    let references = titles.filter { sheetsByTitle[$0]?.count == most }
                    for c in citations {
                        guard let reference = references.first(where: { $0 != c.titleKey }),
                              references.count > 1 || !references.contains(c.titleKey),
                              let shown = firstByTitle[reference],
                              !(sheetsByTitle[reference] ?? []).subtracting([c.sheet]).isEmpty else { continue }
                        let location = "\(shown.match.span?.file ?? sheets[shown.sheet].file):\(shown.match.span?.start.line ?? 1)"
                        out.append(context(c.sheet).finding(c.match, ["key": c.key, "expected": shown.title, "other": location]))
                    }
                }
                return out
            default:
                XCTFail("no reference for \(rule.id)")
                return []
            }
        }.sorted()
    }
}
