import SheetModel

/// A goal being read: the builders of its fields and its citations, filled row by row
/// until the next goal starts.
struct GoalDraft {
    let midTerm: Bool
    let number: Int?
    var span: SourceSpan
    var fields: [ColumnRole: ItemListBuilder]
    var citations: CitationCollector
    /// Cells that fit no field (more cells than the goal has fields).
    var unplaced: [Run] = []

    /// The fields in the order cells fill them when no header names the columns.
    var fieldOrder: [ColumnRole] { midTerm ? [.body, .schedule] : [.plan, .results, .directions] }
    /// The field that holds the goal's title.
    var titleRole: ColumnRole { midTerm ? .body : .plan }

    init(midTerm: Bool, number: Int?, span: SourceSpan, file: String) {
        self.midTerm = midTerm
        self.number = number
        self.span = span
        self.citations = CitationCollector(file: file)
        var fields: [ColumnRole: ItemListBuilder] = [:]
        for role in midTerm ? [ColumnRole.body, .schedule] : [.plan, .results, .directions] {
            fields[role] = ItemListBuilder(file: file, takesTitle: role == (midTerm ? .body : .plan))
        }
        self.fields = fields
    }

    /// Adds the non-empty `cells` of a row (by index) to the fields their columns name,
    /// or, for columns without a usable role, to the fields in order.
    mutating func addCells(_ cells: [(index: Int, run: Run)], roles: [Int: ColumnRole]) {
        var order = fieldOrder[...]
        for (index, run) in cells {
            var role = roles[index].flatMap { fields[$0] == nil ? nil : $0 }
            if role == nil { role = order.first }
            guard let target = role else {
                unplaced.append(run)
                continue
            }
            if let pos = order.firstIndex(of: target) { order = order[(pos + 1)...] }
            fields[target]!.add(cell: run)
        }
    }

    func list(_ role: ColumnRole) -> ItemList { fields[role]?.build() ?? ItemList() }

    var title: Field? { fields[titleRole]?.title }
}
