import SheetModel

/// The rules and catalogues one run uses: compiled, `Sendable`, ordered by id.
public struct RuleSet: Sendable {
    /// The rules, sorted by id.
    public private(set) var rules: [Rule]
    /// Catalogues by id.
    public private(set) var catalogs: [String: Catalog]

    /// An empty set.
    public init() {
        rules = []
        catalogs = [:]
    }

    /// The rule with `id`, if any.
    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// Adds `rule`, replacing any rule with the same id.
    public mutating func add(_ rule: Rule) {
        rules.removeAll { $0.id == rule.id }
        rules.append(rule)
        rules.sort { $0.id < $1.id }
    }

    /// Adds `catalog`, replacing any catalogue with the same id (rules that cite it then
    /// use the new one).
    public mutating func add(_ catalog: Catalog) {
        catalogs[catalog.id] = catalog
    }

    /// A copy holding only the rules that apply to a sheet at `stage` (see `Rule.stages`).
    public func applicable(at stage: SheetStage) -> RuleSet {
        rules.allSatisfy { $0.applies(at: stage) } ? self : only(Set(rules.filter { $0.applies(at: stage) }.map(\.id)))
    }

    /// The catalogue ids the rules cite (`catalog:` of the `catalog` kind): a catalogue
    /// with one of these ids takes part in a run, any other is inert.
    public var citedCatalogIds: Set<String> {
        Set(rules.compactMap { ($0.check as? CatalogCheck)?.catalogId })
    }

    /// The ids of the rules that cite the catalogue `id`, sorted.
    public func rules(citing id: String) -> [String] {
        rules.filter { ($0.check as? CatalogCheck)?.catalogId == id }.map(\.id)
    }

    /// A copy holding only the rules whose ids are in `ids` (for `--rule` style filters).
    public func only(_ ids: Set<String>) -> RuleSet {
        var copy = self
        copy.rules = rules.filter { ids.contains($0.id) }
        return copy
    }
}

/// Evaluates rules on sheets. Pure: no I/O, no shared mutable state; safe to call from
/// many tasks at once.
public enum RuleEngine {
    /// Every finding of every rule in `rules` that applies at `stage` on `sheet`, sorted
    /// (file, line, column, rule id). `stage` nil: the stage inferred from the sheet's
    /// content (`SheetStage.inferred(from:)`), as `lint --stage auto` does.
    /// `source`, the sheet's lines as decoded, lets findings about part of a text point at
    /// exactly that part; without it they point at the text.
    public static func evaluate(_ rules: RuleSet, on sheet: Sheet, stage: SheetStage? = nil,
                                source: SheetSource? = nil) -> [Finding] {
        var cache = SelectionCache(tree: SheetTree(sheet))
        return evaluate(rules, on: sheet, stage: stage, source: source, selection: &cache)
    }

    /// The same over `cache`, a selection cache of `sheet`'s tree that the caller keeps, so
    /// that the cross-sheet stage (`CrossSheetEngine.input(_:from:strings:selection:)`)
    /// reuses the flat tree, the selections and the texts instead of making them again.
    public static func evaluate(_ rules: RuleSet, on sheet: Sheet, stage: SheetStage? = nil,
                                source: SheetSource? = nil, selection cache: inout SelectionCache) -> [Finding] {
        evaluate(rules, file: sheet.file, stage: stage ?? .inferred(from: sheet), source: source, selection: &cache)
    }

