@testable import SheetReading
import SheetModel
import XCTest

/// The third round of reader fast paths (issue #10, session 3) against the code they
/// replaced, kept here as the reference: the decoder's single validation pass and word-wise
/// control count, section headings on scalars, tags classified without their name as a
/// `String`, marker search, plan codes trimmed on scalars.
final class ReaderScanFastPathTests: XCTestCase {
    private var rng = SystemRandomNumberGenerator()

    /// Bytes that hit every branch: ASCII, controls, DEL, NUL, valid and broken UTF-8
    /// sequences of every length, overlongs, surrogates, cut-off sequences.
    private func randomBytes(_ count: Int) -> [UInt8] {
        let pieces: [[UInt8]] = [
            Array("a|<p>".utf8), [0x0A], [0x0D, 0x0A], [0x09], [0x0C], [0x01], [0x1F], [0x7F], [0x00], [0x20],
            Array("都市".utf8), Array("é".utf8), Array("😀".utf8), [0xE3, 0x81], [0xF0, 0x9F], [0xC3], [0x80], [0xBF],
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFF], [0xFE],
        ]
        var out: [UInt8] = []
        while out.count < count { out += pieces.randomElement(using: &rng)! }
        return out
    }

    func testControlCountAndNULSearchAgreeWithTheByteLoop() {
        var samples: [[UInt8]] = [[], [0x01], Array(repeating: 0x41, count: 7), Array(repeating: 0x41, count: 8),
                                  Array(repeating: 0x7F, count: 17), Array(repeating: 0x0A, count: 9)]
        for n in 0..<300 { samples.append(randomBytes(n % 40)) }
        for _ in 0..<50 { samples.append(randomBytes(Int.random(in: 100...2000, using: &rng))) }
        // Mostly text with a control character now and then, where whole words are skipped.
        for _ in 0..<50 {
            var text = Array(String(repeating: "都市経営部 abc\n", count: 20).utf8)
            for _ in 0..<3 { text[Int.random(in: 0..<text.count, using: &rng)] = [0x01, 0x7F, 0x1B, 0x00].randomElement(using: &rng)! }
            samples.append(text)
        }
        for bytes in samples {
            // The reference: the loop `rejectBinary` runs over every unit.
            let reference = bytes.filter { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0C && $0 != 0x0D) || $0 == 0x7F }.count
            bytes.withUnsafeBufferPointer { b in
                XCTAssertEqual(SheetDecoder.controlCount(b), reference, "\(bytes)")
                for start in [0, 1, 3] where start <= b.count {
                    XCTAssertEqual(SheetDecoder.containsNUL(b, from: start), b[start...].contains(0), "\(bytes)")
                }
            }
        }
    }

    func testOnePassValidationAgreesWithTheValidator() {
        var samples: [[UInt8]] = [[], Array("都市経営部".utf8), Array("a\u{10FFFF}".utf8)]
        for n in 0..<400 { samples.append(randomBytes(n % 60)) }
        for bytes in samples {
            bytes.withUnsafeBufferPointer { b in
                for start in [0, 1, 2] where start <= b.count {
                    // The reference: validate by hand, then decode the bytes known to be valid.
                    let reference: String? = SheetDecoder.validateUTF8(b, from: start) == .valid
                        ? SheetDecoder.utf8String(b, start..<b.count) : nil
                    let made = SheetDecoder.validUTF8String(b, from: start)
                    XCTAssertEqual(made.map { Array($0.utf8) }, reference.map { Array($0.utf8) }, "\(bytes) from \(start)")
                }
            }
        }
    }

    func testDecodingKeepsItsOutcomesOnBrokenAndBinaryBytes() throws {
        // Decoding gives the outcome (text, encoding, notes, or error kind and position) the
        // former two-pass decoder gave: these are its answers (checked with the build before,
        // `sheetlint parse` on the same bytes).
        func outcome(_ bytes: [UInt8]) -> String {
            do {
                let d = try SheetDecoder.decode(bytes, file: "f")
                return "\(d.encoding.rawValue) \(d.text.debugDescription) \(d.notes.map(\.code))"
            } catch let e as ReadError {
                return "\(e.kind) \(e.position.map { "\($0.line):\($0.column)" } ?? "-")"
            } catch { return "\(error)" }
        }
        XCTAssertEqual(outcome(Array("都市\n".utf8)), "utf-8 \"都市\\n\" []")
        XCTAssertEqual(outcome(Array("都市".utf8) + [0xE3, 0x81]), "utf-8 \"都市\" [\"truncated\"]")
        XCTAssertEqual(outcome([0x61, 0x0A, 0x62, 0xFF, 0x0A]).hasPrefix("badEncoding 2:2"), true, outcome([0x61, 0x0A, 0x62, 0xFF, 0x0A]))
        XCTAssertEqual(outcome(Array(repeating: 0x01, count: 30) + Array("ab".utf8)), "binary -")
        XCTAssertEqual(outcome(Array("a\u{0}b".utf8)), "utf-16le \"a\" [\"truncated\"]")
        XCTAssertEqual(outcome(Array("a\u{0}b\n\u{0}\u{0}\u{0}x".utf8)), "binary -")
        XCTAssertEqual(outcome(Array("abc".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), "utf-16le \"abc\" []")
    }

    func testSectionHeadingsOnRandomPlainLinesAgreeWithTheStringReference() {
        let parts = ["1", "3.", "４．", "十", "〇", "二", "四、", "#", "＃", "**", "*", " ", "\u{3000}", "(", "（", ")", ":", "：",
                     "当年度目標", "今年度目標", "中期目標", "取り組み方針", "取組方針", "取組み方針", "部局の使命", "使命", "について",
                     "と振り返り", "ー", "a", "Ⅳ", "①", "壱", "百", "目", "標", "の"]
        for _ in 0..<3000 {
            let line = (0..<Int.random(in: 1...8, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined()
            let scalars = Array(line.unicodeScalars)
            XCTAssertEqual(SectionHeading.section(of: scalars), SectionHeadingTests.reference(scalars), line)
        }
    }

    func testTagsAreClassifiedAsByTheirLowerCaseName() {
        let names = CellHTML.blockTags + ["span", "b", "LI", "Li", "P", "BlockQuote", "H1", "h7", "blockquotes", "abcdefghijk",
                                          "p1", "ta", "tablex", "x", "dIv"]
        for name in names {
            for form in ["<\(name)>", "</\(name)>", "<\(name) class=\"x\">", "<\(name)/>", "<!-- \(name) -->", "<!\(name)>"] {
                let run = Run(line: Array(form.unicodeScalars), number: 1)
                guard let (end, kind) = CellHTML.tag(in: run, at: 0) else {
                    XCTFail(form)
                    continue
                }
                XCTAssertEqual(end, run.count, form)
                // The reference: the name lower-cased as a `String`, looked up in the block tags.
                let isComment = form.hasPrefix("<!")
                let lower = name.lowercased()
                let expected: CellHTML.TagKind = !isComment && CellHTML.blockTags.contains(lower)
                    ? .block(listItem: lower == "li" && !form.hasPrefix("</")) : .inline
                XCTAssertEqual(kind, expected, form)
            }
        }
    }

    func testMarkersAreFoundWhereTheScalarByScalarSearchFoundThem() {
        let parts = ["(1)", "（２）", "(12)", "(123)", "(0)", "①", "⑳", "㉑", "㊿", "・", "･", " ", "\u{3000}", "\u{A0}", "a", "推進",
                     "(", ")", "（", "5-2-①", "年(2022)", "調査・研究", "\u{2009}"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...10, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined()
            let fragment = Run(line: Array(text.unicodeScalars), number: 1)
            // The reference: every position tested, at a boundary, for a marker.
            var marks: [(Int, Int, Piece.Marker)] = []
            var i = 0
            while i < fragment.count {
                let atBoundary = i == 0 || ScalarFolding.isSpace(fragment.folded(i - 1))
                if atBoundary, let m = Piece.marker(in: fragment, at: i) {
                    marks.append((i, m.end, m.marker))
                    i = m.end
                    continue
                }
                i += 1
            }
            let pieces = Piece.cut(fragment).filter { $0.markerRun != nil }
            XCTAssertEqual(pieces.map(\.marker), marks.map(\.2), text)
            XCTAssertEqual(pieces.map { $0.markerRun!.firstColumn! - 1 }, marks.map(\.0), text)
            XCTAssertEqual(pieces.map(\.markerText), marks.map { fragment.slice($0.0..<$0.1).string }, text)
        }
    }

    /// `planCode` as it was: trimmed by characters, dashes looked up in a set.
    private static func referencePlanCode(_ written: String) -> String {
        let dashes: Set<UInt32> = [0x2D, 0xFF0D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x30FC, 0xFF70, 0xFE63]
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" }
        func isDigitLike(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x30...0x39, 0x2460...0x2473, 0x24EA, 0x3251...0x325F, 0x32B1...0x32BF: return true
            default: return false
            }
        }
        let scalars = Array(CodeNormalization.trimmed(written).unicodeScalars.map {
            (0xFF10...0xFF19).contains($0.value) ? Unicode.Scalar($0.value - 0xFF10 + 0x30)! : $0
        })
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if dashes.contains(scalar.value) || isSpace(scalar) {
                var j = i
                while j < scalars.count, isSpace(scalars[j]) { j += 1 }
                if j < scalars.count, dashes.contains(scalars[j].value) {
                    var k = j + 1
                    while k < scalars.count, isSpace(scalars[k]) { k += 1 }
                    if let last = out.last, isDigitLike(last), k < scalars.count, isDigitLike(scalars[k]) {
                        out.append("-")
                        i = k
                        continue
                    }
                }
            }
            out.append(scalar)
            i += 1
        }
        return String(out)
    }

    func testPlanCodesAreNormalizedAsBefore() {
        let parts = ["5", "２", "①", "⓪", "㉑", "-", "－", "‐", "―", "−", "ー", "ｰ", "﹣", " ", "\t", "\u{3000}", "\u{301}", "\u{0600}",
                     "\u{200D}", "\u{FE0F}", "a", "都市", "\u{3099}", "\u{FF9E}", "😀", "\r\n"]
        var samples = ["", " ", "5-2-①", "５－２－①", " 0 ", "5 - 2", "\u{0600} 5-2", "5-2 \u{301}", " \u{301}5", "5-2\u{3000}"]
        for _ in 0..<3000 {
            samples.append((0..<Int.random(in: 0...9, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined())
        }
        for written in samples {
            XCTAssertEqual(Array(CodeNormalization.planCode(written).unicodeScalars),
                           Array(Self.referencePlanCode(written).unicodeScalars), written.debugDescription)
        }
    }
}
