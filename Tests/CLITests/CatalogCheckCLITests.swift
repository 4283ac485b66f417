import Foundation
import XCTest

/// `sheetlint catalog check FILE…`: every mistake of a catalogue file at once, with
/// file:line:col; a valid file is described.
final class CatalogCheckCLITests: XCTestCase {
    func testTheBundledCataloguesAreValid() throws {
        let r = try CLIRunner.run(["catalog", "check", "examples/catalogs/sogo-keikaku.yml",
                                   "examples/catalogs/kihon-seisaku.yml", "rules/catalogs/sogo-keikaku.yml"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 3, r.stdout)
        XCTAssertTrue(r.stdout.contains("examples/catalogs/sogo-keikaku.yml: ok: sogo-keikaku（架空市総合計画（架空））: 25 件"), r.stdout)
        XCTAssertTrue(r.stdout.contains("使う規則: plan-code-title-mismatch, plan-code-unknown, plan-code-unverified"), r.stdout)
    }

    func testEveryMistakeOfAFileIsReportedAtOnce() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        let path = try CLIFixtures.write("""
            version: 1
            catalog: sogo-keikaku
            key_pattern: '^(?<chapter>\\d+)-(?<measure>\\d+)-(?<direction>[①-⑳])$'
            ranges:
              chapter: {min: 1, max: 5}
            complete: true
            titles_complete: true
            entries:
              - {key: "1-1-①", title: 一つ目}
              - {key: "1-1-①", title: 重複}
              - {key: "1-1", title: 形が違う}
              - {key: "9-1-①", title: 章が範囲外}
              - {key: "2-1-①"}
              - {key: "2-1-②", titel: 綴り違い}

            """, "plan.yml", in: dir)
        let r = try CLIRunner.run(["catalog", "check", path, "--lang", "en"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout.split(separator: "\n").map { $0.replacingOccurrences(of: path, with: "plan.yml") }, [
            "plan.yml:10:5: error: duplicate entry '1-1-①'",
            "plan.yml:11:5: error: entry '1-1' does not have the key_pattern form (^(?<chapter>\\d+)-(?<measure>\\d+)-(?<direction>[①-⑳])$)",
            "plan.yml:12:5: error: entry '9-1-①': chapter 9 is outside ranges (1–5)",
            "plan.yml:13:5: error: entry '2-1-①' has no title (titles_complete is true, or the title is empty)",
            "plan.yml:14:20: error: unknown key 'titel' in entries (did you mean 'title'?); allowed keys: key, title, source, uncertain, note",
        ])
    }

    func testAnIdNoRuleCitesAndAMissingFile() throws {
        let dir = try CLIRunner.temporaryDirectory(self)
        let text = try String(contentsOf: CLIRunner.repoRoot.appendingPathComponent("examples/catalogs/kihon-seisaku.yml"), encoding: .utf8)
        let path = try CLIFixtures.write(text.replacingOccurrences(of: "catalog: kihon-seisaku-2022", with: "catalog: policies"),
                                         "policies.yml", in: dir)
        let r = try CLIRunner.run(["catalog", "check", path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("カタログ id「policies」を参照する規則がありません"), r.stdout)
        let missing = try CLIRunner.run(["catalog", "check", "no/such.yml"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stdout, "no/such.yml: error: ファイルが見つからないか読めません\n")
    }
}
