import Foundation
import SheetModel
import XCTest
@testable import SheetReading

final class DecodingTests: XCTestCase {
    private let row = "| 部局 | 都市経営部 |\r\n"

    // MARK: - Detection

    func testPlainUTF8IsDetected() throws {
        let decoded = try SheetDecoder.decode(Array(row.utf8), file: "s.md")
        XCTAssertEqual(decoded, DecodedText(text: row, encoding: .utf8, hadBOM: false))
    }

    func testUTF8ByteOrderMarkIsRemoved() throws {
        let decoded = try SheetDecoder.decode([0xEF, 0xBB, 0xBF] + Array(row.utf8), file: "s.md")
        XCTAssertEqual(decoded, DecodedText(text: row, encoding: .utf8, hadBOM: true))
    }

    func testUTF16WithByteOrderMarks() throws {
        let little = try SheetDecoder.decode([0xFF, 0xFE] + utf16(row, bigEndian: false), file: "s.md")
        XCTAssertEqual(little, DecodedText(text: row, encoding: .utf16LE, hadBOM: true))
        let big = try SheetDecoder.decode([0xFE, 0xFF] + utf16(row, bigEndian: true), file: "s.md")
        XCTAssertEqual(big, DecodedText(text: row, encoding: .utf16BE, hadBOM: true))
    }

    func testUTF16SurrogatePairsDecodeAndLoneSurrogatesAreErrors() throws {
        let name = "| 𠮷野 |\n"  // 𠮷 (U+20BB7) needs a surrogate pair; common in family names
        XCTAssertEqual(try SheetDecoder.decode([0xFF, 0xFE] + utf16(name, bigEndian: false), file: "s.md").text, name)
        let lone = [0xFF, 0xFE] + utf16("a\r\nbc", bigEndian: false) + [0x00, 0xDC] + utf16("d", bigEndian: false)
        assertReadError(try SheetDecoder.decode(lone, file: "s.md"), kind: .badEncoding, line: 2, column: 3)
        let odd = try SheetDecoder.decode([0xFF, 0xFE] + utf16("ab", bigEndian: false) + [0x41], file: "s.md")
        XCTAssertEqual(odd.text, "ab")
        XCTAssertEqual(odd.notes.map(\.code), ["truncated"])
    }

    func testUTF16WithoutByteOrderMarkIsRecognisedByNULBytes() throws {
        let little = try SheetDecoder.decode(utf16(row, bigEndian: false), file: "s.md")
        XCTAssertEqual(little, DecodedText(text: row, encoding: .utf16LE, hadBOM: false))
        let big = try SheetDecoder.decode(utf16(row, bigEndian: true), file: "s.md")
        XCTAssertEqual(big, DecodedText(text: row, encoding: .utf16BE, hadBOM: false))
    }

    func testCP932IsDetectedWhenNotUTF8() throws {
        // 部局 = 95 94 8B C7; ① = 87 40 and ㈱ = 87 8A are NEC extensions plain Shift_JIS lacks.
        let bytes: [UInt8] = [0x7C, 0x20, 0x95, 0x94, 0x8B, 0xC7, 0x0D, 0x0A, 0x87, 0x40, 0x87, 0x8A]
        let decoded = try SheetDecoder.decode(bytes, file: "s.md")
        XCTAssertEqual(decoded, DecodedText(text: "| 部局\r\n①㈱", encoding: .cp932, hadBOM: false))
    }

    func testCP932TextMadeByIconvRoundTrips() throws {
        let text = "| 当年度目標 | 5-2-① 多角的な連携 |\n| 髙﨑 | ～４月 | ﾊﾝｶｸ |\n"
        let decoded = try SheetDecoder.decode(try cp932(text), file: "s.md")
        XCTAssertEqual(decoded.encoding, .cp932)
        XCTAssertEqual(decoded.text, text)
    }

    // MARK: - Forced encodings

    func testForcedEncodingOverridesDetection() throws {
        let bytes = Array("部".utf8)  // E9 83 A8: valid UTF-8, and also valid CP932 (two characters)
        let decoded = try SheetDecoder.decode(bytes, file: "s.md", forced: .cp932)
        XCTAssertEqual(decoded.encoding, .cp932)
        XCTAssertEqual(decoded.text.unicodeScalars.count, 2)
        let little = try SheetDecoder.decode(utf16("ab", bigEndian: false), file: "s.md", forced: .utf16LE)
        XCTAssertEqual(little.text, "ab")
    }

    func testForcedEncodingThatDoesNotFitNamesThePosition() {
        let bytes = Array("ab\ncd".utf8) + [0x95, 0x94]  // CP932 部 after "cd" on line 2
        assertReadError(try SheetDecoder.decode(bytes, file: "s.md", forced: .utf8),
                        kind: .badEncoding, line: 2, column: 3, mentions: "0x95")
        assertReadError(try SheetDecoder.decode([0x41, 0x0A, 0x41, 0x42, 0xFF], file: "s.md", forced: .cp932),
                        kind: .badEncoding, line: 2, column: 3, mentions: "cp932")
    }

    func testForcedEncodingContradictedByByteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("abc".utf8)
        assertReadError(try SheetDecoder.decode(bytes, file: "s.md", forced: .cp932),
                        kind: .badEncoding, line: 1, column: 1, mentions: "utf-8")
    }

    // MARK: - Damaged input

    func testUTF8CutOffMidCharacterKeepsTheRestWithANote() throws {
        let bytes = Array("部局\r\nあい".utf8).dropLast(2)  // last character loses 2 of its 3 bytes
        let decoded = try SheetDecoder.decode(Array(bytes), file: "s.md")
        XCTAssertEqual(decoded.text, "部局\r\nあ")
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertEqual(decoded.notes.map(\.code), ["truncated"])
        XCTAssertEqual(decoded.notes.first?.span.start, SourcePosition(line: 2, column: 2))
    }

    func testInvalidByteThatIsNeitherUTF8NorCP932NamesLineAndColumn() {
        let bytes = Array("line1\r\nline2\rab".utf8) + [0xFF] + Array("cd".utf8)
        assertReadError(try SheetDecoder.decode(bytes, file: "s.md"), kind: .badEncoding, line: 3, column: 3)
    }

    func testInvalidByteInUTF8TextCountsColumnsInScalars() {
        // CP932 gives up earlier (at あ's third byte), so the UTF-8 reading names the position.
        let bytes = Array("部局\nあい".utf8) + [0x80]
        assertReadError(try SheetDecoder.decode(bytes, file: "s.md"), kind: .badEncoding, line: 2, column: 3)
    }

    func testInvalidByteInCP932TextIsPlacedByCP932() throws {
        let bytes = try cp932("部局\n部") + [0xFF]
        assertReadError(try SheetDecoder.decode(bytes, file: "s.md"), kind: .badEncoding, line: 2, column: 2)
    }

    func testBinaryFilesAreRefused() {
        assertReadError(try SheetDecoder.decode((0...255).map { UInt8($0) }, file: "x.png"), kind: .binary,
                        mentions: "バイナリ")
        let controls = [UInt8](repeating: 0x01, count: 20) + Array("abc".utf8)
        assertReadError(try SheetDecoder.decode(controls, file: "x.bin"), kind: .binary)
        assertReadError(try SheetDecoder.decode(Array("%PDF-1.7\n".utf8), file: "x.pdf"), kind: .binary,
                        mentions: "PDF")
    }

    func testEmptyFilesAreRefused() {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], Array(" \r\n\t\u{3000}".utf8)] {
            assertReadError(try SheetDecoder.decode(bytes, file: "e.md"), kind: .empty)
        }
    }

    // MARK: - Files

    func testReadFileDecodesAndRefusesMissingDirectoryAndTooLarge() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("decoding-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.md").path
        try Data([0xFF, 0xFE] + utf16(row, bigEndian: false)).write(to: URL(fileURLWithPath: good))
        XCTAssertEqual(try SheetDecoder.readFile(path: good, forced: nil).text, row)

        assertReadError(try SheetDecoder.readFile(path: dir.appendingPathComponent("none.md").path, forced: nil),
                        kind: .notFound)
        assertReadError(try SheetDecoder.readFile(path: dir.path, forced: nil), kind: .unreadable)
        let big = dir.appendingPathComponent("big.md").path
        try Data(repeating: 0x61, count: SheetDecoder.maxFileSize + 1).write(to: URL(fileURLWithPath: big))
        assertReadError(try SheetDecoder.readFile(path: big, forced: nil), kind: .tooLarge,
                        mentions: "\(SheetDecoder.maxFileSize)")
    }

    // MARK: - Lines

    func testSplitLinesCountsCRLFLFAndLoneCRAsOneBreakEach() {
        XCTAssertEqual(SheetDecoder.splitLines("a\r\nb\rc\nd"), ["a", "b", "c", "d"])
        XCTAssertEqual(SheetDecoder.splitLines("部局\r\n\r\n"), ["部局", "", ""])
        XCTAssertEqual(SheetDecoder.splitLines("\r\r\n\n"), ["", "", "", ""])
        XCTAssertEqual(SheetDecoder.splitLines(""), [""])
    }

    func testTwoMegabyteSingleLineDecodesQuickly() throws {
        let line = String(repeating: "| 部局 |", count: 2 * 1024 * 1024 / 10)  // 10 UTF-8 bytes each: 2 MiB
        let utf8 = Array(line.utf8), sjis = try cp932(line)
        let start = Date()
        XCTAssertEqual(try SheetDecoder.decode(utf8, file: "big.md").text.utf8.count, utf8.count)
        XCTAssertEqual(try SheetDecoder.decode(sjis, file: "big.md").text, line)  // spans many iconv chunks
        XCTAssertEqual(SheetDecoder.splitLines(line).count, 1)
        // Generous so debug builds pass; a quadratic step would take minutes, not seconds.
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    // MARK: - Helpers

    private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit -> [UInt8] in
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            return bigEndian ? [high, low] : [low, high]
        }
    }

    /// CP932 bytes made by the system's iconv(1), independently of the decoder under test.
    private func cp932(_ text: String) throws -> [UInt8] {
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("cp932-\(UUID()).txt")
        try Data(text.utf8).write(to: source)
        defer { try? FileManager.default.removeItem(at: source) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["iconv", "-f", "UTF-8", "-t", "CP932", source.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "iconv failed")
        return [UInt8](data)
    }

    private func assertReadError<T>(_ expression: @autoclosure () throws -> T, kind: ReadError.Kind,
                                    line: Int? = nil, column: Int? = nil, mentions: String? = nil,
                                    file: StaticString = #filePath, sourceLine: UInt = #line) {
        do {
            _ = try expression()
            XCTFail("expected ReadError .\(kind)", file: file, line: sourceLine)
        } catch let error as ReadError {
            XCTAssertEqual(error.kind, kind, error.description, file: file, line: sourceLine)
            if let line { XCTAssertEqual(error.position?.line, line, error.description, file: file, line: sourceLine) }
            if let column { XCTAssertEqual(error.position?.column, column, error.description, file: file, line: sourceLine) }
            if let mentions {
                XCTAssertTrue((error.message + error.messageEn).contains(mentions),
                              "\(error.message) / \(error.messageEn)", file: file, line: sourceLine)
            }
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: sourceLine)
        }
    }
}
