import Foundation
import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// The selection over the flat `SheetTree` (shared per sheet by `SelectionCache`) reaches
/// exactly the nodes the earlier evaluation over copied `ModelNode` values reached, kept here
/// as the reference: for every selector of the default rules and a few written to stress
/// `**`, on every example and quirk fixture.
final class SelectorEquivalenceTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every sheet we ship as an example or a reading fixture.
    static func sheets() throws -> [Sheet] {
        var out: [Sheet] = []
        let fm = FileManager.default
        for dir in ["examples", "Tests/SheetReadingTests/Fixtures/quirks", "Tests/CLITests/Fixtures/gate"] {
            let url = repo.appendingPathComponent(dir)
            for name in try fm.contentsOfDirectory(atPath: url.path).sorted() where name.hasSuffix(".md") && name != "README.md" {
                let decoded = try SheetDecoder.readFile(path: url.appendingPathComponent(name).path, forced: nil)
                out.append(try SheetReader.read(decoded: decoded, path: name, options: ReadOptions()))
            }
        }
        XCTAssertGreaterThan(out.count, 10)
        return out
    }

    static let extraSelectors = ["**", "**.**", "**.items", "**.items[*].**", "*Goals[*].**.subItems", "**.subItems[*].**",
                                 "annualGoals[0].**", "*Goals[1]", "*Goals[*].plan.items[2]", "*.*", "$", "**.number",
                                 "**.*Codes[*].code", "header.**"]

    func testEverySelectorReachesTheSameNodesAsTheReferenceEvaluation() throws {
        var selectors = RuleSet.loadDefault().rules.flatMap(\.selectors)
        selectors += try Self.extraSelectors.map { try Selector($0) }
        let sheets = try Self.sheets()
        var compared = 0
        for sheet in sheets {
            // The tree linting builds, straight from the sheet; the reference walks `sheet.tree`.
            let tree = SheetTree(sheet)
            var cache = SelectionCache(tree: tree)
            for selector in selectors {
                let expected = Reference.select(selector, in: sheet.tree)
                let ids = cache.select(selector)
                XCTAssertEqual(ids, ids.sorted(), "\(selector) on \(sheet.file): not in document order")
                XCTAssertEqual(Set(ids).count, ids.count, "\(selector) on \(sheet.file): duplicates")
                let got = ids.map { Match(tree: tree, id: $0) }
                XCTAssertEqual(Set(got.map(\.path)), Set(expected.map(\.path)), "\(selector) on \(sheet.file)")
                // Same nodes, values, spans, ancestors at each path.
                let byPath = Dictionary(expected.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
                for m in got {
                    guard let e = byPath[m.path] else { continue }
                    XCTAssertEqual(m.node, e.node, "\(m.path)")
                    XCTAssertEqual(m.span, e.span, "\(m.path)")
                    XCTAssertEqual(m.ownSpan, e.node.span, "\(m.path)")
                    XCTAssertEqual(m.text, e.node.text, "\(m.path)")
                    XCTAssertEqual(m.isEmptyValue, e.node.isEmptyValue, "\(m.path)")
                    if case .int(let i) = e.node.value { XCTAssertEqual(m.int, i) } else { XCTAssertNil(m.int) }
                    XCTAssertEqual(m.depth, e.ancestors.count, "\(m.path)")
                    for (depth, ancestor) in e.ancestors.enumerated() {
                        let a = m.ancestor(atDepth: depth)
                        XCTAssertEqual(a?.ownSpan, ancestor.span, "\(m.path) ancestor \(depth)")
                        XCTAssertEqual(a?.members.map(\.key), ancestor.memberKeys, "\(m.path) ancestor \(depth)")
                    }
                }
                // The text leaves the checks read.
                let leaves = Match.uniqueTextLeaves(got)
                let expectedLeaves = Reference.uniqueTextLeaves(expected)
                XCTAssertEqual(Set(leaves.map(\.path)), Set(expectedLeaves.map(\.path)), "\(selector) on \(sheet.file): text leaves")
                XCTAssertEqual(leaves.count, expectedLeaves.count, "\(selector) on \(sheet.file): text leaves once each")
                XCTAssertEqual(leaves.map(\.id), leaves.map(\.id).sorted(), "\(selector) on \(sheet.file): leaves in order")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 100)
    }

    func testKeyGlobs() {
        let cases: [(String, String, Bool)] = [
            ("*Goals", "annualGoals", true), ("*Goals", "Goals", true), ("*Goals", "goals", false), ("*", "x", true),
            ("a*", "a", true), ("a*b*c", "abc", true), ("a*b*c", "axxbyyc", true), ("a*b*c", "acb", false),
            ("ab*b", "ab", false), ("plan*", "planCodes", true), ("*Codes", "planCodes", true), ("x*", "planCodes", false),
            ("*an*", "planCodes", true), ("**", "a", true), ("title", "title", true), ("title", "titles", false),
            ("*目標", "年度目標", true), ("*目標", "目標値", false),
        ]
        for (pattern, key, expected) in cases {
            XCTAssertEqual(Selector.keyMatches(pattern, key), expected, "\(pattern) \(key)")
        }
    }

    func testMatchMembersAgreeWithTheReference() throws {
        for sheet in try Self.sheets() {
            let tree = SheetTree(sheet)
            for ref in Reference.select(try Selector("**"), in: sheet.tree) {
                var cache = SelectionCache(tree: tree)
                let id = cache.select(try Selector("**")).first { Match(tree: tree, id: $0).path == ref.path }!
                let m = Match(tree: tree, id: id)
                XCTAssertEqual(m.elements.map(\.path), ref.elements.map(\.path))
                XCTAssertEqual(m.textLeaves.map(\.path), ref.textLeaves.map(\.path))
                XCTAssertEqual(m.descend(["number"])?.path, ref.node["number"] != nil ? ref.path.appending(.key("number")) : nil)
                for key in ["number", "text", "title", "items", "code", "nothing"] {
                    XCTAssertEqual(m[key]?.path, ref.node[key] != nil ? ref.path.appending(.key(key)) : nil)
                    XCTAssertEqual(m[key]?.text, ref.node[key]?.text)
                }
                XCTAssertEqual(m.members.map(\.match.path), m.members.map { ref.path.appending(.key($0.key)) })
                XCTAssertEqual(m.members.map(\.key), ref.node.memberKeys)
                let chain = ref.ancestors + [ref.node]
                for key in ["number", "code", "title", "written"] {
                    XCTAssertEqual(m.nearest(key), chain.reversed().lazy.compactMap { $0[key]?.text }.first, "\(ref.path) \(key)")
                }
                XCTAssertEqual(m.depth, ref.ancestors.count)
            }
        }
    }

    /// The evaluation before the flat tree: every match carries its node, path and copied
    /// ancestors; duplicates are dropped by path.
    enum Reference {
        struct RefMatch {
            var node: ModelNode
            var path: ModelPath
            var ancestors: [ModelNode]
            var span: SourceSpan? { node.span ?? ancestors.reversed().lazy.compactMap(\.span).first }
            var elements: [RefMatch] {
                guard case .array(let nodes) = node.value else { return [] }
                return nodes.enumerated().map {
                    RefMatch(node: $0.element, path: path.appending(.index($0.offset)), ancestors: ancestors + [node])
                }
            }
            var textLeaves: [RefMatch] {
                switch node.value {
                case .string: return [self]
                case .array: return elements.flatMap(\.textLeaves)
                case .object(let members):
                    return members.flatMap {
                        RefMatch(node: $0.node, path: path.appending(.key($0.key)), ancestors: ancestors + [node]).textLeaves
                    }
                default: return []
                }
            }
        }

        static func select(_ selector: Selector, in root: ModelNode) -> [RefMatch] {
            var current = [RefMatch(node: root, path: ModelPath(), ancestors: [])]
            for step in selector.steps { current = current.flatMap { apply(step, to: $0) } }
            var seen = Set<ModelPath>()
            return current.filter { seen.insert($0.path).inserted }
        }

        static func uniqueTextLeaves(_ matches: [RefMatch]) -> [RefMatch] {
            var seen = Set<ModelPath>()
            return matches.flatMap(\.textLeaves).filter { seen.insert($0.path).inserted }
        }

        static func apply(_ step: Selector.Step, to match: RefMatch) -> [RefMatch] {
            switch (step, match.node.value) {
            case (.key(let pattern), .object(let members)):
                return members.filter { Selector.keyMatches(pattern, $0.key) }.map {
                    RefMatch(node: $0.node, path: match.path.appending(.key($0.key)), ancestors: match.ancestors + [match.node])
                }
            case (.index(nil), .array):
                return match.elements
            case (.index(let n?), .array):
                let all = match.elements
                return n < all.count ? [all[n]] : []
            case (.descendants, _):
                return descendants(of: match)
            default:
                return []
            }
        }

        static func descendants(of match: RefMatch) -> [RefMatch] {
            var out = [match]
            switch match.node.value {
            case .object(let members):
                for m in members {
                    out += descendants(of: RefMatch(node: m.node, path: match.path.appending(.key(m.key)),
                                                    ancestors: match.ancestors + [match.node]))
                }
            case .array:
                for e in match.elements { out += descendants(of: e) }
            default:
                break
            }
            return out
        }
    }
}

extension ModelNode {
    /// The keys of an object node, in order; empty for other nodes.
    var memberKeys: [String] {
        if case .object(let members) = value { return members.map(\.key) }
        return []
    }
}

/// One selection per distinct selector and prefix per sheet, whatever the number of rules.
final class SelectionCacheTests: XCTestCase {
    func testEachDistinctStepPrefixIsAppliedOncePerSheet() throws {
        let sheet = try SelectorEquivalenceTests.sheets().first { $0.file == "toshi-seisaku.md" }!
        var cache = SelectionCache(tree: SheetTree(flattening: sheet.tree))
        let rules = RuleSet.loadDefault().rules
        for rule in rules { for s in rule.selectors { _ = cache.select(s) } }
        // Every selector a second time: nothing more is applied.
        let applied = cache.stepsApplied
        for rule in rules { for s in rule.selectors { _ = cache.select(s) } }
        XCTAssertEqual(cache.stepsApplied, applied)
        // Distinct prefixes of the default rules' selectors, each applied exactly once.
        var prefixes = Set<[Selector.Step]>()
        for rule in rules {
            for s in rule.selectors { for i in s.steps.indices { prefixes.insert(Array(s.steps[...i])) } }
        }
        XCTAssertEqual(applied, prefixes.count)
        let starStar = rules.filter { $0.selectors.contains { $0.steps.first == .descendants } }
        XCTAssertGreaterThanOrEqual(starStar.count, 4, "the default rules select ** in several rules")
    }

    func testNestedDescendantsGiveEachNodeOnce() throws {
        let sheet = try Support.sheet("""
            annualGoals:
              - number: 1
                title: a
                plan:
                  items:
                    - {number: 1, text: x, subItems: [{number: 1, text: y}]}
            """)
        let tree = SheetTree(flattening: sheet.tree)
        var cache = SelectionCache(tree: tree)
        let all = cache.select(try Selector("**"))
        XCTAssertEqual(all, Array(0..<Int32(tree.count)))
        XCTAssertEqual(cache.select(try Selector("**.**")), all)
        let texts = cache.select(try Selector("**.**.text")).map { Match(tree: tree, id: $0).path.description }
        XCTAssertEqual(texts, ["annualGoals[0].plan.items[0].text", "annualGoals[0].plan.items[0].subItems[0].text"])
    }
}
