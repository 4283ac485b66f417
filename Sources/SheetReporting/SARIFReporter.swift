import SheetModel
import SheetRules

/// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one run, every rule that
/// ran in `tool.driver.rules`, one result per finding.
///
/// - Locations: `artifactLocation.uri` is repo-relative and percent-encoded (spaces,
///   non-ASCII and reserved characters; see `ArtifactPath.percentEncoded`) with
///   `uriBaseId: "%SRCROOT%"`, which `originalUriBaseIds` maps to `file:///<root>/`. When the
///   report has no root, `uriBaseId` and `originalUriBaseIds` are both omitted. A file outside
///   the root gets an absolute `file://` URI and no `uriBaseId`.
/// - Regions are 1-based, columns in Unicode scalars (`columnKind: unicodeCodePoints`).
/// - `ruleIndex` is omitted for a finding whose rule is not in `LintReport.rules`.
/// - Lists are always arrays (possibly empty), never null or absent.
/// - When a gate applies, `invocations[0]` carries it: `exitCode` (0 or 1), the failed
///   conditions in `exitCodeDescription`, and `properties.gate` as in the JSON report.
/// - Each sheet's artifact carries the stage it was checked at in `properties.stage`
///   (`plan`/`review`) and how it was chosen in `properties.stageSource`.
public enum SARIFReporter {
    /// The `$schema` written into the log.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The `uriBaseId` of repo-relative locations.
    public static let rootBaseId = "%SRCROOT%"

    /// Renders the report; ends with a newline.
    public static func render(_ report: LintReport) -> String {
        var out = ""
        render(report, to: &out)
        return out
    }

    /// `render(report)`, written into `out` as it is made: artifacts and results one at a time.
    public static func render<Out: TextOutputStream>(_ report: LintReport, to out: inout Out) {
        let files = report.allFiles
        var run: [(String, JSONValue)] = [
            ("tool", .object([("driver", driver(report))])),
        ]
        if let root = report.root {
            run.append(("originalUriBaseIds", .object([
                (rootBaseId, .object([("uri", .string(ArtifactPath.rootURI(root)))])),
            ])))
        }
        if let gate = report.gate {
            var invocation: [(String, JSONValue)] = [
                ("executionSuccessful", .bool(true)),
                ("exitCode", .int(gate.passed ? 0 : 1)),
            ]
            if let line = gate.line(report.language) { invocation.append(("exitCodeDescription", .string(line))) }
            invocation.append(("properties", .object([("gate", JSONReporter.gateObject(gate, report.language))])))
            run.append(("invocations", .array([.object(invocation)])))
        }
        run += [
            ("language", .string(report.language.rawValue)),
            ("columnKind", .string("unicodeCodePoints")),
            ("artifacts", .elements(JSONElements(count: files.count) { artifact(files[$0], report) })),
            ("results", results(report)),
        ]
        JSONValue.object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ]).write(to: &out)
    }

    /// SARIF `level` of a severity: `info` is `note`.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// One result per finding, each made as it is written.
    private static func results(_ report: LintReport) -> JSONValue {
        var ruleIndex: [String: Int] = [:]
        for (i, rule) in report.rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = i }
        let fingerprints = LineFingerprint.Counter(report)
        let findings = report.findings
        return .elements(JSONElements(count: findings.count) { n in
            let finding = findings[n]
            let fingerprint = fingerprints.next(finding)
            var members: [(String, JSONValue)] = [("ruleId", .string(finding.ruleId))]
            if let index = ruleIndex[finding.ruleId] { members.append(("ruleIndex", .int(index))) }
            members += [
                ("level", .string(level(finding.severity))),
                ("message", .object([("text", .string(report.message(finding)))])),
                ("locations", .array([.object([("physicalLocation", .object([
                    ("artifactLocation", artifactLocation(finding.span.file, report)),
                    ("region", region(finding.span)),
                ]))])])),
                ("partialFingerprints", .object([("primaryLocationLineHash", .string(fingerprint))])),
                ("properties", .object([("modelPath", .string(finding.path))])),
            ]
            return .object(members)
        })
    }

    /// One artifact; a sheet's stage goes in its property bag (`stage`, `stageSource`).
    private static func artifact(_ file: String, _ report: LintReport) -> JSONValue {
        var members: [(String, JSONValue)] = [("location", artifactLocation(file, report))]
        if let stage = report.stages[file] {
            members.append(("properties", .object([
                ("stage", .string(stage.stage.rawValue)),
                ("stageSource", .string(stage.source.rawValue)),
            ])))
        }
        return .object(members)
    }

    private static func artifactLocation(_ file: String, _ report: LintReport) -> JSONValue {
        let path = ArtifactPath(file, root: report.root)
        var members: [(String, JSONValue)] = [("uri", .string(path.uri))]
        if path.isRelative && report.root != nil { members.append(("uriBaseId", .string(rootBaseId))) }
        return .object(members)
    }

    /// A full region; values are clamped to SARIF's minimum of 1.
    private static func region(_ span: SourceSpan) -> JSONValue {
        .object([
            ("startLine", .int(max(1, span.start.line))),
            ("startColumn", .int(max(1, span.start.column))),
            ("endLine", .int(max(1, span.start.line, span.end.line))),
            ("endColumn", .int(max(1, span.end.column))),
        ])
    }
}