    /// Every finding of every rule in `rules` that applies at `stage`, over `cache`, a
    /// selection cache of the sheet's flat tree (`SheetTree(sheet)`), sorted. The caller may
    /// drop the sheet once the tree is built: the rules read only the tree.
    public static func evaluate(_ rules: RuleSet, file: String, stage: SheetStage, source: SheetSource? = nil,
                                selection cache: inout SelectionCache) -> [Finding] {
        // The rules that apply, in order, read in place (no `RuleSet` of them is made, no rule
        // is copied); one budget and one cap for the sheet, bound once and renewed per rule.
        let limits = RuleLimits()
        var findings: [Finding] = []
        let list = rules.rules
        limits.bind {
            for index in list.indices where list[index].stages.contains(stage) {
                findings += evaluate(in: list, at: index, cache: &cache, file: file, catalogs: rules.catalogs,
                                     source: source, limits: limits)
            }
        }
        sort(&findings)
        return findings
    }

    /// Every rule in `rules`, whatever its stages, over a model tree (for callers that
    /// built one themselves and chose the rules).
    public static func evaluate(_ rules: RuleSet, on tree: ModelNode, file: String, source: SheetSource? = nil) -> [Finding] {
        // One flat tree and one selection cache per sheet: each distinct selector (and step
        // prefix) is evaluated once, whatever the number of rules that use it.
        var cache = SelectionCache(tree: SheetTree(flattening: tree))
        return rules.rules.flatMap {
            evaluate($0, cache: &cache, file: file, catalogs: rules.catalogs, source: source)
        }.sorted()
    }

    /// The findings of one rule, sorted.
    public static func evaluate(_ rule: Rule, on tree: ModelNode, file: String, catalogs: [String: Catalog]) -> [Finding] {
        var cache = SelectionCache(tree: SheetTree(flattening: tree))
        return evaluate(rule, cache: &cache, file: file, catalogs: catalogs)
    }

    /// The findings of one rule on `sheet`, whatever its stage, sorted.
    public static func evaluate(_ rule: Rule, on sheet: Sheet, catalogs: [String: Catalog]) -> [Finding] {
        var cache = SelectionCache(tree: SheetTree(sheet))
        return evaluate(rule, cache: &cache, file: sheet.file, catalogs: catalogs)
    }

    /// The findings of one rule over a sheet's selection cache, sorted.
    public static func evaluate(_ rule: Rule, cache: inout SelectionCache, file: String,
                                catalogs: [String: Catalog], source: SheetSource? = nil) -> [Finding] {
        let limits = RuleLimits()
        var findings: [Finding] = []
        limits.bind {
            findings = evaluate(in: [rule], at: 0, cache: &cache, file: file, catalogs: catalogs, source: source, limits: limits)
        }
        return findings
    }

    /// The findings of `rules[index]` over a sheet's selection cache, sorted, with `limits`
    /// bound (`RuleLimits.bind`) and renewed here for this rule.
    private static func evaluate(in rules: [Rule], at index: Int, cache: inout SelectionCache, file: String,
                                 catalogs: [String: Catalog], source: SheetSource?, limits: RuleLimits) -> [Finding] {
        limits.renew()
        let context = EvaluationContext(rules: rules, index: index, catalogs: catalogs, file: file, source: source,
                                        texts: cache.texts)
        var findings = rules.withUnsafeBufferPointer { rules -> [Finding] in
            // The rule's fields read in place: a copy of a `Rule` takes two dozen reference counts.
            let rule = rules.baseAddress! + index
            let ids = rule.pointee.selectors.count == 1
                ? cache.select(rule.pointee.selectors[0])
                : mergedSelection(rule.pointee.selectors.map { cache.select($0) })
            // The tree is held by `cache` while the check runs: the matches need not hold it.
            let tree = Unmanaged.passUnretained(cache.tree)
            let matches = ids.map { Match(unretained: tree, id: $0) }
            var produced = rule.pointee.check.evaluate(matches, context)
            if limits.cap.refused > 0 { produced.removeAll { $0.path == FindingCap.markerPath } }
            return dedupe(produced)
        }
        if let overrun = limits.budget.overrun { findings.append(regexLimitFinding(rules[index], overrun, file: file)) }
        sort(&findings)
        return findings
    }

