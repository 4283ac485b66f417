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
    /// Every finding of every rule in `rules` on `sheet`, sorted (file, line, column, rule id).
    public static func evaluate(_ rules: RuleSet, on sheet: Sheet) -> [Finding] {
        evaluate(rules, on: sheet.tree, file: sheet.file)
    }

    /// The same over a model tree (for callers that built one themselves).
    public static func evaluate(_ rules: RuleSet, on tree: ModelNode, file: String) -> [Finding] {
        rules.rules.flatMap { evaluate($0, on: tree, file: file, catalogs: rules.catalogs) }.sorted()
    }

    /// The findings of one rule, sorted.
    public static func evaluate(_ rule: Rule, on tree: ModelNode, file: String, catalogs: [String: Catalog]) -> [Finding] {
        let context = EvaluationContext(rule: rule, catalogs: catalogs, file: file)
        var seen = Set<ModelPath>()
        let matches = rule.selectors.flatMap { $0.select(in: tree) }.filter { seen.insert($0.path).inserted }
        return dedupe(rule.check.evaluate(matches, context)).sorted()
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
            for o in members {
                let outer = findings[o]
                if members.contains(where: { i in
                    let inner = findings[i]
                    return i != o && outer.span.start <= inner.span.start && inner.span.end <= outer.span.end
                        && (inner.span.start != outer.span.start || inner.span.end != outer.span.end
                            || inner.path.count > outer.path.count)
                }) { dropped.insert(o) }
            }
        }
        return findings.indices.filter { !dropped.contains($0) }.map { findings[$0] }
    }
}
