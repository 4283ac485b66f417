/// One department goal sheet (部局長の目標設定シート), read from any supported form.
///
/// Plain value type: no behaviour beyond what derives from its fields. Every element
/// carries the span it was read from, so a finding can point at the sheet.
public struct Sheet: Sendable, Hashable {
    /// The file the sheet was read from, as the user named it.
    public var file: String
    /// Western year in which the fiscal year starts (2022 for 令和4年度); nil when unknown.
    public var fiscalYear: Int?
    /// Where `fiscalYear` came from.
    public var fiscalYearSource: FiscalYearSource
    /// 部局 / 補職 / 氏名.
    public var header: Header
    /// 1. 部局の使命.
    public var mission: ItemList
    /// 2. 取り組み方針と総括.
    public var approaches: [Approach]
    /// 3. 当年度目標と振り返り.
    public var annualGoals: [AnnualGoal]
    /// 4. 中期目標.
    public var midTermGoals: [MidTermGoal]
    /// Sections the reader found, even when they turned out empty.
    public var sectionsPresent: Set<SectionKind>
    /// What the reader could not read, or read with doubt. Never fatal.
    public var notes: [ReadNote]
    /// Suppression directives written in the sheet, in source order.
    public var suppressions: [Suppression]
    /// The whole file.
    public var span: SourceSpan

    /// Creates an empty sheet for `file`.
    public init(file: String) {
        self.file = file
        self.fiscalYear = nil
        self.fiscalYearSource = .unknown
        self.header = Header()
        self.mission = ItemList()
        self.approaches = []
        self.annualGoals = []
        self.midTermGoals = []
        self.sectionsPresent = []
        self.notes = []
        self.suppressions = []
        self.span = SourceSpan(file: file, line: 1, startColumn: 1, endColumn: 1)
    }
}

/// The four sections of a sheet.
public enum SectionKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case mission, approaches, annualGoals, midTermGoals

    public static func < (lhs: SectionKind, rhs: SectionKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How the sheet's fiscal year was determined.
public enum FiscalYearSource: String, Sendable, Hashable {
    /// Given on the command line or in the configuration.
    case option
    /// Written as a field (`fiscalYear:`) in the canonical form, or a title line.
    case field
    /// Inferred from 令和N年度 expressions (see docs/sheet-format.md).
    case inferred
    /// Not known.
    case unknown
}

/// Something the reader noticed but could not turn into model content.
public struct ReadNote: Sendable, Hashable {
    /// Short English identifier, e.g. `unplaced-row`, `truncated`.
    public var code: String
    /// Human-readable explanation, in Japanese.
    public var message: String
    /// Same explanation in English.
    public var messageEn: String
    /// Where it happened.
    public var span: SourceSpan

    public init(code: String, message: String, messageEn: String, span: SourceSpan) {
        self.code = code
        self.message = message
        self.messageEn = messageEn
        self.span = span
    }
}
