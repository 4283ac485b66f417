/// What a column holds, learned from a table's header rows.
enum ColumnRole: Equatable {
    case number, plan, results, directions, body, schedule, approach, review
}

/// Header rows repeat with every table; they are recognised by their words and give the
/// columns their roles. Goal rows are never taken for headers: they start with a number.
enum TableRoles {
    /// Roles named by `cells` if the row is a header row; nil otherwise.
    static func headerRoles(_ cells: [Run], midTerm: Bool) -> [Int: ColumnRole]? {
        var roles: [Int: ColumnRole] = [:]
        for (i, cell) in cells.enumerated() {
            let key = ScalarFolding.key(CellHTML.fragments(cell).map(\.string).joined())
            guard !key.isEmpty else { continue }
            guard key.count <= 40 else { return nil }
            if let role = role(of: key, midTerm: midTerm) { roles[i] = role } else { return nil }
        }
        return roles.isEmpty ? nil : roles
    }

    private static func role(of key: String, midTerm: Bool) -> ColumnRole? {
        let lower = key.lowercased()
        if lower == "no" || lower == "no." || key == "番号" || key == "項番" { return .number }
        // Order matters: 取組み事項…スケジュール is the plan, …めざす成果など is the body.
        if key.contains("取組み事項") || key.contains("取組事項") || key.contains("取り組み事項") || key.contains("当年度目標") {
            return midTerm ? .body : .plan
        }
        if key.contains("スケジュール") || key.contains("工程") { return .schedule }
        if key.contains("実績") || key.contains("取組みを行った") || key.contains("成果") { return .results }
        if key.contains("課題") || key.contains("方向性") { return .directions }
        if key.contains("総括") { return .review }
        if key == "方針" || key.contains("取り組み方針") { return .approach }
        return nil
    }
}
