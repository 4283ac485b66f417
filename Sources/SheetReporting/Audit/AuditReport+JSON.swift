import SheetModel
import SheetRules

extension AuditReport {
    /// `report.json`: every figure of the page, described by `rules/schema/report.schema.json`.
    /// Key order is fixed; shares are fractions (0–1) with four decimals.
    public var json: String {
        JSONValue.object([
            ("version", .int(1)),
            ("tool", .object([("name", .string("sheetlint")), ("version", .string(toolVersion))])),
            ("language", .string(language.rawValue)),
            ("overview", overviewJSON),
            ("sheets", .array(sheets.map(Self.sheetJSON))),
            ("departments", .array(departments.map { d in
                .object([
                    ("name", .string(d.name)),
                    ("sheets", .array(d.sheets.map { .string($0.file) })),
                    ("findings", .array(d.findings.map(Self.findingJSON))),
                    ("placeholders", .array(d.placeholders.map(Self.findingJSON))),
                ])
            })),
            ("coverage", .array(coverage.map(Self.coverageJSON))),
            ("consistency", .array(consistency.map(Self.findingJSON))),
            ("submission", submission.map(Self.submissionJSON) ?? .null),
            ("yearOverYear", yearOverYear.map(Self.yearsJSON) ?? .null),
        ]).rendered
    }

    private var overviewJSON: JSONValue {
        .object([
            ("sheets", .int(overview.sheetCount)),
            ("departments", .array(overview.departments.map(JSONValue.string))),
            ("fiscalYears", .array(overview.fiscalYears.map(JSONValue.int))),
            ("sheetsWithoutFiscalYear", .int(overview.sheetsWithoutYear)),
            ("findings", Self.countsJSON(overview.findings)),
            ("findingsByRule", .array(overview.byRule.map {
                .object([("ruleId", .string($0.ruleId)), ("severity", .string($0.severity.rawValue)), ("count", .int($0.count))])
            })),
            ("findingsByDepartment", .array(overview.byDepartment.map {
                .object([("department", .string($0.department)), ("findings", Self.countsJSON($0.findings))])
            })),
        ])
    }

    static func countsJSON(_ c: SeverityCounts) -> JSONValue {
        .object([("error", .int(c.error)), ("warning", .int(c.warning)), ("info", .int(c.info)), ("total", .int(c.total))])
    }

    static func optionalInt(_ n: Int?) -> JSONValue { n.map(JSONValue.int) ?? .null }
    static func optionalDouble(_ d: Double?) -> JSONValue { d.map(JSONValue.double) ?? .null }

    static func findingJSON(_ f: FindingRow) -> JSONValue {
        .object([
            ("file", .string(f.file)), ("line", .int(f.line)), ("column", .int(f.column)),
            ("severity", .string(f.severity.rawValue)), ("ruleId", .string(f.ruleId)), ("message", .string(f.message)),
            ("department", .string(f.department)), ("fiscalYear", optionalInt(f.fiscalYear)),
        ])
    }

    static func completionJSON(_ c: Completion?) -> JSONValue {
        guard let c else { return .null }
        return .object([
            ("planItems", .int(c.planItems)), ("withResult", .int(c.withResult)),
            ("withDirection", .int(c.withDirection)), ("complete", .int(c.complete)), ("share", optionalDouble(c.share)),
            ("goals", .array(c.goals.map { g in
                .object([
                    ("number", optionalInt(g.number)), ("title", .string(g.title)), ("planItems", .int(g.planItems)),
                    ("withResult", .int(g.withResult)), ("withDirection", .int(g.withDirection)),
                    ("complete", .int(g.complete)), ("share", optionalDouble(g.share)),
                ])
            })),
        ])
    }

    static func sheetJSON(_ s: SheetFigures) -> JSONValue {
        .object([
            ("file", .string(s.file)), ("department", .string(s.department)), ("fiscalYear", optionalInt(s.fiscalYear)),
            ("stage", .string(s.stage.rawValue)), ("stageSource", .string(s.stageSource.rawValue)),
            ("findings", countsJSON(s.findings)), ("placeholders", .int(s.placeholders)),
            ("completion", completionJSON(s.completion)),
        ])
    }

    static func coverageJSON(_ t: CoverageTable) -> JSONValue {
        .object([
            ("catalog", .string(t.catalogId)), ("catalogName", .string(t.catalogName)),
            ("catalogComplete", .bool(t.catalogComplete)), ("fiscalYear", optionalInt(t.fiscalYear)),
            ("departments", .array(t.departments.map(JSONValue.string))),
            ("entries", .int(t.entryCount)), ("cited", .int(t.rows.count - t.gaps.count)),
            ("rows", .array(t.rows.map { r in
                .object([("key", .string(r.key)), ("title", r.title.map(JSONValue.string) ?? .null),
                         ("counts", .array(r.counts.map(JSONValue.int))), ("total", .int(r.total))])
            })),
            ("gaps", .array(t.gaps.map { .string($0.key) })),
            ("notInCatalogue", .array(t.notInCatalogue.map { u in
                .object([("key", .string(u.key)), ("status", .string(u.status)),
                         ("departments", .array(u.departments.map(JSONValue.string))), ("citations", .int(u.citations))])
            })),
        ])
    }

    static func submissionJSON(_ s: Submission) -> JSONValue {
        .object([
            ("catalogName", .string(s.catalogName)), ("catalogComplete", .bool(s.catalogComplete)),
            ("listed", .array(s.listed.map(JSONValue.string))),
            ("years", .array(s.years.map { y in
                .object([("fiscalYear", .int(y.fiscalYear)), ("submitted", .array(y.submitted.map(JSONValue.string))),
                         ("missing", .array(y.missing.map(JSONValue.string))), ("unlisted", .array(y.unlisted.map(JSONValue.string)))])
            })),
        ])
    }

    static func yearsJSON(_ y: YearOverYear) -> JSONValue {
        .object([
            ("years", .array(y.years.map(JSONValue.int))),
            ("departments", .array(y.departments.map { d in
                .object([("department", .string(d.department)), ("years", .array(d.years.map { cell in
                    guard let c = cell else { return .null }
                    return .object([
                        ("fiscalYear", .int(c.fiscalYear)), ("sheets", .int(c.sheets)), ("findings", countsJSON(c.findings)),
                        ("completion", completionJSON(c.completion)), ("findingsDelta", optionalInt(c.findingsDelta)),
                        ("completionDeltaPoints", optionalDouble(c.completionDeltaPoints)),
                    ])
                }))])
            })),
            ("carriedOver", .array(y.carriedOver.map { g in
                .object([
                    ("department", .string(g.department)), ("section", .string(g.section)), ("title", .string(g.title)),
                    ("fromYear", .int(g.fromYear)), ("toYear", .int(g.toYear)),
                    ("numberBefore", optionalInt(g.numberBefore)), ("numberAfter", optionalInt(g.numberAfter)),
                    ("planCodesBefore", .array(g.planCodesBefore.map(JSONValue.string))),
                    ("planCodesAfter", .array(g.planCodesAfter.map(JSONValue.string))),
                    ("policiesBefore", .array(g.policiesBefore.map(JSONValue.string))),
                    ("policiesAfter", .array(g.policiesAfter.map(JSONValue.string))),
                    ("codesChanged", .bool(g.codesChanged)),
                ])
            })),
        ])
    }
}
