import Foundation
import XCTest

/// `notation-variance` on ordinary official Japanese: fixed compounds, proper names and
/// quoted titles are not variants, and こども after a particle is counted as こども.
final class NotationVarianceCLITests: XCTestCase {
    /// Lints a canonical sheet with one annual goal; returns the notation-variance lines.
    private func variance(plan: String, results: String = "実施しました。", policyTitle: String? = nil) throws -> [String] {
        let dir = try CLIRunner.temporaryDirectory(self)
        var yaml = """
            fiscalYear: 2024
            header: {department: 架空部, position: 部長, name: 山田 花子}
            annualGoals:
            - number: 1
              title: 目標
              plan: [{number: 1, text: "\(plan)"}]
              results: "\(results)"

            """
        if let policyTitle { yaml += "  policies: [{number: 70, title: \"\(policyTitle)\"}]\n" }
        try CLIFixtures.write(yaml, "sheet.yaml", in: dir)
        let r = try CLIRunner.run(["lint", "sheet.yaml", "--stage", "review"], in: dir)
        XCTAssertNotEqual(r.status, 2, r.stderr)
        return r.stdout.split(separator: "\n").map(String.init).filter { $0.hasSuffix("[notation-variance]") }
    }

    func testAnEstablishedCompoundIsNotAVariant() throws {
        XCTAssertEqual(try variance(plan: "各部局の取組状況を取りまとめ、取組みの成果を公表します（6月）。"), [])
        // The bare noun 取組 beside 取組み still is.
        XCTAssertEqual(try variance(plan: "取組を進め、取組みの成果と取組みの課題を公表します（6月）。").count, 1)
    }

    func testKodomoAfterAParticleCountsAndTheMajorityIsNamed() throws {
        let found = try variance(plan: "校区のこどもたちと、こどもの居場所を考えます（6月）。", results: "子どもの意見を聞きました。")
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.contains("「子ども」の表記が揺れています（「子ども」と「こども」）") ?? false, "\(found)")
    }

    func testProperNamesAreNotVariants() throws {
        XCTAssertEqual(try variance(plan: "子どもの居場所として認定こども園と連携し、こども家庭庁の補助を受けます（6月）。",
                                    results: "子ども・子育て支援法にもとづき、子どもの相談を受けました。"), [])
    }

    func testACitedPolicyTitleIsNotTheDepartmentsNotation() throws {
        XCTAssertEqual(try variance(plan: "地域の取組みを支援します（6月）。", policyTitle: "みんなで取り組み支え合うまちづくりの推進"), [])
    }
}
