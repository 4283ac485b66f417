import Foundation
import SheetModel
import SheetRules

extension AuditReport {
    /// Computes every figure from the sheets, their stages, the findings and the catalogues.
    /// Pure and deterministic: departments are sorted by name, years ascending, rows in the
    /// catalogue's key order.
    public init(_ input: AuditInput) {
        let english = input.language.isEnglish
        let unknownDepartment = english ? "(department unknown)" : "（部局不明）"
        // Departments are grouped by their title key (width, spaces); shown as first written.
        var names: [String: String] = [:]
        func department(_ sheet: Sheet) -> String {
            let written = sheet.header.department?.text.trimmingCharacters(in: .whitespaces) ?? ""
            let key = TextNormalization.titleKey(written)
            guard !key.isEmpty else { return unknownDepartment }
            if let known = names[key] { return known }
            names[key] = written
            return written
        }
        let departmentOf = Dictionary(input.sheets.map { ($0.sheet.file, department($0.sheet)) }) { a, _ in a }
        let yearOf = Dictionary(input.sheets.map { ($0.sheet.file, $0.sheet.fiscalYear) }) { a, _ in a }
        let paths = AuditPaths(root: input.root, outputDirectory: input.outputDirectory)

        let rows = input.findings.map { f in
            FindingRow(file: paths.display(f.span.file), href: paths.href(f.span.file), line: f.span.start.line,
                       column: f.span.start.column, severity: f.severity, ruleId: f.ruleId,
                       message: f.message(english: english), department: departmentOf[f.span.file] ?? unknownDepartment,
                       fiscalYear: yearOf[f.span.file] ?? nil)
        }
        var rowsByFile: [String: [FindingRow]] = [:]
        for (f, row) in zip(input.findings, rows) { rowsByFile[f.span.file, default: []].append(row) }

        let sheets = input.sheets.map { staged -> SheetFigures in
            let file = staged.sheet.file
            let own = rowsByFile[file] ?? []
            return SheetFigures(
                file: paths.display(file), href: paths.href(file), department: departmentOf[file] ?? unknownDepartment,
                fiscalYear: staged.sheet.fiscalYear, stage: staged.stage, stageSource: staged.stageSource,
                findings: SeverityCounts(own.map(\.severity)),
                placeholders: own.filter { AuditInput.placeholderRules.contains($0.ruleId) }.count,
                completion: staged.stage == .review ? Completion(sheet: staged.sheet) : nil)
        }

        // A finding in a file that is not among the sheets (none today) still gets a section.
        let departmentNames = Self.sortedDepartments(Set(sheets.map(\.department) + rows.map(\.department)),
                                                     unknown: unknownDepartment)
        departments = departmentNames.map { name in
            let own = rows.filter { $0.department == name }
            // A department's sheets by fiscal year (unknown last), then path.
            let ownSheets = sheets.filter { $0.department == name }
                .sorted { ($0.fiscalYear ?? Int.max, $0.file) < ($1.fiscalYear ?? Int.max, $1.file) }
            return DepartmentSection(name: name, sheets: ownSheets, findings: own,
                                     placeholders: own.filter { AuditInput.placeholderRules.contains($0.ruleId) })
        }
        let years = Array(Set(input.sheets.compactMap(\.sheet.fiscalYear))).sorted()
        var byRule: [String: RuleCount] = [:]
        for row in rows { byRule[row.ruleId, default: RuleCount(ruleId: row.ruleId, severity: row.severity, count: 0)].count += 1 }
        overview = Overview(
            sheetCount: input.sheets.count, departments: departmentNames, fiscalYears: years,
            sheetsWithoutYear: input.sheets.filter { $0.sheet.fiscalYear == nil }.count,
            findings: SeverityCounts(rows.map(\.severity)),
            byRule: byRule.values.sorted { ($0.count, $1.ruleId) > ($1.count, $0.ruleId) },
            byDepartment: departments.map { DepartmentCount(department: $0.name, findings: SeverityCounts($0.findings.map(\.severity))) })
        self.sheets = sheets
        toolVersion = input.toolVersion
        language = input.language
        consistency = rows.filter { AuditInput.crossSheetRules.contains($0.ruleId) }
        citations = input.sheets.flatMap { Self.citationRows($0.sheet, input: input, paths: paths,
                                                              department: departmentOf[$0.sheet.file] ?? unknownDepartment) }
        coverage = Self.coverage(input, department: { departmentOf[$0] ?? unknownDepartment }, years: years)
        submission = Self.submission(input, sheets: sheets, years: years)
        yearOverYear = years.count > 1
            ? Self.yearOverYear(input, sheets: sheets, departments: departmentNames, years: years,
                                department: { departmentOf[$0] ?? unknownDepartment })
            : nil
    }

    /// The citations of one sheet with what the catalogues say of each.
    static func citationRows(_ sheet: Sheet, input: AuditInput, paths: AuditPaths, department: String) -> [CitationRow] {
        func status(_ key: String, _ catalogId: String) -> String {
            if key.range(of: "^0(-0){0,2}$", options: .regularExpression) != nil { return "placeholder" }
            guard let catalog = input.catalogs[catalogId] else { return "no-catalogue" }
            switch catalog.status(of: key) {
            case .known: return "known"
            case .unverified: return "unverified"
            case .unknown: return "unknown"
            case .malformed: return "malformed"
            }
        }
        func rows(_ section: String, _ goal: Int?, _ codes: [PlanCode], _ policies: [PolicyCitation]) -> [CitationRow] {
            codes.map { c in
                let key = TextNormalization.normalize(c.code).trimmingCharacters(in: .whitespaces)
                return CitationRow(file: paths.display(sheet.file), department: department, fiscalYear: sheet.fiscalYear,
                                   section: section, goal: goal, kind: "plan-code", key: key, written: c.written,
                                   title: c.title, line: c.span.start.line, status: status(key, "sogo-keikaku"))
            } + policies.map { p in
                CitationRow(file: paths.display(sheet.file), department: department, fiscalYear: sheet.fiscalYear,
                            section: section, goal: goal, kind: "policy", key: String(p.number), written: p.written,
                            title: p.title, line: p.span.start.line, status: status(String(p.number), "kihon-seisaku-2022"))
            }
        }
        return sheet.annualGoals.flatMap { rows("annualGoals", $0.number, $0.planCodes, $0.policies) }
            + sheet.midTermGoals.flatMap { rows("midTermGoals", $0.number, $0.planCodes, $0.policies) }
    }

    /// Names in code-point order, the unknown department last.
    static func sortedDepartments(_ names: Set<String>, unknown: String) -> [String] {
        names.subtracting([unknown]).sorted() + (names.contains(unknown) ? [unknown] : [])
    }
}

extension SeverityCounts {
    init(_ severities: [Severity]) {
        for s in severities { add(s) }
    }
}

/// How the report spells and links a sheet's path.
struct AuditPaths {
    var root: String?
    var outputDirectory: String?

    /// Relative to the working directory when inside it.
    func display(_ file: String) -> String { ArtifactPath(file, root: root).display }

    /// The sheet's path relative to the output directory (percent-encoded), for `href`.
    func href(_ file: String) -> String? {
        guard let out = outputDirectory, let root else { return nil }
        let absolute = file.hasPrefix("/") ? file : root + "/" + file
        let a = Self.components(absolute), b = Self.components(out)
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: b.count - common)
        return ArtifactPath.percentEncoded((up + a[common...]).joined(separator: "/"))
    }

    private static func components(_ path: String) -> [String] {
        var out: [String] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !out.isEmpty { out.removeLast() }
            default: out.append(String(part))
            }
        }
        return out
    }
}
