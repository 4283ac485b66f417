import SheetRules

/// SARIF `partialFingerprints.primaryLocationLineHash`: identifies a finding by what it is
/// about, not where it is, so it survives unrelated lines moving (GitHub's approach: a hash
/// of the line's content plus an occurrence counter for identical lines).
///
/// The hash covers the rule id, the model path and the normalized text of the finding's
/// start line — never a line or column number. Only the start line is used so that a finding
/// spanning a whole cell keeps its fingerprint when other parts of that cell are edited.
/// When the source line is not available the Japanese message stands in for it (never the
/// English one, so `--lang` does not change fingerprints).
public enum LineFingerprint {
    /// `<16 hex digits>` — FNV-1a 64 of `ruleId`, `modelPath` and `normalized(lineText)`.
    /// Stable across runs, platforms and Swift versions (unlike `Hasher`).
    public static func contentHash(ruleId: String, modelPath: String, lineText: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [ruleId, modelPath, normalized(lineText)] {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0x1F  // unit separator, so ("ab", "c") and ("a", "bc") differ
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The line with leading and trailing whitespace removed and every inner run of
    /// whitespace (including the ideographic space U+3000) collapsed to one ASCII space, so
    /// re-indenting a line does not change its fingerprint.
    public static func normalized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The text the fingerprint of `finding` covers: its start line from `sourceLines`, or
    /// its Japanese message when that line is unknown.
    public static func lineText(of finding: Finding, sourceLines: [String: [String]]) -> String {
        let index = finding.span.start.line - 1
        if let lines = sourceLines[finding.span.file], lines.indices.contains(index) {
            return lines[index]
        }
        return finding.message
    }

    /// `<hash>:<n>` for every finding of the report, in report order: `n` counts findings of
    /// the same file with the same content hash, from 1 in output order.
    public static func primaryLocationLineHashes(_ report: LintReport) -> [String] {
        let counter = Counter(report)
        return report.findings.map { counter.next($0) }
    }

    /// `primaryLocationLineHashes(report)` one finding at a time: `next` is given the
    /// report's findings in order. When each file's findings are together (as in a sorted
    /// report) only the current file's hashes are remembered.
    final class Counter {
        private let sourceLines: [String: [String]]
        private let contiguous: Bool
        private var file: String?
        private var seen: [String: Int] = [:]

        init(_ report: LintReport) {
            sourceLines = report.sourceLines
            var finished = Set<String>()
            var current: String?
            var contiguous = true
            for n in report.findings.indices {
                let file = report.findings.file(at: n)
                guard file != current else { continue }
                if let current { finished.insert(current) }
                if finished.contains(file) { contiguous = false; break }
                current = file
            }
            self.contiguous = contiguous
        }

        func next(_ finding: Finding) -> String {
            if contiguous && finding.span.file != file {
                seen.removeAll(keepingCapacity: true)
                file = finding.span.file
            }
            let hash = contentHash(ruleId: finding.ruleId, modelPath: finding.path,
                                   lineText: lineText(of: finding, sourceLines: sourceLines))
            let key = finding.span.file + "\u{0}" + hash
            let n = (seen[key] ?? 0) + 1
            seen[key] = n
            return "\(hash):\(n)"
        }
    }
}
