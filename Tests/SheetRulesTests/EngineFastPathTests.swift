import Foundation
import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// The rule engine's own work was rewritten for speed (issue #10, session 3): findings built
/// without dictionaries, selections remembered by prefix number and keys matched by
/// `ModelKey`, id lists merged instead of sorted, findings sorted by position first, the
/// source split with `memchr`, a leaf's source read from its start column. Each rewrite is
/// compared here with the code it replaced, kept as the reference.
final class EngineFastPathTests: XCTestCase {
    /// Every example and reading fixture, with its decoded text.
    static let sheets: [(sheet: Sheet, text: String)] = {
        var out: [(Sheet, String)] = []
        let repo = SelectorEquivalenceTests.repo
        for dir in ["examples", "Tests/SheetReadingTests/Fixtures/quirks", "Tests/CLITests/Fixtures/gate"] {
            let url = repo.appendingPathComponent(dir)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".md") && name != "README.md" {
                guard let decoded = try? SheetDecoder.readFile(path: url.appendingPathComponent(name).path, forced: nil),
                      let sheet = try? SheetReader.read(decoded: decoded, path: name, options: ReadOptions()) else { continue }
                out.append((sheet, decoded.text))
            }
        }
        return out
    }()

    // MARK: findings

    /// `EvaluationContext.finding` as it was: every common placeholder in a dictionary,
    /// merged with the check's values, rendered by dictionary lookups.
    enum Reference {
        static func finding(_ context: EvaluationContext, _ match: Match, _ values: [String: String] = [:],
                            en valuesEn: [String: String] = [:], focus: Range<Int>? = nil, lines: [Substring]) -> Finding {
            let rule = context.rule
            let path = match.path
            var common = commonValues(match, path: path)
            let label = path.label
            let sectionLabel = ModelPath(Array(path.components.prefix(1))).label
            var ja = common
            ja["field"] = label.ja
            ja["section"] = sectionLabel.ja
            common["field"] = label.en
            common["section"] = sectionLabel.en
            ja.merge(values) { $1 }
            var en = common.merging(values) { $1 }
            en.merge(valuesEn) { $1 }
            var span = match.span ?? SourceSpan(file: context.file, line: 1, startColumn: 1, endColumn: 1)
            if let focus, context.source != nil, let region = match.span, let text = match.text,
               let exact = FocusedSpanAlignmentTests.spanRecomputed(ofUTF16: focus, in: text, leafSpan: region, ownSpan: match.ownSpan != nil,
                                            source: lines) {
                span = exact
            }
            return Finding(ruleId: rule.id, severity: rule.severity, message: render(rule.message.pieces, ja),
                           messageEn: render(rule.messageEn.pieces, en), span: span, path: path.description)
        }

        static func commonValues(_ match: Match, path: ModelPath) -> [String: String] {
            var v = ["path": path.description, "value": EvaluationContext.displayValue(match)]
            let number = path.lastKey == "number" && match.text != nil ? match.text : nearest(match, "number")
            let goal: String?
            if case .key(let first)? = path.components.first, first.hasSuffix("Goals"), match.depth >= 2 {
                goal = match.ancestor(atDepth: 2)?["number"]?.text
            } else {
                goal = nil
            }
            for (key, text) in [("number", number), ("code", nearest(match, "code")), ("title", nearest(match, "title")),
                                ("written", nearest(match, "written")), ("goal", goal)] {
                if let text { v[key] = text }
            }
            return v
        }

        /// `Match.nearest` as it was: each ancestor's members compared by key text.
        static func nearest(_ match: Match, _ key: String) -> String? {
            var n = match.id
            while n >= 0 {
                if let c = match.tree.child(n, key: key), let t = match.tree.text(c) { return t }
                n = match.tree.parents[Int(n)]
            }
            return nil
        }

        static func render(_ pieces: [MessageTemplate.Piece], _ values: [String: String]) -> String {
            pieces.map { piece -> String in
                switch piece {
                case .text(let t): return t
                case .placeholder(let n): return values[n] ?? ""
                case .optional(let inner):
                    return names(inner).allSatisfy { !(values[$0] ?? "").isEmpty } ? render(inner, values) : ""
                }
            }.joined()
        }

        static func names(_ pieces: [MessageTemplate.Piece]) -> [String] {
            pieces.flatMap { piece -> [String] in
                switch piece {
                case .text: return []
                case .placeholder(let n): return [n]
                case .optional(let inner): return names(inner)
                }
            }
        }
    }

    /// Messages naming every common placeholder, inside and outside optional parts, so that
    /// each is worked out and rendered both ways.
    static let templates = [
        "{value}|{path}|{field}|{section}|{number}|{goal}|{code}|{title}|{written}|{match}",
        "[[（{goal}）]][[{code}: ]]{field}[[ of {section}]] {expected}[[ / {suggestion}]]",
        "{number}{number}{unknown}",
        "固定の文",
    ]

    func testFindingsAreWhatTheDictionaryBuiltFindingsWere() throws {
        let rules = RuleSet.loadDefault().rules
        var compared = 0
        for (sheet, text) in Self.sheets {
            let tree = SheetTree(sheet)
            var cache = SelectionCache(tree: tree)
            let source = SheetSource(text: text), lines = SheetDecoder.splitLines(text)
            for (r, rule) in rules.enumerated() {
                var rule = rule
                // The rule's own messages, then messages naming every placeholder.
                for template in [nil] + Self.templates {
                    if let template {
                        rule.message = try MessageTemplate(template)
                        rule.messageEn = try MessageTemplate(template + " (en)")
                    }
                    let context = EvaluationContext(rule: rule, catalogs: [:], file: sheet.file, source: source,
                                                    texts: cache.texts)
                    let ids = RuleEngine.mergedSelection(rule.selectors.map { cache.select($0) })
                    // A sample of each rule's nodes (all of them for the first rules).
                    let step = r < 3 ? 1 : max(1, ids.count / 12)
                    for (k, id) in ids.enumerated() where k % step == 0 {
                        let match = Match(tree: tree, id: id)
                        let utf16 = match.text?.utf16.count ?? 0
                        let focus = utf16 > 0 ? (k % 2)..<max(k % 2, utf16 - k % 3) : nil
                        let values = k % 3 == 0 ? [:] : ["match": "一致\(k)", "expected": "", "goal": k % 2 == 0 ? "G" : ""]
                        let valuesEn = k % 4 == 1 ? ["match": "match \(k)", "field": "F"] : [:]
                        let got = context.finding(match, values, en: valuesEn, focus: focus)
                        let want = Reference.finding(context, match, values, en: valuesEn, focus: focus, lines: lines)
                        XCTAssertEqual(got, want, "\(rule.id) \(template ?? "") at \(match.path) of \(sheet.file)")
                        compared += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 5000)
    }

    // MARK: selections

    func testMergedSelectionIsTheSortedUnion() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let lists = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                Array(Set((0..<Int.random(in: 0...40, using: &generator)).map { _ in Int32.random(in: 0..<60, using: &generator) })).sorted()
            }
            XCTAssertEqual(RuleEngine.mergedSelection(lists), Array(Set(lists.joined())).sorted(), "\(lists)")
        }
    }

    /// Keys given by name (a tree flattened from a `ModelNode`) are matched by their text;
    /// keys emitted as `ModelKey`s by the per-process answers: both select the same nodes.
    func testSelectionsOverModelKeysAndNamedKeysAgree() throws {
        var selectors = RuleSet.loadDefault().rules.flatMap(\.selectors)
        selectors += try SelectorEquivalenceTests.extraSelectors.map { try Selector($0) }
        selectors += try ["*Go*", "*s", "a*", "*i*e*", "number", "*Goals[*].*[*].*"].map { try Selector($0) }
        for (sheet, _) in Self.sheets {
            let direct = SheetTree(sheet), named = SheetTree(flattening: sheet.tree)
            XCTAssertNotNil(direct.modelKey(ofKey: 0))
            XCTAssertNil(named.modelKey(ofKey: 0))
            var a = SelectionCache(tree: direct), b = SelectionCache(tree: named)
            for selector in selectors {
                let x = a.select(selector).map { Match(tree: direct, id: $0).path }
                let y = b.select(selector).map { Match(tree: named, id: $0).path }
                XCTAssertEqual(x, y, "\(selector) on \(sheet.file)")
            }
        }
    }

    func testEqualStepPrefixesHaveEqualNumbers() throws {
        let a = try Selector("**.items[*].text"), b = try Selector(" ** . items [*].text".replacingOccurrences(of: " ", with: ""))
        let c = try Selector("**.items[*].number"), d = try Selector("**.**.items")
        XCTAssertEqual(a.prefixes, b.prefixes)
        XCTAssertEqual(Array(a.prefixes.prefix(3)), Array(c.prefixes.prefix(3)))
        XCTAssertNotEqual(a.prefixes.last, c.prefixes.last)
        XCTAssertEqual(d.prefixes, Array(a.prefixes.prefix(2)))
        XCTAssertEqual(try Selector("$").prefixes, [])
        XCTAssertEqual(Set(a.prefixes).count, a.prefixes.count)
    }

    /// `StepPrefixes` numbers prefixes by their parent's number and last step; the former
    /// table keyed by whole step arrays, kept here as the reference, gives the same numbers
    /// in the same order.
    func testStepPrefixNumbersAreTheFormerOnes() throws {
        var reference: [[Selector.Step]: Int32] = [[]: 0]
        func referenceNumbers(_ steps: [Selector.Step]) -> [Int32] {
            steps.indices.map { i in
                let prefix = Array(steps[...i])
                if let n = reference[prefix] { return n }
                let n = Int32(reference.count)
                reference[prefix] = n
                return n
            }
        }
        let numbering = StepPrefixes()
        var sources = RuleSet.loadDefault().rules.flatMap(\.selectors).map(\.source)
        sources += ["**", "**.items[*].text", "a[1]", "a[10]", "a[*]", "a.b", "ab", "a[1][2]", "a[12]", "*", "*Goals[*].*",
                    "header.*", "x.**.y", "k1", "k", "i1", "d", "**.d", "a[0].b", "a.b[0]", "1", "a1.b"]
        for source in sources + sources.reversed() {
            let steps = try Selector(source).steps
            XCTAssertEqual(numbering.numbers(steps), referenceNumbers(steps), source)
        }
    }

    // MARK: order and dedupe

    func testFindingsOfOneFileSortAsFindingOrder() {
        var generator = SystemRandomNumberGenerator()
        let texts = ["a", "b", "令和", "令和6年", "", "e\u{301}", "\u{E9}"]
        for round in 0..<300 {
            var findings = (0..<Int.random(in: 0...25, using: &generator)).map { _ in
                let line = Int.random(in: 1...3, using: &generator), column = Int.random(in: 1...3, using: &generator)
                return Finding(ruleId: texts.randomElement(using: &generator)!, severity: .warning,
                               message: texts.randomElement(using: &generator)!, messageEn: String(Int.random(in: 0...3, using: &generator)),
                               span: SourceSpan(file: round % 5 == 0 ? texts.randomElement(using: &generator)! : "f.md",
                                                line: line, startColumn: column, endColumn: column + 1),
                               path: texts.randomElement(using: &generator)!)
            }
            let want = findings.sorted()
            RuleEngine.sort(&findings)
            XCTAssertEqual(findings, want)
        }
    }

    /// `lint` stores a sheet's findings without sorting them again when they are
    /// `RuleEngine.evaluate`'s alone: its order is already what a stable `sorted()` gives,
    /// element for element (both messages), on every example and fixture.
    func testEvaluatedFindingsAreAlreadyInFindingOrder() {
        let rules = RuleSet.loadDefault()
        var count = 0
        for (sheet, text) in Self.sheets {
            let findings = RuleEngine.evaluate(rules, on: sheet, source: SheetSource(text: text))
            let sorted = findings.sorted()
            XCTAssertEqual(findings.map { [$0.ruleId, $0.path, $0.message, $0.messageEn, "\($0.span)", "\($0.severity)"] },
                           sorted.map { [$0.ruleId, $0.path, $0.message, $0.messageEn, "\($0.span)", "\($0.severity)"] },
                           sheet.file)
            count += findings.count
        }
        XCTAssertGreaterThan(count, 100)
    }

    /// More members than the pairwise comparison takes: the sweep, against the same
    /// pairwise reference as `FindingDedupeTests`.
    func testDedupeOfManyIdenticalMessagesAgreesWithPairs() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let findings = (0..<Int.random(in: 2...70, using: &generator)).map { _ in
                let start = Int.random(in: 1...12, using: &generator)
                return Finding(ruleId: "r", severity: .error, message: "m", messageEn: "m",
                               span: SourceSpan(file: "f.md", line: 3, startColumn: start,
                                                endColumn: start + Int.random(in: 0...5, using: &generator)),
                               path: String(repeating: "p", count: Int.random(in: 1...3, using: &generator)))
            }
            let pairwise = FindingDedupeTests.pairwise(findings)
            XCTAssertEqual(RuleEngine.dedupe(findings), pairwise)
        }
    }

    // MARK: the source

    func testSheetSourceSplitsLinesAsTheDecoder() {
        var cases = ["", "a", "a\n", "\n", "\r", "\r\n", "a\r\nb\rc\nd", "\r\r\n\n\r", "行1\r\n行2\n\n行3\r", "x\n\r", "\n\r\n\r"]
        cases += Self.sheets.map(\.text)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            cases.append(String((0..<Int.random(in: 0...30, using: &generator)).map { _ in ["a", "\n", "\r", "あ", "\r\n"].randomElement(using: &generator)! }.joined()))
        }
        for text in cases {
            XCTAssertEqual(SheetSource.splitLines(text), SheetDecoder.splitLines(text), "\(text.debugDescription)")
            let bridged = NSString(string: text) as String  // not necessarily contiguous UTF-8
            XCTAssertEqual(SheetSource.splitLines(bridged), SheetDecoder.splitLines(text))
            // The line table focused findings read (byte ranges, a `Substring` per line read),
            // line for line and byte for byte.
            for source in [text, bridged] {
                let table = LineTable(source)
                let reference = SheetDecoder.splitLines(text)
                XCTAssertEqual(table.count, reference.count)
                for (got, want) in zip(table, reference) { XCTAssertEqual(Array(got.utf8), Array(want.utf8)) }
                XCTAssertEqual(SheetSource(text: source).lines, reference)
            }
        }
    }

    func testScalarsOfPartOfALineAreThoseOfTheWholeLine() {
        var lines: [Substring] = ["", "abc", "あいう|<p>え&amp;お</p>|", "e\u{301}x", "😀a😀b", "| 1 | 令和6年度（2024年度） |"]
        // Long enough to be counted eight bytes at a time, with scalars of every length.
        lines.append(Substring(String(repeating: "ab|令和😀e\u{301}éx", count: 9)))
        lines.append(Substring(String(repeating: "x", count: 40) + String(repeating: "令", count: 30)))
        for line in lines {
            let count = line.unicodeScalars.count
            for from in 0...(count + 2) {
                for to in 0...(count + 2) {
                    XCTAssertEqual(FocusedSpan.scalars(of: line, from: from, to: to),
                                   Array(line.unicodeScalars.prefix(max(0, to)).dropFirst(from)), "\(line) \(from) \(to)")
                }
            }
        }
    }

    /// `FocusedSpan.sourceScalars` as it was: every line read whole (up to the span's end).
    static func referenceSourceScalars(_ span: SourceSpan, _ source: [Substring]) -> [(Unicode.Scalar, SourcePosition)] {
        guard span.start.line >= 1, span.start.line <= source.count, span.end.line >= span.start.line else { return [] }
        var out: [(Unicode.Scalar, SourcePosition)] = []
        for line in span.start.line...min(span.end.line, source.count) {
            let scalars = line == span.end.line
                ? Array(source[line - 1].unicodeScalars.prefix(max(0, span.end.column - 1)))
                : Array(source[line - 1].unicodeScalars)
            let from = line == span.start.line ? max(0, span.start.column - 1) : 0
            let to = line == span.end.line ? min(scalars.count, span.end.column - 1) : scalars.count
            var i = from
            while i < to {
                let c = scalars[i]
                if c == "<", i + 1 < to, scalars[i + 1].properties.isAlphabetic || scalars[i + 1] == "/" || scalars[i + 1] == "!",
                   let close = scalars[(i + 1)..<to].firstIndex(of: ">") {
                    i = close + 1
                    continue
                }
                if c == "&", let semi = scalars[i..<min(to, i + 10)].firstIndex(of: ";"),
                   let decoded = entity(String(String.UnicodeScalarView(scalars[(i + 1)..<semi]))) {
                    out.append((decoded, SourcePosition(line: line, column: i + 1)))
                    i = semi + 1
                    continue
                }
                out.append((c, SourcePosition(line: line, column: i + 1)))
                i += 1
            }
            if line != span.end.line { out.append(("\n", SourcePosition(line: line, column: scalars.count + 1))) }
        }
        return out
    }

    static func entity(_ name: String) -> Unicode.Scalar? {
        let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        if let c = named[name] { return c }
        if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16) { return Unicode.Scalar(v) }
        if name.hasPrefix("#"), let v = UInt32(name.dropFirst()) { return Unicode.Scalar(v) }
        return nil
    }

    func testSourceScalarsOfEverySpanAreThoseOfTheWholeLineReading() {
        var compared = 0
        for (sheet, text) in Self.sheets {
            let lines = SheetDecoder.splitLines(text)
            let tree = SheetTree(sheet)
            var spans = Set<SourceSpanKey>()
            for id in 0..<Int32(tree.count) {
                guard let span = tree.span(id), spans.insert(SourceSpanKey(span)).inserted else { continue }
                // The span, and spans cut inside it and across its ends.
                for cut in [span, SourceSpan(file: span.file, start: SourcePosition(line: span.start.line, column: span.start.column + 3),
                                             end: SourcePosition(line: span.end.line, column: span.end.column + 2)),
                            SourceSpan(file: span.file, start: SourcePosition(line: span.start.line, column: 1),
                                       end: SourcePosition(line: span.end.line, column: max(1, span.end.column - 4)))] {
                    let got = FocusedSpan.sourceScalars(cut, lines)
                    let want = Self.referenceSourceScalars(cut, lines)
                    XCTAssertEqual(got.map(\.scalar), want.map(\.0), "\(cut) of \(sheet.file)")
                    XCTAssertEqual(got.map(\.position), want.map(\.1), "\(cut) of \(sheet.file)")
                    compared += 1
                }
            }
        }
        XCTAssertGreaterThan(compared, 1000)
    }
}

extension EngineFastPathTests {
    /// `SheetTree.isEmptyValue` of a text reads its first scalar before breaking it into
    /// characters: the same answer as `allSatisfy { $0.isWhitespace }`.
    func testEmptyTextIsWhatCharactersSay() {
        let texts = ["", " ", "　", " \u{301}", "\u{301}", "\u{301} ", "\r\n", "\n\u{85}\u{A0}", " a", "a ", "あ", "\u{200B}", "\t\u{3000}x",
                     "\u{1F600}", " \u{FE0F}", "\u{2028}\u{2029}"]
        for text in texts {
            let tree = SheetTree(flattening: ModelNode(.string(text)))
            XCTAssertEqual(tree.isEmptyValue(0), text.allSatisfy { $0.isWhitespace }, text.debugDescription)
        }
    }
}
