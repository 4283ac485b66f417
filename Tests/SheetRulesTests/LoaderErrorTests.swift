import SheetModel
@testable import SheetRules
import XCTest

/// A broken rule is an error naming file, line and column; the other rules still load.
final class LoaderErrorTests: XCTestCase {
    static let good = Support.ruleFile(selector: "mission", kind: "required").replacingOccurrences(of: "id: t", with: "id: good")

    /// The 1-based line and Unicode-scalar column where `marker` first occurs in `text`.
    func position(of marker: String, in text: String) -> (Int, Int) {
        for (i, line) in text.components(separatedBy: "\n").enumerated() {
            if let r = line.range(of: marker) {
                return (i + 1, line[..<r.lowerBound].unicodeScalars.count + 1)
            }
        }
        XCTFail("marker \(marker) not in text")
        return (0, 0)
    }

    /// Loads the good rule followed by `broken` (a rule file of its own kind), and checks
    /// the single error's position is at `marker`, and that `good` loaded.
    func assertError(_ broken: String, at marker: String, mentions: String,
                     file: StaticString = #filePath, line: UInt = #line) {
        let text = Self.good + broken.components(separatedBy: "\n").drop { !$0.hasPrefix("  - id:") }.joined(separator: "\n")
        var base = RuleSet()
        for (_, catalog) in RuleSet.loadDefault().catalogs { base.add(catalog) }
        let (set, errors) = base.adding(files: [("rules/t.yml", text)])
        XCTAssertEqual(set.rules.map(\.id), ["good"], file: file, line: line)
        guard errors.count == 1, let error = errors.first else {
            return XCTFail("expected one error, got \(errors)", file: file, line: line)
        }
        let (l, c) = position(of: marker, in: text)
        XCTAssertEqual("\(error.file):\(error.line):\(error.column)", "rules/t.yml:\(l):\(c)", error.description,
                       file: file, line: line)
        XCTAssertTrue(error.messageEn.contains(mentions) || error.message.contains(mentions), error.description,
                      file: file, line: line)
    }

    func testMisspeltKeyPointsAtTheKeyAndSuggestsTheRightOne() {
        let broken = Support.ruleFile(selector: "mission", kind: "required").replacingOccurrences(of: "severity:", with: "severty:")
        assertError(broken, at: "severty", mentions: "did you mean 'severity'")
    }

    func testUnknownKindPointsAtTheKindValue() {
        assertError(Support.ruleFile(selector: "mission", kind: "requird"), at: "requird", mentions: "unknown kind 'requird'")
    }

    func testSelectorThatCanNeverMatchPointsAtTheSelector() {
        assertError(Support.ruleFile(selector: "annualGoals[*].planCode", kind: "required"),
                    at: "\"annualGoals[*].planCode\"", mentions: "can never match")
    }

    func testSelectorSteppingIntoAnArrayWithoutAnIndexSaysSo() {
        assertError(Support.ruleFile(selector: "annualGoals.planCodes", kind: "required"),
                    at: "\"annualGoals.planCodes\"", mentions: "is an array")
    }

    func testBadRegexPointsAtThePattern() {
        assertError(Support.ruleFile(selector: "header.name", kind: "pattern", options: "{pattern: '([a-'}"),
                    at: "'([a-'", mentions: "invalid regular expression")
    }

    func testWrongTypePointsAtTheValue() {
        assertError(Support.ruleFile(selector: "annualGoals", kind: "count", options: "{min: many}"),
                    at: "many", mentions: "must be an integer")
    }

    func testUnknownOptionForTheKind() {
        assertError(Support.ruleFile(selector: "annualGoals", kind: "count", options: "{minimum: 1}"),
                    at: "minimum", mentions: "unknown key 'minimum'")
    }

    func testKindThatCannotApplyToTheSelectedShape() {
        // Said at the selector, which selects the wrong shape, naming what it selects.
        assertError(Support.ruleFile(selector: "header.name", kind: "sequence"), at: "\"header.name\"",
                    mentions: "the selector 'header.name' selects header.name, which is string; this kind needs a selector that selects arrays")
    }

    func testUnknownPlaceholder() {
        assertError(Support.ruleFile(selector: "mission", kind: "required", message: "{nope}"),
                    at: "\"{nope}\"", mentions: "unknown placeholder {nope}")
    }

    func testUnknownCatalogue() {
        assertError(Support.ruleFile(selector: "annualGoals[*].planCodes[*]", kind: "catalog",
                                     options: "{catalog: nai, report: unknown, key: code}"),
                    at: "nai", mentions: "catalogue 'nai'")
    }

    func testYAMLSyntaxErrorKeepsItsPosition() {
        let text = "version: 1\nrules:\n  - id: x\n    summary: [unclosed\n"
        let errors = Support.errors(text)
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.file, "t.yml")
        XCTAssertGreaterThanOrEqual(errors.first?.line ?? 0, 4)
    }

    func testUnsupportedVersion() {
        let errors = Support.errors("version: 2\nrules: []\n")
        XCTAssertEqual(errors.map { "\($0.line):\($0.column)" }, ["1:10"])
    }

    func testAnExampleThatDoesNotBehaveIsReportedAtTheExample() throws {
        let text = """
        version: 1
        rules:
          - id: wrong-count
            severity: error
            summary: s
            description: d
            message: m
            message_en: m
            selector: annualGoals[*].planCodes
            kind: count
            options: {min: 1}
            examples:
              fail:
                - count: 2
                  sheet: {annualGoals: [{number: 1}]}
              pass:
                - sheet: "annualGoals: [{number: 1}]"
        """
        let set = Support.ruleSet(text)
        let failures = set.runExamples()
        XCTAssertEqual(failures.map { "\($0.file):\($0.position.line):\($0.position.column) \($0.expectation) \($0.expected)/\($0.actual)" },
                       ["t.yml:14:11 fail 2/1", "t.yml:17:11 pass 0/1"])
        XCTAssertEqual(failures.first?.asRuleFileError.line, 14)
    }

    func testTheSameIdInTwoFilesOfOneBatchIsAnErrorAtTheSecond() {
        let text = Support.ruleFile(selector: "mission", kind: "required")
        let (set, errors) = RuleSet().adding(files: [("a.yml", text), ("b.yml", text)])
        XCTAssertEqual(set.rules.map(\.file), ["a.yml"])
        XCTAssertEqual(errors.map { "\($0.file):\($0.line):\($0.column)" }, ["b.yml:3:9"])
    }
}
