import Foundation
import SheetModel
import SheetReading
@testable import SheetRules
import XCTest
import Yams

/// A text lacking a character every match needs is not given to the regex engine. These
/// tests pin what the analysis finds, and that skipping never changes a result: every
/// pattern of the built-in rules, on every text of our example and fixture sheets (and the
/// real sheet when ../shared is present), gives what the engine alone gives.
final class RequiredLiteralsTests: XCTestCase {
    func testWhatEveryMatchMustContain() {
        func req(_ p: String) -> [String] {
            RequiredLiterals(p).requirements.map { String(decoding: $0, as: UTF16.self) }
        }
        XCTAssertEqual(req("取組み"), ["取", "組", "み"])
        XCTAssertEqual(req("取り組み(?![まむめ])"), ["取", "り", "組", "み"])
        XCTAssertEqual(req("(?<![ぁ-ん])こども"), ["こ", "ど", "も"])
        XCTAssertEqual(req("[（）]"), ["（）"])
        XCTAssertEqual(req("^0(-0){0,2}$"), ["0"])
        XCTAssertEqual(req("\\d+\\s*月"), ["月"])
        XCTAssertEqual(req("年間?\\s*\\d+(\\s*[~-]\\s*\\d+)?\\s*回"), ["年", "回"])
        XCTAssertEqual(req("(?<![\\d/])(\\d{4})\\s*[/年]\\s*(\\d{1,2})\\s*[/月]\\s*(\\d{1,2})(?![\\d/])"), ["/年", "/月"])
        XCTAssertEqual(req("a{0,3}b{2}c*d+?e??"), ["b", "d"])
        XCTAssertEqual(req("\\(x\\)\\."), ["(", "x", ")", "."])
        XCTAssertEqual(req("[^a]b[a-c]d"), ["b", "d"])
        // Groups: all of a one-branch group, one character of each branch of another.
        XCTAssertEqual(req("(春|夏|秋|冬)(頃|ごろ|期)"), ["春夏秋冬", "頃ご期"])
        XCTAssertEqual(req("(?<name>ab)c(?:d)"), ["a", "b", "c", "d"])
        XCTAssertEqual(req("(a|b)+c(d|e)?(f|g*)"), ["ab", "c"])
        XCTAssertEqual(req("(?<=a)b(?=c)(?!d)(?>e)f"), ["b", "f"])
        XCTAssertEqual(req("x[:Han:]"), ["x"])
        // Nothing is assumed where the analysis stops.
        for p in ["a|b", "(?i)abc", "x(?i:y)", "(?:(?i)a)b", "\\x{41}b", "\\u0041b", "\\p{L}b", "\\Qab\\E", "a\\Q|\\E",
                  "\\1a", "", "(a", "a{x}", "[]a]", "[^]a]b", "[:Han:]", "a|b*"] {
            XCTAssertEqual(req(p), [], p)
        }
        XCTAssertEqual(req("(a|)b"), ["b"])
    }

    func testEachBranchOfATopLevelAlternationHasItsOwnRequirements() {
        func alternatives(_ p: String) -> [[String]] {
            RequiredLiterals(p).alternatives.map { $0.map { String(decoding: $0, as: UTF16.self) } }
        }
        XCTAssertEqual(alternatives("上旬|中旬|月末"), [["上", "旬"], ["中", "旬"], ["月", "末"]])
        XCTAssertEqual(alternatives("(令和|平成)\\s*(元|\\d+)\\s*年|\\d{4}\\s*年"), [["令平", "年"], ["年"]])
        XCTAssertEqual(alternatives("月\\s*\\d+\\s*回|週\\s*\\d+\\s*回"), [["月", "回"], ["週", "回"]])
        XCTAssertEqual(alternatives("取組み"), [["取", "組", "み"]])
        for p in ["a|b*", "a|(?i)b", "a|\\1", "a|b|", "(a|b", "a|[]b]"] {
            XCTAssertEqual(alternatives(p), [], p)
        }
        let required = RequiredLiterals("上旬|月末")
        XCTAssertTrue(required.admits("8月末"))
        XCTAssertTrue(required.admits(MatchText("上旬")))
        XCTAssertFalse(required.admits("上末"))
        XCTAssertFalse(required.admits(MatchText("月旬")))
    }

