import SheetModel
import SheetRules

/// What the configuration says for one sheet, after `extends`, `rules`, `overrides` and
/// `ignore` have been applied for that sheet's path. A plain `Sendable` value: computed
/// once per sheet by `ConfigResolver`, then used with no I/O.
public struct EffectiveConfig: Sendable, Hashable {
    /// The configuration file that applies (the nearest one, or `--config`), as shown to
    /// the user; nil when no configuration applies.
    public var configFile: String?
    /// True when an `ignore` glob matches the sheet: it should not be linted.
    public var isIgnored: Bool
    /// `fiscalYear` of the configuration (the last layer that sets it); nil when unset.
    /// A `--fiscal-year` flag should win over it.
    public var fiscalYear: Int?
    /// `lang` of the configuration; nil when unset. A `--lang` flag should win over it.
    public var lang: ConfigLanguage?
    /// `stage` of the configuration or of the last matching override; nil when unset.
    /// A `--stage` flag wins over it; `auto` (or nil) leaves the stage to inference.
    public var stage: StageChoice?
    /// The level of every rule the configuration mentions for this sheet, by rule id.
    /// Rules not in it keep their own severity.
    public var ruleLevels: [String: RuleLevel]
    /// Catalogues named by `catalogs:` (bases' first), loaded and validated; a later one
    /// replaces an earlier one or a default one with the same id.
    public var catalogs: [Catalog]
    /// The catalogue files, as shown to the user, in the order of `catalogs`.
    public var catalogFiles: [String]
    /// The same files as absolute, normalized paths: a directory search skips them (they
    /// are the configuration's data, not sheets).
    public var catalogPaths: Set<String> = []
    /// Rules recompiled with options the configuration sets, by rule id (the last setting
    /// for a rule wins, as for levels).
    public var ruleReplacements: [String: Rule] = [:]

    /// Creates a configuration; the defaults are "no configuration".
    public init(configFile: String? = nil, isIgnored: Bool = false, fiscalYear: Int? = nil,
                lang: ConfigLanguage? = nil, ruleLevels: [String: RuleLevel] = [:],
                catalogs: [Catalog] = [], catalogFiles: [String] = []) {
        self.configFile = configFile
        self.isIgnored = isIgnored
        self.fiscalYear = fiscalYear
        self.lang = lang
        self.ruleLevels = ruleLevels
        self.catalogs = catalogs
        self.catalogFiles = catalogFiles
    }

    /// No configuration: nothing ignored, every rule at its own severity.
    public static let none = EffectiveConfig()

    /// Applies one `rules:` entry: its level and/or its recompiled rule.
    mutating func apply(_ setting: RuleLevelSetting) {
        if let level = setting.level { ruleLevels[setting.ruleId] = level }
        if let rule = setting.replacement { ruleReplacements[setting.ruleId] = rule }
    }

    /// The stage to check `sheet` at: `option` (`--stage`) when given, else this
    /// configuration's `stage`, else inferred from the sheet's content.
    public func stage(of sheet: Sheet, option: StageChoice?) -> ResolvedStage {
        ResolvedStage.resolve(option: option, config: stage, sheet: sheet)
    }

    /// True when evaluating this sheet needs a rule set other than the run's.
    public var changesRules: Bool { !catalogs.isEmpty || !ruleReplacements.isEmpty }

    /// The configured level of `ruleId`; nil when the configuration leaves the rule alone.
    public func level(of ruleId: String) -> RuleLevel? { ruleLevels[ruleId] }

    /// True when the configuration switches `ruleId` off for this sheet.
    public func isOff(_ ruleId: String) -> Bool { ruleLevels[ruleId] == .off }

    /// `findings` without those of rules switched `off`, and with configured severities in
    /// place of the rules' own. Pure; keeps the input order (severity is not a sort key).
    public func apply(to findings: [Finding]) -> [Finding] {
        guard !ruleLevels.isEmpty else { return findings }
        return findings.compactMap { finding in
            switch ruleLevels[finding.ruleId] {
            case nil: return finding
            case .off: return nil
            case .severity(let severity):
                var f = finding
                f.severity = severity
                return f
            }
        }
    }

    /// `base` with this configuration's catalogues added (replacing same-id ones) and its
    /// recompiled rules in place of the originals, for evaluating this sheet.
    public func rules(over base: RuleSet) -> RuleSet {
        var set = base
        for catalog in catalogs { set.add(catalog) }
        for rule in ruleReplacements.values.sorted(by: { $0.id < $1.id }) { set.add(rule) }
        return set
    }
}
