import SheetModel

/// One configuration file (`.sheetlint.yml`) as written: nothing resolved yet. Paths stay
/// relative to the file's directory and `extends` is not followed; `SheetlintKit`'s
/// `ConfigResolver` does both. Every value keeps the position it was written at, so a
/// later failure (a missing `extends` file, an unreadable catalogue) can point at it.
public struct ConfigFile: Sendable, Hashable {
    /// The top-level keys a configuration file may have.
    public static let keys = ["extends", "fiscalYear", "lang", "stage", "catalogs", "rules", "ignore", "overrides"]
    /// The keys of one `overrides` item.
    public static let overrideKeys = ["files", "stage", "rules"]
    /// The keys of a rule's mapping form (`rule-id: {severity: error}`).
    public static let ruleMappingKeys = ["severity", "options"]

    /// The file, as named in errors.
    public var file: String
    /// Configuration files applied before this one, relative to this file's directory.
    public var extends: [ConfigValue<String>] = []
    /// Fiscal year to assume for every sheet (年度), e.g. 2024.
    public var fiscalYear: ConfigValue<Int>?
    /// Language of messages.
    public var lang: ConfigValue<ConfigLanguage>?
    /// The stage of every sheet (`plan`, `review`, or `auto` to infer it); `--stage` wins.
    public var stage: ConfigValue<StageChoice>?
    /// Extra catalogue files, relative to this file's directory.
    public var catalogs: [ConfigValue<String>] = []
    /// `rules:` in the order written.
    public var rules: [RuleLevelSetting] = []
    /// Sheets not to lint, relative to this file's directory.
    public var ignore: [ConfigValue<Glob>] = []
    /// Per-glob rule settings, in the order written (a later match wins).
    public var overrides: [ConfigOverride] = []

    /// An empty configuration of `file` (what an empty or all-comment file means).
    public init(file: String) {
        self.file = file
    }
}

/// A value read from a configuration file and the 1-based line and column (Unicode
/// scalars) it was written at.
public struct ConfigValue<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The decoded value.
    public var value: Value
    /// Where the value starts in the file.
    public var position: SourcePosition

    /// Pairs `value` with its `position`.
    public init(_ value: Value, at position: SourcePosition) {
        self.value = value
        self.position = position
    }
}

/// The message language a configuration asks for.
public enum ConfigLanguage: String, Sendable, Hashable, CaseIterable {
    /// Japanese (the default).
    case ja
    /// English.
    case en
}

/// What a configuration says about one rule: switched off, or reported at a severity.
public enum RuleLevel: Sendable, Hashable {
    /// The rule's findings are dropped.
    case off
    /// The rule's findings are reported at this severity.
    case severity(Severity)

    /// The words a configuration may use: `off`, `error`, `warning`, `info`.
    public static let words = ["off"] + Severity.allCases.map(\.rawValue)

    /// Parses one of `words`; nil for anything else (case matters).
    public init?(word: String) {
        if word == "off" {
            self = .off
        } else if let severity = Severity(rawValue: word) {
            self = .severity(severity)
        } else {
            return nil
        }
    }

    /// The word that writes this level.
    public var word: String {
        switch self {
        case .off: "off"
        case .severity(let s): s.rawValue
        }
    }
}

/// One entry of `rules:`: a rule id, its level and/or options, and where the id is written.
public struct RuleLevelSetting: Sendable, Hashable {
    /// The rule id, checked to exist when the file was parsed.
    public var ruleId: String
    /// What to do with the rule's findings; nil when the entry only changes options.
    public var level: RuleLevel?
    /// The rule recompiled with the entry's `options:` merged over its own; nil when the
    /// entry changes no option.
    public var replacement: Rule?
    /// Where the rule id is written.
    public var position: SourcePosition

    /// Creates a setting.
    public init(ruleId: String, level: RuleLevel?, replacement: Rule? = nil, position: SourcePosition) {
        self.ruleId = ruleId
        self.level = level
        self.replacement = replacement
        self.position = position
    }
}

/// One item of `overrides:`: rule settings for the sheets that match any of `files`.
public struct ConfigOverride: Sendable, Hashable {
    /// Globs relative to the configuration file's directory.
    public var files: [ConfigValue<Glob>]
    /// Settings applied over `rules:` for matching sheets.
    public var rules: [RuleLevelSetting]
    /// The stage of matching sheets, over the file's `stage:`; nil when not set.
    public var stage: ConfigValue<StageChoice>?
    /// Where the item starts.
    public var position: SourcePosition

    /// Creates an override.
    public init(files: [ConfigValue<Glob>], rules: [RuleLevelSetting], stage: ConfigValue<StageChoice>? = nil,
                position: SourcePosition) {
        self.files = files
        self.rules = rules
        self.stage = stage
        self.position = position
    }
}
