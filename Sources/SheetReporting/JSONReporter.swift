import SheetModel
import SheetRules

/// `{"diagnostics": [...], "summary": {...}}`, pretty-printed with a stable key order.
///
/// Each diagnostic has `ruleId`, `severity`, `message` (report language), `file`
/// (repo-relative where possible), `line`, `column`, `endLine`, `endColumn` (1-based,
/// columns in Unicode scalars, end exclusive) and `path` (the model path). `summary` counts
/// findings per severity (including those `--quiet` hides, counted again in `hidden`) and
/// the files read; `gate` (when a gate applies) says whether it passed and why not. `sheets`
/// gives, for each file read, the `stage` it was checked at (`plan` or `review`) and its
/// `stageSource` (`option`, `config` or `inferred`). Non-ASCII text is written unescaped (UTF-8).
public enum JSONReporter {
    /// Renders the report; ends with a newline.
    public static func render(_ report: LintReport) -> String {
        var out = ""
        render(report, to: &out)
        return out
    }

    /// `render(report)`, written into `out` as it is made.
    public static func render<Out: TextOutputStream>(_ report: LintReport, to out: inout Out) {
        let findings = report.findings
        // Findings come file by file: each file's printed path is worked out once.
        var lastFile: (path: String, display: String)?
        let diagnostic = { (f: Finding) -> JSONValue in
            let display: String
            if let last = lastFile, last.path == f.span.file { display = last.display } else {
                display = ArtifactPath(f.span.file, root: report.root).display
                lastFile = (f.span.file, display)
            }
            return .written(diagnosticWriter(f, message: report.message(f), file: display))
        }
        // The stage each sheet was checked at, in `files` order.
        let sheets: [JSONValue] = report.files.compactMap { file in
            report.stages[file].map { stage in
                .object([
                    ("file", .string(ArtifactPath(file, root: report.root).display)),
                    ("stage", .string(stage.stage.rawValue)),
                    ("stageSource", .string(stage.source.rawValue)),
                ])
            }
        }
        let summary: JSONValue = .object([
            ("error", .int(report.count(.error))),
            ("warning", .int(report.count(.warning))),
            ("info", .int(report.count(.info))),
            ("files", .int(report.fileCount)),
            ("hidden", .int(report.hidden.count)),
        ])
        // The diagnostics are written one by one, never all held as values at once.
        var members: [(String, JSONValue)] = [
            ("diagnostics", .elements(JSONElements(count: findings.count) { diagnostic(findings[$0]) })),
            ("sheets", .array(sheets)), ("summary", summary),
        ]
        if let gate = report.gate { members.append(("gate", gateObject(gate, report.language))) }
        JSONValue.object(members).write(to: &out)
    }

    /// A diagnostic as a `JSONValue` tree: what `diagnosticWriter` writes without building it
    /// (`JSONReporterTests` compares the two).
    static func diagnosticValue(_ f: Finding, message: String, file: String) -> JSONValue {
        .object([
            ("ruleId", .string(f.ruleId)),
            ("severity", .string(f.severity.rawValue)),
            ("message", .string(message)),
            ("file", .string(file)),
            ("line", .int(f.span.start.line)),
            ("column", .int(f.span.start.column)),
            ("endLine", .int(f.span.end.line)),
            ("endColumn", .int(f.span.end.column)),
            ("path", .string(f.path)),
        ])
    }

    /// `diagnosticValue(f, message:, file:)` written straight into the report's bytes: a
    /// report of 200,000 findings builds no value tree per finding. Its members' keys and
    /// indents are copied from `memberPrefixes`.
    static func diagnosticWriter(_ f: Finding, message: String, file: String) -> JSONWriter {
        JSONWriter { bytes, indent in
            let prefixes = indent < cachedPrefixes.count ? cachedPrefixes[indent] : memberPrefixes(indent)
            bytes.reserveCapacity(bytes.count + prefixes.size + 80 + message.utf8.count + file.utf8.count
                                  + f.path.utf8.count + f.ruleId.utf8.count)
            bytes.append(contentsOf: prefixes.members[0]); JSONText.appendQuoted(f.ruleId, to: &bytes)
            bytes.append(contentsOf: prefixes.members[1]); JSONText.appendQuoted(f.severity.rawValue, to: &bytes)
            bytes.append(contentsOf: prefixes.members[2]); JSONText.appendQuoted(message, to: &bytes)
            bytes.append(contentsOf: prefixes.members[3]); JSONText.appendQuoted(file, to: &bytes)
            bytes.append(contentsOf: prefixes.members[4]); appendDecimal(f.span.start.line, to: &bytes)
            bytes.append(contentsOf: prefixes.members[5]); appendDecimal(f.span.start.column, to: &bytes)
            bytes.append(contentsOf: prefixes.members[6]); appendDecimal(f.span.end.line, to: &bytes)
            bytes.append(contentsOf: prefixes.members[7]); appendDecimal(f.span.end.column, to: &bytes)
            bytes.append(contentsOf: prefixes.members[8]); JSONText.appendQuoted(f.path, to: &bytes)
            bytes.append(contentsOf: prefixes.members[9])
        }
    }

    /// What a diagnostic at `indent` writes around its values: `{`, each member's line
    /// break, indent and key, and the closing line; with the total size of these pieces.
    private static func memberPrefixes(_ indent: Int) -> (members: [[UInt8]], size: Int) {
        let inner = JSONValue.spaces(indent + 1)
        let keys = ["ruleId", "severity", "message", "file", "line", "column", "endLine", "endColumn", "path"]
        var members = keys.enumerated().map { n, key in Array(((n == 0 ? "{\n" : ",\n") + inner + "\"" + key + "\": ").utf8) }
        members.append(Array(("\n" + JSONValue.spaces(indent) + "}").utf8))
        return (members, members.reduce(0) { $0 + $1.count })
    }

    private static let cachedPrefixes = (0..<8).map(memberPrefixes)

    /// `String(n).utf8` appended to `bytes`.
    private static func appendDecimal(_ n: Int, to bytes: inout [UInt8]) {
        guard n >= 0, n < 100_000 else {
            bytes.append(contentsOf: String(n).utf8)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
        var count = 0
        var rest = n
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[4 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[(5 - count)...]))
        }
    }

    /// `{"passed", "failOn", "maxWarnings", "reasons": [{"condition", "count", "limit",
    /// "message"}]}`, shared by JSON and SARIF (`invocations[0].properties.gate`).
    static func gateObject(_ gate: GateVerdict, _ language: ReportLanguage) -> JSONValue {
        let reasons: [JSONValue] = gate.reasons.map { reason in
            let (count, limit): (Int, JSONValue) = switch reason {
            case .failOn(let s, let n): (n, .string(s.rawValue))
            case .maxWarnings(let l, let n): (n, .int(l))
            }
            return .object([("condition", .string(reason.condition)), ("count", .int(count)), ("limit", limit),
                            ("message", .string(reason.message(language)))])
        }
        return .object([
            ("passed", .bool(gate.passed)),
            ("failOn", .string(gate.failOn.rawValue)),
            ("maxWarnings", gate.maxWarnings.map { .int($0) } ?? .null),
            ("reasons", .array(reasons)),
        ])
    }
}
