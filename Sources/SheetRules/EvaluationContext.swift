import SheetModel

/// What a check sees besides the matches: the rule's messages and the catalogues.
/// Immutable, so checks share nothing mutable.
struct EvaluationContext: Sendable {
    let rule: Rule
    let catalogs: [String: Catalog]
    /// The sheet's file, for the span of a finding on a node that has none.
    let file: String

    /// A finding at `match`, messages filled with the common placeholders and `values`.
    /// `valuesEn` overrides values for the English message.
    func finding(_ match: Match, _ values: [String: String] = [:], en valuesEn: [String: String] = [:]) -> Finding {
        var common = Self.commonValues(match)
        let label = match.path.label
        let sectionLabel = ModelPath(Array(match.path.components.prefix(1))).label
        var ja = common
        ja["field"] = label.ja
        ja["section"] = sectionLabel.ja
        common["field"] = label.en
        common["section"] = sectionLabel.en
        ja.merge(values) { $1 }
        var en = common.merging(values) { $1 }
        en.merge(valuesEn) { $1 }
        let span = match.span ?? SourceSpan(file: file, line: 1, startColumn: 1, endColumn: 1)
        return Finding(ruleId: rule.id, severity: rule.severity, message: rule.message.render(ja),
                       messageEn: rule.messageEn.render(en), span: span, path: match.path.description)
    }

    static func commonValues(_ match: Match) -> [String: String] {
        var v: [String: String] = ["path": match.path.description, "value": displayValue(match.node)]
        let chain = match.ancestors + [match.node]
        func nearest(_ key: String) -> String? {
            chain.reversed().lazy.compactMap { $0[key]?.text }.first
        }
        if match.path.lastKey == "number", let t = match.node.text { v["number"] = t } else { v["number"] = nearest("number") }
        v["code"] = nearest("code")
        v["title"] = nearest("title")
        v["written"] = nearest("written")
        if case .key(let first)? = match.path.components.first, first.hasSuffix("Goals"), chain.count > 2 {
            v["goal"] = chain[2]["number"]?.text
        }
        return v.compactMapValues { $0 }
    }

    /// The text shown for `{value}`.
    static func displayValue(_ node: ModelNode) -> String {
        if let t = node.text { return t }
        for key in ["written", "code", "text", "title"] {
            if let t = node[key]?.text, !t.isEmpty { return t }
        }
        return ""
    }
}
