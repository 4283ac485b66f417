import Foundation
@testable import SheetRules
import XCTest

/// The built-in rules and the generated docs section must match `rules/`; these tests fail
/// when either is stale. They never rewrite an expectation, except the docs section under
/// RECORD_SNAPSHOTS=1, and a recording run still fails.
final class RuleDocsDriftTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testGeneratedDefaultRuleSetMatchesRulesDirectory() throws {
        let fm = FileManager.default
        var onDisk: [(String, String)] = []
        for sub in ["", "catalogs"] {
            let dir = Self.repo.appendingPathComponent("rules").appendingPathComponent(sub)
            for name in try fm.contentsOfDirectory(atPath: dir.path).sorted()
            where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                onDisk.append((sub.isEmpty ? name : "\(sub)/\(name)",
                               try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)))
            }
        }
        let embedded = DefaultRuleSet.files.map { ($0.name, $0.text) }
        XCTAssertEqual(embedded.map(\.0), onDisk.map(\.0), "run scripts/generate-default-rules")
        for ((name, a), (_, b)) in zip(embedded, onDisk) where a != b {
            XCTFail("\(name) differs from Sources/SheetRules/DefaultRuleSet.generated.swift: run scripts/generate-default-rules")
        }
    }

    func testDocsDefaultRulesSectionIsCurrent() throws {
        let url = Self.repo.appendingPathComponent("docs/rules.md")
        let document = try String(contentsOf: url, encoding: .utf8)
        let updated = try XCTUnwrap(RuleDocumentation.updating(document: document, with: RuleSet.loadDefault()),
                                    "docs/rules.md lacks the generated-section markers")
        if updated != document {
            if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
                try updated.write(to: url, atomically: true, encoding: .utf8)
                XCTFail("recorded docs/rules.md; run again without RECORD_SNAPSHOTS")
            } else {
                XCTFail("docs/rules.md is stale: RECORD_SNAPSHOTS=1 swift test --filter RuleDocsDriftTests")
            }
        }
    }

    func testEveryRuleFileHasExamples() throws {
        for file in DefaultRuleSet.files where !file.name.hasPrefix("catalogs/") {
            XCTAssertTrue(file.text.contains("examples:"), file.name)
        }
    }
}
