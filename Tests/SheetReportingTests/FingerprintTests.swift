import SheetModel
import SheetRules
import XCTest
@testable import SheetReporting

final class FingerprintTests: XCTestCase {
    private let file = "a.md"

    private func finding(line: Int, rule: String = "plan-code-placeholder", path: String = "annualGoals[0].planCodes[0]") -> Finding {
        Finding(ruleId: rule, severity: .error, message: "総合計画コードは仮の値です", messageEn: "placeholder",
                span: SourceSpan(file: file, line: line, startColumn: 5, endColumn: 10), path: path)
    }

    private func hashes(_ findings: [Finding], lines: [String], language: ReportLanguage = .ja) -> [String] {
        LineFingerprint.primaryLocationLineHashes(LintReport(
            findings: findings, rules: [], files: [file], language: language, toolVersion: "0", sourceLines: [file: lines]))
    }

    func testMovingDownOneLineKeepsTheHash() {
        let lines = ["# 目標", "総合計画", "　　０－０－０（施策）"]
        let before = hashes([finding(line: 3)], lines: lines)
        let after = hashes([finding(line: 4)], lines: [""] + lines)
        XCTAssertEqual(before, after)
        XCTAssertTrue(before[0].hasSuffix(":1"), before[0])
    }

    func testReindentingKeepsTheHash() {
        XCTAssertEqual(hashes([finding(line: 1)], lines: ["　　０－０－０  （施策）"]),
                       hashes([finding(line: 1)], lines: ["０－０－０ （施策） "]))
    }

    func testDifferentContentRuleOrPathChangesTheHash() {
        let base = hashes([finding(line: 1)], lines: ["０－０－０（施策）"])
        XCTAssertNotEqual(base, hashes([finding(line: 1)], lines: ["０－０－１（施策）"]))
        XCTAssertNotEqual(base, hashes([finding(line: 1, rule: "plan-code-unknown")], lines: ["０－０－０（施策）"]))
        XCTAssertNotEqual(base, hashes([finding(line: 1, path: "annualGoals[1].planCodes[0]")], lines: ["０－０－０（施策）"]))
    }

    func testIdenticalLinesAreCountedAndLanguageDoesNotMatter() {
        let lines = ["０－０－０", "０－０－０"]
        let ja = hashes([finding(line: 1), finding(line: 2)], lines: lines)
        XCTAssertEqual(ja[0].split(separator: ":")[0], ja[1].split(separator: ":")[0])
        XCTAssertEqual(ja.map { $0.split(separator: ":")[1] }, ["1", "2"])
        XCTAssertEqual(ja, hashes([finding(line: 1), finding(line: 2)], lines: lines, language: .en))
    }

    func testHashIsAFixedValue() {
        // Pinned so that a change of hash function (which would orphan every baseline and
        // code-scanning alert) fails a test instead of passing silently.
        // Expected value computed independently (FNV-1a 64 in Python).
        XCTAssertEqual(LineFingerprint.contentHash(ruleId: "r", modelPath: "p", lineText: " x "), "c13bba9eda33bc3e")
        XCTAssertNotEqual(LineFingerprint.contentHash(ruleId: "ab", modelPath: "c", lineText: ""),
                          LineFingerprint.contentHash(ruleId: "a", modelPath: "bc", lineText: ""))
    }

    func testMissingLineFallsBackToMessage() {
        let report = LintReport(findings: [finding(line: 9)], rules: [], files: [file], toolVersion: "0")
        XCTAssertEqual(LineFingerprint.lineText(of: report.findings[0], sourceLines: [:]), "総合計画コードは仮の値です")
    }
}
