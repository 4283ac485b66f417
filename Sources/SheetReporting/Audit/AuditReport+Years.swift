import SheetModel
import SheetRules

extension AuditReport {
    /// Departments with and without a sheet per fiscal year, against the departments
    /// catalogue; nil when none is loaded.
    static func submission(_ input: AuditInput, sheets: [SheetFigures], years: [Int]) -> Submission? {
        guard let catalog = input.catalogs[AuditInput.departmentsCatalog] else { return nil }
        let listed = catalog.entries.keys.sorted()
        let listedKeys = Dictionary(listed.map { (TextNormalization.titleKey($0), $0) }) { a, _ in a }
        let perYear = years.map { year -> SubmissionYear in
            let names = Set(sheets.filter { $0.fiscalYear == year }.map(\.department))
            let keys = Set(names.map(TextNormalization.titleKey))
            return SubmissionYear(
                fiscalYear: year,
                submitted: listed.filter { keys.contains(TextNormalization.titleKey($0)) },
                missing: listed.filter { !keys.contains(TextNormalization.titleKey($0)) },
                unlisted: names.filter { listedKeys[TextNormalization.titleKey($0)] == nil }.sorted())
        }
        return Submission(catalogName: catalog.name, catalogComplete: catalog.complete, listed: listed, years: perYear)
    }

    /// Findings and completion per department and year, with the change since the
    /// department's previous year, and the goals carried over between consecutive years.
    static func yearOverYear(_ input: AuditInput, sheets: [SheetFigures], departments: [String], years: [Int],
                             department: (String) -> String) -> YearOverYear {
        var rows: [DepartmentYears] = []
        for name in departments {
            var previous: YearFigures?
            var cells: [YearFigures?] = []
            for year in years {
                let own = sheets.filter { $0.department == name && $0.fiscalYear == year }
                guard !own.isEmpty else {
                    cells.append(nil)
                    continue
                }
                var findings = SeverityCounts()
                for s in own {
                    findings.error += s.findings.error
                    findings.warning += s.findings.warning
                    findings.info += s.findings.info
                }
                let parts = own.compactMap(\.completion)
                var cell = YearFigures(fiscalYear: year, sheets: own.count, findings: findings,
                                       completion: parts.isEmpty ? nil : Completion.combined(parts))
                if let previous {
                    cell.findingsDelta = findings.total - previous.findings.total
                    if let now = cell.completion?.share, let then = previous.completion?.share {
                        cell.completionDeltaPoints = (now - then) * 100
                    }
                }
                cells.append(cell)
                previous = cell
            }
            rows.append(DepartmentYears(department: name, years: cells))
        }
        return YearOverYear(years: years, departments: rows,
                            carriedOver: carriedOver(input, years: years, department: department))
    }

    /// Goals (annual and mid-term) whose title, compared as `titleKey`, appears in the same
    /// department's sheets of two consecutive years of the report.
    static func carriedOver(_ input: AuditInput, years: [Int], department: (String) -> String) -> [CarriedGoal] {
        struct GoalRef {
            var section: String
            var title: String
            var number: Int?
            var planCodes: [String]
            var policies: [String]
        }
        func goals(_ sheet: Sheet) -> [GoalRef] {
            func codes(_ c: [PlanCode]) -> [String] { c.map { TextNormalization.normalize($0.code) } }
            func policies(_ p: [PolicyCitation]) -> [String] { p.map { String($0.number) } }
            return sheet.annualGoals.compactMap { g in
                g.title.map { GoalRef(section: "annualGoals", title: $0.text, number: g.number,
                                      planCodes: codes(g.planCodes), policies: policies(g.policies)) }
            } + sheet.midTermGoals.compactMap { g in
                g.title.map { GoalRef(section: "midTermGoals", title: $0.text, number: g.number,
                                      planCodes: codes(g.planCodes), policies: policies(g.policies)) }
            }
        }
        var out: [CarriedGoal] = []
        let all = input.sheets.map(\.sheet)
        for (from, to) in zip(years, years.dropFirst()) {
            let names = Set(all.map { department($0.file) })
            for name in names.sorted() {
                let before = all.filter { $0.fiscalYear == from && department($0.file) == name }.flatMap(goals)
                let after = all.filter { $0.fiscalYear == to && department($0.file) == name }.flatMap(goals)
                for a in after {
                    let key = TextNormalization.titleKey(a.title)
                    guard !key.isEmpty,
                          let b = before.first(where: { $0.section == a.section && TextNormalization.titleKey($0.title) == key })
                    else { continue }
                    let carried = CarriedGoal(department: name, section: a.section, title: a.title, fromYear: from, toYear: to,
                                           numberBefore: b.number, numberAfter: a.number,
                                           planCodesBefore: b.planCodes, planCodesAfter: a.planCodes,
                                           policiesBefore: b.policies, policiesAfter: a.policies)
                    // Two sheets of one department and year (a duplicate) would list a goal twice.
                    if !out.contains(carried) { out.append(carried) }
                }
            }
        }
        return out
    }
}
