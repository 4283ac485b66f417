import CSV
import Foundation
import SheetModel

extension AuditReport {
    /// The CSV files of the report by name: UTF-8 with a byte-order mark and CRLF line ends,
    /// so that Excel on a city PC opens the Japanese correctly; quoting is CSV.swift's.
    public func csvFiles() throws -> [(name: String, text: String)] {
        [
            ("findings.csv", try Self.csv(
                ["file", "line", "column", "severity", "rule", "message", "department", "fiscal_year"],
                allFindings.map { [$0.file, String($0.line), String($0.column), $0.severity.rawValue, $0.ruleId, $0.message,
                                   $0.department, Self.text($0.fiscalYear)] })),
            ("citations.csv", try Self.csv(
                ["file", "line", "department", "fiscal_year", "section", "goal", "kind", "key", "written", "title", "status"],
                citations.map { [$0.file, String($0.line), $0.department, Self.text($0.fiscalYear), $0.section,
                                 Self.text($0.goal), $0.kind, $0.key, $0.written, $0.title ?? "", $0.status] })),
            ("coverage.csv", try Self.csv(
                ["catalog", "catalog_complete", "fiscal_year", "key", "title", "department", "citations"],
                coverage.flatMap { t in
                    t.rows.flatMap { r in
                        zip(t.departments, r.counts).map { d, n in
                            [t.catalogId, t.catalogComplete ? "true" : "false", Self.text(t.fiscalYear), r.key, r.title ?? "", d, String(n)]
                        } + (t.departments.isEmpty
                            ? [[t.catalogId, t.catalogComplete ? "true" : "false", Self.text(t.fiscalYear), r.key, r.title ?? "", "", "0"]]
                            : [])
                    }
                })),
            ("completion.csv", try Self.csv(
                ["file", "department", "fiscal_year", "stage", "goal", "title", "plan_items", "with_result", "with_direction",
                 "complete", "share"],
                sheets.flatMap { s -> [[String]] in
                    guard let c = s.completion else {
                        return [[s.file, s.department, Self.text(s.fiscalYear), s.stage.rawValue, "", "", "", "", "", "", ""]]
                    }
                    return c.goals.map { g in
                        [s.file, s.department, Self.text(s.fiscalYear), s.stage.rawValue, Self.text(g.number), g.title,
                         String(g.planItems), String(g.withResult), String(g.withDirection), String(g.complete),
                         g.share.map(JSONValue.decimal) ?? ""]
                    }
                })),
        ]
    }

    /// Every finding, in report order (the departments' lists together).
    var allFindings: [FindingRow] { departments.flatMap(\.findings).sorted { ($0.file, $0.line, $0.column, $0.ruleId) < ($1.file, $1.line, $1.column, $1.ruleId) } }

    static func text(_ n: Int?) -> String { n.map(String.init) ?? "" }

    /// A header and rows written by CSV.swift with CRLF, after a byte-order mark.
    static func csv(_ header: [String], _ rows: [[String]]) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .crlf)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        guard let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data,
              let text = String(data: data, encoding: .utf8) else { return "\u{FEFF}" }
        // CSV.swift ends the last row without a line break; Excel and most readers expect one.
        return "\u{FEFF}" + text + "\r\n"
    }
}
