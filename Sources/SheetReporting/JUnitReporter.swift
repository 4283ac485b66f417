import SheetModel
import SheetRules

/// JUnit XML for GitLab, Jenkins and other CI test views: one `<testsuite>` per file read,
/// one `<testcase>` per file and rule (`name` = rule id, `classname` = file).
///
/// Every rule that ran is a test case in every file. A rule with a finding that fails the
/// gate (`GateVerdict.fails`; without a gate, an error) fails with
/// `<failure message="N findings" type="<most serious severity>">` whose text lists each
/// finding as `line:col message`. A rule whose findings are all below the gate's level
/// passes, with those lines in `<system-out>`, so a passing gate shows no failed test.
/// Rules that only findings mention (not in `LintReport.rules`) are added after the others,
/// sorted by id. A rule that does not run at the file's stage (`LintReport.stages`,
/// `ReportedRule.stages`: a result rule on a goal-setting sheet) is `<skipped>`.
/// `tests` and `failures` are given on `<testsuites>` and on each `<testsuite>`; `failures`
/// counts only failed test cases, `skipped` the skipped ones; `errors` is 0.
public enum JUnitReporter {
    /// Renders the report as an XML 1.0 document in UTF-8; ends with a newline.
    public static func render(_ report: LintReport) -> String {
        var out = ""
        render(report, to: &out)
        return out
    }

    /// `render(report)`, written into `out` one test suite at a time (the totals on
    /// `<testsuites>` are counted first).
    public static func render<Out: TextOutputStream>(_ report: LintReport, to out: inout Out) {
        let ruleIds = ruleIds(report)
        var stagesOfRule: [String: [SheetStage]] = [:]
        for rule in report.rules where stagesOfRule[rule.id] == nil { stagesOfRule[rule.id] = rule.stages }
        // Positions in `report.findings`, by file and rule.
        var byFileAndRule: [String: [String: [Int]]] = [:]
        for (n, f) in report.findings.enumerated() { byFileAndRule[f.span.file, default: [:]][f.ruleId, default: []].append(n) }
        let gate = report.gate ?? GateVerdict(failOn: .error, maxWarnings: nil, reasons: [])
        let files = report.allFiles
        let failures = files.map { file in
            let findings = byFileAndRule[file] ?? [:]
            return ruleIds.filter { findings[$0]?.contains { gate.fails(report.findings.severity(at: $0)) } ?? false }.count
        }
        let tests = ruleIds.count * files.count
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"sheetlint\" tests=\"\(tests)\" failures=\"\(failures.reduce(0, +))\" errors=\"0\">\n")
        for (file, failures) in zip(files, failures) {
            let name = ArtifactPath(file, root: report.root).display
            let findings = byFileAndRule[file] ?? [:]
            // Rules that did not run at this file's stage, and so found nothing.
            let stage = report.stages[file]?.stage
            let skipped = Set(ruleIds.filter { id in
                guard let stage, let stages = stagesOfRule[id] else { return false }
                return !stages.contains(stage) && findings[id] == nil
            })
            out.write("  <testsuite name=\"\(XMLEscaping.attribute(name))\" tests=\"\(ruleIds.count)\""
                + " failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped.count)\">\n")
            for id in ruleIds {
                if skipped.contains(id), let stage {
                    out.write("    <testcase name=\"\(XMLEscaping.attribute(id))\" classname=\"\(XMLEscaping.attribute(name))\">\n"
                        + "      <skipped message=\"\(XMLEscaping.attribute(skipMessage(stage, report.language)))\"/>\n"
                        + "    </testcase>\n")
                    continue
                }
                out.write(testCase(id, file: name, findings: (findings[id] ?? []).map { report.findings[$0] }, gate: gate, report))
            }
            out.write("  </testsuite>\n")
        }
        out.write("</testsuites>\n")
    }

    private static func testCase(_ id: String, file: String, findings: [Finding], gate: GateVerdict,
                                 _ report: LintReport) -> String {
        let open = "    <testcase name=\"\(XMLEscaping.attribute(id))\" classname=\"\(XMLEscaping.attribute(file))\""
        guard let worst = findings.map(\.severity).min() else { return open + "/>\n" }
        let text = XMLEscaping.text(findings.map { "\($0.span.start.line):\($0.span.start.column) \(report.message($0))" }
            .joined(separator: "\n"))
        guard findings.contains(where: { gate.fails($0.severity) }) else {
            return open + ">\n      <system-out>" + text + "</system-out>\n    </testcase>\n"
        }
        return open + ">\n"
            + "      <failure message=\"\(XMLEscaping.attribute(failureMessage(findings.count, report.language)))\""
            + " type=\"\(worst.rawValue)\">" + text + "</failure>\n"
            + "    </testcase>\n"
    }

    /// Why a rule was skipped for a file.
    private static func skipMessage(_ stage: SheetStage, _ language: ReportLanguage) -> String {
        switch (stage, language) {
        case (.plan, .ja): return "段階 plan（当初設定）では検査しないルールです"
        case (.review, .ja): return "段階 review（振り返り）では検査しないルールです"
        case (.plan, .en): return "not checked at stage plan (goal-setting)"
        case (.review, .en): return "not checked at stage review (year-end review)"
        }
    }

    /// `2 件の指摘` / `2 findings`.
    private static func failureMessage(_ n: Int, _ language: ReportLanguage) -> String {
        switch language {
        case .ja: return "\(n) 件の指摘"
        case .en: return n == 1 ? "1 finding" : "\(n) findings"
        }
    }

    /// Ids of the rules that ran (first occurrence wins), then ids only findings mention.
    private static func ruleIds(_ report: LintReport) -> [String] {
        var seen = Set<String>()
        var ids: [String] = []
        for rule in report.rules where seen.insert(rule.id).inserted { ids.append(rule.id) }
        let extra = Set(report.findings.distinctRuleIds).subtracting(seen).sorted()
        return ids + extra
    }
}
