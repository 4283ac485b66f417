import Foundation
import SheetModel
import SheetReading
import SheetReporting
import SheetRules
import XCTest
@testable import SheetlintKit

/// SARIF fingerprints and baseline entries are worked out in each sheet's worker
/// (`SourceDigest`, `SourceDigester`) instead of from every sheet's lines kept until output.
/// They must be what the reporters made from the lines: this lints a tree of sheets both
/// ways (digests; no digests and the lines read again, as `lint` kept them before) and
/// compares the fingerprints and baseline entries finding by finding.
final class SourceDigestTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Sheets that give every kind of finding a digest is made for: per-sheet findings
    /// (on long and short lines, spans over several lines), reader notes, cross-sheet
    /// findings (duplicate sheets, title conflicts, fiscal-year outliers), findings about
    /// suppression directives (unused, unknown rule, not a directive), findings kept after
    /// suppressions and level overrides, and a line over `LineFingerprint.longText`.
    static func tree() throws -> ConfigTree {
        let tree = try ConfigTree()
        let example = try String(contentsOf: repo.appendingPathComponent("examples/toshi-seisaku.md"), encoding: .utf8)
        try tree.write("a/toshi-seisaku.md", example)
        try tree.write("b/toshi-seisaku.md", example)
        try tree.write("b/conflict.md", example.replacingOccurrences(
            of: "3-1-① 駅を中心としたまちの骨格をつくります。", with: "3-1-① 駅を中心とした「街」の骨格を\\つくる\"。"))
        var lines = example.components(separatedBy: "\n")
        lines.insert("<!-- sheetlint-disable-next-line plan-code-placeholder, no-such-rule -->", at: 19)
        lines.insert("<!-- sheetlint-disable notation-variance -->", at: 10)
        lines.insert("<!-- sheetlint-frobnicate -->", at: 5)
        lines.insert("<!-- sheetlint-disable-next-line era-year-mismatch -->", at: 30)
        try tree.write("c/suppressed.md", lines.joined(separator: "\n"))
        try tree.write("c/.sheetlint.yml", "rules:\n  plan-code-unverified: warning\n  mixed-width-brackets: off\n")
        // A goal row longer than `LineFingerprint.longText`, with findings on it.
        let long = example.replacingOccurrences(
            of: "駅を中心としたまちの骨格をつくります。",
            with: "駅を中心としたまちの骨格をつくります。" + String(repeating: "まちの骨格　", count: 5_000) + "令和6年度（2025年度）(半角)")
        try tree.write("d/long.md", long)
        // The reader's quirk fixtures (CRLF line ends, entities, page furniture…).
        let quirks = repo.appendingPathComponent("Tests/SheetReadingTests/Fixtures/quirks")
        try FileManager.default.createDirectory(atPath: tree.path("e"), withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: quirks.path) where name.hasSuffix(".md") {
            try Data(contentsOf: quirks.appendingPathComponent(name)).write(to: URL(fileURLWithPath: tree.path("e/" + name)))
        }
        return tree
    }

    func testDigestsAreTheFingerprintsTheLinesGave() throws {
        let tree = try Self.tree()
        let paths = [tree.root, Self.repo.appendingPathComponent("examples").path]
        var options = LintOptions(paths: paths, jobs: 2, sourceDigests: true)
        let digested = Sheetlint.lint(options)
        options.sourceDigests = false
        let plain = Sheetlint.lint(options)
        XCTAssertTrue(digested.errors.isEmpty, "\(digested.errors)")
        XCTAssertEqual(Array(digested.findings), Array(plain.findings))
        XCTAssertGreaterThan(digested.findings.count, 100)
        // Every kind of finding is there.
        let rules = Set(digested.findings.map(\.ruleId))
        for id in ["duplicate-sheet", "cross-sheet-title-conflict", "unused-suppression", "invalid-suppression", "era-year-mismatch"] {
            XCTAssertTrue(rules.contains(id), id)
        }
        // Every finding got its digest in its worker; without them none has one.
        XCTAssertTrue(digested.findings.allSatisfy(\.digest.isKnown))
        XCTAssertFalse(plain.findings.contains(where: \.digest.isKnown))
        // The lines as `lint` kept them before, read again.
        var sourceLines: [String: [String]] = [:]
        for file in plain.files {
            let decoded = try SheetDecoder.readFile(path: file, forced: nil)
            sourceLines[file] = SheetSource(text: decoded.text).lines.map(String.init)
        }
        func report(_ result: LintResult, lines: [String: [String]]) -> LintReport {
            LintReport(findingList: result.findings, rules: [], files: result.files, toolVersion: "0", sourceLines: lines)
        }
        XCTAssertEqual(LineFingerprint.primaryLocationLineHashes(report(digested, lines: [:])),
                       LineFingerprint.primaryLocationLineHashes(report(plain, lines: sourceLines)))
        // A SARIF run makes only the lines' digests: the same SARIF hashes.
        options.sourceDigests = true
        options.spanDigests = false
        let linesOnly = Sheetlint.lint(options)
        XCTAssertTrue(linesOnly.findings.allSatisfy { $0.digest.isKnown && !$0.digest.spanIsKnown })
        XCTAssertEqual(LineFingerprint.primaryLocationLineHashes(report(linesOnly, lines: [:])),
                       LineFingerprint.primaryLocationLineHashes(report(plain, lines: sourceLines)))
        let directory = tree.root
        XCTAssertEqual(Baseline(findings: Array(linesOnly.findings), sourceLines: sourceLines, directory: directory),
                       Baseline(findings: Array(plain.findings), sourceLines: sourceLines, directory: directory))
        XCTAssertEqual(Baseline(findings: Array(digested.findings), sourceLines: [:], directory: directory),
                       Baseline(findings: Array(plain.findings), sourceLines: sourceLines, directory: directory))
        // Digests survive the paths findings take after the workers (sorting, filtering,
        // a baseline hiding some).
        let baseline = Baseline(findings: Array(digested.findings.prefix(40)), sourceLines: [:], directory: directory)
        let new = baseline.filter(Array(digested.findings), sourceLines: [:], directory: directory).new
        XCTAssertEqual(new.count, digested.findings.count - 40)
        XCTAssertTrue(new.allSatisfy(\.digest.isKnown))
        XCTAssertEqual(new, baseline.filter(Array(plain.findings), sourceLines: sourceLines, directory: directory).new)
        XCTAssertTrue(digested.findings.filter { $0.severity == .error }.allSatisfy(\.digest.isKnown))
    }

    /// A digest is not part of what a finding is: findings with and without one compare
    /// and hash alike, and a `FindingList` gives each back the one it was stored with.
    func testDigestsAreCarriedButNotCompared() {
        let span = SourceSpan(file: "a.md", line: 3, startColumn: 1, endColumn: 4)
        let plain = Finding(ruleId: "r", severity: .warning, message: "m", messageEn: "e", span: span, path: "p")
        var stamped = plain
        stamped.digest = SourceDigest(line: 1, span: 2)
        XCTAssertEqual(plain, stamped)
        XCTAssertEqual(Set([plain, stamped]).count, 1)
        var list = FindingList([plain, stamped, plain])
        XCTAssertEqual(list.map(\.digest.isKnown), [false, true, false])
        list.append(contentsOf: FindingList([stamped], texts: list.texts))
        list.append(contentsOf: FindingList([plain], texts: list.texts))
        XCTAssertEqual(list.map(\.digest.isKnown), [false, true, false, true, false])
        var moved = stamped
        moved.span.start.line = 1
        moved.digest = SourceDigest(line: 7, span: 8)
        list.append(moved)
        list.sort()
        XCTAssertEqual(list.first?.digest.line, 7)
        XCTAssertEqual(list.first?.digest.span, 8)
        XCTAssertEqual(list.filter { $0.digest.isKnown }.count, 3)
        XCTAssertEqual(FindingList([plain]).map(\.digest.isKnown), [false])
    }
}
