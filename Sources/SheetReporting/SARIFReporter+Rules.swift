/// `tool.driver`: name, version, information URI and the metadata of every rule that ran.
extension SARIFReporter {
    static func driver(_ report: LintReport) -> JSONValue {
        .object([
            ("name", .string("sheetlint")),
            ("semanticVersion", .string(report.toolVersion)),
            ("informationUri", .string(report.informationURI)),
            ("rules", .array(report.rules.map(descriptor))),
        ])
    }

    /// A `reportingDescriptor`. Rule summaries and descriptions are written in English in
    /// the rule files, so they are not translated with the report language.
    static func descriptor(_ rule: ReportedRule) -> JSONValue {
        let helpText = rule.summary + "\n\n" + rule.description
        let helpMarkdown = "**" + rule.summary + "**\n\n" + rule.description
            + "\n\nRun `sheetlint rules explain " + rule.id + "` for examples."
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.pascalCaseName)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.description))])),
            ("help", .object([("text", .string(helpText)), ("markdown", .string(helpMarkdown))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
            ("properties", .object([("tags", .array(rule.tags.map { .string($0) }))])),
        ])
    }
}
