import Foundation
import SheetReading
import SheetReporting
import SheetRules

/// Everything `sheetlint lint` was asked, as one value.
public struct LintRequest: Sendable {
    public var lint: LintOptions
    public var format: ReportFormat
    /// `--lang`; nil lets the configuration decide (Japanese when it does not).
    public var language: ReportLanguage?
    public var gate: LintGate
    /// `--baseline FILE`: hide the findings it records.
    public var baselinePath: String?
    /// `--write-baseline FILE`: record the current findings.
    public var writeBaselinePath: String?
    /// `--output FILE`: write the report there (atomically) instead of standard output.
    public var outputPath: String?

    public init(lint: LintOptions, format: ReportFormat = .text, language: ReportLanguage? = nil, gate: LintGate = LintGate(),
                baselinePath: String? = nil, writeBaselinePath: String? = nil, outputPath: String? = nil) {
        self.lint = lint
        self.format = format
        self.language = language
        self.gate = gate
        self.baselinePath = baselinePath
        self.writeBaselinePath = writeBaselinePath
        self.outputPath = outputPath
    }
}

/// What the CLI prints and how it exits.
public struct CommandOutcome: Sendable {
    /// For standard output (empty when the report went to `--output`).
    public var stdout: String
    /// Lines for standard error.
    public var stderr: [String]
    public var exitCode: Int32
}

/// Where `runLint` writes a report meant for standard output as it renders it, instead of
/// returning it whole in `CommandOutcome.stdout`.
public struct LintConsole {
    /// Receives the report's bytes (`ReportStream.fileDescriptor(1)` for standard output).
    public var output: ReportStream
    /// Prints a line to standard error: the lines that come before the report are printed
    /// before it is written (the others are returned in `CommandOutcome.stderr`).
    public var error: (String) -> Void

    public init(output: ReportStream, error: @escaping (String) -> Void) {
        self.output = output
        self.error = error
    }
}

extension Sheetlint {
    /// One whole `lint` run: read and evaluate, apply the baseline, decide the gate, render.
    /// The report is returned in `CommandOutcome.stdout` (or written to `--output`).
    public static func runLint(_ request: LintRequest) -> CommandOutcome {
        runLint(request, console: nil)
    }

    /// `runLint(request)`, with a report for standard output written to `console` as it is
    /// rendered; `CommandOutcome.stdout` is then empty.
    public static func runLint(_ request: LintRequest, console: LintConsole?) -> CommandOutcome {
        var options = request.lint
        // Only SARIF fingerprints and baselines read the sheets' text: worked out per sheet.
        options.sourceDigests = request.format == .sarif || request.baselinePath != nil || request.writeBaselinePath != nil
        options.spanDigests = request.baselinePath != nil || request.writeBaselinePath != nil
        // Only the report's messages are kept, and the Japanese ones that baselines write
        // and fingerprints read (as text when a line is unknown).
        options.messages = LintOptions.KeptMessages(language: request.language.flatMap { ConfigLanguage(rawValue: $0.rawValue) },
                                                    japanese: options.sourceDigests)
        // An output that is an input would destroy it: refuse before reading anything.
        let outputs = [("--output", request.outputPath), ("--write-baseline", request.writeBaselinePath)]
            .compactMap { option, path in path.map { (option: option, path: $0) } }
        if !outputs.isEmpty {
            var inputs = OutputSafety.inputs(of: options, extra: [request.baselinePath])
            if request.writeBaselinePath != nil, let baseline = request.baselinePath {
                inputs.removeAll { $0 == baseline } // rewriting the baseline it reads is what --write-baseline is for
            }
            let conflicts = OutputSafety.conflicts(outputs: outputs, inputs: inputs)
            if !conflicts.isEmpty {
                let english = request.language?.isEnglish ?? false
                return CommandOutcome(stdout: "", stderr: conflicts.map { "sheetlint: " + $0.text(english: english) }, exitCode: 2)
            }
        }
        var result = lint(options)
        let language = request.language ?? result.configLanguage.flatMap { ReportLanguage(rawValue: $0.rawValue) } ?? .ja
        let english = language.isEnglish
        var stderr = (result.notices + result.errors).map { "sheetlint: " + $0.text(english: english) }
        // An operational error (an unreadable or empty sheet…) leaves every output file as it
        // was: a report or baseline missing a file's findings must not replace a good one.
        let failed = !result.errors.isEmpty || !result.setupErrors.isEmpty
        for kept in outputs where failed {
            stderr.append("sheetlint: " + (english ? "\(kept.option) \(kept.path): not written because of the errors above; left as it was"
                                                   : "\(kept.option) \(kept.path): 上記のエラーのため書き込まず、元のままにしました"))
        }
        // Broken rules: report nothing rather than a report made with half the rules.
        if !result.setupErrors.isEmpty || (result.files.isEmpty && !result.errors.isEmpty) || (failed && !outputs.isEmpty) {
            return CommandOutcome(stdout: "", stderr: stderr, exitCode: 2)
        }
        let root = FileManager.default.currentDirectoryPath
        if let path = request.writeBaselinePath {
            let directory = (RelativePath.absolute(path) as NSString).deletingLastPathComponent
            let baseline = Baseline(findings: result.findings, sourceLines: [:], directory: directory)
            do {
                // Written as it is rendered, into a temporary that becomes the file when complete.
                let file = try AtomicOutput.open(path)
                var stream = ReportStream { file.write($0) }
                baseline.render(to: &stream)
                stream.finish()
                try file.commit()
            } catch {
                stderr.append("sheetlint: " + (english ? error.messageEn : error.message))
                return CommandOutcome(stdout: "", stderr: stderr, exitCode: 2)
            }
        }
        if let path = request.baselinePath {
            do {
                let baseline = try Baseline.load(path: path)
                let directory = (RelativePath.absolute(path) as NSString).deletingLastPathComponent
                let new = baseline.filter(result.findings, sourceLines: [:], directory: directory).new
                result.findings = FindingList(new, languages: result.findings.languages, texts: result.findings.texts)
            } catch let error as LintError {
                stderr.append("sheetlint: " + error.text(english: english))
                return CommandOutcome(stdout: "", stderr: stderr, exitCode: 2)
            } catch {
                return CommandOutcome(stdout: "", stderr: stderr + ["sheetlint: \(error)"], exitCode: 2)
            }
        }
        let verdict = request.writeBaselinePath == nil ? request.gate.verdict(for: result.findings) : nil
        var exitCode: Int32 = verdict?.passed == false ? 1 : 0
        if !result.errors.isEmpty { exitCode = 2 }
        let shown = request.gate.quiet ? result.findings.filter { $0.severity == .error } : result.findings
        var report = LintReport(findingList: shown, rules: reportedRules(result.rules), files: result.files,
                                language: language, root: root, toolVersion: SheetlintVersion.current,
                                stages: result.stages)
        report.stageNotes = !request.gate.quiet
        // --quiet hides findings, never the count or the reason the gate failed.
        if request.gate.quiet { report.hidden = result.findings.filter { $0.severity != .error } }
        report.gate = verdict
        guard let output = request.outputPath else {
            guard let console else { return CommandOutcome(stdout: request.format.render(report), stderr: stderr, exitCode: exitCode) }
            for line in stderr { console.error(line) }
            var stream = console.output
            request.format.render(report, to: &stream)
            stream.finish()
            return CommandOutcome(stdout: "", stderr: [], exitCode: exitCode)
        }
        do {
            // Written as it is rendered into a temporary that becomes the file only when complete.
            let file = try AtomicOutput.open(output)
            var stream = ReportStream { file.write($0) }
            request.format.render(report, to: &stream)
            stream.finish()
            try file.commit()
        } catch {
            stderr.append("sheetlint: " + (english ? error.messageEn : error.message))
            return CommandOutcome(stdout: "", stderr: stderr, exitCode: 2)
        }
        return CommandOutcome(stdout: "", stderr: stderr, exitCode: exitCode)
    }

