import SheetModel
import SheetReading
import Yams

extension ConfigFile {
    /// Parses configuration text. `knownRuleIds` are the ids `rules:` and `overrides` may
    /// name (the loaded rule set's, plus ids reported outside it such as `reader-note`).
    ///
    /// Returns what could be read and an error, with file, line and column, for every
    /// unknown key, wrong type, unknown severity word, unknown rule id and bad glob. An
    /// error in one entry does not hide the others; a YAML syntax error, or a top level
    /// that is not a mapping, yields an empty configuration and that one error. An empty
    /// or all-comment file is a valid, empty configuration.
    public static func parse(text: String, file: String, knownRuleIds: Set<String>) -> (ConfigFile, [ConfigError]) {
        parse(text: text, file: file, knownRuleIds: knownRuleIds, rules: nil)
    }

    /// The same, with the loaded rules, so that `rules.<id>.options` can recompile a rule
    /// (its errors located in this file). Without `rules`, an `options:` entry is an error.
    public static func parse(text: String, file: String, knownRuleIds: Set<String>, rules: RuleSet?) -> (ConfigFile, [ConfigError]) {
        var config = ConfigFile(file: file)
        var errors: [ConfigError] = []
        func attempt(_ body: () throws(RuleFileError) -> Void) {
            do { try body() } catch { errors.append(ConfigError(error)) }
        }
        let map: YAMLMapping
        do {
            guard let root = try YAMLValue.compose(text: text, file: file) else { return (config, []) }
            try refuseForeign(root)
            // An unknown key is an error; the known ones are still read and checked.
            var unknown: [RuleFileError] = []
            map = try root.mapping(allowed: keys, what: "config", errors: &unknown)
            errors += unknown.map(ConfigError.init)
        } catch {
            return (config, [ConfigError(error)])
        }
        let parser = RuleLevelParser(knownRuleIds: knownRuleIds, rules: rules)
        for entry in map.entries where !entry.value.isNull {
            let value = entry.value
            attempt { () throws(RuleFileError) in
                switch entry.key {
                case "extends":
                    config.extends = try value.strings("extends").map { ConfigValue($0.0, at: $0.1.position) }
                case "fiscalYear":
                    let year = try value.int("fiscalYear")
                    guard ReadOptions.validFiscalYears.contains(year) else {
                        throw value.error("fiscalYear は西暦の年度で書いてください（例: 2024）",
                                          "fiscalYear must be a western-calendar fiscal year (e.g. 2024)")
                    }
                    config.fiscalYear = ConfigValue(year, at: value.position)
                case "lang":
                    let word = try value.string("lang")
                    guard let lang = ConfigLanguage(rawValue: word) else {
                        throw value.error("lang「\(word)」は使えません。使える値: ja, en",
                                          "unknown lang '\(word)'; allowed values: ja, en")
                    }
                    config.lang = ConfigValue(lang, at: value.position)
                case "stage":
                    config.stage = try stage(value, what: "stage")
                case "catalogs":
                    config.catalogs = try value.strings("catalogs").map { ConfigValue($0.0, at: $0.1.position) }
                case "rules":
                    let (settings, more) = parser.settings(value, what: "rules")
                    config.rules = settings
                    errors += more
                case "ignore":
                    let (globs, more) = globs(value, what: "ignore")
                    config.ignore = globs
                    errors += more
                case "overrides":
                    for (index, item) in try value.sequence("overrides").enumerated() {
                        attempt { () throws(RuleFileError) in
                            let what = "overrides[\(index)]"
                            var unknown: [RuleFileError] = []
                            let o = try item.mapping(allowed: overrideKeys, what: what, errors: &unknown)
                            errors += unknown.map(ConfigError.init)
                            // A misspelt key explains what the override then lacks.
                            guard unknown.isEmpty || o["rules"] != nil || o["stage"] != nil else { return }
                            let (files, fileErrors) = globs(try o.required("files"), what: what + ".files")
                            // An override may set only the stage, only rules, or both.
                            let stageValue = o["stage"]
                            let rulesValue = o["rules"]
                            guard rulesValue != nil || stageValue != nil else {
                                throw item.error("\(what) には rules か stage（または両方）を書いてください",
                                                 "\(what) needs rules, stage or both")
                            }
                            let (settings, ruleErrors) = rulesValue.map { parser.settings($0, what: what + ".rules") } ?? ([], [])
                            let stage = try stageValue.map { v throws(RuleFileError) in try Self.stage(v, what: what + ".stage") }
                            errors += fileErrors + ruleErrors
                            config.overrides.append(ConfigOverride(files: files, rules: settings, stage: stage,
                                                                   position: item.position))
                        }
                    }
                default:
                    break  // `mapping(allowed:)` has already refused anything else.
                }
            }
        }
        return (config, errors.sorted())
    }

    /// `stage: plan | review | auto`.
    private static func stage(_ value: YAMLValue, what: String) throws(RuleFileError) -> ConfigValue<StageChoice> {
        let word = try value.string(what)
        guard let choice = StageChoice(rawValue: word) else {
            throw value.error("\(what)「\(word)」は使えません。使える値: plan（当初設定）, review（振り返り）, auto（内容から推定）",
                              "unknown \(what) '\(word)'; allowed values: plan (goal-setting), review (year-end review), auto (inferred from the content)")
        }
        return ConfigValue(choice, at: value.position)
    }

    /// A string or list of strings, each compiled as a glob; one error per bad pattern.
    private static func globs(_ value: YAMLValue, what: String) -> ([ConfigValue<Glob>], [ConfigError]) {
        let items: [(String, YAMLValue)]
        do { items = try value.strings(what) } catch { return ([], [ConfigError(error)]) }
        var out: [ConfigValue<Glob>] = [], errors: [ConfigError] = []
        for (pattern, node) in items {
            do {
                out.append(ConfigValue(try Glob(pattern), at: node.position))
            } catch {
                errors.append(ConfigError(file: node.file, position: node.position,
                                          message: "\(what): \(error.message)", messageEn: "\(what): \(error.messageEn)"))
            }
        }
        return (out, errors)
    }

    /// A file with no configuration key at all is not a configuration (`extends:` may name
    /// any file): say so without quoting any of its content, which may be a secret.
    private static func refuseForeign(_ root: YAMLValue) throws(RuleFileError) {
        let known: Bool
        if case .mapping(let mapping) = root.node {
            known = mapping.isEmpty || mapping.keys.contains { keys.contains($0.string ?? "") }
        } else {
            known = true // "must be a mapping" quotes nothing
        }
        guard known else {
            throw RuleFileError(
                file: root.file, position: SourcePosition(line: 1, column: 1),
                message: "sheetlint の設定ファイルではありません（使えるキーが一つもありません。内容は表示しません）",
                messageEn: "not a sheetlint configuration (none of its keys is a configuration key; its content is not shown)")
        }
    }
}
