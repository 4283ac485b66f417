import SheetModel

/// `consistency`: within one sheet, each group's variants should not be mixed
/// (`取組み` / `取り組み` / `取組`; `（）` / `()`). Text is read as written, not normalized,
/// since width is what some groups are about. When a group is mixed, one finding is
/// reported at the first text that uses a variant other than the most frequent one
/// (ties go to the variant listed first).
struct ConsistencyCheck: Check {
    static let name = "consistency"
    static let optionKeys = ["groups"]
    static let placeholders = ["group", "variant", "expected", "count"]

    struct Group: Sendable {
        let name: String
        let variants: [(label: String, pattern: TextPattern)]
    }

    let groups: [Group]
    /// How the variants of every group are found in a text.
    let search: VariantSearch

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        var groups: [Group] = []
        for item in try options.required("groups").sequence("groups") {
            let m = try item.mapping(allowed: ["name", "variants"], what: "group")
            var variants: [(String, TextPattern)] = []
            for v in try m.required("variants").sequence("variants") {
                let vm = try v.mapping(allowed: ["label", "pattern"], what: "variant")
                variants.append((try vm.required("label").string("label"), try vm.required("pattern").pattern("pattern")))
            }
            guard variants.count >= 2 else {
                throw item.error("group には 2 つ以上の variants が必要です", "a group needs at least two variants")
            }
            groups.append(Group(name: try m.required("name").string("name"), variants: variants))
        }
        self.groups = groups
        search = VariantSearch(groups)
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        // One pass per text for the variants of every group (`VariantSearch`). Only the
        // texts where it found something are kept (all of them when a variant needs its
        // pattern run on every text): leaves[k]'s count for slot s is scanned[k * slots + s].
        // A text that uses no variant changes no count, so leaving it out changes nothing.
        let slots = search.slots, keepAll = search.runsOnEveryText
        var leaves: [(leaf: Match, text: String)] = []
        var scanned: [Int32] = []
        var row = [Int32](repeating: 0, count: slots), ends = [Int](repeating: 0, count: search.scratchCount)
        let factsNeeded = keepAll ? nil : search.factsNeeded
        for leaf in Match.uniqueTextLeaves(matches) {
            guard let text = leaf.text else { continue }
            // A text without the characters every needle starts with uses no variant.
            if let factsNeeded, context.texts.dateFacts(leaf, text).isDisjoint(with: factsNeeded) { continue }
            if slots > 0 {
                for s in 0..<slots { row[s] = 0 }
                row.withUnsafeMutableBufferPointer { row in
                    ends.withUnsafeMutableBufferPointer { search.scan(text, into: row.baseAddress!, ends: $0.baseAddress!) }
                }
                guard keepAll || row.contains(where: { $0 != 0 }) else { continue }
                scanned.append(contentsOf: row)
            }
            leaves.append((leaf, text))
        }
        // Each leaf's text as written, made (or shared with other rules) only where a
        // pattern must run on it.
        func written(_ k: Int) -> MatchText { context.texts.written(leaves[k].leaf, leaves[k].text) }
        let budget = RegexBudget.current
        return groups.indices.compactMap { g in
            let group = groups[g], ways = search.ways[g]
            var counts = Array(repeating: 0, count: group.variants.count)
            // The index in `leaves` of the first text using each variant.
            var firstLeaf: [Int?] = Array(repeating: nil, count: group.variants.count)
            for k in leaves.indices {
                for i in ways.indices {
                    let n: Int
                    switch ways[i] {
                    case .counted(let slot):
                        // As a pattern found without the engine: nothing once the budget is spent.
                        let found = Int(scanned[k * slots + slot])
                        n = found > 0 && !(budget?.isSpent ?? false) ? found : 0
                    case .gated(let slot):
                        n = scanned[k * slots + slot] > 0 ? group.variants[i].pattern.count(in: written(k)) : 0
                    case .pattern:
                        n = group.variants[i].pattern.count(in: written(k))
                    }
                    counts[i] += n
                    if n > 0, firstLeaf[i] == nil { firstLeaf[i] = k }
                }
            }
            guard counts.filter({ $0 > 0 }).count >= 2 else { return nil }
            let dominant = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
            // The first text, in document order, that uses a minority variant; of two
            // minority variants first used in the same text, the one listed first (this was
            // left to a dictionary's order, which changes from run to run).
            let minority = firstLeaf.indices.filter { $0 != dominant && firstLeaf[$0] != nil }
                .min { (leaves[firstLeaf[$0]!].leaf.id, $0) < (leaves[firstLeaf[$1]!].leaf.id, $1) }!
            let first = firstLeaf[minority]!
            // The finding points at the first use of that variant in that text.
            let focus = group.variants[minority].pattern.firstRange(in: written(first))
            return context.finding(leaves[first].leaf, [
                "group": group.name, "variant": group.variants[minority].label,
                "expected": group.variants[dominant].label, "count": String(counts[minority]),
            ], focus: focus)
        }
    }
}