    /// Sorts `findings` as `sort()` does (`Finding.<`). Findings of one file (one sheet's,
    /// always) compare by their lines and columns before any text: the same order, without
    /// a string comparison of the file per pair.
    static func sort(_ findings: inout [Finding]) {
        guard findings.count > 1 else { return }
        let file = findings[0].span.file
        guard findings.allSatisfy({ $0.span.file == file }) else {
            findings.sort()
            return
        }
        findings.sort { a, b in
            let (x, y) = (a.span.start, b.span.start)
            if x.line != y.line { return x.line < y.line }
            if x.column != y.column { return x.column < y.column }
            return (a.ruleId, a.path, a.message) < (b.ruleId, b.path, b.message)
        }
    }

    /// The finding that says a rule's patterns hit a regex limit on a sheet, so the rule's
    /// results there are incomplete. It carries the rule's id and is always an error: a
    /// pattern that cannot finish is a broken rule, never a silent pass.
    static func regexLimitFinding(_ rule: Rule, _ overrun: RegexBudget.Overrun, file: String) -> Finding {
        // Name where the pattern is written (a configuration's options, with line:col)
        // when known, else the rule's file.
        let written = overrun.origin.map { "\($0.file):\($0.position.line):\($0.position.column)" } ?? rule.file
        return Finding(ruleId: rule.id, severity: .error,
                message: "ルール \(rule.id)（\(written)）の正規表現「\(overrun.pattern)」が処理量の上限（\(overrun.limit)）を超えたため、このシートでの判定を打ち切りました",
                messageEn: "rule \(rule.id) (\(written)): the regular expression '\(overrun.pattern)' exceeded its work limit (\(overrun.limit)); the rule's results on this sheet are incomplete",
                span: SourceSpan(file: file, line: 1, startColumn: 1, endColumn: 1), path: "")
    }

