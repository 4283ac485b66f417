import SheetModel

/// `counterpart`: every numbered item (n) of the `from` list of a selected node has an
/// item (n) in its `to` list. Only top-level items are compared: sub-items ① need no
/// counterpart of their own when their parent has one. With `unnumbered_covers_all`, a
/// `to` list written only as unnumbered text covers every item; an empty `to` list is left
/// to the `required` rules unless `report_when_empty` is true.
struct CounterpartCheck: Check {
    static let name = "counterpart"
    static let optionKeys = ["from", "to", "unnumbered_covers_all", "report_when_empty"]
    static let placeholders = ["from", "to"]

    let from: [String]
    let to: [String]
    let unnumberedCoversAll: Bool
    let reportWhenEmpty: Bool
    /// The paths of the two item lists.
    let fromItems: [String], toItems: [String]

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        let isList: (ModelSchema) -> Bool = { $0.member("items")?.schema.isArray ?? false }
        guard let from = try options.relativePath("from", targets: targets, expect: isList, shape: "an item list"),
              let to = try options.relativePath("to", targets: targets, expect: isList, shape: "an item list") else {
            throw context.optionsValue.error("counterpart には from と to が必要です", "counterpart needs from and to")
        }
        self.from = from
        self.to = to
        fromItems = from + ["items"]
        toItems = to + ["items"]
        unnumberedCoversAll = try options["unnumbered_covers_all"]?.bool("unnumbered_covers_all") ?? false
        reportWhenEmpty = try options["report_when_empty"]?.bool("report_when_empty") ?? false
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        matches.flatMap { match -> [Finding] in
            guard let source = match.descend(fromItems), let target = match.descend(toItems) else { return [] }
            let tree = match.tree
            func isArray(_ id: Int32) -> Bool { tree.kind(id) == .array }
            // Only numbered items of `from` can be reported: without one, nothing is looked at.
            var numbered: [(Int32, Int)] = []
            if isArray(source.id) {
                for item in tree.children(source.id) {
                    if let n = tree.child(item, key: "number").flatMap(tree.int) { numbered.append((item, n)) }
                }
            }
            if numbered.isEmpty { return [] }
            // The numbers of the items of `to` that are not empty, and whether any is not.
            var numbers: [Int] = []
            var anyItem = false
            if isArray(target.id) {
                for item in tree.children(target.id) where !tree.isEmptyValue(item) {
                    anyItem = true
                    if let n = tree.child(item, key: "number").flatMap(tree.int) { numbers.append(n) }
                }
            }
            if !anyItem && !reportWhenEmpty { return [] }
            if numbers.isEmpty && unnumberedCoversAll && anyItem { return [] }
            // The labels of the two paths, made only for a finding.
            var labels: (from: (ja: String, en: String), to: (ja: String, en: String))?
            return numbered.compactMap { item, n in
                guard !numbers.contains(n) else { return nil }
                let (fromPath, toPath) = labels ?? (ModelPath(match.path.components + from.map { .key($0) }).label,
                                                    ModelPath(match.path.components + to.map { .key($0) }).label)
                labels = (fromPath, toPath)
                return context.finding(Match(tree: tree, id: item), ["from": fromPath.ja, "to": toPath.ja],
                                       en: ["from": fromPath.en, "to": toPath.en])
            }
        }
    }
}
