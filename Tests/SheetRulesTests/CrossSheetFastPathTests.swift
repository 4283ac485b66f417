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
    /// A cross-sheet site made with one walk to the root (`init(_:needs:…)`) is the site the
    /// code before made (`init(reference:…)`: `EvaluationContext.common` over `Match.path`)
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
                let reference = CrossSheetSite(reference: match, strings: referenceStrings, memberKeys: keys,
                                               members: &referenceMembers, memo: &referenceMemo)
                XCTAssertEqual(path, match.path.description)
                // Same texts (ids of two tables compared through their texts).
                func texts(_ s: CrossSheetSite, _ t: StringTable) -> [String?] {
                    [s.file, s.path, s.arrayKey, s.text, s.value, s.number, s.code, s.title, s.written, s.goal].map { t[$0] }
                }
                XCTAssertEqual(texts(site, strings), texts(reference, referenceStrings), "\(sheet.file) \(path)")
                XCTAssertEqual([site.startLine, site.startColumn, site.endLine, site.endColumn],
                               [reference.startLine, reference.startColumn, reference.endLine, reference.endColumn])
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
}
