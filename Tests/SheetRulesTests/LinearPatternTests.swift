import Foundation
import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// The built-in expressions that ICU no longer compiles on ordinary sheets: has-timing's
/// (`LinearPattern`, "matches somewhere?") and the notation variants with look-aheads
/// (`LiteralPattern.Guarded`, `\p{Han}` by `HanScript`). Each is compared with ICU itself,
/// which stays the reference here.
final class LinearPatternTests: XCTestCase {
    private func engine(_ source: String, _ units: [UInt16], upTo limit: Int = .max) throws -> [[Range<Int>?]] {
        let (found, stop) = try TextPattern(source).regex.get().matches(units, upTo: limit, budget: nil)
        XCTAssertNil(stop)
        return found
    }

    /// has-timing's expressions, as the built-in rule writes them.
    static func timingSources() throws -> [String] {
        let rule = try XCTUnwrap(RuleSet.loadDefault().rule(id: "plan-item-without-schedule"))
        return try XCTUnwrap(rule.check as? TimingCheck).timing.map(\.source)
    }

    func testHanScriptIsICUsOnEveryCodePoint() throws {
        var units: [UInt16] = [], codePoints: [UInt32] = []
        for v in UInt32(0)...0x10FFFF where !(0xD800...0xDFFF).contains(v) {
            let scalar = Unicode.Scalar(v)!
            for u in String(scalar).utf16 {
                units.append(u)
                codePoints.append(v)
            }
        }
        let found = try engine("\\p{Han}", units)
        var han = Set<UInt32>()
        for match in found { han.insert(codePoints[match[0]!.lowerBound]) }
        XCTAssertGreaterThan(han.count, 90_000)
        var checked = 0
        for v in UInt32(0)...0x10FFFF where !(0xD800...0xDFFF).contains(v) {
            if HanScript.contains(v) != han.contains(v) { return XCTFail(String(v, radix: 16)) }
            checked += 1
        }
        XCTAssertEqual(checked, 0x110000 - 0x800)
    }

    func testWhichExpressionsAreRead() throws {
        for source in try Self.timingSources() + ["a", "a|b", "(a|b)c", "(?:ab)+c", "[^a]b", "[~-]", "[-a]", "a{2}", "a{2,}", "a{0,3}b",
                                                   "\\d+\\s*月", "[\\d\\s]", "\\(", "[（(]\\d", "x*"] {
            XCTAssertNotNil(LinearPattern(source), source)
        }
        for source in ["^a", "a$", ".", "a+?", "a*+", "a??", "a{2}{3}", "(?i)a", "(?=a)", "a(?!b)", "(?<=a)b", "\\1", "\\w", "\\D", "\\p{Han}",
                       "[a-]b-c]", "[a-\\d]", "[]a]", "[[a]]", "[a&&b]", "[b-a]", "a b", "a{17}", "a{1,17}", "a{x}", "(a", "a)", "a|", "|a",
                       "()", "[a", "\\", "😀", "\\Qa\\E", "#", "a{1000}", "\\u3042", "\\x41"] {
            XCTAssertNil(LinearPattern(source), source)
        }
    }

