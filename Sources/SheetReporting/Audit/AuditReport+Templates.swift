import Foundation
import SheetModel
import SheetRules

extension AuditReport {
    /// `index.html` and `summary.md`, rendered from `templates` with this report's figures.
    public func render(with templates: AuditTemplates) throws(TemplateError) -> (html: String, markdown: String) {
        let compiled = try templates.compiled(language: language.rawValue)
        let context = templateContext(labels: compiled.labels)
        return (compiled.html.render(context), compiled.markdown.render(context))
    }

    /// The values the templates see. Numbers are preformatted where a template cannot
    /// format them (percentages, deltas); see docs/report.md for every key.
    func templateContext(labels: [String: Any]) -> [String: Any] {
        let t = labels.compactMapValues { $0 as? String }
        func label(_ key: String) -> String { t[key] ?? key }
        func stageLabel(_ s: SheetStage) -> String { s == .plan ? label("stagePlan") : label("stageReview") }
        func finding(_ f: FindingRow) -> [String: Any] {
            var m: [String: Any] = ["file": f.file, "line": f.line, "column": f.column, "severity": f.severity.rawValue,
                                    "ruleId": f.ruleId, "message": f.message, "department": f.department,
                                    "fiscalYear": f.fiscalYear.map(String.init) ?? ""]
            if let href = f.href { m["href"] = href }
            return m
        }
        func sheet(_ s: SheetFigures) -> [String: Any] {
            var m: [String: Any] = [
                "file": s.file, "department": s.department, "fiscalYear": s.fiscalYear.map(String.init) ?? "",
                "stageLabel": stageLabel(s.stage), "error": s.findings.error, "warning": s.findings.warning,
                "info": s.findings.info, "total": s.findings.total, "placeholders": s.placeholders,
                "completionText": s.completion.map { Self.percent($0.share) } ?? "—",
            ]
            if let href = s.href { m["href"] = href }
            return m
        }
        let unknownYear = language.isEnglish ? "unknown" : "不明"
        return [
            "t": t, "lang": language.rawValue, "toolVersion": toolVersion,
            "overview": [
                "sheets": overview.sheetCount, "departmentCount": overview.departments.count,
                "departments": overview.departments.joined(separator: ", "),
                "years": overview.fiscalYears.isEmpty ? unknownYear : overview.fiscalYears.map(String.init).joined(separator: ", "),
                "yearCount": overview.fiscalYears.count, "sheetsWithoutYear": overview.sheetsWithoutYear,
                "hasSheetsWithoutYear": overview.sheetsWithoutYear > 0,
                "error": overview.findings.error, "warning": overview.findings.warning, "info": overview.findings.info,
                "total": overview.findings.total,
            ] as [String: Any],
            "hasByRule": !overview.byRule.isEmpty,
            "byRule": overview.byRule.map { ["ruleId": $0.ruleId, "severity": $0.severity.rawValue, "count": $0.count] },
            "chart": FindingsChart(overview.byDepartment).context,
            "sheets": sheets.map(sheet),
            "departments": departments.enumerated().map { index, d -> [String: Any] in
                [
                    "name": d.name, "anchor": "department-\(index + 1)", "sheets": d.sheets.map(sheet),
                    "findings": d.findings.map(finding), "hasFindings": !d.findings.isEmpty,
                    "placeholders": d.placeholders.map(finding), "hasPlaceholders": !d.placeholders.isEmpty,
                    "completions": d.sheets.map { s -> [String: Any] in
                        guard let c = s.completion else {
                            return ["file": s.file, "fiscalYear": s.fiscalYear.map(String.init) ?? unknownYear, "isPlan": true]
                        }
                        return [
                            "file": s.file, "fiscalYear": s.fiscalYear.map(String.init) ?? unknownYear, "isPlan": false,
                            "complete": c.complete, "planItems": c.planItems, "percentText": Self.percent(c.share),
                            "goals": c.goals.map { g -> [String: Any] in
                                ["number": g.number.map(String.init) ?? "?", "title": g.title, "planItems": g.planItems,
                                 "withResult": g.withResult, "withDirection": g.withDirection, "complete": g.complete,
                                 "percentText": Self.percent(g.share),
                                 "barWidth": JSONValue.decimal((g.share ?? 0) * 120)]
                            },
                        ]
                    },
                ]
            },
            "coverage": coverage.map { table -> [String: Any] in
                [
                    "catalogName": table.catalogName, "yearText": table.fiscalYear.map(String.init) ?? unknownYear,
                    "incomplete": !table.catalogComplete, "departments": table.departments,
                    "entryCount": table.entryCount, "citedCount": table.rows.count - table.gaps.count,
                    "gapCount": table.gaps.count, "hasGaps": !table.gaps.isEmpty,
                    "gaps": table.gaps.map { gap -> [String: Any] in gap.title.map { ["key": gap.key, "title": $0] } ?? ["key": gap.key] },
                    "gapsText": table.gaps.map(\.key).joined(separator: ", "),
                    "citedRows": table.rows.filter { $0.total > 0 }.map { row -> [String: Any] in
                        ["key": row.key, "title": row.title ?? "", "total": row.total, "zero": row.total == 0,
                         "cells": row.counts.map { ["count": $0, "zero": $0 == 0] }]
                    },
                    "hasNotInCatalogue": !table.notInCatalogue.isEmpty,
                    "notInCatalogue": table.notInCatalogue.map {
                        ["key": $0.key, "status": $0.status, "departmentsText": $0.departments.joined(separator: ", "),
                         "citations": $0.citations]
                    },
                ]
            },
            "hasConsistency": !consistency.isEmpty, "consistency": consistency.map(finding),
            "submission": submission.map { s -> Any in
                [
                    "catalogName": s.catalogName, "incomplete": !s.catalogComplete,
                    "years": s.years.map { y -> [String: Any] in
                        ["fiscalYear": y.fiscalYear, "submittedCount": y.submitted.count, "listedCount": s.listed.count,
                         "missingText": y.missing.isEmpty ? label("none") : y.missing.joined(separator: ", "),
                         "unlistedText": y.unlisted.isEmpty ? label("none") : y.unlisted.joined(separator: ", ")]
                    },
                ] as [String: Any]
            } ?? false,
            "yoy": yearOverYear.map { y -> Any in
                [
                    "years": y.years.map(String.init),
                    "departments": y.departments.map { d -> [String: Any] in
                        ["name": d.department, "cells": d.years.map { cell -> [String: Any] in
                            guard let c = cell else { return ["findingsText": "—", "completionText": "—"] }
                            let delta = c.findingsDelta.map { " (\($0 > 0 ? "+" : "")\($0))" } ?? ""
                            let completion = c.completion.map { Self.percent($0.share) } ?? label("stagePlan")
                            let points = c.completionDeltaPoints.map { " (\($0 >= 0 ? "+" : "")\(Self.points($0)))" } ?? ""
                            return ["findingsText": "\(c.findings.total)\(delta)", "completionText": completion + points]
                        }]
                    },
                    "hasCarried": !y.carriedOver.isEmpty,
                    "carried": y.carriedOver.map { g -> [String: Any] in
                        ["department": g.department, "sectionLabel": label(g.section), "title": g.title,
                         "numberAfter": g.numberAfter.map(String.init) ?? "?", "fromYear": g.fromYear, "toYear": g.toYear,
                         "before": Self.codes(g.planCodesBefore, g.policiesBefore, label),
                         "after": Self.codes(g.planCodesAfter, g.policiesAfter, label), "changed": g.codesChanged]
                    },
                ] as [String: Any]
            } ?? false,
        ]
    }

