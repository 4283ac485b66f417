import Foundation
import SheetModel
import XCTest
@testable import SheetReading

/// The README's example, `examples/toshi-seisaku.md`, reads cleanly and holds exactly the
/// deliberate problems `examples/README.md` lists, so the linter demo shows them.
final class ExampleSheetTests: XCTestCase {
    private func example() throws -> Sheet {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/toshi-seisaku.md")
        let decoded = try SheetDecoder.decode([UInt8](try Data(contentsOf: url)), file: "toshi-seisaku.md")
        return try SheetReader.read(decoded: decoded, path: "toshi-seisaku.md")
    }

    func testReadsCleanly() throws {
        let sheet = try example()
        XCTAssertEqual(sheet.notes.map { "\($0.code) @\($0.span.compactDescription)" }, [])
        XCTAssertEqual(sheet.fiscalYear, 2024)
        XCTAssertEqual(sheet.fiscalYearSource, .field)
        XCTAssertEqual(sheet.header.department?.text, "都市政策部")
        XCTAssertEqual(sheet.mission.numbers, [1, 2, 3])
        XCTAssertEqual(sheet.approaches.map { [$0.approach != nil, $0.review != nil] }, Array(repeating: [true, true], count: 3))
        XCTAssertEqual(sheet.annualGoals.map(\.number), [1, 2, 3, 4])
        XCTAssertEqual(sheet.midTermGoals.map(\.number), [1, 2, 3])
        XCTAssertEqual(sheet.annualGoals.map { $0.policies.map(\.number) }, [[35], [18], [35, 67], [67]])
        XCTAssertEqual(sheet.midTermGoals.map { $0.planCodes.map(\.code) }, [["3-1-①"], ["3-1-①"], ["2-1-②", "5-2-④"]])
        XCTAssertEqual(sheet.midTermGoals[2].schedule.numbers, [1, 2, 3])
        XCTAssertEqual(sheet.annualGoals[3].results.items[0].subItems.map(\.number), [1, 2])
    }

    func testHoldsTheDeliberateProblems() throws {
        let sheet = try example()
        // Exactly one 0-0-0, in annual goal 4.
        let codes = (sheet.annualGoals.map(\.planCodes) + sheet.midTermGoals.map(\.planCodes)).flatMap { $0 }
        XCTAssertEqual(codes.filter { $0.code == "0-0-0" }.count, 1)
        XCTAssertEqual(sheet.annualGoals[3].planCodes.map(\.code), ["0-0-0"])
        // Annual goal 2: plan (3) has no result (3), but a direction (3).
        XCTAssertEqual(sheet.annualGoals[1].plan.numbers, [1, 2, 3])
        XCTAssertEqual(sheet.annualGoals[1].results.numbers, [1, 2])
        XCTAssertEqual(sheet.annualGoals[1].directions.numbers, [1, 2, 3])
        // Annual goal 3 (plan on the row after its title): item (2) has no schedule entry.
        XCTAssertEqual(sheet.annualGoals[2].plan.numbers, [1, 2])
        XCTAssertEqual(sheet.annualGoals[2].plan.items[1].schedule, [])
        XCTAssertEqual(sheet.annualGoals[2].plan.items[0].schedule.map(\.timing), ["年6回", "3月"])
        // Mid-term goal 2: 令和6年度 is 2024, not 2025.
        XCTAssertEqual(sheet.midTermGoals[1].schedule.items[1].schedule.map(\.timing), ["令和6年度（2025年度）"])
        // Every other list is answered: no other plan item lacks a result or a direction.
        for (i, goal) in sheet.annualGoals.enumerated() where i != 1 {
            XCTAssertEqual(goal.plan.numbers, goal.results.numbers, "annual goal \(i + 1)")
            XCTAssertEqual(goal.plan.numbers, goal.directions.numbers, "annual goal \(i + 1)")
        }
    }
}
