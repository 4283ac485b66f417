import Foundation
import SheetModel
import SheetReading
import SheetRules

/// What `sheetlint lint` is asked to do, translated from flags by the CLI.
public struct LintOptions: Sendable {
    /// Files and directories to lint.
    public var paths: [String]
    /// Extra rule directories (`--rules`), applied in order over the defaults.
    public var rulesDirectories: [String]
    /// Encoding and fiscal year given on the command line.
    public var read: ReadOptions
    /// Worker threads for reading and evaluating files; 1 for debugging.
    public var jobs: Int
    /// Keep each file's lines for fingerprints (SARIF, baselines).
    public var keepSourceLines: Bool
    /// `--config FILE`: use this configuration for every sheet instead of discovering
    /// the nearest `.sheetlint.yml`.
    public var configPath: String?
    /// `--skip-non-sheets`: a named file that is not a sheet (a README, a configuration, a
    /// catalogue) is skipped with a notice, as in a directory search, instead of being an
    /// error. For hooks that pass every changed file.
    public var skipNonSheets = false
    /// Keep every sheet read in `LintResult.sheets` (the audit report reads them).
    public var keepSheets = false
    /// Directories a search skips (the audit report's output directory); a file named on
    /// the command line is still read.
    public var excludedDirectories: [String] = []
    /// Called after each sheet is read with (files read so far, files to read, the file),
    /// from worker threads; for a progress indicator.
    public var progress: (@Sendable (Int, Int, String) -> Void)?
    /// `--stage`: nil lets each sheet's configuration decide (else inference); `auto`
    /// infers the stage from every sheet's content whatever the configuration says.
    public var stage: StageChoice?

    public init(paths: [String], rulesDirectories: [String] = [], read: ReadOptions = ReadOptions(),
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, keepSourceLines: Bool = true,
                configPath: String? = nil, stage: StageChoice? = nil) {
        self.configPath = configPath
        self.stage = stage
        self.paths = paths
        self.rulesDirectories = rulesDirectories
        self.read = read
        self.jobs = max(1, jobs)
        self.keepSourceLines = keepSourceLines
    }
}

/// The result of linting: findings of every file, in deterministic order, and the
/// operational errors (unreadable files, broken rules) that make the run exit 2.
public struct LintResult: Sendable {
    /// The rules that ran (defaults plus `--rules`).
    public var rules: RuleSet
    /// Sheet files read, in input order.
    public var files: [String]
    /// Findings sorted by file, line, column, rule id.
    public var findings: [Finding]
    /// Unusable input, rules or options (rule errors included).
    public var errors: [LintError]
    /// Rule and configuration errors: with any, no file is read.
    public var setupErrors: [LintError]
    /// Things worth saying that are not errors (files skipped in a directory search).
    public var notices: [LintError] = []
    /// The language the configuration for the working directory asks for, if any.
    public var configLanguage: ConfigLanguage?
    /// Each file's lines (without terminators), when asked for.
    public var sourceLines: [String: [String]]
    /// The sheets read, in `files` order, when `LintOptions.keepSheets` asks for them.
    public var sheets: [Sheet] = []
    /// The default catalogues with those every sheet's configuration adds (a later one
    /// replacing an earlier one with the same id): what the audit report's coverage uses.
    public var catalogs: [String: Catalog] = [:]
    /// The stage each file read was checked at, keyed like `files`.
    public var stages: [String: ResolvedStage] = [:]
}

/// An operational error, in both languages.
public struct LintError: Error, Sendable, Hashable {
    public var message: String
    public var messageEn: String
    public init(message: String, messageEn: String) {
        self.message = message
        self.messageEn = messageEn
    }
    public func text(english: Bool) -> String { english ? messageEn : message }
}

