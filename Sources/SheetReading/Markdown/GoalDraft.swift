import SheetModel

/// A goal being read: the builders of its fields and its citations, filled row by row
/// until the next goal starts. A class: the parser holds it as an optional and fills it in
/// place, and an optional struct this size was copied whole by reads through `goal!`.
final class GoalDraft {
    let midTerm: Bool
    let number: Int?
    var span: SourceSpan
    /// The builders of the fields, in `fieldOrder`.
    private var fields: [ItemListBuilder]
    var citations: CitationCollector
    /// Cells that fit no field (more cells than the goal has fields).
    var unplaced: [Run] = []

    private static let annualOrder: [ColumnRole] = [.plan, .results, .directions]
    private static let midTermOrder: [ColumnRole] = [.body, .schedule]

    /// The fields in the order cells fill them when no header names the columns; the
    /// first holds the goal's title.
    var fieldOrder: [ColumnRole] { midTerm ? Self.midTermOrder : Self.annualOrder }
    /// The field that holds the goal's title.
    var titleRole: ColumnRole { midTerm ? .body : .plan }

    init(midTerm: Bool, number: Int?, span: SourceSpan, file: String) {
        self.midTerm = midTerm
        self.number = number
        self.span = span
        self.citations = CitationCollector(file: file)
        let order = midTerm ? Self.midTermOrder : Self.annualOrder
        self.fields = order.indices.map { ItemListBuilder(file: file, takesTitle: $0 == 0) }
    }

    /// The index in `fieldOrder` of `role`'s field; nil when the goal has no such field.
    private func slot(_ role: ColumnRole) -> Int? { fieldOrder.firstIndex(of: role) }

    /// Adds the non-empty `cells` of a row (by index) to the fields their columns name,
    /// or, for columns without a usable role, to the fields in order.
    func addCells(_ cells: ArraySlice<FilledCell>, roles: ColumnRoles) {
        // Fields before `next` are passed: a cell without a role goes to the next one.
        var next = 0
        for cell in cells {
            let run = cell.run
            var target = roles[cell.index].flatMap(slot)
            if target == nil, next < fields.count { target = next }
            guard let target else {
                unplaced.append(run)
                continue
            }
            if target >= next { next = target + 1 }
            fields[target].add(cell: run)
        }
    }

    func list(_ role: ColumnRole) -> ItemList { slot(role).map { fields[$0].build() } ?? ItemList() }

    var title: Field? { fields[0].title }
}
