import SheetModel
import SheetReporting
import SheetRules

/// Works out findings' `SourceDigest`s from one sheet's lines, in the sheet's worker, so
/// that a SARIF or baseline run keeps 16 bytes per finding instead of every sheet's lines
/// until its output. The hashes are those the reporters made from the lines at output:
/// SARIF's from the finding's start line (`LineFingerprint.Counter`), the baseline's from
/// the text under its span (`Baseline.entry`, `SpanText`), each from the Japanese message
/// when the line is not in the file.
final class SourceDigester {
    /// The sheet's path, as findings' spans name it.
    let file: String
    /// Its lines without terminators (index 0 is line 1).
    let lines: [String]
    private var spanTexts = SpanText.Cache()
    /// `fingerprintText` of the long lines met, by line number (normalized once each).
    private var longLines: [Int: String] = [:]

    /// Whether span digests are made (for baselines; SARIF reads only the line's).
    let spans: Bool

    init(file: String, lines: [String], spans: Bool = true) {
        self.file = file
        self.lines = lines
        self.spans = spans
    }

    /// The digest of a finding of `ruleId` at `path` and `span`, from the lines; `none`
    /// when its line is not one of this sheet's (the message then stands in for it).
    func digest(ruleId: String, path: String, span: SourceSpan) -> SourceDigest {
        guard span.file == file, span.start.line >= 1, span.start.line <= lines.count else { return .none }
        guard spans else {
            return SourceDigest(line: LineFingerprint.contentDigest(ruleId: ruleId, modelPath: path, fingerprintText: lineText(span.start.line)))
        }
        guard let spanText = spanTexts.fingerprintText(of: span, in: lines) else { return .none }
        return SourceDigest(line: LineFingerprint.contentDigest(ruleId: ruleId, modelPath: path, fingerprintText: lineText(span.start.line)),
                            span: LineFingerprint.contentDigest(ruleId: ruleId, modelPath: path, fingerprintText: spanText))
    }

    /// `finding` with its digest: from its line, or from its Japanese message when that
    /// line is not in the sheet (as the reporters did without the line).
    func stamped(_ finding: Finding) -> Finding {
        var f = finding
        f.digest = digest(ruleId: f.ruleId, path: f.path, span: f.span)
        if !f.digest.isKnown {
            let hash = LineFingerprint.contentDigest(ruleId: f.ruleId, modelPath: f.path,
                                                     fingerprintText: LineFingerprint.fingerprintText(f.message))
            f.digest = spans ? SourceDigest(line: hash, span: hash) : SourceDigest(line: hash)
        }
        return f
    }

    private func lineText(_ number: Int) -> String {
        let line = lines[number - 1]
        guard line.utf8.count > 256 else { return LineFingerprint.fingerprintText(line) }
        if let known = longLines[number] { return known }
        let text = LineFingerprint.fingerprintText(line)
        longLines[number] = text
        return text
    }
}
