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
    /// Work out each finding's `SourceDigest` (the fingerprints SARIF and baselines give it)
    /// in its sheet's worker, from the sheet's lines, which are then dropped.
    public var sourceDigests: Bool
    /// With `sourceDigests`, also the digests of the text under each finding's span, which
    /// only baselines read (a SARIF run needs only those of the lines).
    public var spanDigests = true
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
    /// The messages the findings keep (`LintResult.findings`); nil keeps both languages.
    public var messages: KeptMessages?

    /// Which messages of the findings a run keeps: those of the report's language
    /// (`language`, else the configuration's, else Japanese), and Japanese as well when
    /// `japanese` (baselines and SARIF fingerprints read it). A run over 20,000 sheets holds
    /// 220,000 findings until they are reported; the other language would be a fifth of that.
    public struct KeptMessages: Sendable, Hashable {
        public var language: ConfigLanguage?
        public var japanese: Bool

        public init(language: ConfigLanguage?, japanese: Bool) {
            self.language = language
            self.japanese = japanese
        }
    }

    public init(paths: [String], rulesDirectories: [String] = [], read: ReadOptions = ReadOptions(),
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, sourceDigests: Bool = true,
                configPath: String? = nil, stage: StageChoice? = nil) {
        self.configPath = configPath
        self.stage = stage
        self.paths = paths
        self.rulesDirectories = rulesDirectories
        self.read = read
        self.jobs = max(1, jobs)
        self.sourceDigests = sourceDigests
    }
}

