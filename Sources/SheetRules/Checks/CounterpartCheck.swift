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

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        let isList: (ModelSchema) -> Bool = { $0.member("items")?.schema.isArray ?? false }
        guard let from = try options.relativePath("from", targets: targets, expect: isList, shape: "an item list"),
              let to = try options.relativePath("to", targets: targets, expect: isList, shape: "an item list") else {
            throw context.optionsValue.error("counterpart には from と to が必要です", "counterpart needs from and to")
        }
        self.from = from
        self.to = to
        unnumberedCoversAll = try options["unnumbered_covers_all"]?.bool("unnumbered_covers_all") ?? false
        reportWhenEmpty = try options["report_when_empty"]?.bool("report_when_empty") ?? false
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        matches.flatMap { match -> [Finding] in
            guard let source = match.descend(from + ["items"]), let target = match.descend(to + ["items"]) else { return [] }
            // Only numbered items of `from` can be reported: without one, nothing is looked at.
            let numbered = source.elements.compactMap { item in item["number"]?.int.map { (item, $0) } }
            if numbered.isEmpty { return [] }
            let targetItems = target.elements.filter { !$0.isEmptyValue }
            if targetItems.isEmpty && !reportWhenEmpty { return [] }
            let numbers = targetItems.compactMap { $0["number"]?.int }
            if numbers.isEmpty && unnumberedCoversAll && !targetItems.isEmpty { return [] }
            // The labels of the two paths, made only for a finding.
            var labels: (from: (ja: String, en: String), to: (ja: String, en: String))?
            return numbered.compactMap { item, n in
                guard !numbers.contains(n) else { return nil }
                let (fromPath, toPath) = labels ?? (ModelPath(match.path.components + from.map { .key($0) }).label,
                                                    ModelPath(match.path.components + to.map { .key($0) }).label)
                labels = (fromPath, toPath)
                return context.finding(item, ["from": fromPath.ja, "to": toPath.ja],
                                       en: ["from": fromPath.en, "to": toPath.en])
            }
        }
    }
}
