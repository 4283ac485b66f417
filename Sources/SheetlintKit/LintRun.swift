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

    public init(paths: [String], rulesDirectories: [String] = [], read: ReadOptions = ReadOptions(),
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.paths = paths
        self.rulesDirectories = rulesDirectories
        self.read = read
        self.jobs = max(1, jobs)
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
    /// Unusable input, rules or options, already formatted `file:line:col: message`.
    public var errors: [LintError]

    /// Exit status: 2 on any operational error, 1 on any error-level finding, else 0.
    public var exitCode: Int32 {
        if !errors.isEmpty { return 2 }
        return findings.contains { $0.severity == .error } ? 1 : 0
    }
}

/// An operational error, in both languages.
public struct LintError: Sendable, Hashable {
    public var message: String
    public var messageEn: String
    public func text(english: Bool) -> String { english ? messageEn : message }
}

extension Sheetlint {
    /// Loads the rules once, then reads and evaluates every sheet (in parallel, results
    /// kept in input order).
    public static func lint(_ options: LintOptions) -> LintResult {
        let (rules, ruleErrors) = loadRules(options.rulesDirectories)
        var errors = ruleErrors
        let (files, missing) = SheetDiscovery.files(in: options.paths)
        errors += missing.map {
            LintError(message: "\($0): ファイルもディレクトリも見つかりません", messageEn: "\($0): no such file or directory")
        }
        if files.isEmpty && missing.isEmpty {
            errors.append(LintError(message: "検査するシートがありません（.md / .yaml / .yml / .json）",
                                    messageEn: "no sheet files to lint (.md / .yaml / .yml / .json)"))
        }
        let read = options.read
        let perFile: [Result<[Finding], ReadError>] = parallelMap(files, jobs: options.jobs) { path in
            do {
                let sheet = try SheetReader.read(path: path, options: read)
                return .success(RuleEngine.evaluate(rules, on: sheet) + ReaderNotes.findings(sheet.notes))
            } catch let error as ReadError {
                return .failure(error)
            } catch {
                return .failure(ReadError(.unreadable, file: path, message: "\(error)", messageEn: "\(error)"))
            }
        }
        var findings: [Finding] = []
        for result in perFile {
            switch result {
            case .success(let f): findings += f
            case .failure(let e): errors.append(LintError(message: e.formatted(), messageEn: e.formatted(english: true)))
            }
        }
        return LintResult(rules: rules, files: files, findings: findings.sorted(), errors: errors)
    }

    /// The default rules with every `--rules` directory applied over them.
    public static func loadRules(_ directories: [String]) -> (RuleSet, [LintError]) {
        var (rules, errors) = RuleSet.loadDefaultReportingErrors()
        for directory in directories {
            let (next, more) = RuleSet.load(directory: directory, over: rules)
            rules = next
            errors += more
        }
        return (rules, errors.map { LintError(message: $0.formatted(), messageEn: $0.formatted(english: true)) })
    }
}