    func testSkippingNeverChangesAResult() throws {
        var sources = Set<String>()
        for file in DefaultRuleSet.files {
            collect(try XCTUnwrap(try Yams.compose(yaml: file.text)), under: nil, into: &sources)
        }
        sources.formUnion([DateCheck.yearMonthDay, DateCheck.monthDay, DateCheck.slashMonthDay, DateCheck.month].map(\.source))
        // Patterns whose analysis once went wrong or that stress it: ICU reads `[]a]` as a
        // class holding `]` and `[:Han:]` as a property; alternations and groups.
        sources.formUnion(["[]a]", "[^]a]", "x[]]", "[:Han:]", "x[:Han:]", "上旬|中旬|月末", "(春|夏)(頃|期)|随時", "(a|b)+c(d|e)?",
                           "(?<n>取)組|子(ども|供)", "a|b*", "(?:(?i)a)b", "(a|)b", "[(（]\\d|x"])
        sources.formUnion(["(令和|平成)\\s*0+\\s*年", "(令和|平成)\\s*(元|\\d{1,2})\\s*年度?\\s*\\(\\s*(\\d{4})\\s*(?:年度?)?\\s*\\)",
                           "(\\d{4})\\s*年度?\\s*\\(\\s*(令和|平成)\\s*(元|\\d{1,2})\\s*年度?\\s*\\)"])
        let patterns = sources.sorted().compactMap { try? TextPattern($0) }
        XCTAssertGreaterThan(patterns.count, 20)
        XCTAssertGreaterThan(patterns.filter { !$0.required.requirements.isEmpty }.count, 15)

        var texts = Set<String>(["", "4月31日", "令和0年", "令和6年度(2025年度)", "2022年(令和4年)", "(1)", "（１）", "取組み", "こども",
                                 "子ども", "～", "~", "0-0-0", "13月", "4/31", "2023/2/29", "年5回", "毎月", "]", "a", "漢", "x漢",
                                 ":Han", "上旬", "月末", "春期", "夏頃", "ac", "bbcd", "A", "Ab", "b", "子供", "取組", "(1", "（2"])
        for sheet in try SelectorEquivalenceTests.sheets() + realSheet() {
            for m in try Selector("**").select(in: sheet.tree) where m.node.text != nil {
                texts.insert(m.node.text!)
                texts.insert(TextNormalization.normalize(m.node.text!))
            }
        }
        var skipped = 0
        for pattern in patterns {
            for text in texts {
                let units = Array(text.utf16)
                let engine = try pattern.regex.get().matches(units, upTo: .max, budget: nil).0
                if !pattern.required.admits(text) {
                    skipped += 1
                    XCTAssertEqual(engine.count, 0, "/\(pattern.source)/ matches '\(text)' though it lacks a required character")
                }
                XCTAssertEqual(pattern.count(in: text), engine.count, "/\(pattern.source)/ on '\(text)'")
                // The same through a prepared text, whose scalar mask rules texts out first.
                XCTAssertEqual(pattern.required.admits(MatchText(text)), pattern.required.admits(text), "/\(pattern.source)/ on '\(text)'")
                XCTAssertEqual(pattern.matchRanges(in: MatchText(text)), engine, "/\(pattern.source)/ on '\(text)'")
            }
        }
        XCTAssertGreaterThan(skipped, 1000)
        // Plain-text expressions are found without the engine (`LiteralPattern`).
        XCTAssertGreaterThan(patterns.filter { LiteralPattern($0.source) != nil }.count, 8)
    }

    private func realSheet() -> [Sheet] {
        let url = SelectorEquivalenceTests.repo.deletingLastPathComponent()
            .appendingPathComponent("shared/fixtures/real/toyonaka-r4-toshikeiei.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return [MarkdownSheetReader.read(text: text, file: "real.md")]
    }

    /// Every string under a key that holds expressions in the rule files.
    private func collect(_ node: Node, under key: String?, into out: inout Set<String>) {
        switch node {
        case .scalar(let s):
            if let key, ["pattern", "except", "ignore", "timing", "key_pattern"].contains(key) { out.insert(s.string) }
        case .sequence(let items):
            for item in items { collect(item, under: key, into: &out) }
        case .mapping(let pairs):
            for (k, v) in pairs { collect(v, under: k.string ?? key, into: &out) }
        default:
            break
        }
    }
}