    /// Metadata of every rule that ran and of the meta rules, in id order.
    public static func reportedRules(_ rules: RuleSet) -> [ReportedRule] {
        (rules.rules.map(ReportedRule.init) + MetaRules.all).sorted { $0.id < $1.id }
    }
}

extension Sheetlint {
    /// `baseline prune`: lints `request.lint.paths` and rewrites the baseline at `path` with
    /// only the entries that still match a finding.
    public static func pruneBaseline(at path: String, request: LintRequest) -> CommandOutcome {
        // The baseline is rewritten in place: refuse when it is one of the sheets.
        let conflicts = OutputSafety.conflicts(outputs: [(option: "baseline prune", path: path)],
                                               inputs: OutputSafety.inputs(of: request.lint))
        if !conflicts.isEmpty {
            let english = request.language?.isEnglish ?? false
            return CommandOutcome(stdout: "", stderr: conflicts.map { "sheetlint: " + $0.text(english: english) }, exitCode: 2)
        }
        let result = lint(request.lint)
        let english = (request.language ?? result.configLanguage.flatMap { ReportLanguage(rawValue: $0.rawValue) }) == .en
        var stderr = (result.notices + result.errors).map { "sheetlint: " + $0.text(english: english) }
        guard result.errors.isEmpty else { return CommandOutcome(stdout: "", stderr: stderr, exitCode: 2) }
        do {
            let baseline = try Baseline.load(path: path)
            let directory = (RelativePath.absolute(path) as NSString).deletingLastPathComponent
            let matched = baseline.filter(result.findings, sourceLines: [:], directory: directory).matched
            try AtomicOutput.write(Baseline(entries: matched).rendered(), to: path)
            let dropped = baseline.entries.count - matched.count
            let summary = english ? "\(path): kept \(matched.count) entries, dropped \(dropped)\n"
                                  : "\(path): \(matched.count) 件を残し、\(dropped) 件を削除しました\n"
            return CommandOutcome(stdout: summary, stderr: stderr, exitCode: 0)
        } catch let error as LintError {
            stderr.append("sheetlint: " + error.text(english: english))
        } catch let error as OutputError {
            stderr.append("sheetlint: " + (english ? error.messageEn : error.message))
        } catch {
            stderr.append("sheetlint: \(error)")
        }
        return CommandOutcome(stdout: "", stderr: stderr, exitCode: 2)
    }
}
