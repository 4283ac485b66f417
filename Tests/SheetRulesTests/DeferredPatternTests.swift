@testable import SheetRules
import XCTest

/// Built-in patterns are compiled on first use (start-up compiled them all: 16 M
/// instructions), every other pattern at load, so a user's bad pattern still fails at load
/// with its position.
final class DeferredPatternTests: XCTestCase {
    func testOnlyNodesDecodedFromABuiltInTableDeferTheirPatterns() throws {
        let file = try XCTUnwrap(DefaultRuleSet.files.first { !$0.name.hasPrefix("catalogs/") })
        XCTAssertEqual(try YAMLValue.compose(text: file.text, file: "<default>/" + file.name)?.builtIn, true)
        // The same text under another name, or other text under the built-in's name, is composed
        // from its text and compiled at load.
        XCTAssertEqual(try YAMLValue.compose(text: file.text, file: "rules/" + file.name)?.builtIn, false)
        XCTAssertEqual(try YAMLValue.compose(text: file.text + "\n", file: "<default>/" + file.name)?.builtIn, false)
        let value = try XCTUnwrap(try YAMLValue.compose(text: file.text, file: "<default>/" + file.name))
        let map = try value.mapping(allowed: RuleFileParser.ruleFileKeys, what: "rule file")
        let rules = try map.required("rules").sequence("rules")
        XCTAssertTrue(rules.allSatisfy(\.builtIn), "children keep the flag")
    }

    func testABadPatternUnderABuiltInFileNameStillFailsAtLoad() {
        // A repository's file cannot pass for a built-in one by its name: the text differs.
        let text = Support.ruleFile(selector: "header.name", kind: "pattern", options: "{pattern: '([a-'}")
        let (_, errors) = RuleSet().adding(files: [(name: "<default>/rules/structure.yml", text: text)])
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors.first?.messageEn.contains("invalid regular expression") ?? false, "\(errors)")
    }

    func testADeferredPatternMatchesAsACompiledOne() throws {
        for source in ["(\\d{4})\\s*年", "(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?![\\d/])", "(?<y>令和)(元|\\d+)", ""] {
            let eager = try TextPattern(source), deferred = TextPattern(compilingOnFirstUse: source)
            for text in ["2024年 と 2025 年", "3/14 と 12/1/2024", "令和元年", "", "abc"] {
                XCTAssertEqual(deferred.allMatches(in: text), eager.allMatches(in: text), "/\(source)/ on \(text)")
                XCTAssertEqual(deferred.count(in: text), eager.count(in: text))
            }
            XCTAssertEqual(deferred.groupNumber("y"), eager.groupNumber("y"))
            XCTAssertEqual(deferred, eager)
        }
    }

    func testADeferredPatternThatDoesNotCompileMatchesNothingAndIsReported() {
        let broken = TextPattern(compilingOnFirstUse: "([a-")
        XCTAssertFalse(broken.matches("([a-"))
        XCTAssertNil(broken.groupNumber("x"))
        guard case .failure(let error) = broken.regex else { return XCTFail("compiled") }
        XCTAssertTrue(error.reason.contains("U_REGEX"), error.reason)
    }

    func testConcurrentFirstUsesCompileOnceAndAgree() async {
        let pattern = TextPattern(compilingOnFirstUse: "(\\d+)月(\\d+)日")
        let counts = await withTaskGroup(of: Int.self) { group in
            for i in 0..<16 { group.addTask { pattern.count(in: String(repeating: "\(i)月\(i)日 ", count: i + 1)) } }
            var all: [Int] = []
            for await c in group { all.append(c) }
            return all.sorted()
        }
        XCTAssertEqual(counts, Array(1...16))
    }
}

/// Built-in rules decode their examples when first asked for (only `rules` commands and
/// tests use them): they must be exactly the examples decoded at load from the same text.
final class DeferredExamplesTests: XCTestCase {
    func testDeferredExamplesAreThoseDecodedAtLoad() throws {
        let deferred = RuleSet.loadDefault().rules
        let eager = RuleSet().adding(files: DefaultRuleSet.files.map { (name: "<text>/" + $0.name, text: $0.text) }).0.rules
        XCTAssertEqual(deferred.map(\.id), eager.map(\.id))
        XCTAssertGreaterThan(deferred.count, 20)
        func plain(_ examples: [RuleExample]) -> [RuleExample] {
            examples.map { var e = $0; e.file = e.file.replacingOccurrences(of: "<default>/", with: "<text>/"); return e }
        }
        for (a, b) in zip(deferred, eager) {
            XCTAssertFalse(a.failExamples.isEmpty, a.id)
            XCTAssertFalse(a.passExamples.isEmpty, a.id)
            XCTAssertEqual(plain(a.failExamples), b.failExamples, a.id)
            XCTAssertEqual(plain(a.passExamples), b.passExamples, a.id)
        }
    }

    func testSettingExamplesReplacesThem() throws {
        var rule = try XCTUnwrap(RuleSet.loadDefault().rules.first)
        let pass = rule.passExamples
        rule.failExamples = []
        XCTAssertEqual(rule.failExamples, [])
        XCTAssertEqual(rule.passExamples, pass)
    }
}
