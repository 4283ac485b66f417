import Foundation
import SheetModel
import SheetReporting
import SheetRules

/// Everything `sheetlint report` was asked, as one value.
public struct ReportRequest: Sendable {
    public var lint: LintOptions
    /// `--lang`; nil lets the configuration decide (Japanese when it does not).
    public var language: ReportLanguage?
    /// `--out DIR`: where the report's files go (created when missing).
    public var outputDirectory: String
    /// `--templates DIR`: templates and labels replacing the built-in ones by name.
    public var templatesDirectory: String?
    /// `--fail-on`: exit 1 when a finding is at least this severe; nil: the report succeeds
    /// whatever the sheets hold.
    public var failOn: Severity?

    /// The default output directory.
    public static let defaultOutputDirectory = "reports/out"

    /// The file every report writes into its directory, so that a later directory search
    /// (`lint`, `report`, wherever the report was written) knows the folder holds a report,
    /// not sheets, and skips it (`SheetDiscovery`). Hidden, so no search reads it either.
    public static let markerFileName = ".sheetlint-report"

    /// The marker's text: what the folder is, for a person who finds the file.
    static let markerText = """
        sheetlint report の出力ディレクトリです。sheetlint はディレクトリの検索でこのディレクトリを読みません。
        This directory holds a report written by `sheetlint report`; sheetlint's directory searches skip it.

        """

    public init(lint: LintOptions, language: ReportLanguage? = nil, outputDirectory: String = ReportRequest.defaultOutputDirectory,
                templatesDirectory: String? = nil, failOn: Severity? = nil) {
        self.lint = lint
        self.language = language
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
        self.failOn = failOn
    }
}

extension Sheetlint {
    /// One whole `report` run: read and evaluate every sheet like `lint`, compute the
    /// figures, render every file in memory, then write them all into the output directory
    /// (each atomically; when any cannot be written, none replaces its previous version).
    /// Exit 2 on unusable input, rules, configuration, templates or output; else 0, or 1
    /// when `failOn` is given and a finding reaches it.
    public static func runReport(_ request: ReportRequest) -> CommandOutcome {
        var templates = AuditTemplates.builtIn
        var options = request.lint
        options.keepSheets = true
        options.sourceDigests = false
        // A report written inside the folders it reads must not read itself next time.
        options.excludedDirectories.append(request.outputDirectory)
        if let directory = request.templatesDirectory {
            do {
                templates = try AuditTemplates.overridden(by: directory)
            } catch {
                let english = request.language == .en
                return CommandOutcome(stdout: "", stderr: ["sheetlint: " + error.formatted(english: english)], exitCode: 2)
            }
        }
        let result = lint(options)
        let language = request.language ?? result.configLanguage.flatMap { ReportLanguage(rawValue: $0.rawValue) } ?? .ja
        let english = language.isEnglish
        var stderr = (result.notices + result.errors).map { "sheetlint: " + $0.text(english: english) }
        // Unusable input: no report rather than one missing sheets; the previous one stays.
        guard result.errors.isEmpty, !result.sheets.isEmpty else {
            return CommandOutcome(stdout: "", stderr: stderr, exitCode: 2)
        }
        let root = FileManager.default.currentDirectoryPath
        let outDirectory = RelativePath.absolute(request.outputDirectory)
        let input = AuditInput(
            sheets: result.sheets.map { sheet in
                // The stage lint used for the sheet (--stage, the configuration's stage:, or inference).
                let resolved = result.stages[sheet.file] ?? ResolvedStage(.inferred(from: sheet), source: .inferred)
                return AuditInput.StagedSheet(sheet: sheet, stage: resolved.stage, stageSource: resolved.source)
            },
            findings: Array(result.findings), catalogs: result.catalogs, language: language, root: root,
            outputDirectory: outDirectory, toolVersion: SheetlintVersion.current)
        let report = AuditReport(input)
        var files: [(name: String, text: String)] = [("report.json", report.json)]
        do {
            files += try report.csvFiles()
            let (html, markdown) = try report.render(with: templates)
            files += [("summary.md", markdown), ("index.html", html), (ReportRequest.markerFileName, ReportRequest.markerText)]
        } catch let error as TemplateError {
            return CommandOutcome(stdout: "", stderr: stderr + ["sheetlint: " + error.formatted(english: english)], exitCode: 2)
        } catch {
            return CommandOutcome(stdout: "", stderr: stderr + ["sheetlint: \(error)"], exitCode: 2)
        }
        do {
            try ReportOutput.write(files, into: request.outputDirectory)
        } catch {
            stderr.append("sheetlint: " + (english ? error.messageEn : error.message))
            return CommandOutcome(stdout: "", stderr: stderr, exitCode: 2)
        }
        let shown = request.outputDirectory.hasSuffix("/") ? request.outputDirectory : request.outputDirectory + "/"
        let summary = english
            ? "wrote \(shown)index.html, summary.md, report.json and 4 CSV files: \(report.overview.sheetCount) sheets, \(report.overview.departments.count) departments, \(report.overview.findings.total) findings\n"
            : "\(shown)index.html、summary.md、report.json と CSV 4 件を作成しました（シート \(report.overview.sheetCount) 件、部局 \(report.overview.departments.count)、指摘 \(report.overview.findings.total) 件）\n"
        var exitCode: Int32 = 0
        if let failOn = request.failOn, result.findings.contains(where: { $0.severity <= failOn }) { exitCode = 1 }
        return CommandOutcome(stdout: summary, stderr: stderr, exitCode: exitCode)
    }
}
