import SheetModel
import SheetRules

/// Every figure of the audit report, computed once from an `AuditInput` by
/// `AuditReport.init(_:)`; the page, the Markdown summary, the CSV files and report.json
/// are all rendered from this value, so they cannot disagree.
public struct AuditReport: Sendable {
    public var toolVersion: String
    public var language: ReportLanguage
    public var overview: Overview
    /// One entry per sheet, in the order read.
    public var sheets: [SheetFigures]
    /// One section per department, in name order (the unknown department last).
    public var departments: [DepartmentSection]
    /// One table per coverage catalogue and fiscal year.
    public var coverage: [CoverageTable]
    /// Findings of the rules that compare sheets.
    public var consistency: [FindingRow]
    /// Every 総合計画 and 基本政策 citation of every sheet, in reading order.
    public var citations: [CitationRow]
    /// Departments without a sheet; nil without a departments catalogue.
    public var submission: Submission?
    /// Nil unless the sheets span two fiscal years or more.
    public var yearOverYear: YearOverYear?
}

/// Findings counted by severity.
public struct SeverityCounts: Sendable, Hashable {
    public var error = 0
    public var warning = 0
    public var info = 0
    public var total: Int { error + warning + info }

    public init(error: Int = 0, warning: Int = 0, info: Int = 0) {
        self.error = error
        self.warning = warning
        self.info = info
    }

    init<S: Sequence>(_ findings: S) where S.Element == Finding {
        for f in findings { add(f.severity) }
    }

    mutating func add(_ severity: Severity) {
        switch severity {
        case .error: error += 1
        case .warning: warning += 1
        case .info: info += 1
        }
    }
}

extension AuditReport {
    /// The first section of the page.
    public struct Overview: Sendable {
        public var sheetCount: Int
        /// Department names as shown, in section order.
        public var departments: [String]
        /// Fiscal years present, ascending (sheets whose year is unknown are not counted here).
        public var fiscalYears: [Int]
        public var sheetsWithoutYear: Int
        public var findings: SeverityCounts
        public var byRule: [RuleCount]
        public var byDepartment: [DepartmentCount]
    }

    public struct RuleCount: Sendable, Hashable {
        public var ruleId: String
        public var severity: Severity
        public var count: Int
    }

    public struct DepartmentCount: Sendable, Hashable {
        public var department: String
        public var findings: SeverityCounts
    }

    /// One finding as listed in the report.
    public struct FindingRow: Sendable, Hashable {
        /// The sheet's path as shown (relative to where sheetlint ran when inside it).
        public var file: String
        /// The sheet's path relative to the output directory, for a link; nil when unknown.
        public var href: String?
        public var line: Int
        public var column: Int
        public var severity: Severity
        public var ruleId: String
        public var message: String
        public var department: String
        public var fiscalYear: Int?
    }

    /// One citation as listed in `citations.csv`.
    public struct CitationRow: Sendable, Hashable {
        public var file: String
        public var department: String
        public var fiscalYear: Int?
        /// `annualGoals` or `midTermGoals`.
        public var section: String
        public var goal: Int?
        /// `plan-code` or `policy`.
        public var kind: String
        /// Normalized key (`5-2-①`, `70`).
        public var key: String
        public var written: String
        public var title: String?
        public var line: Int
        /// What the catalogue says: `known`, `unverified`, `unknown`, `malformed`, `placeholder`,
        /// or `no-catalogue`.
        public var status: String
    }

    /// One sheet's figures.
    public struct SheetFigures: Sendable {
        public var file: String
        public var href: String?
        public var department: String
        public var fiscalYear: Int?
        public var stage: SheetStage
        public var stageSource: SheetStageSource
        public var findings: SeverityCounts
        public var placeholders: Int
        /// Nil at the plan stage: a goal-setting sheet has no results to count.
        public var completion: Completion?
    }

    /// One department's section.
    public struct DepartmentSection: Sendable {
        public var name: String
        public var sheets: [SheetFigures]
        public var findings: [FindingRow]
        /// Placeholder findings (0-0-0, 0) left in its sheets.
        public var placeholders: [FindingRow]
    }

    /// Citations of one catalogue's entries by department, for one fiscal year.
    public struct CoverageTable: Sendable {
        public var catalogId: String
        public var catalogName: String
        /// False when the catalogue declares itself incomplete: then `rows` and `gaps` cover
        /// only the entries it lists, not the whole plan.
        public var catalogComplete: Bool
        /// Nil for sheets whose fiscal year is unknown.
        public var fiscalYear: Int?
        public var departments: [String]
        public var rows: [CoverageRow]
        /// Rows no sheet cites.
        public var gaps: [CoverageRow] { rows.filter { $0.total == 0 } }
        /// Cited keys the catalogue does not list (unverified), cannot exist (unknown), or
        /// that are not of its form (malformed). Placeholders are not counted here.
        public var notInCatalogue: [UnlistedCitation]
        /// Entries the catalogue lists or implies (its rows).
        public var entryCount: Int { rows.count }
    }

    public struct CoverageRow: Sendable, Hashable {
        public var key: String
        public var title: String?
        /// Citations per department, parallel to `CoverageTable.departments`.
        public var counts: [Int]
        public var total: Int { counts.reduce(0, +) }
    }

    public struct UnlistedCitation: Sendable, Hashable {
        public var key: String
        /// `unverified`, `unknown` or `malformed`.
        public var status: String
        public var departments: [String]
        public var citations: Int
    }

    /// Who submitted a sheet, against the departments catalogue.
    public struct Submission: Sendable {
        public var catalogName: String
        public var catalogComplete: Bool
        public var listed: [String]
        public var years: [SubmissionYear]
    }

    public struct SubmissionYear: Sendable, Hashable {
        public var fiscalYear: Int
        /// Listed departments with a sheet of that year.
        public var submitted: [String]
        /// Listed departments without one.
        public var missing: [String]
        /// Departments of that year's sheets that the catalogue does not list.
        public var unlisted: [String]
    }

    /// Per department and fiscal year, and the goals carried from one year to the next.
    public struct YearOverYear: Sendable {
        public var years: [Int]
        public var departments: [DepartmentYears]
        public var carriedOver: [CarriedGoal]
    }

    public struct DepartmentYears: Sendable {
        public var department: String
        /// Parallel to `YearOverYear.years`; nil for a year without a sheet.
        public var years: [YearFigures?]
    }

    public struct YearFigures: Sendable {
        public var fiscalYear: Int
        public var sheets: Int
        public var findings: SeverityCounts
        /// Nil when every sheet of that year is at the plan stage.
        public var completion: Completion?
        /// Change of total findings since the department's previous year in the report.
        public var findingsDelta: Int?
        /// Change of the completion share (in percentage points) since the previous year.
        public var completionDeltaPoints: Double?
    }

    /// A goal written with the same title in a department's sheets of two consecutive years.
    public struct CarriedGoal: Sendable, Hashable {
        public var department: String
        /// `annualGoals` or `midTermGoals`.
        public var section: String
        public var title: String
        public var fromYear: Int
        public var toYear: Int
        public var numberBefore: Int?
        public var numberAfter: Int?
        public var planCodesBefore: [String]
        public var planCodesAfter: [String]
        public var policiesBefore: [String]
        public var policiesAfter: [String]
        public var codesChanged: Bool { planCodesBefore != planCodesAfter || policiesBefore != policiesAfter }
    }
}
