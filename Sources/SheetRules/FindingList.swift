import Foundation
import SheetModel

/// The messages a `FindingList` keeps: a run keeps only those its outputs print.
public struct MessageLanguages: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `Finding.message`.
    public static let ja = MessageLanguages(rawValue: 1)
    /// `Finding.messageEn`.
    public static let en = MessageLanguages(rawValue: 2)
    public static let both: MessageLanguages = [.ja, .en]
}

/// Findings stored compactly, read back as `Finding` values (a `MutableCollection`).
///
/// A run over 20,000 sheets holds about 220,000 findings until they are sorted and reported;
/// as `Finding` values each took about 400 bytes in six separate allocations (two rendered
/// messages, the path…). Here a finding is one 52-byte row: rule id, file and path as ids
/// in a `FindingTexts` table shared by the run (stored once however often they repeat),
/// positions as `Int32`, and its messages as UTF-8 bytes in a few large blocks. Only the
/// messages of `languages` are kept; a message not kept reads as "". Reading an element
/// builds its `Finding` (the messages as new strings), so reporters read each once.
public struct FindingList: Sendable {
    private struct Row: Sendable {
        var rule: Int32, file: Int32, path: Int32
        var startLine: Int32, startColumn: Int32, endLine: Int32, endColumn: Int32
        /// Block, offset and length of each message in `messages` (length -1: not kept).
        var ja: Bytes, en: Bytes
        var severity: Severity
    }

    private struct Bytes: Sendable {
        var block: Int32, start: Int32, count: Int32
        static let none = Bytes(block: 0, start: 0, count: -1)
    }

    /// What `Int32` cannot hold (a position past 2^31, never in a sheet under the size
    /// limit) is kept here whole, by row.
    private var wide: [Int: SourceSpan] = [:]
    private var rows: [Row] = []
    /// Each row's `Finding.digest`; empty while no finding appended has one (as in every
    /// run but SARIF and baseline ones), else one per row.
    private var digests: [SourceDigest] = []
    /// The rule id and file of the finding last stored, with their ids in `texts`.
    private var lastRule: (text: String, id: Int32)?
    private var lastFile: (text: String, id: Int32)?
    /// Message bytes: blocks that are filled and never grown, so adding never copies what
    /// is stored (the largest is `blockSize`, or one message longer than that).
    private var messages: [[UInt8]] = []
    /// The block new messages go to (blocks taken from other lists are never written).
    private var fill: Int?
    /// The texts `rows` refer to.
    public let texts: FindingTexts
    /// The messages kept.
    public let languages: MessageLanguages

    static let blockSize = 1 << 20

    /// An empty list whose rows refer to `texts`.
    public init(languages: MessageLanguages = .both, texts: FindingTexts = FindingTexts()) {
        self.languages = languages
        self.texts = texts
    }

    /// `findings`, in order; the message bytes of the whole list in one block of exactly
    /// their size (a list of one sheet's findings takes no more than it needs).
    public init(_ findings: [Finding], languages: MessageLanguages = .both, texts: FindingTexts = FindingTexts()) {
        self.init(languages: languages, texts: texts)
        rows.reserveCapacity(findings.count)
        var size = 0
        for f in findings {
            if languages.contains(.ja) { size += f.message.utf8.count }
            if languages.contains(.en) { size += f.messageEn.utf8.count }
        }
        if size > 0 {
            messages = [[]]
            messages[0].reserveCapacity(size)
            fill = 0
        }
        for f in findings { append(f) }
    }

    /// Adds `finding` at the end.
    public mutating func append(_ finding: Finding) {
        rows.append(row(finding, index: rows.count))
        storeDigest(finding.digest, at: rows.count - 1)
    }

    /// Sets the digest of row `index` (the last one when just appended).
    private mutating func storeDigest(_ digest: SourceDigest, at index: Int) {
        if digests.isEmpty {
            guard digest.isKnown else { return }
            digests = Array(repeating: .none, count: rows.count)
        }
        if digests.count < rows.count { digests.append(contentsOf: repeatElement(.none, count: rows.count - digests.count)) }
        digests[index] = digest
    }

    /// Adds every finding of `other` at the end. When both lists keep the same messages
    /// and share their texts, `other`'s rows are copied and its message blocks shared, not
    /// copied (a run gathering its sheets' findings copies none of their messages).
    public mutating func append(contentsOf other: FindingList) {
        guard other.texts === texts, other.languages == languages else {
            rows.reserveCapacity(rows.count + other.count)
            for f in other { append(f) }
            return
        }
        let (base, shift) = (rows.count, Int32(messages.count))
        if !digests.isEmpty || !other.digests.isEmpty {
            if digests.count < base { digests.append(contentsOf: repeatElement(.none, count: base - digests.count)) }
            if other.digests.isEmpty { digests.append(contentsOf: repeatElement(.none, count: other.count)) } else {
                digests.append(contentsOf: other.digests)
            }
        }
        messages.append(contentsOf: other.messages)
        for var r in other.rows {
            if r.ja.count > 0 { r.ja.block += shift }
            if r.en.count > 0 { r.en.block += shift }
            rows.append(r)
        }
        for (i, span) in other.wide { wide[base + i] = span }
    }

