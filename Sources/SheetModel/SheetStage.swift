/// When in the fiscal year a sheet was submitted.
///
/// A department submits its sheet twice: at goal-setting (当初設定, around 4月1日) the
/// 実績, 課題・今後の方向性 and 取り組みの総括 columns are empty by design; at the year-end
/// review (振り返り・総括) they are filled in. Rules about results apply to `review` only.
public enum SheetStage: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Goal-setting (当初設定): goals, schedules and citations; no results yet.
    case plan
    /// Year-end review (振り返り・総括): results, directions and 総括 filled in.
    case review

    public static func < (lhs: SheetStage, rhs: SheetStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The stage a sheet's content shows: `plan` when no annual goal has any 実績 or
    /// 課題・今後の方向性 text and no approach has a 総括; otherwise `review` (a half-filled
    /// review is still a review, and its missing results are findings).
    public static func inferred(from sheet: Sheet) -> SheetStage {
        sheet.hasReviewContent ? .review : .plan
    }
}

extension Sheet {
    /// True when any annual goal has 実績 or 課題・今後の方向性 text, or any approach a 総括.
    public var hasReviewContent: Bool {
        annualGoals.contains { !$0.results.isEmpty || !$0.directions.isEmpty }
            || approaches.contains { !($0.review?.text.isEmpty ?? true) }
    }
}

/// How the stage used for a sheet was chosen.
public enum SheetStageSource: String, Sendable, Hashable {
    /// `--stage plan|review` on the command line.
    case option
    /// `stage:` in `.sheetlint.yml` (top level or an override).
    case config
    /// Inferred from the sheet's content (`--stage auto`, the default).
    case inferred
}

/// What the user asked for the stage: a fixed stage, or `auto` (infer it from each
/// sheet's content). The value of `--stage` and of `stage:` in `.sheetlint.yml`.
public enum StageChoice: String, Sendable, Hashable, CaseIterable {
    /// Decide per sheet from its content (`SheetStage.inferred(from:)`).
    case auto
    /// Every sheet is a goal-setting sheet.
    case plan
    /// Every sheet is a year-end review.
    case review

    /// The fixed stage; nil for `auto`.
    public var stage: SheetStage? {
        switch self {
        case .auto: nil
        case .plan: .plan
        case .review: .review
        }
    }

    /// The words accepted, for messages: `auto, plan, review`.
    public static var words: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// The stage a sheet was checked at and how it was chosen.
public struct ResolvedStage: Sendable, Hashable {
    public var stage: SheetStage
    public var source: SheetStageSource

    public init(_ stage: SheetStage, source: SheetStageSource) {
        self.stage = stage
        self.source = source
    }

    /// The stage of `sheet`: the command line's choice when it fixes one, else the
    /// configuration's, else inferred from the content. `auto` on the command line
    /// infers even when the configuration fixes a stage; `auto` in the configuration
    /// (or nothing) leaves the choice to inference.
    public static func resolve(option: StageChoice?, config: StageChoice?, sheet: Sheet) -> ResolvedStage {
        if let option {
            if let stage = option.stage { return ResolvedStage(stage, source: .option) }
            return ResolvedStage(.inferred(from: sheet), source: .inferred)
        }
        if let stage = config?.stage { return ResolvedStage(stage, source: .config) }
        return ResolvedStage(.inferred(from: sheet), source: .inferred)
    }
}
