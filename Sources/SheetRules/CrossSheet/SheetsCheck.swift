import Foundation
import SheetModel

/// A check kind that compares sheets with each other rather than looking inside one.
///
/// Its rules are written like any other (selector, messages, examples), but the per-sheet
/// engine gets nothing from them: `CrossSheetEngine` runs them once over every sheet of a
/// run, after the per-sheet rules, with each sheet's selected nodes.
protocol SheetsCheck: Check {
    /// The findings for a whole set of sheets, each given with what the rule's selectors
    /// reached in it. Pure: no I/O.
    func evaluate(sheets: [SelectedSheet], _ context: CrossSheetContext) -> [Finding]
    /// The members of each selected node whose texts the check reads
    /// (`SelectedSheet.member`); nothing else of a node is kept.
    var memberKeys: [String] { get }
}

extension SheetsCheck {
    /// One sheet alone has nothing to be compared with.
    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] { [] }

    var memberKeys: [String] { [] }

    var sheetsCheck: (any SheetsCheck)? { self }
}

/// One sheet as a cross-sheet check sees it: its file, fiscal year and the compact
/// values (`CrossSheetSite`) of what the rule's selectors reached in it.
struct SelectedSheet: Sendable {
    var file: String
    var fiscalYear: Int?
    /// The nodes the rule's selectors reached, in document order.
    var sites: [CrossSheetSite]
    /// The texts of `SheetsCheck.memberKeys` of each site, `memberKeys.count` per site.
    var members: [Int32]
    let strings: StringTable
    /// The digest of the finding each site would give (by site), when the input was made
    /// with them (`CrossSheetEngine.input(…digest:)`); else empty.
    var digests: [SourceDigest] = []

    /// The directory part of the sheet's path as given ("" for a file in the current one).
    var folder: String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return String(file[..<slash])
    }

    /// The text of the site's member `memberKeys[k]`: `.some(nil)` when the member is
    /// there without text, nil when it is absent.
    func member(_ site: Int, _ k: Int, of count: Int) -> String?? {
        let v = members[site * count + k]
        return v == CrossSheetSite.absent ? nil : .some(strings[v])
    }
}

/// What a cross-sheet check needs to build findings.
struct CrossSheetContext: Sendable {
    let rule: Rule
    let catalogs: [String: Catalog]

    /// The finding at the site `sheet.sites[n]`, as `EvaluationContext.finding` gives it at
    /// the node, with the digest worked out for it while the sheet's lines were at hand.
    func finding(_ sheet: SelectedSheet, at n: Int, _ values: [String: String]) -> Finding {
        var f = EvaluationContext(rule: rule, catalogs: catalogs, file: sheet.file).finding(sheet.sites[n], sheet.strings, values)
        if n < sheet.digests.count { f.digest = sheet.digests[n] }
        return f
    }
}

/// Runs the cross-sheet rules of a rule set over the sheets of one run.
public enum CrossSheetEngine {
    /// True when `rule` compares sheets (its kind is a cross-sheet kind).
    public static func isCrossSheet(_ rule: Rule) -> Bool { rule.check.sheetsCheck != nil }

    /// Every finding of the cross-sheet rules of `rules` over `sheets`, sorted. Nothing
    /// for fewer than two sheets. Sheets are compared in the order given.
    public static func evaluate(_ rules: RuleSet, on sheets: [Sheet]) -> [Finding] {
        guard sheets.count > 1, rules.rules.contains(where: isCrossSheet) else { return [] }
        return evaluate(rules, on: sheets.map { input(rules, from: $0) })
    }

    /// The same over what `input(_:from:)` kept of each sheet.
    public static func evaluate(_ rules: RuleSet, on inputs: [CrossSheetInput]) -> [Finding] {
        guard inputs.count > 1 else { return [] }
        let crossRules = rules.rules.filter(isCrossSheet)
        guard !crossRules.isEmpty else { return [] }
        // Sorted in place: the findings (one a sheet when sheets repeat a department) are not copied.
        var findings = crossRules.flatMap { rule -> [Finding] in
            guard let check = rule.check.sheetsCheck else { return [] }
            let selected = inputs.map { input in
                let kept = input.rules[rule.id]
                return SelectedSheet(file: input.file, fiscalYear: input.fiscalYear, sites: kept?.sites ?? [],
                                     members: kept?.members ?? [], strings: input.strings, digests: kept?.digests ?? [])
            }
            return check.evaluate(sheets: selected, CrossSheetContext(rule: rule, catalogs: rules.catalogs))
        }
        findings.sort()
        return findings
    }

