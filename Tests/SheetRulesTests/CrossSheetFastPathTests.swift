import Foundation
import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// The cross-sheet stage made cheaper per sheet (issue #10) against the code it replaced,
/// kept here as the reference.
final class CrossSheetFastPathTests: XCTestCase {
    /// `TextNormalization.trimmingSpaces` (title-conflict's keys) is Foundation's
    /// `trimmingCharacters(in: .whitespaces)`, which it replaced there, on every BMP scalar
    /// alone, around text, and next to combining marks.
    func testTrimmingSpacesIsFoundationsTrimmingOfWhitespaces() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let c = String(scalar)
            for text in [c, c + "x" + c, " " + c + " ", c + "\u{301}", "\u{301}" + c, "a" + c + "\u{3000}", c + c + "目標" + c] {
                XCTAssertEqual(TextNormalization.trimmingSpaces(text), text.trimmingCharacters(in: .whitespaces),
                               "U+\(String(value, radix: 16))")
            }
        }
        for text in ["", " ", "\u{3000}\u{3000}", "\t総合計画\u{200B}", "👍🏽 ", " \u{301}", "a\u{301} "] {
            XCTAssertEqual(TextNormalization.trimmingSpaces(text), text.trimmingCharacters(in: .whitespaces))
        }
    }

    /// A site's labels are read back from its path's text: every path of every node of the
    /// fixtures and examples parses back to the path it was printed from.
    func testPathsParseBackFromTheirText() throws {
        var count = 0
        for sheet in try SelectorEquivalenceTests.sheets() {
            let tree = SheetTree(sheet)
            for id in 0..<Int32(tree.count) {
                let path = Match(tree: tree, id: id).path
                XCTAssertEqual(ModelPath(parsing: path.description), path)
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 1_000)
        for path in [ModelPath([]), ModelPath([.index(-1)]), ModelPath([.key("a"), .index(3), .index(12), .key("b")])] {
            XCTAssertEqual(ModelPath(parsing: path.description), path)
        }
    }

    /// `StringTable` gives the ids a plain `[String: Int32]` table gives (texts equal as
    /// `String`s share the first one's id, and read back as it), whatever its cache of
    /// recent texts holds, including after that cache has been emptied.
    func testStringTableIdsAreThoseOfStringEquality() {
        let spellings = ["が", "か\u{3099}", "é", "e\u{301}", "Å", "A\u{30A}", "\u{212B}", "総合計画", "path[0]", ""]
        var texts: [String] = []
        for n in 0..<(StringTable.recentLimit * 3) {
            texts.append(spellings[n % spellings.count])
            texts.append("text \(n % (StringTable.recentLimit + 7))")
            if n % 5 == 0 { texts.append(spellings[(n / 5) % spellings.count] + "\(n % 100)") }
        }
        let table = StringTable()
        var reference: [String: Int32] = [:]
        var first: [String] = []
        for (n, text) in texts.enumerated() {
            let expected: Int32
            if let known = reference[text] { expected = known } else {
                expected = Int32(first.count)
                reference[text] = expected
                first.append(text)
            }
            let got = n % 2 == 0 ? table.id(text) : table.ids([nil, text])[1]
            XCTAssertEqual(got, expected)
            XCTAssertTrue(table[got]!.utf8.elementsEqual(first[Int(expected)].utf8))
        }
        XCTAssertEqual(table.count, first.count)
    }
    /// A cross-sheet site as the code before `CrossSheetSite.init(_:needs:…)` made it, with
    /// every common placeholder (`EvaluationContext.common` over `Match.path`): its span's
    /// positions and the ids of its ten texts, and its members appended to `members`.
    static func referenceSite(_ match: Match, strings: StringTable, memberKeys: [String], members: inout [Int32],
                              memo: inout StringTable.Memo) -> (span: [Int32], ids: [Int32]) {
        let span = match.span
        var positions: [Int32] = [0, 0, 0, 0]
        if let span {
            positions = [Int32(span.start.line), Int32(span.start.column), Int32(span.end.line), Int32(span.end.column)]
        }
        let path = match.path
        let common = EvaluationContext.common(match, path: path)
        var texts: [String?] = [span?.file, common.path, path.arrayKey, match.text, common.value, common.number, common.code,
                                common.title, common.written, common.goal]
        var present: [Bool] = []
        for key in memberKeys {
            let member = match[key]
            present.append(member != nil)
            texts.append(member?.text)
        }
        let ids = strings.ids(texts, memo: &memo)
        for (k, isPresent) in present.enumerated() { members.append(isPresent ? ids[10 + k] : CrossSheetSite.absent) }
        return (positions, Array(ids.prefix(10)))
    }

    /// A cross-sheet site made with one walk to the root (`init(_:needs:…)`) is the site the
    /// code before made (`referenceSite`: `EvaluationContext.common` over `Match.path`)
    /// for every node of every fixture, with every member key of the default rules; with
    /// fewer placeholders needed, those not needed are `none` and the rest unchanged; the
    /// path it hands back is `Match.path`'s text.
    func testSitesAreThoseOfTheReferenceConstruction() throws {
        let all: CommonPlaceholder.Set = [.value, .path, .field, .section, .number, .goal, .code, .title, .written]
        let keys = ["code", "number", "title", "written", "text", "department", "nothing"]
        var compared = 0
        for sheet in try SheetTreeBuildTests.sheets() {
            let tree = SheetTree(sheet)
            let (strings, referenceStrings) = (StringTable(), StringTable())
            var (memo, referenceMemo, partialMemo) = (StringTable.Memo(), StringTable.Memo(), StringTable.Memo())
            for id in 0..<Int32(tree.count) {
                let match = Match(tree: tree, id: id)
                var (members, referenceMembers, partialMembers) = ([Int32](), [Int32](), [Int32]())
                var path = ""
                let site = CrossSheetSite(match, needs: all, strings: strings, memberKeys: keys, members: &members,
                                          memo: &memo, path: &path)
                let reference = Self.referenceSite(match, strings: referenceStrings, memberKeys: keys,
                                                   members: &referenceMembers, memo: &referenceMemo)
                XCTAssertEqual(path, match.path.description)
                // Same texts (ids of two tables compared through their texts).
                let texts = [site.file, site.path, site.arrayKey, site.text, site.value, site.number, site.code, site.title,
                             site.written, site.goal].map { strings[$0] }
                XCTAssertEqual(texts, reference.ids.map { referenceStrings[$0] }, "\(sheet.file) \(path)")
                XCTAssertEqual([site.startLine, site.startColumn, site.endLine, site.endColumn], reference.span)
                XCTAssertEqual(members.map { $0 == CrossSheetSite.absent ? "absent" : strings[$0] ?? "none" },
                               referenceMembers.map { $0 == CrossSheetSite.absent ? "absent" : referenceStrings[$0] ?? "none" })
                // Only {title} and {goal} named (title-conflict's messages).
                let partial = CrossSheetSite(match, needs: [.title, .goal, .section], strings: strings, memberKeys: keys,
                                             members: &partialMembers, memo: &partialMemo, path: &path)
                XCTAssertEqual([partial.value, partial.number, partial.code, partial.written], Array(repeating: CrossSheetSite.none, count: 4))
                XCTAssertEqual([partial.file, partial.path, partial.arrayKey, partial.text, partial.title, partial.goal],
                               [site.file, site.path, site.arrayKey, site.text, site.title, site.goal])
                XCTAssertEqual(partialMembers, members)
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 1_000)
    }
    /// title-conflict's citations grouped with each text's answers remembered by its id in
    /// the run's one table are the groups worked out at every citation (the reference), and
    /// the findings over inputs sharing one table are those over inputs with a table each
    /// (which take the reference way): over every fixture and example, with copies whose
    /// titles and codes are edited (other titles, full-width and spaced codes, empty
    /// titles, placeholders the rule ignores) so that groups conflict.
    func testTitleConflictGroupsByTextIdAreTheReferenceGroups() throws {
        let rules = RuleSet.loadDefault()
        var sheets = try SheetTreeBuildTests.sheets()
        for (n, sheet) in sheets.enumerated() {
            var edited = sheet
            edited.file = "edited/\(n)-" + sheet.file
            for g in edited.annualGoals.indices {
                for c in edited.annualGoals[g].planCodes.indices {
                    switch (g + c + n) % 5 {
                    case 0: edited.annualGoals[g].planCodes[c].title = (edited.annualGoals[g].planCodes[c].title ?? "") + "（改）"
                    case 1: edited.annualGoals[g].planCodes[c].written = " ３－１－① "
                    case 2: edited.annualGoals[g].planCodes[c].title = ""
                    case 3: edited.annualGoals[g].planCodes[c].written = "0-0"
                    default: break
                    }
                }
                for c in edited.annualGoals[g].policies.indices where (g + c) % 2 == 0 {
                    edited.annualGoals[g].policies[c].title = "政策 \(c % 3)"
                }
            }
            for g in edited.midTermGoals.indices {
                for c in edited.midTermGoals[g].planCodes.indices where (g + c + n) % 3 == 0 {
                    edited.midTermGoals[g].planCodes[c].title = "計画 \(c)。"
                }
            }
            sheets.append(edited)
        }
        let table = StringTable()
        let shared = sheets.map { CrossSheetEngine.input(rules, from: $0, strings: table) }
        let separate = sheets.map { CrossSheetEngine.input(rules, from: $0) }
        let rule = try XCTUnwrap(rules.rules.first { $0.check is TitleConflictCheck })
        let check = try XCTUnwrap(rule.check as? TitleConflictCheck)
        let selected = shared.map { input in
            let kept = input.rules[rule.id]
            return SelectedSheet(file: input.file, fiscalYear: input.fiscalYear, sites: kept?.sites ?? [],
                                 members: kept?.members ?? [], strings: input.strings)
        }
        let (byId, reference) = check.groupsBothWays(selected)
        XCTAssertEqual(byId, reference)
        XCTAssertGreaterThan(reference.count, 20)
        let findings = CrossSheetEngine.evaluate(rules, on: shared)
        XCTAssertEqual(findings, CrossSheetEngine.evaluate(rules, on: separate))
        XCTAssertEqual(findings.map(\.messageEn), CrossSheetEngine.evaluate(rules, on: separate).map(\.messageEn))
        XCTAssertGreaterThan(findings.filter { $0.ruleId == rule.id }.count, 20)
    }
}
