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
        // On the UTF-8 bytes: each White_Space scalar's encoding is recognised by
        // `whitespaceLength`, everything else is copied (`FingerprintTests` compares this
        // with the former scalar-by-scalar code).
        var storage = text
        return storage.withUTF8 { b -> String in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var pendingSpace = false
            var i = 0
            while i < b.count {
                let w = whitespaceLength(b, i)
                if w > 0 {
                    pendingSpace = !out.isEmpty
                    i += w
                    continue
                }
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                let c = b[i]
                let n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
                for k in i..<min(i + n, b.count) { out.append(b[k]) }
                i += n
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The length of the UTF-8 encoding of a White_Space scalar starting at `i`; 0 when the
    /// scalar there is not one (the scalars of `isWhitespace`).
    @inline(__always)
    private static func whitespaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return (c >= 0x09 && c <= 0x0D) || c == 0x20 ? 1 : 0 }
        switch c {
        case 0xC2:
            return i + 1 < b.count && (b[i + 1] == 0x85 || b[i + 1] == 0xA0) ? 2 : 0
        case 0xE1:
            return i + 2 < b.count && b[i + 1] == 0x9A && b[i + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard i + 2 < b.count else { return 0 }
            let (d, e) = (b[i + 1], b[i + 2])
            if d == 0x80 && ((e >= 0x80 && e <= 0x8A) || e == 0xA8 || e == 0xA9 || e == 0xAF) { return 3 }
            return d == 0x81 && e == 0x9F ? 3 : 0
        case 0xE3:
            return i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
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