extension Sheetlint {
    /// Loads the rules once, then reads and evaluates every sheet (in parallel, results
    /// kept in input order) and applies the sheets' own suppressions.
    public static func lint(_ options: LintOptions) -> LintResult {
        let (rules, ruleErrors) = loadRules(options.rulesDirectories)
        guard ruleErrors.isEmpty else {
            return LintResult(rules: rules, files: [], findings: [], errors: ruleErrors, setupErrors: ruleErrors, sourceLines: [:])
        }
        var errors: [LintError] = []
        let discovery = SheetDiscovery.discover(options.paths)
        let (found, explicit, missing) = (discovery.files, discovery.explicit, discovery.missing)
        errors += missing.map {
            LintError(message: "\($0): ファイルもディレクトリも見つかりません", messageEn: "\($0): no such file or directory")
        }
        errors += discovery.errors
        // Configuration: the nearest .sheetlint.yml of each sheet (or --config), loaded once each.
        var resolver = ConfigResolver(rules: rules, extraRuleIds: Set(MetaRules.all.map(\.id)), explicitConfig: options.configPath)
        let configLanguage = resolver.effectiveConfig(forDirectory: ".").lang
        var notices = discovery.notices
        var files: [String] = []
        var configs: [EffectiveConfig] = []
        let excluded = options.excludedDirectories.map { RelativePath.absolute($0) + "/" }
        for path in found {
            // The report's own output directory: its summary.md and report.json are not sheets.
            if !explicit.contains(path), excluded.contains(where: { RelativePath.absolute(path).hasPrefix($0) }) { continue }
            let config = resolver.effectiveConfig(forSheet: path)
            // The configuration's own catalogues (examples/catalogs/*.yml) are not sheets.
            if (!explicit.contains(path) || options.skipNonSheets) && resolver.isCatalogue(path, of: config) { continue }
            if config.isIgnored {
                if explicit.contains(path) {
                    notices.append(LintError(message: "\(path): 設定の ignore に一致するため検査しません",
                                             messageEn: "\(path): ignored by the configuration's ignore patterns"))
                }
                continue
            }
            files.append(path)
            configs.append(config)
        }
        let configErrors = resolver.errors.map { LintError(message: $0.formatted(), messageEn: $0.formatted(english: true)) }
        guard configErrors.isEmpty else {
            return LintResult(rules: rules, files: [], findings: [], errors: configErrors + errors, setupErrors: configErrors,
                              sourceLines: [:])
        }
        let knownRules = Set(rules.rules.map(\.id) + MetaRules.all.map(\.id))
        let keepLines = options.keepSourceLines
        let jobs = Array(zip(files, configs))
        let counter = options.progress.map { ReadCounter(total: files.count, report: $0) }
        // One table for the texts the cross-sheet stage keeps of every sheet: titles, codes
        // and paths repeat from sheet to sheet and are then stored once.
        let crossStrings = StringTable()
        let perFile: [Result<FileOutcome, ReadError>] = parallelMap(jobs, jobs: options.jobs) { path, config in
            defer { counter?.read(path) }
            do {
                var read = options.read
                read.fiscalYear = options.read.fiscalYear ?? config.fiscalYear
                let decoded = try SheetDecoder.readFile(path: path, forced: read.encoding)
                let sheet = try SheetReader.read(decoded: decoded, path: path, options: read)
                let ruleSet = config.changesRules ? config.rules(over: rules) : rules
                let stage = config.stage(of: sheet, option: options.stage)
                let source = SheetSource(text: decoded.text)
                // One flat tree and selection cache for the sheet's rules and its cross-sheet input.
                var selection = SelectionCache(tree: SheetTree(flattening: sheet.tree))
                let raw = RuleEngine.evaluate(ruleSet, on: sheet, stage: stage.stage, source: source, selection: &selection)
                    + ReaderNotes.findings(sheet.notes)
                let notRun = Set(ruleSet.rules.filter { !$0.applies(at: stage.stage) }.map(\.id))
                let lines = keepLines ? source.lines.map(String.init) : []
                // The model itself is dropped here unless asked for: the cross-sheet stage
                // gets only what its rules select (a run over 20,000 sheets kept them all).
                return .success(FileOutcome(file: sheet.file, suppressions: sheet.suppressions,
                                            cross: CrossSheetEngine.input(rules, from: sheet, strings: crossStrings, selection: &selection),
                                            sheet: options.keepSheets ? sheet : nil,
                                            findings: raw, lines: lines, stage: stage, notRun: notRun))
            } catch let error as ReadError {
                return .failure(error)
            } catch {
                return .failure(ReadError(.unreadable, file: path, message: "\(error)", messageEn: "\(error)"))
            }
        }
        // Cross-sheet stage: the rules that compare sheets run once over every sheet read,
        // after the per-sheet rules; their findings then go through each sheet's
        // suppressions and configuration like the others.
        let sheetsRead = perFile.compactMap { try? $0.get().cross }
        var crossFindings: [String: [Finding]] = [:]
        for finding in CrossSheetEngine.evaluate(rules, on: sheetsRead) { crossFindings[finding.span.file, default: []].append(finding) }
        var findings: [Finding] = []
        var sheets: [Sheet] = []
        var sourceLines: [String: [String]] = [:]
        var stages: [String: ResolvedStage] = [:]
        var skipped = Set<String>()
        for ((path, config), result) in zip(jobs, perFile) {
            switch result {
            case .success(let outcome):
                let raw = outcome.findings + (crossFindings[outcome.file] ?? [])
                let unsuppressed = SuppressionFilter.apply(raw, suppressions: outcome.suppressions, knownRules: knownRules,
                                                           notRun: outcome.notRun)
                let (kept, notice) = Self.capped(config.apply(to: unsuppressed), file: path)
                findings += kept
                if let notice { notices.append(notice) }
                stages[path] = outcome.stage
                if let sheet = outcome.sheet { sheets.append(sheet) }
                if keepLines { sourceLines[path] = outcome.lines }
            case .failure(let e) where e.kind == .notASheet && (!explicit.contains(path) || options.skipNonSheets):
                // A README or CI file found while searching a directory is not an error.
                skipped.insert(path)
                notices.append(LintError(message: "\(path): シートではないため飛ばしました", messageEn: "\(path): skipped, not a sheet"))
            case .failure(let e):
                // A file that could not be read was not checked: it is not counted as one.
                skipped.insert(path)
                errors.append(LintError(message: e.formatted(), messageEn: e.formatted(english: true)))
            }
        }
        files.removeAll { skipped.contains($0) }
        if files.isEmpty && errors.isEmpty {
            let searched = options.paths.joined(separator: ", ")
            errors.append(LintError(message: "\(searched): 検査するシートがありません（.md / .yaml / .yml / .json）",
                                    messageEn: "\(searched): no sheet files to lint (.md / .yaml / .yml / .json)"))
        }
        var catalogs = rules.catalogs
        for config in configs { for catalog in config.catalogs { catalogs[catalog.id] = catalog } }
        return LintResult(rules: rules, files: files, findings: findings.sorted(), errors: errors, setupErrors: [],
                          notices: notices, configLanguage: configLanguage, sourceLines: sourceLines,
                          sheets: sheets, catalogs: catalogs, stages: stages)
    }

