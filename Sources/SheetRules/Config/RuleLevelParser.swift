import SheetModel
import Yams

/// Decodes a `rules:` mapping of a configuration file: `rule-id: off | error | warning |
/// info`, or `rule-id: {severity: …, options: {…}}`. Rule ids are checked against the
/// loaded rules; options are merged over the rule's own and the rule is recompiled here,
/// so a bad option is an error at its place in the configuration.
struct RuleLevelParser {
    let knownRuleIds: Set<String>
    let rules: RuleSet?

    /// Every valid setting, and one error per bad entry (others still decoded).
    func settings(_ value: YAMLValue, what: String) -> ([RuleLevelSetting], [ConfigError]) {
        guard case .mapping(let mapping) = value.node else {
            return ([], [ConfigError(value.error("\(what) はマッピング（ルール id: 重大度）で書いてください",
                                                 "\(what) must be a mapping (rule-id: severity)"))])
        }
        var out: [RuleLevelSetting] = [], errors: [ConfigError] = []
        var seen: [String: SourcePosition] = [:]
        for (k, v) in mapping {
            let key = YAMLValue(node: k, file: value.file), item = YAMLValue(node: v, file: value.file)
            do throws(RuleFileError) {
                let id = try key.string("rule id")
                if let first = seen[id] {
                    throw key.error("\(what) にルール「\(id)」が \(first.line) 行目にもあります",
                                    "rule '\(id)' is already set in \(what) at line \(first.line)")
                }
                seen[id] = key.position
                guard knownRuleIds.contains(id) else { throw unknownRule(id, at: key) }
                let (level, replacement) = try setting(item, ruleId: id)
                out.append(RuleLevelSetting(ruleId: id, level: level, replacement: replacement, position: key.position))
            } catch {
                errors.append(ConfigError(error))
            }
        }
        return (out, errors)
    }

    private func unknownRule(_ id: String, at key: YAMLValue) -> RuleFileError {
        let hint = YAMLValue.closest(id, in: knownRuleIds.sorted())
        return key.error(
            "未知のルール id「\(id)」です\(hint.map { "（\($0) の誤りですか）" } ?? "")。一覧は sheetlint rules で見られます",
            "unknown rule id '\(id)'\(hint.map { " (did you mean '\($0)'?)" } ?? ""); `sheetlint rules` lists them")
    }

    /// `off`, a severity word, or `{severity: word, options: {…}}` (either key optional,
    /// not both absent).
    private func setting(_ item: YAMLValue, ruleId: String) throws(RuleFileError) -> (RuleLevel?, Rule?) {
        guard case .mapping = item.node else { return (try word(item, ruleId: ruleId), nil) }
        let map = try item.mapping(allowed: ConfigFile.ruleMappingKeys, what: "rules.\(ruleId)")
        let level = try map["severity"].map { value throws(RuleFileError) in try word(value, ruleId: ruleId) }
        var replacement: Rule?
        if let options = map["options"] {
            guard let rules else {
                throw options.error("rules.\(ruleId) の options は、ルールを読み込まずには確かめられません",
                                    "options of rules.\(ruleId) cannot be checked without the loaded rules")
            }
            guard let rule = rules.rule(id: ruleId) else {
                throw options.error("rules.\(ruleId) は YAML のルールではないため options はありません",
                                    "rules.\(ruleId) is not a YAML rule and has no options")
            }
            replacement = try rule.overridingOptions(with: options, catalogs: rules.catalogs)
        }
        guard level != nil || replacement != nil else {
            throw item.error("rules.\(ruleId) には severity か options を書いてください",
                             "rules.\(ruleId) needs severity or options")
        }
        return (level, replacement)
    }

    private func word(_ value: YAMLValue, ruleId: String) throws(RuleFileError) -> RuleLevel {
        let text = try value.string("rules.\(ruleId)")
        guard let level = RuleLevel(word: text) else {
            throw value.error("rules.\(ruleId) の「\(text)」は使えません。使える値: \(RuleLevel.words.joined(separator: ", "))",
                              "unknown severity '\(text)' for rules.\(ruleId); allowed values: \(RuleLevel.words.joined(separator: ", "))")
        }
        return level
    }
}
