extension Sheet {
    /// The sheet as a generic tree with canonical key names and spans.
    public var tree: ModelNode {
        .object([
            ("fiscalYear", .int(fiscalYear)),
            ("header", header.tree),
            ("mission", mission.tree),
            ("approaches", .array(approaches.map(\.tree))),
            ("annualGoals", .array(annualGoals.map(\.tree))),
            ("midTermGoals", .array(midTermGoals.map(\.tree))),
        ], span)
    }
}

extension Header {
    var tree: ModelNode {
        .object([
            ("department", .field(department)),
            ("position", .field(position)),
            ("name", .field(name)),
        ], span)
    }
}

extension Approach {
    var tree: ModelNode {
        .object([("number", .int(number)), ("approach", .field(approach)), ("review", .field(review))], span)
    }
}

extension ItemList {
    var tree: ModelNode {
        .object([("items", .array(items.map(\.tree)))], span)
    }
}

extension Item {
    var tree: ModelNode {
        .object([
            ("number", .int(number)),
            ("text", .string(text)),
            ("subItems", .array(subItems.map(\.tree))),
            ("schedule", .array(schedule.map(\.tree))),
        ], span)
    }
}

extension SubItem {
    var tree: ModelNode {
        .object([
            ("number", .int(number)),
            ("text", .string(text)),
            ("schedule", .array(schedule.map(\.tree))),
        ], span)
    }
}

extension ScheduleEntry {
    var tree: ModelNode {
        .object([("text", .string(text)), ("timing", .string(timing))], span)
    }
}

extension AnnualGoal {
    var tree: ModelNode {
        .object([
            ("number", .int(number)),
            ("title", .field(title)),
            ("plan", plan.tree),
            ("results", results.tree),
            ("directions", directions.tree),
            ("planCodes", .array(planCodes.map(\.tree))),
            ("policies", .array(policies.map(\.tree))),
        ], span)
    }
}

extension MidTermGoal {
    var tree: ModelNode {
        .object([
            ("number", .int(number)),
            ("title", .field(title)),
            ("body", body.tree),
            ("schedule", schedule.tree),
            ("planCodes", .array(planCodes.map(\.tree))),
            ("policies", .array(policies.map(\.tree))),
        ], span)
    }
}

extension PlanCode {
    var tree: ModelNode {
        .object([("code", .string(code)), ("written", .string(written)), ("title", .string(title))], span)
    }
}

extension PolicyCitation {
    var tree: ModelNode {
        .object([("number", .int(number)), ("written", .string(written)), ("title", .string(title))], span)
    }
}
