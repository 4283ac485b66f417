@testable import SheetRules
import XCTest
import Yams

/// Integers in configuration and rule files are read as Yams reads them, but a sexagesimal
/// one (YAML 1.1 `1:30`) that does not fit an `Int` is no integer instead of a crash: FuzzConfig
/// stopped the process with `fiscalYear: 1011666666666666666:6` in a `.sheetlint.yml`.
final class YAMLIntegerTests: XCTestCase {
    private func integer(_ text: String) throws -> Int? {
        let node = try XCTUnwrap(try Yams.compose(yaml: "v: \(text)\n")?.mapping?["v"])
        return YAMLValue.integer(node)
    }

    func testTheFuzzedConfigurationIsAnErrorNotACrash() {
        let (config, errors) = ConfigFile.parse(text: "rulepmissang: off}\nfiscalYear: 1011666666666666666:666666\n",
                                                file: ".sheetlint.yml", knownRuleIds: [])
        XCTAssertNil(config.fiscalYear)
        XCTAssertTrue(errors.contains { $0.message.contains("fiscalYear は整数で書いてください") }, "\(errors)")
    }

    func testSexagesimalPastIntIsNoInteger() throws {
        XCTAssertNil(try integer("1011666666666666666:6"))        // the value overflows
        XCTAssertNil(try integer("1" + String(repeating: ":0", count: 11)))  // 60^11 > Int.max
        XCTAssertNil(try integer("-153722867280912930:7:0"))      // past Int.min
        XCTAssertEqual(try integer("33:44"), 2024)
        XCTAssertEqual(try integer("-1:30"), -90)
        XCTAssertEqual(try integer("1_0:0_0"), 600)
        // Eleven parts fit (60^10); Yams computed one place value too many (60^11) and
        // trapped on them too.
        XCTAssertEqual(try integer("1" + String(repeating: ":0", count: 10)), 604_661_760_000_000_000)
    }

    /// Everything Yams reads without trapping is read the same.
    func testOtherwiseAsYams() throws {
        let texts = ["0", "7", "-7", "+7", "2024", "0x7E8", "0o17", "017", "0b101", "1_000", "1:30", "+1:30",
                     "190:20:30", "1:-5", "1::2", ":5", "0:30", "abc", "1.5", "", "~", "true",
                     "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1:60", "1:x"]
        for text in texts {
            let node = try XCTUnwrap(try Yams.compose(yaml: "v: \(text)\n")?.mapping?["v"])
            XCTAssertEqual(YAMLValue.integer(node), node.int, text)
        }
        let quoted = try XCTUnwrap(try Yams.compose(yaml: "v: '1:30'\n")?.mapping?["v"])
        XCTAssertEqual(YAMLValue.integer(quoted), quoted.int)
    }

    /// The digits-only reading (`plainDecimal`, which skips Yams' Foundation call) answers
    /// exactly what Yams does wherever it answers at all, and leaves everything else to Yams.
    func testPlainDecimalsAreReadAsYamsReadsThem() throws {
        let texts = ["0", "00", "01", "007", "1", "7", "10", "2024", "99", "123456789012345678", "9223372036854775807",
                     "9223372036854775808", "99999999999999999999", "１２", "1_0", "-1", "+1", "1 ", "1e3", "0x1",
                     "'12'", "\"12\"", "|\n  12", "!!str 12", "!!int 12", "12:00"]
        var read = 0
        for text in texts {
            let node = try XCTUnwrap(try Yams.compose(yaml: "v: \(text)\n")?.mapping?["v"])
            guard case .scalar(let scalar) = node else { return XCTFail(text) }
            if let value = YAMLValue.plainDecimal(scalar) {
                read += 1
                XCTAssertEqual(value, node.int, text)
            } else {
                XCTAssertTrue(["0", "1", "7", "10", "2024", "99"].allSatisfy { $0 != text }, text)
            }
            XCTAssertEqual(YAMLValue.integer(node), node.int, text)
        }
        XCTAssertGreaterThanOrEqual(read, 8)
    }
}
