import SheetModel

/// `partial`: the selected nodes are filled in some places and empty in others (実績 in
/// some annual goals but not the rest). When at least one is filled and at least one is
/// empty, one finding on each filled node; when all are filled or all are empty, none.
/// Meant for a stage where the field should be uniformly empty (`stages: [plan]`).
struct PartialCheck: Check {
    static let name = "partial"
    static let optionKeys: [String] = []
    static let placeholders = ["filled", "empty", "unfilled"]

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {}

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        let filled = matches.filter { !$0.isEmptyValue }
        let empty = matches.filter { $0.isEmptyValue }
        guard !filled.isEmpty, !empty.isEmpty else { return [] }
        // {unfilled}: the goals (or, outside goals, the paths) of the empty nodes.
        let unfilled = empty.map { EvaluationContext.commonValues($0)["goal"] ?? $0.path.description }
            .joined(separator: ", ")
        let values = ["filled": String(filled.count), "empty": String(empty.count), "unfilled": unfilled]
        return filled.map { context.finding($0, values) }
    }
}