    /// Room for `count` findings in all without growing the table of rows.
    public mutating func reserveCapacity(_ count: Int) { rows.reserveCapacity(count) }

    private mutating func row(_ f: Finding, index: Int) -> Row {
        let s = f.span
        // (No array of the four: one allocated per finding.)
        let narrow = Int32(exactly: s.start.line) != nil && Int32(exactly: s.start.column) != nil
            && Int32(exactly: s.end.line) != nil && Int32(exactly: s.end.column) != nil
        if !narrow { wide[index] = s } else if !wide.isEmpty { wide[index] = nil }
        // A sheet's findings share their file and, in runs, their rule: the id of the very
        // same string as the last one's is taken again without a lookup.
        let rule = Self.id(f.ruleId, texts, &lastRule)
        let file = Self.id(s.file, texts, &lastFile)
        return Row(rule: rule, file: file, path: texts.id(f.path),
                   startLine: Int32(truncatingIfNeeded: s.start.line), startColumn: Int32(truncatingIfNeeded: s.start.column),
                   endLine: Int32(truncatingIfNeeded: s.end.line), endColumn: Int32(truncatingIfNeeded: s.end.column),
                   ja: languages.contains(.ja) ? store(f.message) : .none,
                   en: languages.contains(.en) ? store(f.messageEn) : .none,
                   severity: f.severity)
    }

    private static func id(_ text: String, _ texts: FindingTexts, _ last: inout (text: String, id: Int32)?) -> Int32 {
        if let known = last, StringTable.identical(known.text, text) { return known.id }
        let id = texts.id(text)
        last = (text, id)
        return id
    }

    private mutating func store(_ text: String) -> Bytes {
        let count = text.utf8.count
        guard count > 0 else { return Bytes(block: 0, start: 0, count: 0) }
        if fill == nil || messages[fill!].count + count > messages[fill!].capacity {
            // A new block: twice the last one filled (from 4 KiB up to `blockSize`), or the message's size.
            let last = fill.map { messages[$0].capacity } ?? 2048
            var block: [UInt8] = []
            block.reserveCapacity(Swift.max(count, Swift.min(Self.blockSize, last * 2)))
            messages.append(block)
            fill = messages.count - 1
        }
        let b = fill!
        let start = messages[b].count
        messages[b].append(contentsOf: text.utf8)
        return Bytes(block: Int32(b), start: Int32(start), count: Int32(count))
    }

