import SheetModel

/// `required`: the selected node (or its `field`) must hold some text, items or entries.
/// With `when`, only nodes whose `when` field is non-empty are checked (a 方針 needs a 総括
/// only when the 方針 is written).
struct RequiredCheck: Check {
    static let name = "required"
    static let optionKeys = ["field", "when"]
    static let placeholders: [String] = []

    let field: [String]
    let when: [String]?

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        field = try options.relativePath("field", targets: targets) ?? []
        when = try options.relativePath("when", targets: targets)
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        matches.compactMap { match in
            if let when, match.descend(when).map({ $0.isEmptyValue }) ?? true { return nil }
            let target = match.descend(field)
            guard target?.isEmptyValue ?? true else { return nil }
            return context.finding(target ?? match)
        }
    }
}

/// `count`: the selected array has at least `min` and at most `max` elements (empty
/// elements are not counted).
struct CountCheck: Check {
    static let name = "count"
    static let optionKeys = ["min", "max"]
    static let placeholders = ["count", "min", "max"]

    let min: Int?
    let max: Int?

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        try options.requireTargets(targets, "arrays", shapeJa: "配列") { $0.isArray }
        min = try options["min"]?.int("min")
        max = try options["max"]?.int("max")
        guard min != nil || max != nil else {
            throw context.optionsValue.error("count には min か max が必要です", "count needs min or max")
        }
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        matches.compactMap { match in
            let n = match.elements.filter { !$0.isEmptyValue }.count
            if let min, n < min { return finding(match, n, context) }
            if let max, n > max { return finding(match, n, context) }
            return nil
        }
    }

    private func finding(_ match: Match, _ n: Int, _ context: EvaluationContext) -> Finding {
        context.finding(match, ["count": String(n), "min": min.map(String.init) ?? "", "max": max.map(String.init) ?? ""])
    }
}
