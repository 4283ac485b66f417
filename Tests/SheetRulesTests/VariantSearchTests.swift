import Foundation
import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// The consistency check finds the variants of all its groups in one pass per text
/// (`ConsistencyCheck.VariantSearch`). These tests keep the search it replaced, one
/// `TextPattern.count(in:)` per variant and text, as the reference: the counts per variant and
/// text, and the findings of whole sheets, must be the same.
final class VariantSearchTests: XCTestCase {
    /// Groups that stress the pass: the built-in ones, variants that overlap or contain each
    /// other, a needle that overlaps itself (`aa` in `aaa`), look-aheads the pass reads and one
    /// it leaves to the engine, classes, ASCII, and patterns only the engine reads.
    static let groupsYAML = """
        [{name: 取組み, variants: [{label: 取組み, pattern: "取組み"}, {label: 取り組み, pattern: "取り組み(?![まむめ])"},
                                   {label: 取組, pattern: "取組(?![みむまめ\\\\p{Han}])"}]},
         {name: 範囲, variants: [{label: "～", pattern: "～"}, {label: "〜", pattern: "〜"}, {label: "~", pattern: "~"}]},
         {name: 子ども, variants: [{label: 子ども, pattern: "子ども(?!・子育て)"}, {label: 子供, pattern: "子供"},
                                  {label: こども, pattern: "こども(?!園|家庭庁|基本法|大綱)"}]},
         {name: 括弧, variants: [{label: "（）", pattern: "[（）]"}, {label: "()", pattern: "[()]"}]},
         {name: 重なり, variants: [{label: aa, pattern: "aa"}, {label: a, pattern: "a"}, {label: aba, pattern: "aba"},
                                  {label: ab, pattern: "ab(?=a)"}, {label: b, pattern: "b(?!a|b)"}, {label: notb, pattern: "a(?=[^b])"}]},
         {name: 記号, variants: [{label: "括弧類", pattern: "[（（)]"}, {label: "終わり", pattern: "）(?!。)"},
                                 {label: "漢字", pattern: "組(?=\\\\p{Han})"}, {label: "かな", pattern: "組(?=[\\\\p{Hiragana}])"}]},
         {name: エンジン, variants: [{label: 取組系, pattern: "取り?組み?"}, {label: 子系, pattern: "(?<!の)子ども"},
                                   {label: 数, pattern: "\\\\d+回"}, {label: 空, pattern: "x*"}]},
         {name: 絵文字, variants: [{label: 笑, pattern: "😀"}, {label: あ, pattern: "あ(?!😀)"}, {label: い, pattern: "い"}]}]
        """

    static func check() throws -> ConsistencyCheck {
        let set = Support.ruleSet(Support.ruleFile(selector: "**", kind: "consistency", options: "{groups: \(groupsYAML)}",
                                                   message: "{group}:{variant}:{expected}:{count}"))
        return try XCTUnwrap(set.rules.first?.check as? ConsistencyCheck)
    }

    func testEachVariantIsFoundTheWayItCanBe() throws {
        let ways = try Self.check().search.ways.flatMap { $0 }.map { way -> String in
            switch way {
            case .counted: return "counted"
            case .gated: return "gated"
            case .pattern: return "pattern"
            }
        }
        XCTAssertEqual(ways, ["counted", "counted", "counted", /* 範囲 */ "counted", "counted", "counted",
                              /* 子ども */ "counted", "counted", "counted", /* 括弧 */ "counted", "counted",
                              /* 重なり */ "counted", "counted", "counted", "counted", "counted", "counted",
                              /* 記号 */ "counted", "counted", "counted", "gated", /* エンジン */ "pattern", "pattern", "pattern", "pattern",
                              // 😀 is beyond the BMP: only the engine reads it.
                              "pattern", "pattern", "counted"])
    }