    /// What the cross-sheet rules of `rules` need of `sheet`, kept in its place so that a
    /// run over thousands of sheets does not hold every sheet's model until the end: the
    /// file and fiscal year, and for each node a rule selects its compact values
    /// (`CrossSheetSite`: span, path, the texts its messages and the check read), every
    /// text interned in `strings` (one table for a whole run shares the texts sheets repeat).
    public static func input(_ rules: RuleSet, from sheet: Sheet, strings: StringTable = StringTable()) -> CrossSheetInput {
        guard rules.rules.contains(where: isCrossSheet) else {
            return CrossSheetInput(file: sheet.file, fiscalYear: sheet.fiscalYear, rules: [:], strings: strings)
        }
        var cache = SelectionCache(tree: SheetTree(sheet))
        return input(rules, from: sheet, strings: strings, selection: &cache)
    }

    /// The same with `cache`, a selection cache of `sheet`'s tree already used by the
    /// per-sheet rules (`RuleEngine.evaluate(_:on:stage:source:selection:)`).
    public static func input(_ rules: RuleSet, from sheet: Sheet, strings: StringTable,
                             selection cache: inout SelectionCache) -> CrossSheetInput {
        input(rules, file: sheet.file, fiscalYear: sheet.fiscalYear, strings: strings, selection: &cache)
    }

    /// The same from what is left of a sheet once its flat tree is built (its file and
    /// fiscal year) and `cache` over that tree, so the caller may have released the sheet.
    /// With `digest`, each site also keeps the `SourceDigest` `digest(rule id, path, span)`
    /// gives for the finding a rule would make there (the span and path it would have).
    public static func input(_ rules: RuleSet, file: String, fiscalYear: Int?, strings: StringTable,
                             selection cache: inout SelectionCache,
                             digest: ((String, String, SourceSpan) -> SourceDigest)? = nil) -> CrossSheetInput {
        var kept: [String: CrossSheetInput.RuleSites] = [:]
        let list = rules.rules
        let full = cache.tree
        // The cross-sheet rules read in place: a copy of a `Rule` takes two dozen reference counts.
        for index in list.indices where list[index].check.sheetsCheck != nil {
            list.withUnsafeBufferPointer { list in
                let rule = list.baseAddress! + index
                // Each rule's matches as before: its selectors' nodes in selector order, each once.
                // (Selections without a repeated id, nearly always, have nothing to drop.)
                var ids = rule.pointee.selectors.count == 1 ? cache.select(rule.pointee.selectors[0])
                    : rule.pointee.selectors.flatMap { cache.select($0) }
                let sorted = ids.sorted()
                if zip(sorted, sorted.dropFirst()).contains(where: { $0 == $1 }) {
                    var seen = Set<Int32>()
                    ids = ids.filter { seen.insert($0).inserted }
                }
                let keys = rule.pointee.check.sheetsCheck?.memberKeys ?? []
                // Only the common placeholders the rule's messages name are kept (a finding
                // renders no other); the field and section labels follow from the path.
                let needs = rule.pointee.message.commonNeeds.union(rule.pointee.messageEn.commonNeeds)
                var entry = CrossSheetInput.RuleSites()
                entry.sites.reserveCapacity(ids.count)
                entry.members.reserveCapacity(ids.count * keys.count)
                var memo = StringTable.Memo()
                let tree = Unmanaged.passUnretained(full)
                for id in ids {
                    // The tree is held by `cache` meanwhile: the match need not retain it.
                    let match = Match(unretained: tree, id: id)
                    var path = ""
                    entry.sites.append(CrossSheetSite(match, needs: needs, strings: strings, memberKeys: keys,
                                                      members: &entry.members, memo: &memo, path: &path))
                    if let digest {
                        // The span and path `EvaluationContext.finding(site…)` gives the finding.
                        let span = match.span ?? SourceSpan(file: file, line: 1, startColumn: 1, endColumn: 1)
                        entry.digests.append(digest(rule.pointee.id, path, span))
                    }
                }
                kept[rule.pointee.id] = entry
            }
        }
        return CrossSheetInput(file: file, fiscalYear: fiscalYear, rules: kept, strings: strings)
    }
}

/// What the cross-sheet stage keeps of one sheet (`CrossSheetEngine.input(_:from:)`).
public struct CrossSheetInput: Sendable {
    /// One rule's selected nodes.
    struct RuleSites: Sendable {
        var sites: [CrossSheetSite] = []
        /// `SheetsCheck.memberKeys` texts of each site, in site order.
        var members: [Int32] = []
        /// Each site's `SourceDigest`, when asked for.
        var digests: [SourceDigest] = []
    }

    /// The sheet's file.
    public let file: String
    let fiscalYear: Int?
    /// Each cross-sheet rule's selected nodes, by rule id.
    let rules: [String: RuleSites]
    let strings: StringTable

