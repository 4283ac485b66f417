import SheetModel

/// How far a review-stage sheet's plan was carried out, counted on its annual goals.
///
/// A plan item is a top-level item (n) of 取組み事項; a plan written as unnumbered text is one
/// item. The item has a result when 実績 holds an item with the same number, or 実績 is
/// written only as unnumbered text (which answers the whole plan), or — for an unnumbered
/// plan — when 実績 holds any text; the same for a direction in 課題・今後の方向性. An item is
/// complete when it has both. Sub-items ① need no counterpart of their own.
public struct Completion: Sendable, Hashable {
    /// One goal's counts.
    public struct Goal: Sendable, Hashable {
        public var number: Int?
        public var title: String
        public var planItems: Int
        public var withResult: Int
        public var withDirection: Int
        public var complete: Int

        /// `complete / planItems`; nil for a goal without plan items.
        public var share: Double? { planItems == 0 ? nil : Double(complete) / Double(planItems) }
    }

    public var goals: [Goal]

    public var planItems: Int { goals.reduce(0) { $0 + $1.planItems } }
    public var withResult: Int { goals.reduce(0) { $0 + $1.withResult } }
    public var withDirection: Int { goals.reduce(0) { $0 + $1.withDirection } }
    public var complete: Int { goals.reduce(0) { $0 + $1.complete } }
    /// `complete / planItems` over every goal; nil when there is no plan item at all.
    public var share: Double? { planItems == 0 ? nil : Double(complete) / Double(planItems) }

    /// Several sheets' goals together (a department with two sheets in one year).
    public static func combined(_ parts: [Completion]) -> Completion { Completion(goals: parts.flatMap(\.goals)) }

    /// The counts for `sheet`'s annual goals.
    public init(sheet: Sheet) {
        goals = sheet.annualGoals.map(Self.goal)
    }

    public init(goals: [Goal]) { self.goals = goals }

    static func goal(_ goal: AnnualGoal) -> Goal {
        let plan = goal.plan.items.filter { !$0.isEmpty }
        let numbered = plan.compactMap(\.number)
        // A plan whose items carry no number is one item; numbered items count one each
        // (unnumbered text between them is part of the item before it).
        let items: [Int?] = numbered.isEmpty ? (plan.isEmpty ? [] : [nil]) : numbered.map { $0 }
        var counts = Goal(number: goal.number, title: goal.title?.text ?? "", planItems: items.count,
                          withResult: 0, withDirection: 0, complete: 0)
        for item in items {
            let result = answers(goal.results, item)
            let direction = answers(goal.directions, item)
            if result { counts.withResult += 1 }
            if direction { counts.withDirection += 1 }
            if result && direction { counts.complete += 1 }
        }
        return counts
    }

    /// Whether `list` answers the plan item numbered `number` (nil: an unnumbered plan).
    static func answers(_ list: ItemList, _ number: Int?) -> Bool {
        let items = list.items.filter { !$0.isEmpty }
        guard !items.isEmpty else { return false }
        let numbers = Set(items.compactMap(\.number))
        guard let number else { return true }
        if numbers.isEmpty { return true }
        return numbers.contains(number)
    }
}