    func testLookaheadsAreReadOnlyWhenNothingCanChangeTheirMeaning() {
        XCTAssertEqual(LiteralPattern.guarded("子ども(?!・子育て)")?.text, Array("子ども".utf16))
        XCTAssertEqual(LiteralPattern.guarded("こども(?!園|家庭庁)(?=の)")?.lookaheads.count, 2)
        XCTAssertEqual(LiteralPattern.guarded("取組(?![みむ\\p{Han}])")?.lookaheads.first?.alternatives, [[.han(orAnyOf: [0x307F, 0x3080])]])
        XCTAssertEqual(LiteralPattern.guarded("取組(?!\\p{Han})")?.lookaheads.first?.alternatives, [[.han(orAnyOf: [])]])
        // Other properties, \P{Han}, and \p{Han} in a negated class are left to the engine.
        for source in ["取組(?![み\\p{Hiragana}])", "取組(?!\\P{Han})", "取組(?![^み\\p{Han}])", "取組(?!\\p{han})", "取組(?!\\p{Hani})"] {
            XCTAssertEqual(LiteralPattern.guarded(source)?.lookaheads.first?.alternatives, [[.opaque]], source)
        }
        XCTAssertEqual(LiteralPattern.guarded("a(?=[^b])")?.lookaheads.first?.alternatives, [[.anyOf([0x62], negated: true)]])
        for source in ["取組", "取組(?!み", "取組(?!)", "取組(?!み|)", "取組(?!(み))", "取組(?!み*)", "取組(?!\\d)", "取組(?![]み])",
                       "取組(?![み-む])", "取組(?![[み]])", "取組(?!\\Qx\\E)", "取組(?i)(?!み)", "取組(?<!み)", "取組み?(?!x)",
                       "取組(?!み)x", "取組(?!み)|x", "(?!み)取組", "取組(?!#)", "取組(?! )", "取組(?!\\p{})", "取組(?!\\p{Han)"] {
            XCTAssertNil(LiteralPattern.guarded(source), source)
        }
    }

