import Foundation
import SheetModel
import XCTest
@testable import SheetReading

/// Errors: each with its kind and the position that caused it; and inputs that must not trap.
extension CanonicalTests {
    func testUnknownKeyIsReportedAtTheKey() throws {
        let error = try XCTUnwrap(readError("header:\n  department: 市民協働部\nannualGoals:\n- number: 1\n  titel: x\n"))
        XCTAssertEqual(error.kind, .unknownKey)
        XCTAssertEqual(error.file, "s.yaml")
        XCTAssertEqual(error.position, SourcePosition(line: 5, column: 3))
        XCTAssertTrue(error.messageEn.contains("'titel'") && error.messageEn.contains("annualGoals[0]"), error.messageEn)
        XCTAssertTrue(error.messageEn.contains("title, plan, results"), error.messageEn)
        XCTAssertTrue(error.message.contains("「titel」"), error.message)
        // After Japanese text on the same line the column still counts scalars.
        let flow = try XCTUnwrap(readError("header: {department: 市民協働部, bu: x}\n"))
        XCTAssertEqual(flow.kind, .unknownKey)
        XCTAssertEqual(flow.position, SourcePosition(line: 1, column: 29))
        XCTAssertEqual(readError("fiscalyear: 2024\n")?.position, SourcePosition(line: 1, column: 1))
    }

    func testWrongTypesAreMalformedWithPosition() throws {
        let header = try XCTUnwrap(readError("header:\n- 市民協働部\n"))
        XCTAssertEqual(header.kind, .malformed)
        XCTAssertEqual(header.position, SourcePosition(line: 2, column: 1))
        XCTAssertTrue(header.messageEn.contains("header must be a mapping, found a list"), header.messageEn)
        for year in ["令和6", "\"2024\"", "2024.5", "[2024]"] {
            let error = try XCTUnwrap(readError("fiscalYear: \(year)\n"), year)
            XCTAssertEqual(error.kind, .malformed, year)
            XCTAssertEqual(error.position, SourcePosition(line: 1, column: 13), year)
        }
        XCTAssertEqual(readError("annualGoals:\n- title: [a]\n")?.position, SourcePosition(line: 2, column: 10))
        XCTAssertEqual(readError("midTermGoals:\n- body:\n  - subItems:\n    - text: no number\n")?.kind, .malformed)
        XCTAssertEqual(readError("annualGoals:\n- policies: [七十]\n")?.kind, .malformed)
        XCTAssertEqual(readError("suppress: yes\n")?.kind, .malformed)
        XCTAssertNil(readError("suppress:\n- rule: x\n"))
    }

    func testSyntaxErrorsCarryYamsPosition() throws {
        let error = try XCTUnwrap(readError("header:\n  department: 市民協働部\n   position: 部長\n"))
        XCTAssertEqual(error.kind, .malformed)
        XCTAssertEqual(error.position?.line, 3)
        let json = try XCTUnwrap(readError("{\"header\": {\"department\": \"市民\"\n"))
        XCTAssertEqual(json.kind, .malformed)
        XCTAssertNotNil(json.position)
        let duplicate = try XCTUnwrap(readError("fiscalYear: 2023\nfiscalYear: 2024\n"))
        XCTAssertEqual(duplicate.kind, .malformed)
    }

    func testDocumentsThatAreNotSheets() {
        for text in ["", "# only a comment\n", "- a\n- b\n", "just text\n", "42", "null\n"] {
            XCTAssertEqual(readError(text)?.kind, .notASheet, text)
        }
    }

    func testAnchorsAndDeepNestingAreRejected() {
        XCTAssertEqual(readError("header: &h {department: x}\nmission: *h\n")?.kind, .malformed)
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        XCTAssertEqual(readError("mission: " + deep)?.kind, .malformed)
        let dashes = "mission:\n" + String(repeating: "- ", count: 5000) + "x\n"
        XCTAssertEqual(readError(dashes)?.kind, .malformed)
    }

    /// Truncations and small mutations of valid files give a sheet or a `ReadError`, never a trap.
    func testMangledInputNeverTraps() throws {
        let yaml = try example().text
        let json = CanonicalSheetWriter.json(try example().sheet)
        var random = SplitMix64(seed: 2024)
        for text in [yaml, json] {
            let scalars = Array(text.unicodeScalars)
            for cut in stride(from: 0, to: scalars.count, by: max(1, scalars.count / 300)) {
                assertReadsOrThrowsReadError(String(String.UnicodeScalarView(scalars[..<cut])))
            }
            let noise: [Unicode.Scalar] = ["\"", "'", ":", "-", "{", "}", "[", "]", "\n", " ", "#", "&", "*", "!",
                                           "|", ">", "\\", "\u{0}", "\u{FEFF}", "\u{2028}", "①", "0"]
            for _ in 0..<200 {
                var mutated = scalars
                for _ in 0..<Int(random.next() % 4 + 1) {
                    let at = Int(random.next() % UInt64(mutated.count))
                    switch random.next() % 3 {
                    case 0: mutated.remove(at: at)
                    case 1: mutated.insert(noise[Int(random.next() % UInt64(noise.count))], at: at)
                    default: mutated[at] = noise[Int(random.next() % UInt64(noise.count))]
                    }
                }
                assertReadsOrThrowsReadError(String(String.UnicodeScalarView(mutated)))
            }
        }
    }

    private func assertReadsOrThrowsReadError(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let sheet = try CanonicalSheetReader.read(text: text, file: "f.yaml")
            // Whatever was read must also write and read back.
            XCTAssertTrue(try CanonicalSheetReader.read(text: CanonicalSheetWriter.yaml(sheet), file: "w")
                .contentEquals(sheet), text, file: file, line: line)
        } catch {
            XCTAssertTrue(error is ReadError, "\(error) for \(text)", file: file, line: line)
        }
    }
}

/// A small deterministic generator, so a failing mutation can be replayed.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