/// The result of linting: findings of every file, in deterministic order, and the
/// operational errors (unreadable files, broken rules) that make the run exit 2.
public struct LintResult: Sendable {
    /// The rules that ran (defaults plus `--rules`).
    public var rules: RuleSet
    /// Sheet files read, in input order.
    public var files: [String]
    /// Findings sorted by file, line, column, rule id; only the messages
    /// `LintOptions.messages` asks for are kept.
    public var findings: FindingList
    /// Unusable input, rules or options (rule errors included).
    public var errors: [LintError]
    /// Rule and configuration errors: with any, no file is read.
    public var setupErrors: [LintError]
    /// Things worth saying that are not errors (files skipped in a directory search).
    public var notices: [LintError] = []
    /// The language the configuration for the working directory asks for, if any.
    public var configLanguage: ConfigLanguage?
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
            return LintResult(rules: rules, files: [], findings: [], errors: ruleErrors, setupErrors: ruleErrors)
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
            return LintResult(rules: rules, files: [], findings: [], errors: configErrors + errors, setupErrors: configErrors)
        }
        let knownRules = Set(rules.rules.map(\.id) + MetaRules.all.map(\.id))
        let digests = options.sourceDigests
        let jobs = Array(zip(files, configs))
        let counter = options.progress.map { ReadCounter(total: files.count, report: $0) }
        // One table for the texts the cross-sheet stage keeps of every sheet: titles, codes
        // and paths repeat from sheet to sheet and are then stored once.
        let crossStrings = StringTable()
        // Each sheet's findings are stored compactly as soon as they are made (`FindingList`),
        // with only the messages the report needs, their rule ids, files and paths in one table.
        let languages = options.messages.map { kept -> MessageLanguages in
            let language = kept.language ?? configLanguage ?? .ja
            return kept.japanese ? [.ja, language == .en ? .en : .ja] : language == .en ? .en : .ja
        } ?? .both
        let texts = FindingTexts()
        let notRunSets = SharedSets()
        let freed = FreedMemory()
        let evaluate: @Sendable (String, EffectiveConfig) -> Result<FileOutcome, ReadError> = { path, config in
            defer { counter?.read(path) }
            do {
                var read = options.read
                read.fiscalYear = options.read.fiscalYear ?? config.fiscalYear
                let decoded = try SheetDecoder.readFile(path: path, forced: read.encoding)
                // The rules read the sheet's flat tree only: the model is released once the
                // tree is built, unless asked for (on a sheet of 870,000 items, a third of
                // the peak), and the cross-sheet stage gets only what its rules select.
                let sheet = try ReadSheet(decoded: decoded, path: path, options: read, config: config,
                                         stage: options.stage, keep: options.keepSheets)
                let ruleSet = config.changesRules ? config.rules(over: rules) : rules
                let stage = sheet.stage
                let source = SheetSource(text: decoded.text)
                // One flat tree and selection cache for the sheet's rules and its cross-sheet input.
                var selection = SelectionCache(tree: sheet.tree)
                var raw = RuleEngine.evaluate(ruleSet, file: sheet.file, stage: stage.stage, source: source, selection: &selection)
                    + sheet.noteFindings
                // One stored set per distinct set; with the run's own rules, worked out once per stage.
                let notRun = config.changesRules ? notRunSets.shared(Self.notRun(ruleSet, at: stage.stage))
                    : notRunSets.shared(stage.stage) { Self.notRun(rules, at: $0) }
                // Fingerprints are worked out here, while the lines are at hand, for the
                // findings made so far and those the later stages may make at this sheet's
                // cross-sheet sites and suppression directives; the lines are then dropped.
                let digester = digests ? SourceDigester(file: path, lines: source.lines.map(String.init), spans: options.spanDigests) : nil
                if let digester { raw = raw.map(digester.stamped) }
                let directiveDigests = digester.map { SuppressionFilter.directiveDigests(sheet.suppressions, digester: $0) } ?? []
                let cross = CrossSheetEngine.input(rules, file: sheet.file, fiscalYear: sheet.fiscalYear, strings: crossStrings,
                                                   selection: &selection, digest: digester.map { d in { d.digest(ruleId: $0, path: $1, span: $2) } })
                // `RuleEngine.evaluate` returns its findings sorted; with the reader's notes after
                // them they are sorted again (`compacted`).
                return .success(FileOutcome(file: sheet.file, suppressions: sheet.suppressions, cross: cross,
                                            sheet: sheet.sheet, findings: raw, sorted: sheet.noteFindings.isEmpty,
                                            directiveDigests: directiveDigests, stage: stage, notRun: notRun))
            } catch let error as ReadError {
                return .failure(error)
            } catch {
                return .failure(ReadError(.unreadable, file: path, message: "\(error)", messageEn: "\(error)"))
            }
        }
        var perFile = parallelMap(jobs, jobs: options.jobs) { job in
            defer { freed.sheetDone() }
            return evaluate(job.0, job.1).map { $0.compacted(languages: languages, texts: texts) }
        }
        FreedMemory.release()
        // Cross-sheet stage: the rules that compare sheets run once over every sheet read,
        // after the per-sheet rules; their findings then go through each sheet's
        // suppressions and configuration like the others.
        // Kept compactly too (one a sheet when sheets repeat a department), by file; the
        // sheets' inputs are released with their outcomes, once taken below.
        var crossList = FindingList(languages: languages, texts: texts)
        var crossFindings: [String: [Int32]] = [:]
        do {
            let sheetsRead = perFile.compactMap { try? $0.get().cross }
            for finding in CrossSheetEngine.evaluate(rules, on: sheetsRead) {
                crossFindings[finding.span.file, default: []].append(Int32(crossList.count))
                crossList.append(finding)
            }
        }
        // The sheets' cross-sheet inputs are no longer needed: released before the findings
        // of every sheet are gathered (at 20,000 sheets, 50 MB).
        for case .success(let outcome) in perFile { outcome.dropCross() }
        FreedMemory.release()
        var findings = FindingList(languages: languages, texts: texts)
        findings.reserveCapacity(perFile.reduce(0) { $0 + ((try? $1.get().stored?.count) ?? 0) } + crossFindings.values.reduce(0) { $0 + $1.count })
        var sheets: [Sheet] = []
        var stages: [String: ResolvedStage] = [:]
        var skipped = Set<String>()
        for (n, (path, config)) in jobs.enumerated() {
            // Each outcome is released once its findings are taken: they are never held twice.
            let result = perFile[n]
            perFile[n] = .failure(Self.taken)
            switch result {
            case .success(let outcome):
                let stored = outcome.stored ?? FindingList(outcome.findings)
                let cross = (crossFindings[outcome.file] ?? []).map { crossList[Int($0)] }
                if outcome.suppressions.isEmpty && config.ruleLevels.isEmpty && stored.count + cross.count <= ResourceLimits.maxFindingsPerFile {
                    // Nothing to filter (what the three steps below return unchanged): the
                    // stored findings are taken as they are, their messages not copied.
                    findings.append(contentsOf: stored)
                    for finding in cross { findings.append(finding) }
                } else {
                    let raw = Array(stored) + cross
                    let unsuppressed = SuppressionFilter.apply(raw, suppressions: outcome.suppressions, knownRules: knownRules,
                                                               notRun: outcome.notRun, digests: outcome.directiveDigests)
                    let (kept, notice) = Self.capped(config.apply(to: unsuppressed), file: path)
                    for finding in kept { findings.append(finding) }
                    if let notice { notices.append(notice) }
                }
                stages[path] = outcome.stage
                if let sheet = outcome.sheet { sheets.append(sheet) }
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
        FreedMemory.release()
        findings.sort()
        files.removeAll { skipped.contains($0) }
        if files.isEmpty && errors.isEmpty {
            let searched = options.paths.joined(separator: ", ")
            errors.append(LintError(message: "\(searched): 検査するシートがありません（.md / .yaml / .yml / .json）",
                                    messageEn: "\(searched): no sheet files to lint (.md / .yaml / .yml / .json)"))
        }
        var catalogs = rules.catalogs
        for config in configs { for catalog in config.catalogs { catalogs[catalog.id] = catalog } }
        return LintResult(rules: rules, files: files, findings: findings, errors: errors, setupErrors: [],
                          notices: notices, configLanguage: configLanguage,
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
    /// The ids of the rules of `rules` that do not apply at `stage`, read in place (filtering
    /// the rules copied each one: two dozen reference counts).
    static func notRun(_ rules: RuleSet, at stage: SheetStage) -> Set<String> {
        var ids = Set<String>()
        rules.rules.withUnsafeBufferPointer { rules in
            for rule in rules.indices where !rules[rule].applies(at: stage) { ids.insert(rules[rule].id) }
        }
        return ids
    }

    /// What is left in `lint`'s table of outcomes once one has been taken.
    private static let taken = ReadError(.unreadable, file: "", message: "", messageEn: "")

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

/// What linting needs of one sheet once it is read: its flat tree and a few fields. The
/// `Sheet` is a local of `init`, so it is released when the tree is built (unless `keep`).
private struct ReadSheet {
    let tree: SheetTree
    let file: String
    let fiscalYear: Int?
    let suppressions: [Suppression]
    let noteFindings: [Finding]
    let stage: ResolvedStage
    /// The sheet itself, only when `LintOptions.keepSheets` asks for it.
    let sheet: Sheet?

    init(decoded: DecodedText, path: String, options: ReadOptions, config: EffectiveConfig, stage option: StageChoice?,
         keep: Bool) throws {
        let sheet = try SheetReader.read(decoded: decoded, path: path, options: options)
        stage = config.stage(of: sheet, option: option)
        tree = SheetTree(sheet)
        file = sheet.file
        fiscalYear = sheet.fiscalYear
        suppressions = sheet.suppressions
        noteFindings = ReaderNotes.findings(sheet.notes)
        self.sheet = keep ? sheet : nil
    }
}

/// One file's sheet and its per-sheet findings (before suppressions and configuration).
///
/// A class, so that the table of 20,000 outcomes `parallelMap` fills (and copies once
/// more to return it) holds a reference per sheet rather than the whole value. Made by one
/// worker and read by the run's thread after `parallelMap` returns, hence `@unchecked Sendable`.
private final class FileOutcome: @unchecked Sendable {
    let file: String
    let suppressions: [Suppression]
    /// What the cross-sheet rules need of the sheet; nil once they have run (`dropCross`).
    private(set) var cross: CrossSheetInput?
    /// The sheet, only when `LintOptions.keepSheets` asks for it (in an array: a `Sheet`
    /// value is some 450 bytes, which every outcome would otherwise carry).
    private let kept: [Sheet]
    var sheet: Sheet? { kept.first }
    private(set) var findings: [Finding]
    /// True when `findings` are known to be in `Finding.<` order already.
    private let sorted: Bool
    /// The digests of the findings its suppression directives may get (`SuppressionFilter`),
    /// when the run works them out.
    let directiveDigests: [SuppressionFilter.DirectiveDigests]
    let stage: ResolvedStage
    /// Rules that did not run at the sheet's stage (their suppressions are not unused).
    let notRun: Set<String>
    /// `findings`, sorted and stored compactly (`compacted`); `findings` is then empty.
    private(set) var stored: FindingList?

    init(file: String, suppressions: [Suppression], cross: CrossSheetInput, sheet: Sheet?, findings: [Finding], sorted: Bool,
         directiveDigests: [SuppressionFilter.DirectiveDigests], stage: ResolvedStage, notRun: Set<String>) {
        self.sorted = sorted
        self.file = file
        self.suppressions = suppressions
        self.cross = cross
        kept = sheet.map { [$0] } ?? []
        self.findings = findings
        self.directiveDigests = directiveDigests
        self.stage = stage
        self.notRun = notRun
    }

    /// Releases what the cross-sheet rules needed, once they have run.
    func dropCross() { cross = nil }

    /// This outcome with its findings sorted (on every key, both messages) and stored
    /// compactly. The sheet's later filters sort stably, so findings alike but for a
    /// message not kept stay in this order. (Findings already sorted are not sorted again:
    /// the sort is stable, so it would leave them as they are.)
    func compacted(languages: MessageLanguages, texts: FindingTexts) -> FileOutcome {
        stored = FindingList(sorted ? findings : findings.sorted(), languages: languages, texts: texts)
        findings = []
        return self
    }
}

/// One stored copy of each distinct set: most sheets of a run leave out the same rules.
private final class SharedSets: @unchecked Sendable {
    private let lock = NSLock()
    private var sets = Set<Set<String>>()

    /// The sets of the run's own rules, by stage (`shared(_:_:)`): a list of the few stages
    /// (a dictionary, or the set of sets, cost the one-sheet run as much again in type
    /// lookups the first time it was used).
    private var byStage: [(stage: SheetStage, set: Set<String>)] = []

    func shared(_ set: Set<String>) -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return unlockedShared(set)
    }

    /// The set `make(stage)` gives, made once per stage (it depends on nothing else).
    func shared(_ stage: SheetStage, _ make: (SheetStage) -> Set<String>) -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        for known in byStage where known.stage == stage { return known.set }
        let set = make(stage)
        byStage.append((stage, set))
        return set
    }

    private func unlockedShared(_ set: Set<String>) -> Set<String> {
        if let known = sets.firstIndex(of: set) { return sets[known] }
        sets.insert(set)
        return set
    }
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
