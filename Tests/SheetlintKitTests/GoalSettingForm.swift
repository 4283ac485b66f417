import Foundation
import SheetModel
import SheetReading

/// The goal-setting form (当初設定) of a sheet: the same sheet as it stood when submitted in
/// April, with every 実績, 課題・今後の方向性 and 取り組みの総括 emptied and everything else
/// kept. Made by the tests from each fixture, so no hand-made copy can drift.
enum GoalSettingForm {
    /// The published (Markdown) form: every table cell holding results, directions or a
    /// 総括 (found from the model's spans) is emptied, so lines and the other cells stay
    /// where they were.
    static func markdown(_ text: String, sheet: Sheet) -> String {
        // Split on LF scalars (a CRLF is one Character): CR stays at the end of its line.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        var spans: [SourceSpan] = sheet.annualGoals.flatMap { goal in
            (goal.results.items + goal.directions.items).map(\.span)
        }
        spans += sheet.approaches.compactMap(\.review?.span)
        // Each span's line and its cell's bounds (scalar offsets of the pipes around it).
        var cells = Set<[Int]>()
        for span in spans where lines.indices.contains(span.start.line - 1) {
            let row = lines[span.start.line - 1]
            let at = span.start.column - 1
            guard at <= row.count, let open = row[..<min(at, row.count)].lastIndex(of: "|"),
                  let close = row[at...].firstIndex(of: "|") else { continue }
            cells.insert([span.start.line - 1, open, close])
        }
        // Right to left, so that earlier offsets on a line stay valid.
        for cell in cells.sorted(by: { ($0[0], $0[1]) > ($1[0], $1[1]) }) {
            lines[cell[0]].replaceSubrange((cell[1] + 1)..<cell[2], with: " ".unicodeScalars)
        }
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    }

    /// The canonical form: the model with results, directions and 総括 removed, written
    /// back as canonical YAML.
    static func canonical(_ sheet: Sheet) -> String {
        CanonicalSheetWriter.yaml(emptied(sheet), spans: false)
    }

    /// `sheet` with its results, directions and 総括 removed (what reading the goal-setting
    /// form must give, apart from spans).
    static func emptied(_ sheet: Sheet) -> Sheet {
        var s = sheet
        for i in s.annualGoals.indices {
            s.annualGoals[i].results = ItemList()
            s.annualGoals[i].directions = ItemList()
        }
        for i in s.approaches.indices { s.approaches[i].review = nil }
        return s
    }
}
