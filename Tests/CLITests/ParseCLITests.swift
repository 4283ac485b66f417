import Foundation
import XCTest

/// `sheetlint parse` on good and bad input: output form, exit codes, messages naming the file.
final class ParseCLITests: XCTestCase {
    private let minimalSheet = """
    | 部 局 | 架空部 | 補 職 | 部長 | 氏 名 | 山田 花子 |
    |--|--|--|--|--|--|

    1. 部局の使命

    - (1) 架空の使命を果たす

    3. 当年度目標と目標設定に対する振り返り等

    | No | 当年度目標(当初設定) | 実績 | |
    |--|--|--|--|
    | 1 | <p>架空の目標</p> <p>(1) 取り組みます。</p> <ul> ・会議(9月) | <p>(1) 実施しました。</p> | <p>(1) 続けます。</p> |
    | | <p>総合計画</p> <p>５－２－① 公正で効果的・効率的な市政運営を進めます。</p> | | |

    """

    private func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testJSONOutputCarriesModelAndSpans() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        let path = try write(minimalSheet, "sheet.md", in: dir)
        let result = try CLIRunner.run(["parse", path, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let header = try XCTUnwrap(json["header"] as? [String: Any])
        XCTAssertEqual(header["department"] as? String, "架空部")
        let goals = try XCTUnwrap(json["annualGoals"] as? [[String: Any]])
        XCTAssertEqual(goals.count, 1)
        XCTAssertEqual(goals[0]["span"] as? String, "12:1-13:\(Array("| | <p>総合計画</p> <p>５－２－① 公正で効果的・効率的な市政運営を進めます。</p> | | |".unicodeScalars).count + 1)")
        let codes = try XCTUnwrap(goals[0]["planCodes"] as? [[String: Any]])
        XCTAssertEqual(codes.first?["code"] as? String, "5-2-①")
        XCTAssertEqual(codes.first?["written"] as? String, "５－２－①")
    }

    func testDumpReportsUnicodeScalarColumns() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        let path = try write(minimalSheet, "sheet.md", in: dir)
        let result = try CLIRunner.run(["parse", path, "--format", "dump"])
        XCTAssertEqual(result.status, 0, result.stderr)
        // `| 部 局 | ` is 8 scalars, so 架空部 starts at column 9 and ends before column 12.
        XCTAssertTrue(result.stdout.contains("header.department = \"架空部\" @1:9-1:12"), result.stdout)
    }

    func testBadInputExitsTwoNamingTheFile() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        let cases: [(String, Data, String)] = [
            ("empty.md", Data(), "空"),
            ("binary.md", Data([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10] + Array(repeating: 0, count: 64)), "バイナリ"),
            ("plain.md", Data("hello\nworld\n".utf8), "目標設定シート"),
            ("broken.yaml", Data("header: [unclosed\n".utf8), "broken.yaml:"),
        ]
        for (name, bytes, expected) in cases {
            let url = dir.appendingPathComponent(name)
            try bytes.write(to: url)
            let result = try CLIRunner.run(["parse", url.path])
            XCTAssertEqual(result.status, 2, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(name), "\(name): message must name the file: \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected), "\(name): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(name): nothing on standard output")
        }
    }

    func testMissingFileAndBadOptionsExitTwo() throws {
        let missing = try CLIRunner.run(["parse", "/nonexistent/sheet.md"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("/nonexistent/sheet.md"))
        let badFormat = try CLIRunner.run(["parse", "x.md", "--format", "xml"])
        XCTAssertEqual(badFormat.status, 2)
        let badEncoding = try CLIRunner.run(["parse", "x.md", "--encoding", "ebcdic"])
        XCTAssertEqual(badEncoding.status, 2)
    }

    func testTruncatedUTF8GivesModelAndNote() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        let url = dir.appendingPathComponent("cut.md")
        var bytes = Data(minimalSheet.utf8)
        bytes.append(contentsOf: [0xE9, 0x83])  // first two bytes of a three-byte character
        try bytes.write(to: url)
        let result = try CLIRunner.run(["parse", url.path, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("[truncated]"), result.stderr)
        XCTAssertTrue(result.stdout.contains("架空部"))
    }

    func testForcedEncodingAndFiscalYearOption() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        let path = try write(minimalSheet, "sheet.md", in: dir)
        let result = try CLIRunner.run(["parse", path, "--format", "json", "--fiscal-year", "2030", "--encoding", "utf-8"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\"fiscalYear\": 2030"), result.stdout)
    }
}
