import Foundation
import XCTest

/// Issue #8, defect 10: `extends:` in a repository's `.sheetlint.yml` read any absolute path
/// or path outside the repository and echoed its first key (`extends: /etc/shadow` printed
/// a password hash line).
final class RepositoryConfinementCLITests: XCTestCase {
    private var outside: URL!
    private var repo: URL!
    private let secret = "root:$6$saltsalt$SECRETHASH:19000:0:99999:7:::\n"

    override func setUpWithError() throws {
        outside = try BoundedRun.openDirectory(self)
        try secret.write(to: outside.appendingPathComponent("shadow"), atomically: false, encoding: .utf8)
        try "catalog: {id: x}\n".write(to: outside.appendingPathComponent("cat.yml"), atomically: false, encoding: .utf8)
        repo = outside.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try CLIFixtures.write(CLIFixtures.gateSheet, "sheets/sheet.md", in: repo)
    }

    private func lint(config: String, _ extra: [String] = []) throws -> BoundedRun.Result {
        try CLIFixtures.write(config, "sheets/.sheetlint.yml", in: repo)
        return try BoundedRun.run(["lint", "--lang", "en"] + extra + ["sheets"], in: repo)
    }

    func testExtendsAndCatalogsOutsideTheRepositoryAreRefusedWithoutQuotingThem() throws {
        try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("inner.yml").path,
                                                   withDestinationPath: outside.appendingPathComponent("shadow").path)
        for config in ["extends: \(outside.appendingPathComponent("shadow").path)\n", "extends: ../../shadow\n",
                       "extends: ../inner.yml\n", "catalogs: [../../cat.yml]\n"] {
            let result = try lint(config: config)
            XCTAssertEqual(result.status, 2, config)
            XCTAssertTrue(result.stderr.contains("is outside the repository"), "\(config): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("SECRET"), "\(config): \(result.stderr)")
        }
    }

    func testInsideTheRepositoryStillWorks() throws {
        try CLIFixtures.write("rules:\n  plan-code-placeholder: warning\n", "base.yml", in: repo)
        let result = try lint(config: "extends: ../base.yml\n")
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testAFileThatIsNotAConfigurationIsNotQuoted() throws {
        // Named on the command line it is read (the command line is trusted), but an error
        // quotes none of a file that is not a configuration.
        let result = try BoundedRun.run(["lint", "--lang", "en", "--config", outside.appendingPathComponent("shadow").path, "sheets"], in: repo)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("not a sheetlint configuration"), result.stderr)
        XCTAssertFalse(result.stderr.contains("SECRET"), result.stderr)
        XCTAssertFalse(result.stderr.contains("root"), result.stderr)
    }
}
