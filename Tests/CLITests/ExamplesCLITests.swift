import Foundation
import XCTest

/// The bundled examples: `sheetlint lint examples/` reports exactly the deliberate problems
/// `examples/README.md` lists, checked against the fictional city's own catalogues that
/// `examples/.sheetlint.yml` selects.
final class ExamplesCLITests: XCTestCase {
    /// `file rule-id` for every deliberate problem of `examples/README.md`: a top-level
    /// bullet names a file in backticks, each nested bullet ends with the rule id in
    /// backticks and parentheses.
    private func listedProblems() throws -> [String] {
        let text = try String(contentsOf: CLIRunner.repoRoot.appendingPathComponent("examples/README.md"), encoding: .utf8)
        var file = "", out: [String] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("- `"), let name = line.dropFirst(3).split(separator: "`").first {
                file = "examples/" + name
            } else if line.hasPrefix("  - "), let open = line.range(of: "(`", options: .backwards),
                      let close = line.range(of: "`)", options: .backwards) {
                out.append("\(file) \(line[open.upperBound..<close.lowerBound])")
            }
        }
        return out.sorted()
    }

    func testLintingExamplesShowsExactlyTheListedProblems() throws {
        let listed = try listedProblems()
        XCTAssertGreaterThanOrEqual(listed.count, 8, "the README's list was not found")
        let r = try CLIRunner.run(["lint", "examples/", "--format", "json"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let diagnostics = try XCTUnwrap(json["diagnostics"] as? [[String: Any]])
        let reported = diagnostics.map { "\($0["file"] ?? "") \($0["ruleId"] ?? "")" }.sorted()
        XCTAssertEqual(reported, listed)
        // No catalogue finding: every code the examples cite is in the fictional catalogues.
        XCTAssertFalse(r.stdout.contains("豊中"), r.stdout)
        // The catalogue files beside the sheets are the configuration's, not sheets.
        XCTAssertFalse(r.stderr.contains("catalogs/"), r.stderr)
    }

    func testTheExamplesCatalogueReplacesTheDefaultOne() throws {
        // Without the examples' configuration, the default (Toyonaka) catalogue applies and
        // the fictional codes are unverified.
        let dir = try CLIRunner.temporaryDirectory(self)
        let empty = try CLIFixtures.write("# no catalogues\n", "empty.yml", in: dir)
        let r = try CLIRunner.run(["lint", "examples/toshi-seisaku.md", "--config", empty])
        XCTAssertTrue(r.stdout.contains("[plan-code-unverified]"), r.stdout)
        let own = try CLIRunner.run(["lint", "examples/toshi-seisaku.md"])
        XCTAssertFalse(own.stdout.contains("[plan-code-unverified]"), own.stdout)
    }

    func testACatalogueNoRuleCitesIsAnError() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        let catalogue = try String(contentsOf: CLIRunner.repoRoot.appendingPathComponent("examples/catalogs/sogo-keikaku.yml"),
                                   encoding: .utf8)
        try CLIFixtures.write(catalogue.replacingOccurrences(of: "catalog: sogo-keikaku", with: "catalog: my-plan"),
                              "catalogs/plan.yml", in: dir)
        try CLIFixtures.write("catalogs:\n  - catalogs/plan.yml\n", ".sheetlint.yml", in: dir)
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheet.md", in: dir)
        let r = try CLIRunner.run(["lint", "."], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains(".sheetlint.yml:2:5: catalogs のカタログ「my-plan」"), r.stderr)
        XCTAssertTrue(r.stderr.contains("kihon-seisaku-2022, sogo-keikaku"), r.stderr)
    }
}