    /// `66.7%`; `—` when there is nothing to count.
    static func percent(_ share: Double?) -> String {
        guard let share else { return "—" }
        return String(format: "%.1f%%", share * 100)
    }

    /// `12.5pt`.
    static func points(_ value: Double) -> String { String(format: "%.1fpt", value) }

    static func codes(_ plan: [String], _ policies: [String], _ label: (String) -> String) -> String {
        "\(label("planCodes")) \(plan.isEmpty ? "—" : plan.joined(separator: ", ")) / \(label("policies")) \(policies.isEmpty ? "—" : policies.joined(separator: ", "))"
    }
}

/// Geometry of the findings-per-department bar chart (stacked error / warning / info),
/// computed here so that the template only draws rectangles.
struct FindingsChart {
    static let labelWidth = 170
    static let plotWidth = 480
    static let barHeight = 20
    static let gap = 10

    var context: [String: Any]

    init(_ rows: [AuditReport.DepartmentCount]) {
        let maxTotal = max(1, rows.map(\.findings.total).max() ?? 0)
        var bars: [[String: Any]] = []
        for (i, row) in rows.enumerated() {
            let y = Self.gap + i * (Self.barHeight + Self.gap)
            var x = Double(Self.labelWidth + 8)
            var segments: [[String: Any]] = []
            for (severity, count) in [("error", row.findings.error), ("warning", row.findings.warning), ("info", row.findings.info)]
            where count > 0 {
                let width = Double(count) / Double(maxTotal) * Double(Self.plotWidth)
                segments.append(["severity": severity, "count": count, "x": JSONValue.decimal(x), "width": JSONValue.decimal(width)])
                x += width
            }
            bars.append(["label": row.department, "y": y, "textY": y + Self.barHeight - 5, "segments": segments,
                         "total": row.findings.total, "totalX": JSONValue.decimal(x + 6)])
        }
        context = [
            "width": Self.labelWidth + 8 + Self.plotWidth + 50,
            "height": max(Self.barHeight + 2 * Self.gap, Self.gap + rows.count * (Self.barHeight + Self.gap)),
            "labelX": Self.labelWidth, "barHeight": Self.barHeight, "bars": bars,
        ]
    }
}
