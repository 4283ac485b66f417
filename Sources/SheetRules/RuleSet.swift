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
        let applicable = rules.applicable(at: stage)
        return applicable.rules.flatMap {
            evaluate($0, cache: &cache, file: file, catalogs: applicable.catalogs, source: source)
        }.sorted()
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
        let context = EvaluationContext(rule: rule, catalogs: catalogs, file: file, source: source, texts: cache.texts)
        let budget = RegexBudget(), cap = FindingCap()
        return RegexBudget.$current.withValue(budget) { FindingCap.$current.withValue(cap) {
            let ids = mergedSelection(rule.selectors.map { cache.select($0) })
            let matches = ids.map { Match(tree: cache.tree, id: $0) }
            var produced = rule.check.evaluate(matches, context)
            if cap.refused > 0 { produced.removeAll { $0.path == FindingCap.markerPath } }
            var findings = dedupe(produced)
            if let overrun = budget.overrun { findings.append(regexLimitFinding(rule, overrun, file: file)) }
            return findings.sorted()
        } }
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
        // Sorting the joined lists and dropping repeats: no hashing (a Set of the ids was
        // 5 % of rule evaluation for notation-variance's eight selectors).
        var all = Array(lists.joined())
        all.sort()
        var out: [Int32] = []
        out.reserveCapacity(all.count)
        for id in all where out.last != id { out.append(id) }
        return out
    }

    /// One problem seen through two selected fields (an item's text and the schedule entry
    /// cut from it) is one finding: of findings with the same message whose spans nest, only
    /// the innermost, most precise one is kept.
    static func dedupe(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
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

/// A span's start and end, as a dictionary key.
struct SourceSpanKey: Hashable {
    let start: SourcePosition
    let end: SourcePosition
    init(_ span: SourceSpan) {
        start = span.start
        end = span.end
    }
}
