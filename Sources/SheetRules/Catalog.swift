import Foundation

/// A reference list of codes (総合計画) or numbers (基本政策) with what is known of their
/// titles, and how complete that knowledge is. Loaded from `rules/catalogs/*.yml`.
public struct Catalog: Sendable, Hashable {
    /// Identifier rules refer to (`catalog: sogo-keikaku`).
    public var id: String
    /// Human name, e.g. 第4次豊中市総合計画.
    public var name: String
    /// Where the facts come from.
    public var sources: [String]
    /// The form a key must take to be looked up; keys of another form are left to the
    /// format rules (a malformed code is not also reported as unknown).
    public var keyPattern: TextPattern
    /// Named groups of `keyPattern` and the values that can exist (chapter 1–5).
    public var ranges: [String: ClosedRange<Int>]
    /// True when every well-formed key within `ranges` exists (基本政策 1–70), listed or not.
    public var everyInRangeExists: Bool
    /// True when `entries` lists every key that exists: a key it lacks is unknown.
    /// False: a well-formed key it lacks is only unverified.
    public var complete: Bool
    /// True when every entry's title is known.
    public var titlesComplete: Bool
    /// Known keys, normalized (`5-2-①`, `70`).
    public var entries: [String: Entry]
    /// Titles of the levels above the keys (chapters), for reference and documentation.
    public var headings: [Entry]
    /// The file it was loaded from.
    public var file: String

    /// One known key.
    public struct Entry: Sendable, Hashable {
        public var key: String
        /// The official title; nil when not known.
        public var title: String?
        public var source: String?
        /// True when the entry was seen only as cited in a sheet.
        public var uncertain: Bool
    }

    /// What the catalogue says about a key.
    public enum Status: Sendable, Hashable {
        /// The key is not of the catalogue's form.
        case malformed
        /// The key cannot exist (outside `ranges`), or a complete catalogue lacks it.
        case unknown
        /// Well-formed, but a partial catalogue does not list it.
        case unverified
        /// The key exists; its entry when listed.
        case known(Entry?)

        /// True for `.known`.
        public var isKnown: Bool {
            if case .known = self { return true }
            return false
        }
    }

    /// Looks `key` up after width and dash normalization.
    public func status(of key: String) -> Status {
        let k = TextNormalization.trimmingSpaces(TextNormalization.normalize(key))
        // One match gives every group the ranges look at.
        // Only the groups the ranges look at are made into strings.
        let text = MatchText(k)
        guard let groups = keyPattern.matchRanges(in: text, upTo: 1).first else { return .malformed }
        for (group, range) in ranges {
            guard let g = keyPattern.groupNumber(group), g < groups.count, let r = groups[g],
                  let n = Int(text.substring(r)) else { continue }
            if !range.contains(n) { return .unknown }
        }
        if let entry = entries[k] { return .known(entry) }
        if everyInRangeExists { return .known(nil) }
        return complete ? .unknown : .unverified
    }

    /// True when `written` is the catalogue's title for the entry, after normalizing width,
    /// spaces and a final 。; true as well when the title is not known.
    public func titleMatches(_ written: String, entry: Entry) -> Bool {
        guard let title = entry.title else { return true }
        // The same bytes make the same key (most titles are cited as listed).
        if UTF8Key.sameBytes(written, title) { return true }
        return TextNormalization.titleKey(written) == TextNormalization.titleKey(title)
    }

    /// The listed key nearest to `key` when it is a likely misspelling of it: at most
    /// (length − 1) / 2 edits away (counted in characters after width normalization, so
    /// 都市經營部 → 都市経営部 is two edits of five), and nearer than any other listed key.
    /// nil when `key` is listed, or when no key (or more than one) is that near.
    public func nearest(to key: String) -> String? {
        let k = Array(TextNormalization.normalize(key).trimmingCharacters(in: .whitespaces))
        guard entries[String(k)] == nil, !k.isEmpty else { return nil }
        let limit = (k.count - 1) / 2
        guard limit > 0 else { return nil }
        let scored = entries.keys.map { ($0, Self.editDistance(k, Array($0))) }.filter { $0.1 <= limit }
        guard let best = scored.map(\.1).min() else { return nil }
        let winners = scored.filter { $0.1 == best }
        return winners.count == 1 ? winners[0].0 : nil
    }

    /// Levenshtein distance between two character arrays.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let old = row[j]
                row[j] = Swift.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }
}
