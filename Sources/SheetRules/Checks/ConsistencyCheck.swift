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
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        // Each leaf's text as written, its UTF-16 units made once for every variant.
        let leaves = Match.uniqueTextLeaves(matches).compactMap { leaf in
            leaf.text.map { (leaf, context.texts.written(leaf, $0)) }
        }
        let texts = leaves.map(\.1)
        return groups.compactMap { group in
            let patterns = group.variants.map(\.pattern)
            var counts = Array(repeating: 0, count: group.variants.count)
            // The index in `leaves` of the first text using each variant.
            var firstLeaf: [Int?] = Array(repeating: nil, count: group.variants.count)
            for k in texts.indices {
                let text = texts[k]
                for i in patterns.indices {
                    let n = patterns[i].count(in: text)
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
                .min { (leaves[firstLeaf[$0]!].0.id, $0) < (leaves[firstLeaf[$1]!].0.id, $1) }!
            let first = (leaf: leaves[firstLeaf[minority]!].0, text: leaves[firstLeaf[minority]!].1)
            // The finding points at the first use of that variant in that text.
            let focus = group.variants[minority].pattern.firstRange(in: first.text)
            return context.finding(first.leaf, [
                "group": group.name, "variant": group.variants[minority].label,
                "expected": group.variants[dominant].label, "count": String(counts[minority]),
            ], focus: focus)
        }
    }

}
