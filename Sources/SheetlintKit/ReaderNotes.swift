import SheetModel
import SheetRules

/// What the reader could not place becomes a finding of the `reader-note` rule, so it is
/// seen, suppressed and baselined like any other finding instead of vanishing.
public enum ReaderNotes {
    /// The id under which reader notes are reported.
    public static let ruleId = "reader-note"

    static func findings(_ notes: [ReadNote]) -> [Finding] {
        notes.map { note in
            Finding(ruleId: ruleId, severity: .warning, message: "\(note.message)（\(note.code)）",
                    messageEn: "\(note.messageEn) (\(note.code))", span: note.span, path: "")
        }
    }
}
