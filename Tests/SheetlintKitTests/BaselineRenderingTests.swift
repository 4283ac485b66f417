import Foundation
import SheetModel
import SheetReporting
import SheetRules
import XCTest
@testable import SheetlintKit

/// Baseline files are written entry by entry (`Baseline.render(to:)`) instead of through
/// `JSONSerialization`, which held the whole document as Foundation objects and then as
/// one string; the bytes must be the ones it wrote (kept here as the reference).
final class BaselineRenderingTests: XCTestCase {
    /// The former `Baseline.rendered()`.
    static func renderedByFoundation(_ baseline: Baseline) -> String {
        let list: [[String: Any]] = baseline.entries.map {
            ["file": $0.file, "rule": $0.rule, "fingerprint": $0.fingerprint, "path": $0.path, "message": $0.message]
        }
        let object: [String: Any] = ["version": 1, "tool": "sheetlint", "entries": list]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func testRenderedAsJSONSerializationWroteIt() {
        XCTAssertEqual(Baseline(entries: []).rendered(), Self.renderedByFoundation(Baseline(entries: [])))
        let texts = JSONTextPieces.texts(count: 3_000)
        var entries: [Baseline.Entry] = []
        for (n, text) in texts.enumerated() {
            entries.append(Baseline.Entry(file: texts[(n * 7) % texts.count] + "/a.md", rule: texts[(n * 3) % texts.count],
                                          fingerprint: String(UInt64(n) &* 0x9E37_79B9_7F4A_7C15, radix: 16),
                                          path: "annualGoals[\(n)].title", message: text))
            if n % 300 == 0 {
                let baseline = Baseline(entries: entries)
                XCTAssertEqual(baseline.rendered(), Self.renderedByFoundation(baseline))
            }
        }
        let baseline = Baseline(entries: entries)
        XCTAssertEqual(baseline.rendered(), Self.renderedByFoundation(baseline))
        // Written through a stream in pieces: the same bytes.
        var chunks: [[UInt8]] = []
        var stream = ReportStream { chunks.append(Array($0)); return true }
        baseline.render(to: &stream)
        stream.finish()
        XCTAssertGreaterThan(chunks.count, 1)
        XCTAssertTrue(chunks.joined().elementsEqual(baseline.rendered().utf8))
    }
}

/// Texts with everything JSON writers treat apart (controls, quotes, backslashes, slashes,
/// U+2028/U+2029, DEL, Japanese, combining marks, emoji).
enum JSONTextPieces {
    static func texts(count: Int) -> [String] {
        let pieces: [String] = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + [
            "\"", "\\", "/", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{85}", "\u{A0}", "\u{3000}", "\u{FEFF}",
            "a", "Z", " ", "総合計画", "ｶﾞ", "が", "か\u{3099}", "👍🏽", "é", "e\u{301}",
        ]
        var generator = SystemRandomNumberGenerator()
        var result = pieces + ["", "plain ascii", "日本語だけの文"]
        for _ in 0..<count {
            let n = Int.random(in: 1...10, using: &generator)
            result.append((0..<n).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        return result
    }
}

/// Baseline files are decoded with `JSONDecoder` when well formed; every file must load as
/// `JSONSerialization` loaded it (the same entries, or the same error).
final class BaselineLoadingTests: XCTestCase {
    func testFilesLoadAsThroughJSONSerialization() throws {
        let dir = NSTemporaryDirectory() + "sheetlint-baseline-load-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let texts = JSONTextPieces.texts(count: 200)
        let written = Baseline(entries: texts.enumerated().map { n, text in
            Baseline.Entry(file: "s/\(n).md", rule: "r\(n % 7)", fingerprint: text, path: text, message: text)
        }).rendered()
        let entry = #"{"file": "a.md", "rule": "r", "fingerprint": "f", "path": "p", "message": "m"}"#
        let files = [
            written,
            #"{"version": 1, "tool": "sheetlint", "entries": []}"#,
            #"{"version": 1, "entries": [\#(entry), {"file": "b.md", "rule": "r", "fingerprint": "g"}]}"#,
            #"{"version": 1, "entries": [{"file": "b.md", "rule": "r", "fingerprint": "g", "path": 3, "message": null}]}"#,
            #"{"version": 1, "entries": [\#(entry), {"file": "b.md", "fingerprint": "g"}]}"#,
            #"{"version": 1, "entries": [\#(entry), {"file": 1, "rule": "r", "fingerprint": "g"}]}"#,
            #"{"version": 1, "entries": [\#(entry), 3]}"#,
            #"{"version": 1, "entries": {}}"#,
            #"{"version": 2, "entries": []}"#,
            #"{"version": "1", "entries": []}"#,
            #"{"version": 1.5, "entries": []}"#,
            #"{"entries": []}"#,
            #"[{"version": 1}]"#,
            #"{"version": 1, "entries": [\#(entry)]"#,
            "",
            "not json",
            #"{"version": 1, "entries": [\#(entry)], "extra": {"deep": [1, 2, {"x": null}]}}"#,
            #"{"version": 1, "entries": [{"file": "\u00e9\ud83d\udc4d\n", "rule": "r", "fingerprint": "f\/g"}]}"#,
        ]
        for (n, text) in files.enumerated() {
            let path = dir + "/\(n).json"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let expected = Result { try Baseline.loadByFoundation(Data(text.utf8), path: path) }
            let got = Result { try Baseline.load(path: path) }
            switch (got, expected) {
            case (.success(let a), .success(let b)): XCTAssertEqual(a, b, "file \(n)")
            case (.failure(let a as LintError), .failure(let b as LintError)): XCTAssertEqual(a, b, "file \(n)")
            default: XCTFail("file \(n): \(got) but \(expected)")
            }
        }
    }
}
