import SheetRules

/// `file:line:col: severity: message [rule-id]`, one line per finding, then a summary line;
/// a `file: info: …` line states a sheet's stage when it was inferred (`StageNote`).
///
/// The severity word is always English (`error`, `warning`, `info`), as compilers print it,
/// so editors' problem matchers parse it in both languages; the message and the summary
/// follow `LintReport.language`. Line breaks inside a message are printed as spaces so that
/// each finding stays on one line; every other control character in a message or file name
/// is printed as `\u{…}` (`TerminalText`), so a sheet cannot drive the reader's terminal.
public enum TextReporter {
    /// Renders the report; ends with a newline. A file whose stage was inferred gets one
    /// `file: info: …` note (`StageNote`) before its first finding; files without findings
    /// get theirs after the last finding, in `files` order. Notes are not counted.
    public static func render(_ report: LintReport) -> String {
        var out = ""
        render(report, to: &out)
        return out
    }

    /// `render(report)`, written into `out` line by line.
    public static func render<Out: TextOutputStream>(_ report: LintReport, to out: inout Out) {
        var noted = Set<String>()
        func note(_ path: String) {
            guard report.stageNotes, noted.insert(path).inserted, let stage = report.stages[path],
                  let line = StageNote.line(file: TerminalText.escaped(ArtifactPath(path, root: report.root).display), stage: stage,
                                            english: report.language.isEnglish) else { return }
            out.write(line + "\n")
        }
        for finding in report.findings {
            note(finding.span.file)
            let file = TerminalText.escaped(ArtifactPath(finding.span.file, root: report.root).display)
            let message = TerminalText.escaped(oneLine(report.message(finding)))
            out.write("\(file):\(finding.span.start.line):\(finding.span.start.column): "
                + "\(finding.severity.rawValue): \(message) [\(TerminalText.escaped(finding.ruleId))]\n")
        }
        for file in report.files { note(file) }
        out.write(summary(report) + "\n")
        if let line = report.gate?.line(report.language) { out.write(line + "\n") }
    }

    /// `2 個のエラー、1 個の警告、0 個の情報（3 ファイル）` or
    /// `2 errors, 1 warning, 0 infos in 3 files`; with `--quiet`, the count it hides is
    /// added (`（3 ファイル、--quiet で 4 件を非表示）`, `in 3 files (4 hidden by --quiet)`).
    public static func summary(_ report: LintReport) -> String {
        let (e, w, i, f) = (report.count(.error), report.count(.warning), report.count(.info), report.fileCount)
        let h = report.hidden.count
        switch report.language {
        case .ja:
            return "\(e) 個のエラー、\(w) 個の警告、\(i) 個の情報（\(f) ファイル\(h > 0 ? "、--quiet で \(h) 件を非表示" : "")）"
        case .en:
            return "\(counted(e, "error")), \(counted(w, "warning")), \(counted(i, "info")) in \(counted(f, "file"))"
                + (h > 0 ? " (\(h) hidden by --quiet)" : "")
        }
    }

    private static func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// Replaces CR, LF and CRLF with a single space.
    static func oneLine(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) else { return s }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in s.unicodeScalars {
            if scalar == "\n" && previousCR { previousCR = false; continue }
            previousCR = scalar == "\r"
            out.append(scalar == "\n" || scalar == "\r" ? " " : scalar)
        }
        return String(out)
    }
}