    /// The number of selected nodes kept, over every rule.
    public var siteCount: Int { rules.values.reduce(0) { $0 + $1.sites.count } }
}

/// One node a cross-sheet rule selected, as plain values: what `EvaluationContext.finding`
/// reads of the node to build a finding there, each text an id in the run's `StringTable`
/// (`CrossSheetSite.none` for nil). The field and section labels are not kept: they follow
/// from the path (`labels`), and are worked out only for the sites a finding is made at.
struct CrossSheetSite: Sendable, Equatable {
    static let none: Int32 = -1
    /// A member that is not there (`SelectedSheet.members`).
    static let absent: Int32 = -2

    /// The span's file, or `none` when neither the node nor an ancestor has a span.
    var file: Int32
    var startLine: Int32, startColumn: Int32, endLine: Int32, endColumn: Int32
    var path: Int32
    /// The key of the array the node is an element of (`ModelPath.arrayKey`).
    var arrayKey: Int32
    /// The node's own text (a scalar).
    var text: Int32
    /// The placeholders common to every message (`EvaluationContext.commonValues`).
    var value: Int32, number: Int32, code: Int32, title: Int32, written: Int32, goal: Int32

    /// The site of `match` for a rule whose messages name the common placeholders `needs`:
    /// its texts interned in `strings` (those of common placeholders not in `needs` are
    /// `none`: no finding renders them), and the ids of the texts of its members
    /// `memberKeys` appended to `members` (`absent` for a member not there), all under one
    /// lock. `path` is set to the path's text. One walk from the node to the root
    /// (`EvaluationContext.CommonText`), no `ModelPath`.
    init(_ match: Match, needs: CommonPlaceholder.Set, strings: StringTable, memberKeys: [String] = [],
         members: inout [Int32], memo: inout StringTable.Memo, path: inout String) {
        let span = match.span
        if let span {
            (startLine, startColumn) = (Int32(clamping: span.start.line), Int32(clamping: span.start.column))
            (endLine, endColumn) = (Int32(clamping: span.end.line), Int32(clamping: span.end.column))
        } else {
            (startLine, startColumn, endLine, endColumn) = (0, 0, 0, 0)
        }
        let common = EvaluationContext.CommonText(match, needs: needs.subtracting([.field, .section]))
        path = common.path
        // The key of the array the node is an element of (`ModelPath.arrayKey`).
        let tree = match.tree
        let parent = tree.parents[Int(match.id)]
        let arrayKey = parent >= 0 && tree.kind(parent) == .array ? tree.key(parent) : nil
        var texts: [String?] = [span?.file, common.path, arrayKey, match.text, common.text("value", english: false),
                                common.text("number", english: false), common.text("code", english: false),
                                common.text("title", english: false), common.text("written", english: false),
                                common.text("goal", english: false)]
        texts.reserveCapacity(10 + memberKeys.count)
        // A member that is absent is told apart from one without text (`SelectedSheet.member`).
        var present: UInt64 = 0
        for (k, key) in memberKeys.enumerated() {
            let member = match[key]
            if member != nil, k < 64 { present |= 1 << UInt64(k) }
            texts.append(member?.text)
        }
        let ids = strings.ids(texts, memo: &memo)
        file = ids[0]
        self.path = ids[1]
        self.arrayKey = ids[2]
        text = ids[3]
        (value, number, code, title, written, goal) = (ids[4], ids[5], ids[6], ids[7], ids[8], ids[9])
        for k in memberKeys.indices {
            let isPresent = k < 64 ? present & (1 << UInt64(k)) != 0 : match[memberKeys[k]] != nil
            members.append(isPresent ? ids[10 + k] : Self.absent)
        }
    }

    /// The node's span (its nearest ancestor's when it has none).
    func span(_ strings: StringTable) -> SourceSpan? {
        guard let f = strings[file] else { return nil }
        return SourceSpan(file: f, start: SourcePosition(line: Int(startLine), column: Int(startColumn)),
                          end: SourcePosition(line: Int(endLine), column: Int(endColumn)))
    }

    /// The labels of the node's field and of its section (the path's first key), in
    /// Japanese and English, as `EvaluationContext.finding` gives them: from the path,
    /// read back from its text (whose keys are the model's, plain identifiers).
    static func labels(ofPath text: String) -> (field: (ja: String, en: String), section: (ja: String, en: String)) {
        let path = ModelPath(parsing: text)
        return (path.label, ModelPath(Array(path.components.prefix(1))).label)
    }
}

