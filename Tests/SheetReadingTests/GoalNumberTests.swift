@testable import SheetReading
import SheetModel
import XCTest

/// Goal numbers of three digits start goals too; policy rows after citations do not.
final class GoalNumberTests: XCTestCase {
    func testThreeDigitGoalAfterCitationsIsANewGoal() {
        let text = """
        3. 当年度目標

        | No | 当年度目標 | 実績 | |
        |--|--|--|--|
        | 99 | <p>題99</p><p>(1) 実施します(4月)</p> | <p>(1) 実施</p> | <p>(1) 継続</p> |
        | 基本政策 | | | |
        | 35 | スマートシティの推進 | 67 | 公民学連携の推進 |
        | 100 | <p>題100</p><p>(1) 実施します(5月)</p> | <p>(1) 実施</p> | <p>(1) 継続</p> |

        """
        let sheet = MarkdownSheetReader.read(text: text, file: "n.md")
        XCTAssertEqual(sheet.annualGoals.map(\.number), [99, 100])
        XCTAssertEqual(sheet.annualGoals[0].policies.map(\.number), [35, 67])
        XCTAssertEqual(sheet.annualGoals[1].title?.text, "題100")
        XCTAssertTrue(sheet.notes.isEmpty, "\(sheet.notes)")
    }
}
