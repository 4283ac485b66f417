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
    /// `<16 hex digits>` — FNV-1a 64 of `ruleId`, `modelPath` and `fingerprintText(lineText)`.
    /// Stable across runs, platforms and Swift versions (unlike `Hasher`).
    public static func contentHash(ruleId: String, modelPath: String, lineText: String) -> String {
        contentHash(ruleId: ruleId, modelPath: modelPath, fingerprintText: fingerprintText(lineText))
    }

    /// `contentHash(ruleId:modelPath:lineText:)` of a text already through
    /// `fingerprintText`, for callers that meet the same line many times.
    public static func contentHash(ruleId: String, modelPath: String, fingerprintText: String) -> String {
        hex16(contentDigest(ruleId: ruleId, modelPath: modelPath, fingerprintText: fingerprintText))
    }

    /// The 64 bits `contentHash(ruleId:modelPath:fingerprintText:)` writes in hex (what a
    /// `SourceDigest` keeps).
    public static func contentDigest(ruleId: String, modelPath: String, fingerprintText: String) -> UInt64 {
        var hash = fnvOffset
        for part in [ruleId, modelPath, fingerprintText] {
            hash = fnv(part, from: hash)
            hash ^= 0x1F  // unit separator, so ("ab", "c") and ("a", "bc") differ
            hash = hash &* fnvPrime
        }
        return hash
    }

    /// Normalized texts longer than this many UTF-8 bytes enter a fingerprint as their own
    /// digest, so that the cost of a finding's fingerprint does not grow with its line:
    /// thousands of findings on one line of megabytes (a hostile sheet, never a real one —
    /// a real sheet's longest table row is a few KB) cost the line's length once.
    public static let longText = 64 * 1024

    /// The text a fingerprint covers: `normalized(text)`, or, when that is longer than
    /// `longText` bytes, U+0001 followed by its FNV-1a 64 digest in hex (U+0001 is never in
    /// a normalized sheet line as written).
    public static func fingerprintText(_ text: String) -> String {
        let normal = normalized(text)
        guard normal.utf8.count > longText else { return normal }
        return "\u{1}" + hex16(fnv(normal, from: fnvOffset))
    }

    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    private static func fnv(_ text: String, from start: UInt64) -> UInt64 {
        var hash = start
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* fnvPrime
        }
        return hash
    }

    /// `hash` as 16 lowercase hex digits.
    public static func hex16(_ hash: UInt64) -> String {
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
            if isWhitespace(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Unicode's White_Space property (`scalar.properties.isWhitespace`), whose 25 code
    /// points are fixed by Unicode's stability policy, without a property lookup per
    /// scalar (`FingerprintTests` compares the two over every scalar).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// The text the fingerprint of `finding` covers: its start line from `sourceLines`, or
    /// its Japanese message when that line is unknown.
    public static func lineText(of finding: Finding, sourceLines: [String: [String]]) -> String {
        sourceLine(of: finding, sourceLines: sourceLines) ?? finding.message
    }

    /// The finding's start line from `sourceLines`; nil when that line is unknown.
    static func sourceLine(of finding: Finding, sourceLines: [String: [String]]) -> String? {
        let index = finding.span.start.line - 1
        guard let lines = sourceLines[finding.span.file], lines.indices.contains(index) else { return nil }
        return lines[index]
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
        /// `fingerprintText` of the long lines of the file last asked about, by line number:
        /// a long line is normalized once however many findings it has.
        private var memoFile: String?
        private var memo: [Int: String] = [:]

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

        private func fingerprintText(of finding: Finding) -> String {
            guard let line = LineFingerprint.sourceLine(of: finding, sourceLines: sourceLines) else {
                return LineFingerprint.fingerprintText(finding.message)
            }
            guard line.utf8.count > 256 else { return LineFingerprint.fingerprintText(line) }
            if finding.span.file != memoFile {
                memoFile = finding.span.file
                memo.removeAll()
            }
            let number = finding.span.start.line
            if let known = memo[number] { return known }
            let prepared = LineFingerprint.fingerprintText(line)
            memo[number] = prepared
            return prepared
        }

        func next(_ finding: Finding) -> String {
            if contiguous && finding.span.file != file {
                seen.removeAll(keepingCapacity: true)
                file = finding.span.file
            }
            // Worked out in the sheet's worker when the run had its lines (`SourceDigest`).
            let hash = finding.digest.isKnown ? hex16(finding.digest.line)
                : contentHash(ruleId: finding.ruleId, modelPath: finding.path, fingerprintText: fingerprintText(of: finding))
            let key = finding.span.file + "\u{0}" + hash
            let n = (seen[key] ?? 0) + 1
            seen[key] = n
            return "\(hash):\(n)"
        }
    }
}
