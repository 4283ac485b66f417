import SheetModel
import SheetReading
@testable import SheetRules
import XCTest

/// Builds one-rule sets and canonical sheets inline, so each test shows its whole case.
enum Support {
    /// A rule file holding one rule `t` of `kind`; examples are placeholders (not run here).
    static func ruleFile(selector: String, kind: String, options: String? = nil,
                         message: String = "{value}", messageEn: String = "{value}") -> String {
        """
        version: 1
        rules:
          - id: t
            severity: warning
            summary: s
            description: d
            message: "\(message)"
            message_en: "\(messageEn)"
            selector: \(selector.hasPrefix("[") || selector.hasPrefix("\"") ? selector : "\"\(selector)\"")
            kind: \(kind)
        \(options.map { "    options: \($0)\n" } ?? "")    examples: {fail: [{sheet: {}, count: 1}], pass: [{sheet: {}}]}

        """
    }

    /// The set of default catalogues plus the rules in `text`; fails the test on a load error.
    static func ruleSet(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> RuleSet {
        var base = RuleSet()
        for (_, catalog) in RuleSet.loadDefault().catalogs { base.add(catalog) }
        let (set, errors) = base.adding(files: [("t.yml", text)])
        XCTAssertEqual(errors.map(\.description), [], file: file, line: line)
        return set
    }

    /// The load errors of `text` (over the default catalogues).
    static func errors(_ text: String) -> [RuleFileError] {
        var base = RuleSet()
        for (_, catalog) in RuleSet.loadDefault().catalogs { base.add(catalog) }
        return base.adding(files: [("t.yml", text)]).1
    }

    /// A canonical YAML sheet.
    static func sheet(_ yaml: String) throws -> Sheet {
        try CanonicalSheetReader.read(text: yaml, file: "s.yml")
    }

    /// Findings of a one-rule set on a canonical YAML sheet.
    static func findings(selector: String, kind: String, options: String? = nil, message: String = "{value}",
                         messageEn: String = "{value}", sheet: String,
                         file: StaticString = #filePath, line: UInt = #line) throws -> [Finding] {
        let set = ruleSet(ruleFile(selector: selector, kind: kind, options: options, message: message,
                                   messageEn: messageEn), file: file, line: line)
        let parsed = try CanonicalSheetReader.read(text: sheet, file: "s.yml")
        return RuleEngine.evaluate(set, on: parsed)
    }
}
