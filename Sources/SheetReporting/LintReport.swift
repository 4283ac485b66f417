import SheetModel
import SheetRules

/// The language of messages and summaries in a report. Severity words stay English in
/// both, as compilers print them, so that editors and CI parsers recognise them.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
    case ja, en

    /// Whether messages should be English.
    public var isEnglish: Bool { self == .en }
}

/// Everything a reporter needs for one run; reporters are pure `(LintReport) -> String`.
///
/// Paths: `files`, `sourceLines` keys and `Finding.span.file` use the same spelling (the
/// path as the user named it). Reporters print them through `ArtifactPath`, which makes
/// absolute paths under `root` repo-relative and leaves relative paths relative.
public struct LintReport: Sendable {
    /// Findings in output order (already sorted by file, line, column, rule id), stored
    /// compactly (`FindingList`): reporters read each once, as they write it.
    public var findings: FindingList
    /// Metadata of every rule that ran, in the order SARIF `rules[]` should list them.
    public var rules: [ReportedRule]
    /// Sheet files read, in input order (including those with no findings).
    public var files: [String]
    /// Language of messages and summary lines.
    public var language: ReportLanguage
    /// Absolute path of the repository root (no trailing `/` needed), used to make paths
    /// repo-relative and for SARIF `originalUriBaseIds`; `nil` when unknown.
    public var root: String?
    /// sheetlint's version, SARIF `tool.driver.semanticVersion` (e.g. `0.1.0`).
    public var toolVersion: String
    /// SARIF `tool.driver.informationUri`.
    public var informationURI: String
    /// The text of each file as lines (without terminators; index 0 is line 1), keyed like
    /// `files`. Only SARIF fingerprints read it; a missing file falls back to the message.
    public var sourceLines: [String: [String]]
    /// Findings the gate counted but `--quiet` does not show (below error level); the
    /// summary counts them. Empty without `--quiet`.
    public var hidden: FindingList = []
    /// The gate's verdict; nil when no gate applies (`--write-baseline`, library use).
    public var gate: GateVerdict?
    /// The stage each file was checked at and how it was chosen, keyed like `files`. JSON
    /// and SARIF give it per file; text states it once per file when it was inferred.
    public var stages: [String: ResolvedStage] = [:]
    /// Whether text output states inferred stages (off with `--quiet`).
    public var stageNotes = true

    /// The project page used when the caller gives none.
    public static let defaultInformationURI = "https://github.com/sheetlint/sheetlint"

    /// Creates a report. `findings` must already be in output order.
    public init(findings: [Finding], rules: [ReportedRule], files: [String],
                language: ReportLanguage = .ja, root: String? = nil, toolVersion: String,
                informationURI: String = LintReport.defaultInformationURI,
                sourceLines: [String: [String]] = [:], stages: [String: ResolvedStage] = [:]) {
        self.init(findingList: FindingList(findings), rules: rules, files: files, language: language, root: root,
                  toolVersion: toolVersion, informationURI: informationURI, sourceLines: sourceLines, stages: stages)
    }

    /// Creates a report of findings already stored compactly, in output order.
    public init(findingList findings: FindingList, rules: [ReportedRule], files: [String],
                language: ReportLanguage = .ja, root: String? = nil, toolVersion: String,
                informationURI: String = LintReport.defaultInformationURI,
                sourceLines: [String: [String]] = [:], stages: [String: ResolvedStage] = [:]) {
        self.stages = stages
        self.findings = findings
        self.rules = rules
        self.files = files
        self.language = language
        self.root = root
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.sourceLines = sourceLines
    }

    /// Number of files read.
    public var fileCount: Int { files.count }

    /// The number of findings of `severity`, shown or hidden by `--quiet`.
    public func count(_ severity: Severity) -> Int {
        findings.count(severity) + hidden.count(severity)
    }

    /// A finding's message in the report's language.
    func message(_ finding: Finding) -> String { finding.message(english: language.isEnglish) }

    /// Files in report order: `files`, then any file that only findings mention (sorted).
    var allFiles: [String] {
        let known = Set(files)
        let extra = Set(findings.distinctFiles).subtracting(known).sorted()
        return files + extra
    }
}
