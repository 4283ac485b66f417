import SheetModel
import Yams

/// Decodes a `rules:` mapping of a configuration file: `rule-id: off | error | warning |
/// info`, or `rule-id: {severity: …}`. Rule ids are checked against the loaded rules.
struct RuleLevelParser {
    let knownRuleIds: Set<String>

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
                out.append(RuleLevelSetting(ruleId: id, level: try level(item, ruleId: id), position: key.position))
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

    /// `off`, a severity word, or `{severity: word}`.
    private func level(_ item: YAMLValue, ruleId: String) throws(RuleFileError) -> RuleLevel {
        if case .mapping(let mapping) = item.node {
            // Rule options cannot be changed from a configuration: the engine compiles a
            // rule's options once at load. A rule of the same id in a `--rules` directory
            // replaces the default one, options and all.
            for (k, _) in mapping where k.string == "options" {
                throw YAMLValue(node: k, file: item.file).error(
                    "rules.\(ruleId) の options は設定ファイルでは変えられません。同じ id のルールを --rules のディレクトリに書いてください。使えるキー: severity",
                    "options of rules.\(ruleId) cannot be set in a configuration; put a rule with the same id in a --rules directory. allowed keys: severity")
            }
            let map = try item.mapping(allowed: ConfigFile.ruleMappingKeys, what: "rules.\(ruleId)")
            return try word(map.required("severity"), ruleId: ruleId)
        }
        return try word(item, ruleId: ruleId)
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
