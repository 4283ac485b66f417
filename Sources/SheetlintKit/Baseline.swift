import Foundation
import SheetModel
import SheetReporting
import SheetRules

/// Findings accepted as they are, so that only new ones fail the gate.
///
/// An entry is keyed by the sheet's path relative to the baseline file's directory (never
/// absolute, so the file works in any clone and from any working directory), the rule id,
/// and a fingerprint of the finding's content (the sheet text under its span) and model
/// path — not its line, so an edit elsewhere in the sheet does not bring it back.
public struct Baseline: Sendable, Hashable {
    /// One accepted finding.
    public struct Entry: Sendable, Hashable, Comparable {
        public var file: String
        public var rule: String
        public var fingerprint: String
        /// Model path and message, for people reading the file; not used for matching.
        public var path: String
        public var message: String

        public static func < (a: Entry, b: Entry) -> Bool {
            (a.file, a.rule, a.path, a.fingerprint, a.message) < (b.file, b.rule, b.path, b.fingerprint, b.message)
        }

        var key: String { "\(file)\u{1F}\(rule)\u{1F}\(fingerprint)" }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries.sorted() }

    /// Entries for `findings`, paths made relative to `directory` (the baseline's folder).
    public init(findings: [Finding], sourceLines: [String: [String]], directory: String) {
        var cache = SpanText.Cache()
        self.init(entries: findings.map { Self.entry(for: $0, sourceLines: sourceLines, directory: directory, cache: &cache) })
    }

    static func entry(for finding: Finding, sourceLines: [String: [String]], directory: String,
                      cache: inout SpanText.Cache) -> Entry {
        Entry(file: RelativePath.from(directory, to: finding.span.file), rule: finding.ruleId,
              fingerprint: fingerprint(of: finding, sourceLines: sourceLines, cache: &cache),
              path: finding.path, message: finding.message)
    }

    /// The entry's fingerprint: the finding's digest when its worker made one (`lint`
    /// does, in baseline runs), else the text under its span in `sourceLines` (its
    /// Japanese message when that is unknown).
    static func fingerprint(of finding: Finding, sourceLines: [String: [String]], cache: inout SpanText.Cache) -> String {
        if finding.digest.isKnown { return LineFingerprint.hex16(finding.digest.span) }
        let content = cache.fingerprintText(of: finding.span, in: sourceLines[finding.span.file])
            ?? LineFingerprint.fingerprintText(finding.message)
        return LineFingerprint.contentHash(ruleId: finding.ruleId, modelPath: finding.path, fingerprintText: content)
    }

    /// Splits `findings` into new ones and the entries that matched (each entry hides at
    /// most one finding, so a second identical finding is new).
    public func filter(_ findings: [Finding], sourceLines: [String: [String]], directory: String)
        -> (new: [Finding], matched: [Entry]) {
        var remaining: [String: [Entry]] = [:]
        for entry in entries { remaining[entry.key, default: []].append(entry) }
        var new: [Finding] = []
        var matched: [Entry] = []
        var cache = SpanText.Cache()
        for finding in findings {
            let key = Self.entry(for: finding, sourceLines: sourceLines, directory: directory, cache: &cache).key
            if var list = remaining[key], let entry = list.popLast() {
                remaining[key] = list
                matched.append(entry)
            } else {
                new.append(finding)
            }
        }
        return (new, matched.sorted())
    }

    /// The file's text: JSON, keys sorted, entries sorted, trailing newline.
    public func rendered() -> String {
        let list: [[String: Any]] = entries.map {
            ["file": $0.file, "rule": $0.rule, "fingerprint": $0.fingerprint, "path": $0.path, "message": $0.message]
        }
        let object: [String: Any] = ["version": 1, "tool": "sheetlint", "entries": list]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a baseline file; a missing or malformed file is an error naming it.
    public static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LintError(message: "\(path): ベースラインファイルが読めません", messageEn: "\(path): cannot read the baseline file")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["version"] as? Int == 1, let list = object["entries"] as? [[String: Any]] else {
            throw LintError(message: "\(path): sheetlint のベースライン（version: 1 の JSON）ではありません",
                            messageEn: "\(path): not a sheetlint baseline (JSON with version: 1)")
        }
        var entries: [Entry] = []
        for (i, item) in list.enumerated() {
            guard let file = item["file"] as? String, let rule = item["rule"] as? String,
                  let fingerprint = item["fingerprint"] as? String else {
                throw LintError(message: "\(path): entries[\(i)] に file・rule・fingerprint がありません",
                                messageEn: "\(path): entries[\(i)] lacks file, rule or fingerprint")
            }
            entries.append(Entry(file: file, rule: rule, fingerprint: fingerprint,
                                 path: item["path"] as? String ?? "", message: item["message"] as? String ?? ""))
        }
        return Baseline(entries: entries)
    }
}