    private func string(_ bytes: Bytes) -> String {
        guard bytes.count > 0 else { return "" }
        return messages[Int(bytes.block)].withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(bytes.start)..<Int(bytes.start + bytes.count)]), as: UTF8.self)
        }
    }

    private func span(_ r: Row, index: Int) -> SourceSpan {
        if let span = wide[index] { return span }
        return SourceSpan(file: texts[r.file], start: SourcePosition(line: Int(r.startLine), column: Int(r.startColumn)),
                          end: SourcePosition(line: Int(r.endLine), column: Int(r.endColumn)))
    }

    /// The severity of the finding at `index`, without building it.
    public func severity(at index: Int) -> Severity { rows[index].severity }

    /// The file of the finding at `index`, without building it.
    public func file(at index: Int) -> String { wide[index]?.file ?? texts[rows[index].file] }

    /// The rule id of the finding at `index`, without building it.
    public func ruleId(at index: Int) -> String { texts[rows[index].rule] }

    /// Each file findings are in, once, in order of first appearance.
    public var distinctFiles: [String] { distinct { $0.file } }

    /// Each rule id of the findings, once, in order of first appearance.
    public var distinctRuleIds: [String] { distinct { $0.rule } }

    private func distinct(_ column: (Row) -> Int32) -> [String] {
        var seen = Set<Int32>()
        return rows.compactMap { seen.insert(column($0)).inserted ? texts[column($0)] : nil }
    }

    /// The number of findings of `severity`.
    public func count(_ severity: Severity) -> Int {
        rows.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }

    /// The findings `isIncluded` accepts, in order (same languages and texts).
    public func filter(_ isIncluded: (Finding) throws -> Bool) rethrows -> FindingList {
        var kept = FindingList(languages: languages, texts: texts)
        for f in self where try isIncluded(f) { kept.append(f) }
        return kept
    }

    /// The list in `Finding` order (file, line, column, rule id, path, Japanese message),
    /// as `Array(self).sorted()` gives it when the Japanese messages are kept. When they are
    /// not, findings equal in everything else keep their order in the list (the sort is
    /// stable): a list built from per-sheet lists already sorted with both messages is then
    /// still in the same order as before.
    public func sorted() -> FindingList {
        var copy = self
        copy.sort()
        return copy
    }

    /// Sorts the list in place as `sorted()` orders it: the rows are moved, no message is
    /// copied, and a list already in order is left as it is.
    public mutating func sort() {
        guard let order = sortOrder() else { return }
        // Row `n` takes row `order[n]`: each cycle of the permutation is followed once, so
        // the rows are never held twice.
        var done = [Bool](repeating: false, count: order.count)
        for start in order.indices where !done[start] {
            let first = rows[start]
            var current = start
            while true {
                done[current] = true
                let source = order[current]
                if source == start {
                    rows[current] = first
                    break
                }
                rows[current] = rows[source]
                current = source
            }
        }
        if !digests.isEmpty { digests = order.map { digests[$0] } }
        if !wide.isEmpty {
            var moved: [Int: SourceSpan] = [:]
            for (n, i) in order.enumerated() { if let span = wide[i] { moved[n] = span } }
            wide = moved
        }
    }

    /// The indices of the rows in sorted order; nil when they already are.
    private func sortOrder() -> [Int]? {
        // Each distinct text once, ranked by `String` order: rows then compare by integers.
        let rank = texts.ranks()
        func less(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (rows[a], rows[b])
            let (fx, fy) = (rank[Int(x.file)], rank[Int(y.file)])
            if fx != fy { return fx < fy }
            let (sx, sy) = (wide[a].map { ($0.start.line, $0.start.column) } ?? (Int(x.startLine), Int(x.startColumn)),
                            wide[b].map { ($0.start.line, $0.start.column) } ?? (Int(y.startLine), Int(y.startColumn)))
            if sx != sy { return sx < sy }
            let (rx, ry) = (rank[Int(x.rule)], rank[Int(y.rule)])
            if rx != ry { return rx < ry }
            let (px, py) = (rank[Int(x.path)], rank[Int(y.path)])
            if px != py { return px < py }
            guard languages.contains(.ja) else { return false }
            return string(x.ja) < string(y.ja)
        }
        // A stable sort leaves a list in order as it is.
        guard rows.indices.dropFirst().contains(where: { less($0, $0 - 1) }) else { return nil }
        return rows.indices.sorted(by: less)
    }
}

extension FindingList: RandomAccessCollection, MutableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { rows.count }

    public subscript(index: Int) -> Finding {
        get {
            let r = rows[index]
            var f = Finding(ruleId: texts[r.rule], severity: r.severity, message: string(r.ja), messageEn: string(r.en),
                            span: span(r, index: index), path: texts[r.path])
            if !digests.isEmpty { f.digest = digests[index] }
            return f
        }
        set {
            rows[index] = row(newValue, index: index)
            storeDigest(newValue.digest, at: index)
        }
    }
}

extension FindingList: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Finding...) { self.init(elements) }
}

/// The rule ids, files and paths of findings as `Int32` ids, shared by the lists of a run
/// and the threads that fill them. Texts are told apart by their bytes (two spellings of
/// one name that `String` equality would merge stay two), so a finding reads back exactly.
public final class FindingTexts: @unchecked Sendable {
    private struct Key: Hashable {
        let text: String
        static func == (a: Key, b: Key) -> Bool { ExactText(a.text) == ExactText(b.text) }
        func hash(into hasher: inout Hasher) { ExactText(text).hash(into: &hasher) }
    }

    private let lock = NSLock()
    private var texts: [String] = []
    private var ids: [Key: Int32] = [:]

    public init() {}

    /// The id of `text`, added when new.
    func id(_ text: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let known = ids[Key(text: text)] { return known }
        let id = Int32(texts.count)
        texts.append(text)
        ids[Key(text: text)] = id
        return id
    }

    subscript(id: Int32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return texts[Int(id)]
    }

    /// For each id, the rank of its text in `String` order (equal texts, equal ranks).
    func ranks() -> [Int32] {
        lock.lock()
        let all = texts
        lock.unlock()
        let order = all.indices.sorted { all[$0] < all[$1] }
        var rank = [Int32](repeating: 0, count: all.count)
        var r: Int32 = 0
        for (n, i) in order.enumerated() {
            if n > 0 && all[order[n - 1]] < all[i] { r += 1 }
            rank[i] = r
        }
        return rank
    }
}
