import Foundation
import XCTest

/// A small fictional sheet with exactly one finding of each severity:
/// - error `plan-code-placeholder` at 20:20 (総合計画 0-0-0),
/// - warning `plan-item-without-schedule` at 19:56 (plan item (2) has no timing),
/// - info `mixed-width-brackets` (（仮） beside half-width brackets).
enum CLIFixtures {
    static let gateSheet = """
| 部 局 | 架空部 | 補 職 | 部長 | 氏 名 | 山田 花子 |
|--|--|--|--|--|--|

1. 部局の使命

- (1) 架空の使命（仮）を果たす

2. 使命を遂行するための取り組み方針と、それに基づく取り組みの総括

| 方針 | 取り組みの総括 |
|--|--|
| <p>(1) 方針です。</p> | <p>(1) 総括です。</p> |

3. 当年度目標と目標設定に対する振り返り等

| No | 当年度目標(当初設定) | 実績 | |
|--|--|--|--|
| | 取組み事項及びその内容・スケジュール | 取組みを行った内容・成果 | 課題・今後の方向性 |
| 1 | <p>架空の目標</p> <p>(1) 会議を開きます。</p> <ul> ・会議(9月) <p>(2) 調査します。</p> | <p>(1) 開きました。</p> <p>(2) 調査しました。</p> | <p>(1) 続けます。</p> <p>(2) 続けます。</p> |
| | <p>総合計画</p> <p>0-0-0</p> | | |
| | <p>基本政策</p> <p>70 みんなで取り組み支え合うまちづくりの推進</p> | | |

4. 中期目標(概ね今後4年間)

| No | 取組み事項及び取組みにあたっての課題・めざす成果など | スケジュール(工程) |
|--|--|--|
| 1 | <p>架空の中期目標</p> <p>(1) 進めます。</p> | <p>①策定：令和5年度(2023年度)</p> |
| 総合計画 | | |
| 5-2-① | 公正で効果的・効率的な市政運営を進めます。 | |
| 基本政策 | | |
| 70 | みんなで取り組み支え合うまちづくりの推進 | |
"""

    /// Writes `text` as `name` in `directory`, returning the path.
    @discardableResult
    static func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