    /// Every text of the fixtures, the real sheet and random texts: each variant's count from
    /// the pass equals `TextPattern.count(in:)` (and ICU's own count); a text the pass rules
    /// out for a gated variant has no match of it.
    func testCountsAreThoseOfThePatterns() throws {
        let check = try Self.check()
        var texts = Set(["", "取組", "取組み", "取り組み", "取り組みます", "取組状況", "取組む", "aaa", "aaaa", "abab", "ababa",
                         "aab", "ba", "bb", "b", "あ😀", "😀あ", "（（）", "子ども・子育て", "こども園", "こども", "組織", "組み"])
        for (sheet, _) in try Self.sheets() {
            for m in try Selector("**").select(in: sheet.tree) where m.node.text != nil { texts.insert(m.node.text!) }
        }
        let pieces = ["取", "組", "み", "取組", "取組み", "取り組み", "ま", "む", "め", "状", "子", "ども", "子ども", "・子育て", "こども",
                      "園", "家庭庁", "子供", "～", "〜", "~", "（", "）", "(", ")", "。", "a", "b", "aa", "ab", "😀", "あ", "い", "の",
                      "1", "回", "x", " ", "\n", "é", "e\u{301}"]
        var rng = SplitMix(seed: 10)
        for _ in 0..<4000 {
            texts.insert((0..<Int(rng.next() % 14)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        var counted = 0
        var scanned = [Int32](repeating: 0, count: check.search.slots), ends = [Int](repeating: 0, count: check.search.scratchCount)
        for text in texts {
            for s in scanned.indices { scanned[s] = 0 }
            scanned.withUnsafeMutableBufferPointer { out in
                ends.withUnsafeMutableBufferPointer { ends in check.search.scan(text, into: out.baseAddress!, ends: ends.baseAddress!) }
            }
            for (g, group) in check.groups.enumerated() {
                for (i, variant) in group.variants.enumerated() {
                    let reference = variant.pattern.count(in: MatchText(text))
                    let engine = try variant.pattern.regex.get().matches(Array(text.utf16), upTo: .max, budget: nil).0.count
                    XCTAssertEqual(reference, engine, "/\(variant.pattern.source)/ on \(text.debugDescription)")
                    switch check.search.ways[g][i] {
                    case .counted(let slot):
                        XCTAssertEqual(Int(scanned[slot]), reference, "/\(variant.pattern.source)/ on \(text.debugDescription)")
                        counted += reference
                    case .gated(let slot):
                        if scanned[slot] == 0 { XCTAssertEqual(reference, 0, "/\(variant.pattern.source)/ on \(text.debugDescription)") }
                    case .pattern:
                        break
                    }
                }
            }
        }
        XCTAssertGreaterThan(counted, 10_000)
    }

    /// Whole sheets: the check's findings equal those of the search it replaced (below), for
    /// the built-in rules and the stress groups, on every fixture and random sheets.
    func testFindingsAreThoseOfTheSearchItReplaced() throws {
        var sheets = try Self.sheets()
        let pieces = ["取組", "取組み", "取り組み", "取組状況", "子ども", "子供", "こども", "こども園", "～", "〜", "~", "（", "）", "(", ")",
                      "aa", "a", "b", "😀", "あ", "い", "計画", "12回"]
        var rng = SplitMix(seed: 7)
        for _ in 0..<150 {
            let items = (0..<Int(1 + rng.next() % 8)).map { n in
                let text = (0..<Int(rng.next() % 10)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
                return "{number: \(n + 1), text: \"\(text)\"}"
            }
            let yaml = "mission: [\(items.joined(separator: ", "))]\n"
                + "annualGoals:\n  - {number: 1, plan: [\(items.reversed().joined(separator: ", "))]}\n"
            sheets.append((try Support.sheet(yaml), yaml))
        }
        let stress = Support.ruleSet(Support.ruleFile(selector: "**", kind: "consistency", options: "{groups: \(Self.groupsYAML)}",
                                                      message: "{group}:{variant}:{expected}:{count}"))
        let rules = RuleSet.loadDefault().rules.filter { $0.check is ConsistencyCheck } + stress.rules
        XCTAssertEqual(rules.count, 3)
        var findings = 0
        for (sheet, text) in sheets {
            let source = SheetSource(text: text)
            for rule in rules {
                let check = try XCTUnwrap(rule.check as? ConsistencyCheck)
                func run(_ evaluate: ([Match], EvaluationContext) -> [Finding]) throws -> [Finding] {
                    var cache = SelectionCache(tree: SheetTree(sheet))
                    let context = EvaluationContext(rule: rule, catalogs: [:], file: sheet.file, source: source, texts: cache.texts)
                    let matches = RuleEngine.mergedSelection(rule.selectors.map { cache.select($0) }).map {
                        Match(tree: cache.tree, id: $0)
                    }
                    return RegexBudget.$current.withValue(RegexBudget()) { evaluate(matches, context) }
                }
                let new = try run(check.evaluate)
                XCTAssertEqual(new, try run { Self.reference(check, $0, $1) }, "\(rule.id) on \(sheet.file)")
                findings += new.count
            }
        }
        XCTAssertGreaterThan(findings, 200)
    }

    /// Groups whose every needle starts with a character `DateFacts` records pass over texts
    /// without those characters unscanned (`factsNeeded`): the findings are still those of the
    /// search it replaced, with and without a variant that runs on every text.
    func testTextsWithoutTheNeededFactsAreSkippedWithoutChangingFindings() throws {
        let groups = """
            [{name: 括弧, variants: [{label: "（）", pattern: "[（）]"}, {label: "()", pattern: "[()]"}]},
             {name: 区切り, variants: [{label: 年月, pattern: "年(?=度)"}, {label: 月, pattern: "月(?!末)"}, {label: "/", pattern: "[/／]"}]}]
            """
        let withPattern = groups.replacingOccurrences(of: "{label: \"/\", pattern: \"[/／]\"}",
                                                      with: "{label: \"/\", pattern: \"[/／]\"}, {label: x, pattern: \"\\\\d+日\"}")
        var checked = 0
        for (options, expectFacts) in [(groups, true), (withPattern, false)] {
            let set = Support.ruleSet(Support.ruleFile(selector: "**", kind: "consistency", options: "{groups: \(options)}",
                                                       message: "{group}:{variant}:{expected}:{count}"))
            let rule = try XCTUnwrap(set.rules.first)
            let check = try XCTUnwrap(rule.check as? ConsistencyCheck)
            XCTAssertEqual(check.search.factsNeeded != nil && !check.search.runsOnEveryText, expectFacts)
            for (sheet, text) in try Self.sheets() {
                let source = SheetSource(text: text)
                func run(_ evaluate: ([Match], EvaluationContext) -> [Finding]) -> [Finding] {
                    var cache = SelectionCache(tree: SheetTree(sheet))
                    let context = EvaluationContext(rule: rule, catalogs: [:], file: sheet.file, source: source, texts: cache.texts)
                    let matches = cache.select(rule.selectors[0]).map { Match(tree: cache.tree, id: $0) }
                    return RegexBudget.$current.withValue(RegexBudget()) { evaluate(matches, context) }
                }
                XCTAssertEqual(run(check.evaluate), run { Self.reference(check, $0, $1) }, "\(sheet.file)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 20)
    }

    /// Every sheet we ship as an example or a reading fixture, and the real sheet when
    /// ../shared is present, with its text.
    static func sheets() throws -> [(Sheet, String)] {
        var out: [(Sheet, String)] = []
        let repo = SelectorEquivalenceTests.repo
        for dir in ["examples", "Tests/SheetReadingTests/Fixtures/quirks", "Tests/CLITests/Fixtures/gate"] {
            let url = repo.appendingPathComponent(dir)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            where name.hasSuffix(".md") && name != "README.md" {
                let decoded = try SheetDecoder.readFile(path: url.appendingPathComponent(name).path, forced: nil)
                out.append((try SheetReader.read(decoded: decoded, path: name, options: ReadOptions()), decoded.text))
            }
        }
        if let text = try? String(contentsOf: RealSheetTests.real, encoding: .utf8) {
            out.append((MarkdownSheetReader.read(text: text, file: "real.md"), text))
        }
        XCTAssertGreaterThan(out.count, 10)
        return out
    }

    /// `ConsistencyCheck.evaluate` before `VariantSearch`: one pattern search per variant and text.
    static func reference(_ check: ConsistencyCheck, _ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        let leaves = Match.uniqueTextLeaves(matches).compactMap { leaf in
            leaf.text.map { (leaf, context.texts.written(leaf, $0)) }
        }
        let texts = leaves.map(\.1)
        return check.groups.compactMap { group in
            let patterns = group.variants.map(\.pattern)
            var counts = Array(repeating: 0, count: group.variants.count)
            var firstLeaf: [Int?] = Array(repeating: nil, count: group.variants.count)
            for k in texts.indices {
                let text = texts[k]
                for i in patterns.indices {
                    let n = patterns[i].count(in: text)
                    counts[i] += n
                    if n > 0, firstLeaf[i] == nil { firstLeaf[i] = k }
                }
            }
            guard counts.filter({ $0 > 0 }).count >= 2 else { return nil }
            let dominant = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
            let minority = firstLeaf.indices.filter { $0 != dominant && firstLeaf[$0] != nil }
                .min { (leaves[firstLeaf[$0]!].0.id, $0) < (leaves[firstLeaf[$1]!].0.id, $1) }!
            let first = (leaf: leaves[firstLeaf[minority]!].0, text: leaves[firstLeaf[minority]!].1)
            let focus = group.variants[minority].pattern.firstRange(in: first.text)
            return context.finding(first.leaf, [
                "group": group.name, "variant": group.variants[minority].label,
                "expected": group.variants[dominant].label, "count": String(counts[minority]),
            ], focus: focus)
        }
    }
}
