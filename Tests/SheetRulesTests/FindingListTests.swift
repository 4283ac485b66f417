import SheetModel
@testable import SheetRules
import XCTest

/// `FindingList` stores findings compactly; what it gives back, and the order it sorts
/// them in, must be exactly what the `Finding` values and `Array.sorted()` give.
final class FindingListTests: XCTestCase {
    /// Findings that tie on every key but the message, on file names that `String`
    /// equality merges (NFC and NFD of é), on positions past `Int32`, and empty messages.
    private var findings: [Finding] {
        let nfc = "sheets/caf\u{E9}.md", nfd = "sheets/cafe\u{301}.md"
        func f(_ rule: String, _ file: String, _ line: Int, _ column: Int, _ path: String, _ ja: String, _ en: String,
               _ severity: Severity = .warning) -> Finding {
            Finding(ruleId: rule, severity: severity, message: ja, messageEn: en,
                    span: SourceSpan(file: file, line: line, startColumn: column, endColumn: column + 2), path: path)
        }
        return [
            f("b-rule", nfc, 3, 1, "annualGoals[0].plan", "二つ目", "second"),
            f("b-rule", nfc, 3, 1, "annualGoals[0].plan", "一つ目", "first"),
            f("a-rule", nfd, 3, 1, "annualGoals[0].plan", "", "", .error),
            f("a-rule", "a.md", 9, 4, "mission[1]", "使命", "mission", .info),
            f("a-rule", "a.md", 2, 7, "", "長い" + String(repeating: "あ", count: 3000), "long"),
            Finding(ruleId: "z-rule", severity: .error, message: "遠い", messageEn: "far",
                    span: SourceSpan(file: "a.md", start: SourcePosition(line: Int(Int32.max) + 5, column: 1),
                                     end: SourcePosition(line: Int(Int32.max) + 6, column: 2)), path: "x"),
            f("b-rule", nfc, 3, 1, "annualGoals[0].plan", "一つ目", "first, again"),
        ]
    }

    func testReadsBackEveryFindingExactly() {
        let list = FindingList(findings)
        XCTAssertEqual(Array(list), findings)
        // Byte for byte: the NFD file name is not replaced by the NFC one it equals.
        XCTAssertEqual(list.map { Array($0.span.file.utf8) }, findings.map { Array($0.span.file.utf8) })
        var grown = FindingList(languages: .both)
        for f in findings { grown.append(f) }
        XCTAssertEqual(Array(grown), findings)
        XCTAssertEqual(list.distinctFiles.count, 3)
        XCTAssertEqual(list.count(.warning), 4)
    }

    func testSortsAsTheValuesDo() {
        XCTAssertEqual(Array(FindingList(findings).sorted()), findings.sorted())
        XCTAssertEqual(Array(FindingList(findings.reversed()).sorted()), findings.reversed().sorted())
    }

    func testWithoutJapaneseKeepsTheOrderOfFindingsAlikeButForTheirMessage() {
        // Per-sheet lists are stored sorted; without the Japanese messages, findings equal on
        // every other key keep that order, which is the order the messages gave.
        let sorted = findings.sorted()
        let list = FindingList(sorted, languages: .en).sorted()
        XCTAssertEqual(list.map(\.messageEn), sorted.map(\.messageEn))
        XCTAssertTrue(list.allSatisfy { $0.message.isEmpty })
        XCTAssertEqual(FindingList(sorted, languages: .ja).map(\.message), sorted.map(\.message))
    }

    func testReplacingAndFilteringKeepTheRest() {
        var list = FindingList(findings)
        list[1].severity = .error
        list[0].message = "変更"
        var expected = findings
        expected[1].severity = .error
        expected[0].message = "変更"
        XCTAssertEqual(Array(list), expected)
        XCTAssertEqual(Array(list.filter { $0.severity == .error }), expected.filter { $0.severity == .error })
    }
}
