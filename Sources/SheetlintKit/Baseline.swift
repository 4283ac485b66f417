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
    /// Any sequence: a run's `FindingList` is read one finding at a time, never copied whole.
    public init<Findings: Sequence<Finding>>(findings: Findings, sourceLines: [String: [String]], directory: String) {
        var cache = SpanText.Cache()
        // Each file's relative path worked out once (findings come file by file).
        var last: (file: String, relative: String)?
        var entries: [Entry] = []
        entries.reserveCapacity(findings.underestimatedCount)
        for finding in findings {
            var entry = Self.entry(for: finding, sourceLines: sourceLines, directory: directory, cache: &cache,
                                   relative: last?.file == finding.span.file ? last?.relative : nil)
            if last?.file != finding.span.file { last = (finding.span.file, entry.file) }
            entry.file = last!.relative
            entries.append(entry)
        }
        self.init(entries: entries)
    }

    static func entry(for finding: Finding, sourceLines: [String: [String]], directory: String,
                      cache: inout SpanText.Cache, relative: String? = nil) -> Entry {
        Entry(file: relative ?? RelativePath.from(directory, to: finding.span.file), rule: finding.ruleId,
              fingerprint: fingerprint(of: finding, sourceLines: sourceLines, cache: &cache),
              path: finding.path, message: finding.message)
    }

    /// The entry's fingerprint: the finding's digest when its worker made one (`lint`
    /// does, in baseline runs), else the text under its span in `sourceLines` (its
    /// Japanese message when that is unknown).
    static func fingerprint(of finding: Finding, sourceLines: [String: [String]], cache: inout SpanText.Cache) -> String {
        if finding.digest.spanIsKnown { return LineFingerprint.hex16(finding.digest.span) }
        let content = cache.fingerprintText(of: finding.span, in: sourceLines[finding.span.file])
            ?? LineFingerprint.fingerprintText(finding.message)
        return LineFingerprint.contentHash(ruleId: finding.ruleId, modelPath: finding.path, fingerprintText: content)
    }

    /// Splits `findings` into new ones and the entries that matched (each entry hides at
    /// most one finding, so a second identical finding is new).
    public func filter<Findings: Sequence<Finding>>(_ findings: Findings, sourceLines: [String: [String]], directory: String)
        -> (new: [Finding], matched: [Entry]) {
        var remaining: [String: [Entry]] = [:]
        for entry in entries { remaining[entry.key, default: []].append(entry) }
        var new: [Finding] = []
        var matched: [Entry] = []
        var cache = SpanText.Cache()
        var last: (file: String, relative: String)?
        for finding in findings {
            let entry = Self.entry(for: finding, sourceLines: sourceLines, directory: directory, cache: &cache,
                                   relative: last?.file == finding.span.file ? last?.relative : nil)
            if last?.file != finding.span.file { last = (finding.span.file, entry.file) }
            let key = entry.key
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
        var out = ""
        render(to: &out)
        return out
    }

    /// `rendered()`, written into `out` entry by entry: the text of what
    /// `JSONSerialization` wrote (pretty-printed, keys sorted, slashes not escaped), which
    /// built the whole document as Foundation objects and then as one string
    /// (`BaselineRenderingTests` keeps that as the reference).
    public func render<Out: TextOutputStream>(to out: inout Out) {
        guard !entries.isEmpty else {
            out.write("{\n  \"entries\" : [\n\n  ],\n  \"tool\" : \"sheetlint\",\n  \"version\" : 1\n}\n")
            return
        }
        var text = "{\n  \"entries\" : [\n"
        for (n, e) in entries.enumerated() {
            text += "    {\n      \"file\" : "
            Self.appendString(e.file, to: &text)
            text += ",\n      \"fingerprint\" : "
            Self.appendString(e.fingerprint, to: &text)
            text += ",\n      \"message\" : "
            Self.appendString(e.message, to: &text)
            text += ",\n      \"path\" : "
            Self.appendString(e.path, to: &text)
            text += ",\n      \"rule\" : "
            Self.appendString(e.rule, to: &text)
            text += n == entries.count - 1 ? "\n    }\n" : "\n    },\n"
            if text.utf8.count >= 1 << 16 {
                out.write(text)
                text.removeAll(keepingCapacity: true)
            }
        }
        text += "  ],\n  \"tool\" : \"sheetlint\",\n  \"version\" : 1\n}\n"
        out.write(text)
    }

    /// A string as `JSONSerialization` writes it with `.withoutEscapingSlashes`: `"` and `\`
    /// escaped, `\b \f \n \r \t` by letter, other controls below U+0020 as `\u00xx`, the
    /// rest as is.
    static func appendString(_ s: String, to out: inout String) {
        out.append("\"")
        var plain = true
        for byte in s.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            plain = false
            break
        }
        if plain {
            out.append(s)
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out.append("\\\"")
                case "\\": out.append("\\\\")
                case "\u{08}": out.append("\\b")
                case "\u{0C}": out.append("\\f")
                case "\n": out.append("\\n")
                case "\r": out.append("\\r")
                case "\t": out.append("\\t")
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }

    /// Reads a baseline file; a missing or malformed file is an error naming it.
    public static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LintError(message: "\(path): ベースラインファイルが読めません", messageEn: "\(path): cannot read the baseline file")
        }
        // A well-formed file is decoded into the entries straight away; anything else goes
        // through `JSONSerialization` as before, which decides what is wrong with it. (Its
        // objects took about ten times the file's size: 85 MB for a baseline of 2,000 sheets.)
        // (`JSONSerialization` drops every U+FEFF from strings: a file holding one goes its way.)
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if !data.withUnsafeBytes({ $0.firstRange(of: bom) != nil }),
           let file = try? JSONDecoder().decode(WellFormed.self, from: data) {
            return Baseline(entries: file.entries)
        }
        return try loadByFoundation(data, path: path)
    }

    /// A baseline file that `loadByFoundation` reads without an error, as `JSONDecoder`
    /// reads it: version 1, every entry with a string `file`, `rule` and `fingerprint`
    /// (`path` and `message` read as "" when absent or not strings). Decoding fails on
    /// anything else.
    private struct WellFormed: Decodable {
        var entries: [Entry]

        private enum Keys: String, CodingKey { case version, entries }
        private enum EntryKeys: String, CodingKey { case file, rule, fingerprint, path, message }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            guard try c.decode(Int.self, forKey: .version) == 1 else {
                throw DecodingError.dataCorruptedError(forKey: .version, in: c, debugDescription: "not version 1")
            }
            var list = try c.nestedUnkeyedContainer(forKey: .entries)
            var entries: [Entry] = []
            if let count = list.count { entries.reserveCapacity(count) }
            while !list.isAtEnd {
                let e = try list.nestedContainer(keyedBy: EntryKeys.self)
                entries.append(Entry(file: try e.decode(String.self, forKey: .file), rule: try e.decode(String.self, forKey: .rule),
                                     fingerprint: try e.decode(String.self, forKey: .fingerprint),
                                     path: (try? e.decodeIfPresent(String.self, forKey: .path)) ?? "",
                                     message: (try? e.decodeIfPresent(String.self, forKey: .message)) ?? ""))
            }
            self.entries = entries
        }
    }

    /// `load(path:)` through `JSONSerialization`: every file `WellFormed` does not read.
    static func loadByFoundation(_ data: Data, path: String) throws -> Baseline {
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