    /// The union of ascending id lists, ascending and without duplicates.
    static func mergedSelection(_ lists: [[Int32]]) -> [Int32] {
        guard lists.count > 1 else { return lists.first ?? [] }
        // Each list is ascending and without duplicates (`SelectionCache`). Two are merged
        // in one pass; more (notation-variance has eight) are marked in a bit set of the
        // ids and read back in order: no sort, no hashing, one pass over each list.
        if lists.count == 2 { return merged(lists[0], lists[1]) }
        let end = Int(lists.lazy.compactMap(\.last).max() ?? -1) + 1
        var words = [UInt64](repeating: 0, count: (end + 63) / 64)
        var total = 0
        for list in lists {
            total += list.count
            for id in list { words[Int(id) >> 6] |= 1 << (UInt64(id) & 63) }
        }
        var out: [Int32] = []
        out.reserveCapacity(total)
        for (w, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                out.append(Int32(w << 6 + bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
        return out
    }

    /// The union of two ascending, duplicate-free id lists.
    static func merged(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let (x, y) = (a[i], b[j])
            if x <= y {
                out.append(x)
                i += 1
                if x == y { j += 1 }
            } else {
                out.append(y)
                j += 1
            }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }

    /// One problem seen through two selected fields (an item's text and the schedule entry
    /// cut from it) is one finding: of findings with the same message whose spans nest, only
    /// the innermost, most precise one is kept.
    static func dedupe(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        // A few findings (what a rule gives on most sheets): when no two share a file and
        // message there is nothing to drop, found by comparing pairs rather than hashing
        // every message (its normalization made that most of the cost).
        if findings.count <= 16 {
            let keys = findings.map { $0.span.file + "\u{1F}" + $0.message }
            var shared = false
            for i in keys.indices where !shared {
                for j in (i + 1)..<keys.count where keys[i] == keys[j] {
                    shared = true
                    break
                }
            }
            if !shared { return findings }
        }
        // Only findings with the same message and file can be one problem: compare within
        // those groups, so the work stays linear when messages differ (they name the item).
        var groups: [String: [Int]] = [:]
        for (i, f) in findings.enumerated() { groups[f.span.file + "\u{1F}" + f.message, default: []].append(i) }
        var dropped = Set<Int>()
        for members in groups.values where members.count > 1 {
            dropped.formUnion(outerOnes(members, findings))
        }
        return findings.indices.filter { !dropped.contains($0) }.map { findings[$0] }
    }

    /// The members (indices into `findings`, one file and message) that hold another member:
    /// one whose span lies within theirs and differs, or is the same span with a longer
    /// path. In O(m log m), not by comparing every pair: one table row of thousands of
    /// identical items took seconds (issue #8, defect 5).
    static func outerOnes(_ members: [Int], _ findings: [Finding]) -> [Int] {
        // A few members: compared pair by pair, which gives what the sweep below does. A
        // member holds another when that one starts later and ends no later, starts at the
        // same place and ends earlier, or has the same span and a longer path.
        if members.count <= 32 {
            let pathCounts = members.map { findings[$0].path.count }
            return members.indices.filter { a in
                let o = findings[members[a]].span
                return members.indices.contains { b in
                    let i = findings[members[b]].span
                    return (i.start > o.start && i.end <= o.end) || (i.start == o.start && i.end < o.end)
                        || (i.start == o.start && i.end == o.end && pathCounts[b] > pathCounts[a])
                }
            }.map { members[$0] }
        }
        // Same span: all but those with the longest path hold a more precise one.
        var outer: [Int] = []
        var longest: [SourceSpanKey: Int] = [:]
        for i in members {
            let key = SourceSpanKey(findings[i].span)
            longest[key] = max(longest[key] ?? 0, findings[i].path.count)
        }
        // A different span within: one starting later and ending no later, or starting at the
        // same place and ending earlier.
        let byStart = members.sorted { findings[$0].span.start < findings[$1].span.start }
        var laterMinEnd: [SourcePosition?] = Array(repeating: nil, count: byStart.count + 1)
        for k in stride(from: byStart.count - 1, through: 0, by: -1) {
            let end = findings[byStart[k]].span.end
            laterMinEnd[k] = laterMinEnd[k + 1].map { min($0, end) } ?? end
        }
        var sameStartMinEnd: [SourcePosition: SourcePosition] = [:]
        for i in members {
            let span = findings[i].span
            sameStartMinEnd[span.start] = min(sameStartMinEnd[span.start] ?? span.end, span.end)
        }
        var k = 0
        for o in byStart {
            let span = findings[o].span
            while k < byStart.count && findings[byStart[k]].span.start <= span.start { k += 1 }
            let insideLater = laterMinEnd[k].map { $0 <= span.end } ?? false
            let insideSameStart = sameStartMinEnd[span.start].map { $0 < span.end } ?? false
            let morePrecise = findings[o].path.count < longest[SourceSpanKey(span)]!
            if insideLater || insideSameStart || morePrecise { outer.append(o) }
        }
        return outer
    }
}

/// The regex budget and finding cap of the rules of one evaluation: bound to
/// `RegexBudget.current` and `FindingCap.current` once for a sheet (binding a task-local
/// value costs as much as a small rule) and renewed before each rule, which so gets a full
/// budget and cap of its own as before.
final class RuleLimits: @unchecked Sendable {
    let budget = RegexBudget()
    let cap = FindingCap()

    /// Runs `body` with the budget and the cap bound.
    func bind(_ body: () -> Void) {
        RegexBudget.$current.withValue(budget) { FindingCap.$current.withValue(cap) { body() } }
    }

    /// A full budget and cap for the next rule.
    func renew() {
        budget.renew()
        cap.renew()
    }
}

/// A span's start and end, as a dictionary key.
struct SourceSpanKey: Hashable {
    let start: SourcePosition
    let end: SourcePosition
    init(_ span: SourceSpan) {
        start = span.start
        end = span.end
    }
}
