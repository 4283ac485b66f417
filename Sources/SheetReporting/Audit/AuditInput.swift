import SheetModel
import SheetRules

/// What the audit report is computed from: the sheets of one run, the stage each was
/// judged at, the findings left after configuration, and the catalogues in force.
public struct AuditInput: Sendable {
    /// One sheet and the stage used for it.
    public struct StagedSheet: Sendable {
        public var sheet: Sheet
        public var stage: SheetStage
        public var stageSource: SheetStageSource

        public init(sheet: Sheet, stage: SheetStage, stageSource: SheetStageSource) {
            self.sheet = sheet
            self.stage = stage
            self.stageSource = stageSource
        }
    }

    /// The sheets, in the order they were read.
    public var sheets: [StagedSheet]
    /// Every finding reported for them (sorted), cross-sheet ones included.
    public var findings: [Finding]
    /// Catalogues by id: the defaults with those the configuration adds.
    public var catalogs: [String: Catalog]
    /// Language of labels chosen in code (department "unknown", finding messages).
    public var language: ReportLanguage
    /// Absolute path of the working directory, to show sheet paths relative to it.
    public var root: String?
    /// Absolute path of the output directory, to link from the page to each sheet.
    public var outputDirectory: String?
    /// sheetlint's version, written into the report.
    public var toolVersion: String

    public init(sheets: [StagedSheet], findings: [Finding], catalogs: [String: Catalog], language: ReportLanguage,
                root: String?, outputDirectory: String?, toolVersion: String) {
        self.sheets = sheets
        self.findings = findings
        self.catalogs = catalogs
        self.language = language
        self.root = root
        self.outputDirectory = outputDirectory
        self.toolVersion = toolVersion
    }

    /// The catalogue ids coverage is computed for, in report order.
    public static let coverageCatalogs = ["sogo-keikaku", "kihon-seisaku-2022"]
    /// The id of the optional departments catalogue.
    public static let departmentsCatalog = "departments"
    /// Rules whose findings are placeholders left in a sheet.
    public static let placeholderRules: Set<String> = ["plan-code-placeholder", "policy-placeholder"]
    /// Rules that compare sheets, shown in the consistency section.
    public static let crossSheetRules: Set<String> = ["duplicate-sheet", "cross-sheet-title-conflict", "fiscal-year-outlier"]
}