    /// Every text of the fixtures and random texts: has-timing's expressions and random
    /// expressions of the grammar answer what ICU answers.
    func testMatchesSomewhereAsTheEngine() throws {
        var rng = SplitMix(seed: 21)
        let pieces = ["1", "12", "2024", "９", "٣", " ", "\u{3000}", "\t", "\n", "月", "年", "年間", "回", "~", "-", "－", "/", "令和", "平成",
                      "元", "上旬", "月末", "年度末", "毎年", "毎年度", "随時", "週", "春", "頃", "ごろ", "期", "a", "b", "ab", "(", ")", "（",
                      "取組", "x", "é"]
        var random = Set<String>()
        for _ in 0..<1500 { random.insert((0..<Int(rng.next() % 10)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()) }
        // The built-in expressions also on every fixture text; the random ones on random texts.
        var fixtures = random
        for (sheet, _) in try VariantSearchTests.sheets() {
            for m in try Selector("**").select(in: sheet.tree) where m.node.text != nil {
                fixtures.insert(TextNormalization.normalize(m.node.text!))
            }
        }
        let builtIn = try Self.timingSources()
        let atoms = ["a", "b", "月", "\\d", "\\s", "[~-]", "[^a]", "[a-c]", "(a|b)", "(?:年|月)", "[\\d/]", "\\(", "（", "x"]
        let quantifiers = ["", "", "", "?", "*", "+", "{2}", "{1,3}", "{0,}", "{1,}"]
        var sources = builtIn
        while sources.count < 160 {
            var branches: [String] = []
            for _ in 0...Int(rng.next() % 2) {
                var branch = ""
                for _ in 1...Int(1 + rng.next() % 4) {
                    let atom: String = atoms[Int(rng.next() % UInt64(atoms.count))]
                    let quantifier: String = quantifiers[Int(rng.next() % UInt64(quantifiers.count))]
                    branch += atom + quantifier
                }
                branches.append(branch)
            }
            let source = branches.joined(separator: "|")
            if LinearPattern(source) != nil { sources.append(source) }
        }
        var agreed = 0, matched = 0
        for source in sources {
            let linear = try XCTUnwrap(LinearPattern(source), source)
            for text in builtIn.contains(source) ? fixtures : random {
                let units = Array(text.utf16)
                let expected = try !engine(source, units, upTo: 1).isEmpty
                guard linear.matches(units) == expected else { return XCTFail("/\(source)/ on \(text.debugDescription): \(expected)") }
                agreed += 1
                if expected { matched += 1 }
            }
        }
        XCTAssertGreaterThan(matched, 20_000)
        XCTAssertGreaterThan(agreed - matched, 20_000)
    }

    /// Plain text with look-aheads, `\p{Han}` among them: every match, and the first, as ICU
    /// gives them, on texts with Han characters of the BMP and beyond, `々`, kana, and the end.
    func testLookAheadsAsTheEngine() throws {
        let sources = ["取組(?![みむまめ\\p{Han}])", "子ども(?!・子育て)", "こども(?!園|家庭庁|基本法|大綱)", "取り組み(?![まむめ])",
                       "組(?=\\p{Han})", "組(?=[^み])", "組(?!\\p{Han}み|[あ\\p{Han}])", "ab(?=a)"]
        for source in sources {
            let built = TextPattern(compilingOnFirstUse: source)
            XCTAssertNotNil(LiteralPattern.guarded(source).map(\.isReadable), source)
            var rng = SplitMix(seed: 4)
            let pieces = ["取組", "取", "組", "み", "む", "状況", "々", "〇", "𠀋", "😀", "子ども", "・子育て", "こども", "園", "家庭庁", "大綱",
                          "取り組み", "ま", "a", "b", "ab", "あ", "漢", "\u{2E80}", "\u{3006}"]
            var texts = ["", "取組", "取組々", "取組𠀋", "取組😀", "取組み", "取組状況", "組", "組漢み", "abab"]
            for _ in 0..<3000 { texts.append((0..<Int(rng.next() % 8)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()) }
            for text in texts {
                let units = Array(text.utf16), t = MatchText(text)
                let all = try engine(source, units), first = try engine(source, units, upTo: 1)
                XCTAssertEqual(built.matchRanges(in: t), all, "/\(source)/ on \(text.debugDescription)")
                XCTAssertEqual(built.matchRanges(in: t, upTo: 1), first, "/\(source)/ on \(text.debugDescription)")
                XCTAssertEqual(built.count(in: t), all.count)
            }
            XCTAssertFalse(built.isCompiledAlready, "/\(source)/ was compiled")
        }
    }

    /// The built-in rules lint every example and fixture sheet (and the real one when
    /// present) without compiling any of their expressions in ICU: a fresh copy of the
    /// default set is used, and afterwards none of its deferred expressions is compiled.
    func testOrdinarySheetsCompileNoBuiltInExpression() throws {
        var set = RuleSet()
        for catalog in DefaultRuleSet.catalogs() { set.add(catalog) }
        let files = DefaultRuleSet.files.filter { !$0.name.hasPrefix("catalogs/") }
            .map { (name: YAMLValue.defaultPrefix + $0.name, text: $0.text) }
        set = set.adding(files: files, catalogFlags: files.map { _ in false }).0
        let engines = Self.deferredEngines(in: set)
        XCTAssertGreaterThan(engines.count, 30)
        var findings = 0
        for (sheet, _) in try VariantSearchTests.sheets() {
            findings += RuleEngine.evaluate(set, on: sheet).count
        }
        XCTAssertGreaterThan(findings, 20)
        let compiled = engines.filter(\.isCompiledAlready).map(\.source)
        XCTAssertEqual(compiled, [], "compiled in ICU while linting ordinary sheets")
    }

    /// Every deferred ICU expression reachable from the rules of `set`.
    static func deferredEngines(in set: RuleSet) -> [DeferredICURegex] {
        var found: [ObjectIdentifier: DeferredICURegex] = [:]
        var seen = Set<ObjectIdentifier>()
        func walk(_ value: Any, depth: Int) {
            guard depth < 12 else { return }
            if let engine = value as? DeferredICURegex {
                if engine.isDeferred { found[ObjectIdentifier(engine)] = engine }
                return
            }
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .class {
                let id = ObjectIdentifier(value as AnyObject)
                guard seen.insert(id).inserted else { return }
            }
            for child in mirror.children { walk(child.value, depth: depth + 1) }
        }
        for rule in set.rules { walk(rule.check, depth: 0) }
        return Array(found.values)
    }
}

/// The one way the automaton differs from the engine, by design: it spends no steps. On a
/// text where ICU's backtracking passes its per-text limit (6,000 digits before `x月`: about
/// 18 million state saves for `\d+\s*月`), the engine stops and the rule reported the limit
/// and then counted later texts as not matching; the automaton reads the text in one pass
/// and gives the answer, as the date and era scanners do.
final class LinearPatternLimitTests: XCTestCase {
    func testAHostileTextIsReadInsteadOfStoppingAtTheStepLimit() throws {
        let text = String(repeating: "1", count: 6_000) + "x月"
        let (_, stop) = try TextPattern("\\d+\\s*月").regex.get().matches(Array(text.utf16), upTo: 1, budget: nil)
        XCTAssertEqual(stop, .stepsPerText)
        let builtIn = TextPattern(compilingOnFirstUse: "\\d+\\s*月")
        let budget = RegexBudget()
        let found = RegexBudget.$current.withValue(budget) { builtIn.matches(MatchText(text)) }
        XCTAssertFalse(found)
        XCTAssertNil(budget.overrun)
        XCTAssertTrue(RegexBudget.$current.withValue(budget) { builtIn.matches(MatchText(text + "12 月")) })
        XCTAssertFalse(builtIn.isCompiledAlready)
    }
}