    /// The default rules with every `--rules` directory applied over them. The examples of
    /// rules from those directories are run at load: one that does not behave as declared
    /// is an error, never a silently wrong rule.
    public static func loadRules(_ directories: [String]) -> (RuleSet, [LintError]) {
        var (rules, errors) = RuleSet.loadDefaultReportingErrors()
        for directory in directories {
            let (next, more) = RuleSet.load(directory: directory, over: rules)
            let added = Set(next.rules.filter { $0.file.hasPrefix(directory) }.map(\.id))
            rules = next
            errors += more
            if !added.isEmpty { errors += rules.runExamples(ids: added).map(\.asRuleFileError) }
        }
        return (rules, errors.map { LintError(message: $0.formatted(), messageEn: $0.formatted(english: true)) })
    }
}

extension Sheetlint {
    /// A file's findings cut to `ResourceLimits.maxFindingsPerFile` (the first ones in
    /// output order), with a notice when any were cut; the run still fails on the ones
    /// kept. Each rule already stops at the limit plus one (`FindingCap`), so the count in
    /// the notice is a lower bound.
    public static func capped(_ findings: [Finding], file path: String) -> ([Finding], LintError?) {
        let limit = ResourceLimits.maxFindingsPerFile
        guard findings.count > limit else { return (findings, nil) }
        let count = findings.count
        return (Array(findings.sorted().prefix(limit)), LintError(
            message: "\(path): 指摘が上限の \(limit) 件を超えたため、最初の \(limit) 件だけを報告します（\(count) 件まで数えました）",
            messageEn: "\(path): more than \(limit) findings; only the first \(limit) are reported (\(count) counted; the limit per file)"))
    }
}

/// One file's sheet, its per-sheet findings (before suppressions and configuration) and lines.
private struct FileOutcome: Sendable {
    var file: String
    var suppressions: [Suppression]
    /// What the cross-sheet rules need of the sheet.
    var cross: CrossSheetInput
    /// The sheet, only when `LintOptions.keepSheets` asks for it.
    var sheet: Sheet?
    var findings: [Finding]
    var lines: [String]
    var stage: ResolvedStage
    /// Rules that did not run at the sheet's stage (their suppressions are not unused).
    var notRun: Set<String>
}

/// Counts the files read across worker threads for `LintOptions.progress`.
private final class ReadCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: @Sendable (Int, Int, String) -> Void

    init(total: Int, report: @escaping @Sendable (Int, Int, String) -> Void) {
        self.total = total
        self.report = report
    }

    func read(_ path: String) {
        lock.lock()
        done += 1
        let n = done
        report(n, total, path)
        lock.unlock()
    }
}
