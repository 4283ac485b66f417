import SheetModel
import SheetRules

extension AuditReport {
    /// One table per coverage catalogue (総合計画, 基本政策) and fiscal year.
    static func coverage(_ input: AuditInput, department: (String) -> String, years: [Int]) -> [CoverageTable] {
        let buckets: [Int?] = years.map { $0 } + (input.sheets.contains { $0.sheet.fiscalYear == nil } ? [nil] : [])
        var tables: [CoverageTable] = []
        for id in AuditInput.coverageCatalogs {
            guard let catalog = input.catalogs[id] else { continue }
            for year in buckets {
                let sheets = input.sheets.map(\.sheet).filter { $0.fiscalYear == year }
                let names = sortedDepartments(Set(sheets.map { department($0.file) }),
                                              unknown: input.language.isEnglish ? "(department unknown)" : "（部局不明）")
                tables.append(table(catalog, year: year, sheets: sheets, departments: names, department: department))
            }
        }
        return tables
    }

    /// The keys a sheet cites in one catalogue (総合計画 codes or 基本政策 numbers), normalized,
    /// from its annual and mid-term goals; placeholders are left out.
    static func citedKeys(_ sheet: Sheet, catalogId: String) -> [String] {
        let goals: [([PlanCode], [PolicyCitation])] = sheet.annualGoals.map { ($0.planCodes, $0.policies) }
            + sheet.midTermGoals.map { ($0.planCodes, $0.policies) }
        let raw: [String] = catalogId == "sogo-keikaku"
            ? goals.flatMap { $0.0.map(\.code) }
            : goals.flatMap { $0.1.map { String($0.number) } }
        return raw.map { TextNormalization.normalize($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0.range(of: "^0(-0){0,2}$", options: .regularExpression) == nil }
    }

    private static func table(_ catalog: Catalog, year: Int?, sheets: [Sheet], departments: [String],
                              department: (String) -> String) -> CoverageTable {
        var rows = entryKeys(catalog).map { CoverageRow(key: $0, title: catalog.entries[$0]?.title, counts: Array(repeating: 0, count: departments.count)) }
        var index = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.key, $0) })
        var unlisted: [String: UnlistedCitation] = [:]
        for sheet in sheets {
            let d = departments.firstIndex(of: department(sheet.file)) ?? 0
            for key in citedKeys(sheet, catalogId: catalog.id) {
                let status = catalog.status(of: key)
                if case .known = status {
                    if index[key] == nil {
                        index[key] = rows.count
                        rows.append(CoverageRow(key: key, title: catalog.entries[key]?.title, counts: Array(repeating: 0, count: departments.count)))
                    }
                    rows[index[key]!].counts[d] += 1
                    continue
                }
                let name: String
                switch status {
                case .unknown: name = "unknown"
                case .unverified: name = "unverified"
                default: name = "malformed"
                }
                var entry = unlisted[key] ?? UnlistedCitation(key: key, status: name, departments: [], citations: 0)
                entry.citations += 1
                if !entry.departments.contains(departments[d]) { entry.departments.append(departments[d]) }
                unlisted[key] = entry
            }
        }
        rows.sort { keyOrder($0.key, $1.key) }
        return CoverageTable(catalogId: catalog.id, catalogName: catalog.name, catalogComplete: catalog.complete,
                             fiscalYear: year, departments: departments, rows: rows,
                             notInCatalogue: unlisted.values.sorted { keyOrder($0.key, $1.key) }.map {
                                 var u = $0
                                 u.departments.sort()
                                 return u
                             })
    }

    /// The keys a catalogue lists, and every key of its range when it declares that every
    /// key in range exists and its keys are plain numbers (基本政策 1–70).
    static func entryKeys(_ catalog: Catalog) -> [String] {
        var keys = Set(catalog.entries.keys)
        if catalog.everyInRangeExists, catalog.ranges.count == 1, let range = catalog.ranges.values.first,
           range.count <= 1000, catalog.keyPattern.matches(String(range.lowerBound)) {
            for n in range { keys.insert(String(n)) }
        }
        return keys.sorted(by: keyOrder)
    }

    /// Natural order of catalogue keys: `1-2-①` < `1-10-①`, `2` < `10`, circled numbers by value.
    static func keyOrder(_ a: String, _ b: String) -> Bool {
        let x = sortParts(a), y = sortParts(b)
        for (p, q) in zip(x, y) where p != q {
            switch (p, q) {
            case (.number(let m), .number(let n)): return m < n
            case (.number, .text): return true
            case (.text, .number): return false
            case (.text(let s), .text(let t)): return s < t
            }
        }
        return x.count != y.count ? x.count < y.count : a < b
    }

    private enum SortPart: Equatable {
        case number(Int)
        case text(String)
    }

    private static func sortParts(_ key: String) -> [SortPart] {
        key.split(whereSeparator: { $0 == "-" || $0 == " " }).map { part in
            if let n = Int(part) { return .number(n) }
            if part.unicodeScalars.count == 1, let s = part.unicodeScalars.first, let n = TextNormalization.circledValue(s) {
                return .number(n)
            }
            return .text(String(part))
        }
    }
}
