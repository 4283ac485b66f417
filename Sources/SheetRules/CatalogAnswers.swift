import Foundation

/// One catalogue's answers in one sheet (`SheetTexts.statuses(of:)`), shared by the rules
/// that cite it: each key is looked up once per sheet. Found again by the key's node (its
/// string slot, or the int it holds: the rules citing one catalogue visit the same nodes),
/// else by the key's UTF-8 bytes (hashing a `String` key normalizes it, NFC, first). Bytes
/// that are equal make equal strings, so an answer found is the one `Catalog.status(of:)`
/// gives for the key.
final class CatalogAnswers: @unchecked Sendable {
    let catalogId: String
    @exclusivity(unchecked) private var answers: [Catalog.Status] = []
    /// By string slot (`SheetTree.stringIndex`): the answer's index, or -1.
    @exclusivity(unchecked) private var bySlot: [Int32] = []
    @exclusivity(unchecked) private var byInt: [Int: Int32] = [:]
    @exclusivity(unchecked) private var byText: [UTF8Key: Int32] = [:]

    init(catalogId: String) { self.catalogId = catalogId }

    /// `catalog.status(of: key)` for `key`, the text of `node`. A result reached while the
    /// rule's regex budget ran out is not kept: another rule must meet the limit itself.
    func status(of key: String, node: Match, in catalog: Catalog) -> Catalog.Status {
        let tree = node.tree
        if let slot = tree.stringIndex(node.id) {
            if bySlot.isEmpty { bySlot = Array(repeating: -1, count: tree.stringCount) }
            let known = bySlot[slot]
            if known >= 0 { return answers[Int(known)] }
            let (status, index) = answer(key, catalog)
            if let index { bySlot[slot] = index }
            return status
        }
        if let value = tree.int(node.id) {
            if let known = byInt[value] { return answers[Int(known)] }
            let (status, index) = answer(key, catalog)
            if let index {
                if byInt.isEmpty { byInt.reserveCapacity(64) }
                byInt[value] = index
            }
            return status
        }
        return answer(key, catalog).0
    }

    /// The answer for `key` by its bytes, and its index when it is kept.
    private func answer(_ key: String, _ catalog: Catalog) -> (Catalog.Status, Int32?) {
        let memoKey = UTF8Key(key)
        if let known = byText[memoKey] { return (answers[Int(known)], known) }
        let status = catalog.status(of: key)
        guard !(RegexBudget.current?.isSpent ?? false) else { return (status, nil) }
        if byText.isEmpty { byText.reserveCapacity(64) }
        let index = Int32(answers.count)
        answers.append(status)
        byText[memoKey] = index
        return (status, index)
    }
}

/// A string as a dictionary key compared and hashed by its UTF-8 bytes, without the NFC
/// normalization `String`'s own hashing and comparison do: a strictly finer key (canonically
/// equivalent strings of different bytes are different keys), for memos of functions that
/// read the bytes.
struct UTF8Key: Hashable {
    let text: String
    init(_ text: String) { self.text = text }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool { sameBytes(a.text, b.text) }

    /// True when `a` and `b` are the same UTF-8 bytes.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var x = a, y = b
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }

    func hash(into hasher: inout Hasher) {
        var t = text
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