extension ModelPath {
    /// The path whose `description` is `text`: keys separated by `.`, indices in brackets.
    /// Keys are read up to the next `.` or `[`, so this reads back every path whose keys
    /// hold neither (the model's keys are plain identifiers).
    init(parsing text: String) {
        var components: [Component] = []
        var key = ""
        var index: String?
        for scalar in text.unicodeScalars {
            if let i = index {
                if scalar == "]" {
                    components.append(.index(Int(i) ?? 0))
                    index = nil
                } else {
                    index = i + String(scalar)
                }
                continue
            }
            switch scalar {
            case ".", "[":
                if !key.isEmpty { components.append(.key(key)) }
                key = ""
                if scalar == "[" { index = "" }
            default:
                key.unicodeScalars.append(scalar)
            }
        }
        if !key.isEmpty { components.append(.key(key)) }
        self.init(components)
    }
}

/// Texts interned as `Int32` ids, shared by the threads that read a run's sheets: each
/// distinct text is stored once however many sheets and nodes repeat it. Texts equal as
/// `String`s (canonically equivalent) share an id, the first one's.
public final class StringTable: @unchecked Sendable {
    private let lock = NSLock()
    // Read and written only under `lock`: the exclusivity checks of each access are not needed.
    @exclusivity(unchecked) private var texts: [String] = []
    @exclusivity(unchecked) private var ids: [String: Int32] = [:]
    /// Ids of texts recently looked up, by their exact bytes: hashing bytes costs a fraction
    /// of hashing a `String` (which normalizes Japanese text as it goes), and sheets repeat
    /// the same paths, codes and titles. Bounded (emptied when full), so it adds at most
    /// `recentLimit` entries to a table of any size; a text not found here is looked up in
    /// `ids` as before, so the ids are the same as without it.
    @exclusivity(unchecked) private var recent: [ExactText: Int32] = [:]
    static let recentLimit = 8192

    public init() {}

    /// The id of `text` (`CrossSheetSite.none` for nil), added when new.
    func id(_ text: String?) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        return unlockedId(text)
    }

    /// `texts.map(id)`, taking the lock once.
    func ids(_ texts: [String?]) -> [Int32] {
        var memo = Memo()
        return ids(texts, memo: &memo)
    }

    /// The texts of the last node interned and their ids (`ids(_:memo:)`).
    struct Memo {
        fileprivate var texts: [String?] = []
        fileprivate var ids: [Int32] = []
    }

    /// `ids(texts)`, where a text that is the very same string (the same storage, or the
    /// same small inline string) as one before it in `texts`, or as the one at the same place
    /// in the last call with `memo`, takes that one's id without a lookup: the texts of
    /// one node repeat each other (a citation's code as its value and as a member), and
    /// those of the node before it (its file, its array, its goal).
    func ids(_ texts: [String?], memo: inout Memo) -> [Int32] {
        var ids = [Int32](repeating: CrossSheetSite.none, count: texts.count)
        lock.lock()
        next: for (i, text) in texts.enumerated() {
            guard let text else { continue }
            if i < memo.texts.count, let before = memo.texts[i], Self.identical(before, text) {
                ids[i] = memo.ids[i]
                continue
            }
            for j in 0..<i {
                if let earlier = texts[j], Self.identical(earlier, text) {
                    ids[i] = ids[j]
                    continue next
                }
            }
            ids[i] = unlockedId(text)
        }
        lock.unlock()
        memo.texts = texts
        memo.ids = ids
        return ids
    }

    /// True when `a` and `b` are the same string value: the same storage, or the same
    /// small string stored inline (whose bits are its bytes). Equal texts in different
    /// storage answer false (and are then looked up).
    @inline(__always)
    static func identical(_ a: String, _ b: String) -> Bool {
        guard MemoryLayout<String>.size == 16 else { return false }
        return unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self)
    }

    private func unlockedId(_ text: String?) -> Int32 {
        guard let text else { return CrossSheetSite.none }
        let exact = ExactText(text)
        if let known = recent[exact] { return known }
        let id: Int32
        if let known = ids[text] {
            id = known
        } else {
            id = Int32(texts.count)
            texts.append(text)
            ids[text] = id
        }
        if recent.count >= Self.recentLimit { recent.removeAll(keepingCapacity: true) }
        recent[exact] = id
        return id
    }

    /// The text of `id` (nil for `CrossSheetSite.none` or `absent`).
    subscript(id: Int32) -> String? {
        guard id >= 0 else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return texts[Int(id)]
    }

    /// The number of distinct texts.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return texts.count
    }
}

/// A text as a dictionary key compared and hashed by its UTF-8 bytes (two spellings that
/// `String` equality would merge stay two).
struct ExactText: Hashable {
    let text: String
    init(_ text: String) { self.text = text }

    static func == (a: ExactText, b: ExactText) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        var (x, y) = (a.text, b.text)
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }

    func hash(into hasher: inout Hasher) {
        var t = text
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
