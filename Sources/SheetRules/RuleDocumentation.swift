import Foundation
import SheetModel

/// Generates the reference section of `docs/rules.md` from the rules' own fields, so the
/// documentation cannot drift from the rules (a test compares them).
public enum RuleDocumentation {
    /// The marker lines that enclose the generated section in `docs/rules.md`.
    public static let beginMarker = "<!-- BEGIN GENERATED: default rules (RuleDocumentation.markdown) -->"
    public static let endMarker = "<!-- END GENERATED: default rules -->"

    /// Markdown for every rule of `set`, by id: severity, summary, description, kind,
    /// selectors, options, both messages and example counts. Deterministic.
    public static func markdown(for set: RuleSet) -> String {
        var out = "| id | severity | kind | stages | summary |\n|---|---|---|---|---|\n"
        for rule in set.rules {
            let stages = rule.stages == SheetStage.allCases ? "all" : rule.stages.map(\.rawValue).joined(separator: ", ")
            out += "| [`\(rule.id)`](#\(rule.id)) | \(rule.severity.rawValue) | `\(rule.kind)` | \(stages) | \(cell(rule.summary)) |\n"
        }
        for rule in set.rules {
            out += "\n### \(rule.id)\n\n"
            out += "**\(rule.severity.rawValue)** · kind `\(rule.kind)` · file `\(fileName(rule.file))`\n\n"
            out += rule.summary + "\n\n" + rule.description + "\n\n"
            out += "- stages: \(rule.stagesDescription)\n"
            out += "- selector: " + rule.selectors.map { "`\($0.source)`" }.joined(separator: ", ") + "\n"
            out += "- message: \(rule.message.source)\n"
            out += "- message_en: \(rule.messageEn.source)\n"
            out += "- examples: \(rule.failExamples.count) failing, \(rule.passExamples.count) passing\n"
            let options = rule.optionsText.trimmingCharacters(in: .newlines)
            if !options.isEmpty {
                out += "\n```yaml\n" + options + "\n```\n"
            }
        }
        return out
    }

    /// `docs/rules.md` with its generated section replaced by `markdown(for:)`; nil when
    /// the markers are missing.
    public static func updating(document: String, with set: RuleSet) -> String? {
        guard let begin = document.range(of: beginMarker), let end = document.range(of: endMarker),
              begin.upperBound <= end.lowerBound else { return nil }
        return String(document[..<begin.upperBound]) + "\n" + markdown(for: set) + "\n" + String(document[end.lowerBound...])
    }

    private static func fileName(_ file: String) -> String {
        file.hasPrefix("<default>/") ? "rules/" + file.dropFirst("<default>/".count) : file
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
