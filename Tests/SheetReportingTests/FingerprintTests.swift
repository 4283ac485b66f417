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

    func testWhitespaceIsUnicodesWhiteSpaceProperty() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(LineFingerprint.isWhitespace(scalar), scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    func testTextsUpToTheLimitAreCoveredAsTheyAreAndLongerOnesByTheirDigest() {
        let atLimit = String(repeating: "a", count: LineFingerprint.longText)
        XCTAssertEqual(LineFingerprint.fingerprintText("  " + atLimit + " "), atLimit)
        XCTAssertEqual(LineFingerprint.contentHash(ruleId: "r", modelPath: "p", lineText: atLimit),
                       LineFingerprint.contentHash(ruleId: "r", modelPath: "p", fingerprintText: atLimit))
        // 90,000 UTF-8 bytes; the digest computed independently (FNV-1a 64 in Python).
        let long = String(repeating: "ア", count: 30_000)
        XCTAssertEqual(LineFingerprint.fingerprintText("　" + long), "\u{1}7e5aa3a287076255")
        XCTAssertNotEqual(LineFingerprint.fingerprintText(long + "イ"), LineFingerprint.fingerprintText(long))
    }

    func testManyFindingsOnOneLongLineHashAsEachAlone() {
        let long = String(repeating: "０－０－０ ", count: 5_000)
        let lines = ["# 目標", long, "短い行", long]
        var findings: [Finding] = []
        for n in 0..<40 {
            findings.append(finding(line: [2, 3, 4, 2][n % 4], path: "annualGoals[\(n % 7)].planCodes[0]"))
        }
        findings.append(finding(line: 9))
        let counted = hashes(findings, lines: lines)
        var seen: [String: Int] = [:]
        let alone = findings.map { f -> String in
            let text = LineFingerprint.lineText(of: f, sourceLines: [file: lines])
            let hash = LineFingerprint.contentHash(ruleId: f.ruleId, modelPath: f.path, lineText: text)
            seen[hash, default: 0] += 1
            return "\(hash):\(seen[hash]!)"
        }
        XCTAssertEqual(counted, alone)
    }

    /// `normalized` works on UTF-8 bytes; the former code, scalar by scalar, is the reference.
    func testNormalizedIsTheFormerScalarByScalarNormalization() {
        func former(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            var pendingSpace = false
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(" ") }
                    pendingSpace = false
                    out.append(scalar)
                }
            }
            return String(out)
        }
        var pieces: [String] = ["a", "目標", "👍🏽", "é", "e\u{301}", "\u{2027}", "\u{2010}", "\u{205E}", "\u{3001}", "\u{1680}"]
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace || value < 0x100 || value % 97 == 0 else { continue }
            pieces.append(String(scalar))
        }
        var generator = SystemRandomNumberGenerator()
        for piece in pieces {
            for text in [piece, " " + piece + " ", "x" + piece + "y", piece + piece] {
                XCTAssertEqual(LineFingerprint.normalized(text), former(text), text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            }
        }
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(LineFingerprint.normalized(text), former(text))
        }
    }
}
