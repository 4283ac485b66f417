import SheetModel
import SheetRules
@testable import SheetReporting
import XCTest

/// The JSON writing rewritten for speed (issue #10) against the code it replaced, kept
/// here as the reference: string literals quoted on UTF-8 bytes, values written into one
/// text handed on in chunks, diagnostics written without a value tree.
final class JSONWritingEquivalenceTests: XCTestCase {
    /// The former `JSONText.quoted`, scalar by scalar.
    static func formerQuoted(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\u{08}": out.append(contentsOf: "\\b".unicodeScalars)
            case "\u{0C}": out.append(contentsOf: "\\f".unicodeScalars)
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            default: out.append(scalar)
            }
        }
        out.append("\"")
        return String(out)
    }

    /// The former `JSONValue.write`, token by token into the stream.
    static func formerWrite(_ value: JSONValue, to out: inout String, indent: Int = 0) {
        func spaces(_ level: Int) -> String { String(repeating: "  ", count: level) }
        func array(_ count: Int, _ element: (Int) -> JSONValue) {
            guard count > 0 else { out.write("[]"); return }
            out.write("[\n")
            for i in 0..<count {
                out.write(spaces(indent + 1))
                formerWrite(element(i), to: &out, indent: indent + 1)
                out.write(i == count - 1 ? "\n" : ",\n")
            }
            out.write(spaces(indent) + "]")
        }
        switch value {
        case .string(let s): out.write(formerQuoted(s))
        case .int(let n): out.write(String(n))
        case .double(let d): out.write(JSONValue.decimal(d))
        case .bool(let b): out.write(b ? "true" : "false")
        case .null: out.write("null")
        case .array(let items): array(items.count) { items[$0] }
        case .elements(let lazy): array(lazy.count, lazy.element)
        case .written: XCTFail("not a value of the former writer")
        case .object(let members):
            guard !members.isEmpty else { out.write("{}"); return }
            out.write("{\n")
            for (i, (key, value)) in members.enumerated() {
                out.write(spaces(indent + 1) + formerQuoted(key) + ": ")
                formerWrite(value, to: &out, indent: indent + 1)
                out.write(i == members.count - 1 ? "\n" : ",\n")
            }
            out.write(spaces(indent) + "}")
        }
    }

    /// Texts with everything the quoting treats apart: every ASCII control, quotes and
    /// backslashes, U+2028/U+2029 and their neighbours (E2 80 A7/AA), other E2 sequences,
    /// Japanese, combining marks, emoji, at the start, middle and end.
    static func texts(count: Int) -> [String] {
        let pieces: [String] = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + [
            "\"", "\\", "/", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "\u{2010}", "\u{20AC}", "\u{2E80}",
            "a", "Z", " ", "総合計画", "ｶﾞ", "が", "か\u{3099}", "👍🏽", "é", "\u{FEFF}", "\u{85}", "\u{A0}", "\u{3000}",
        ]
        var generator = SystemRandomNumberGenerator()
        var result = pieces + ["", "plain ascii", "日本語だけの文"]
        for _ in 0..<count {
            let n = Int.random(in: 1...12, using: &generator)
            result.append((0..<n).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        return result
    }

    func testQuotedIsTheFormerScalarByScalarQuoting() {
        for text in Self.texts(count: 20_000) {
            XCTAssertEqual(JSONText.quoted(text), Self.formerQuoted(text), text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            var appended = "prefix"
            JSONText.appendQuoted(text, to: &appended)
            XCTAssertEqual(appended, "prefix" + Self.formerQuoted(text))
            var bytes = Array("prefix".utf8)
            JSONText.appendQuoted(text, to: &bytes)
            XCTAssertEqual(bytes, Array(("prefix" + Self.formerQuoted(text)).utf8))
        }
        // Long texts (the chunked writer hands on 64 KiB at a time).
        let long = String(repeating: "目標\u{2028}\"x\\\n", count: 20_000)
        XCTAssertEqual(JSONText.quoted(long), Self.formerQuoted(long))
    }

    func testValuesAreWrittenAsBeforeAcrossChunks() {
        let texts = Self.texts(count: 300)
        var generator = SystemRandomNumberGenerator()
        func value(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 5 : 8), using: &generator) {
            case 0: return .string(texts.randomElement(using: &generator)!)
            case 1: return .int(Int.random(in: -1_000_000...1_000_000, using: &generator))
            case 2: return .double(Double.random(in: -10...10, using: &generator))
            case 3: return .bool(Bool.random(using: &generator))
            case 4: return .null
            case 5: return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in value(depth + 1) })
            case 6:
                let items = (0..<Int.random(in: 0...30, using: &generator)).map { _ in value(depth + 1) }
                return .elements(JSONElements(count: items.count) { items[$0] })
            default:
                return .object((0..<Int.random(in: 0...4, using: &generator)).map { _ in
                    (texts.randomElement(using: &generator)!, value(depth + 1))
                })
            }
        }
        for _ in 0..<300 {
            let v = value(0)
            var expected = ""
            Self.formerWrite(v, to: &expected)
            expected += "\n"
            XCTAssertEqual(v.rendered, expected)
        }
        // One array long enough to be handed on in several chunks, written to a stream.
        let big = JSONValue.object([("items", .elements(JSONElements(count: 20_000) { .string(texts[$0 % texts.count]) }))])
        var expected = ""
        Self.formerWrite(big, to: &expected)
        expected += "\n"
        var chunks: [[UInt8]] = []
        var stream = ReportStream { chunks.append(Array($0)); return true }
        big.write(to: &stream)
        stream.finish()
        XCTAssertTrue(chunks.joined().elementsEqual(expected.utf8))
    }

    func testDiagnosticsAreWrittenAsTheirValueTree() {
        let texts = Self.texts(count: 500)
        for (n, text) in texts.enumerated() {
            let f = Finding(ruleId: texts[(n * 7) % texts.count], severity: Severity.allCases[n % 3], message: text,
                            messageEn: "", span: SourceSpan(file: text, start: SourcePosition(line: n, column: n % 50),
                                                            end: SourcePosition(line: n + n % 3, column: -n)),
                            path: texts[(n * 13) % texts.count])
            for indent in [0, 2, 13] {
                var expected = ""
                Self.formerWrite(JSONReporter.diagnosticValue(f, message: text, file: f.span.file), to: &expected, indent: indent)
                var written: [UInt8] = []
                JSONReporter.diagnosticWriter(f, message: text, file: f.span.file).write(&written, indent)
                // Byte for byte (`String` equality would take canonically equivalent texts as equal).
                XCTAssertEqual(written, Array(expected.utf8))
            }
        }
    }
}
