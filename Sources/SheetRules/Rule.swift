import Foundation
import SheetModel

/// A rule as loaded: its metadata, selectors, compiled check and examples. `Sendable`
/// value; holds no YAML.
public struct Rule: Sendable {
    /// Stable identifier, e.g. `plan-code-placeholder`.
    public var id: String
    public var severity: Severity
    /// One line: what the rule reports.
    public var summary: String
    /// Why it matters (shown by `rules explain`).
    public var description: String
    /// `summary` and `description` in Japanese (`summary_ja`, `description_ja`), shown by
    /// `rules` and `rules explain` unless `--lang en`; nil when the rule file has none.
    public var summaryJa: String?
    public var descriptionJa: String?
    /// Japanese message template.
    public var message: MessageTemplate
    /// English message template.
    public var messageEn: MessageTemplate
    /// Where the check looks.
    public var selectors: [Selector]
    /// The stages of a sheet the rule applies to (`stages:`; every stage when not written),
    /// in `SheetStage` order. A rule about results applies at `review` only.
    public var stages: [SheetStage] = SheetStage.allCases
    /// The check kind's name (`pattern`, `catalog`, …).
    public var kind: String
    /// The kind's options as written in the rule file (for `rules explain`), YAML text.
    public var optionsText: String {
        get { options.value }
        set { options = RuleOptionsText(newValue) }
    }
    /// `optionsText`, given, or for a built-in rule serialized when first asked for (only
    /// `rules` commands and rule comparisons read it; serializing every rule's options with
    /// Yams was 1.8 M instructions of every process's start-up).
    var options: RuleOptionsText
    /// Sheets that must produce `count` findings of this rule.
    public var failExamples: [RuleExample] {
        get { examples.value.fail }
        set { examples = RuleExamples(fail: newValue, pass: passExamples) }
    }
    /// Sheets that must produce none.
    public var passExamples: [RuleExample] {
        get { examples.value.pass }
        set { examples = RuleExamples(fail: failExamples, pass: newValue) }
    }
    /// Both, decoded at load, or for a built-in rule when first asked for (only `rules`
    /// commands and tests use them; decoding them was a tenth of a lint process's start-up).
    var examples: RuleExamples
    /// The rule file and the position of the rule's `id`.
    public var file: String
    public var position: SourcePosition
    /// The text of the rule's file and the rule's index in its `rules:` list, so that a
    /// configuration can recompile the rule with other options.
    var sourceText: String = ""
    var sourceIndex: Int = 0

    let check: any Check

    /// True when the rule is evaluated on a sheet at `stage`.
    public func applies(at stage: SheetStage) -> Bool { stages.contains(stage) }
}

extension Rule: Hashable {
    /// Rules are identified by where they are written and what they were compiled from.
    public static func == (a: Rule, b: Rule) -> Bool {
        (a.id, a.file, a.position, a.severity, a.optionsText) == (b.id, b.file, b.position, b.severity, b.optionsText)
            && a.stages == b.stages
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(file)
        hasher.combine(position)
        hasher.combine(optionsText)
    }
}

/// One example of a rule: a sheet, or for a cross-sheet rule several.
public struct RuleExample: Sendable, Hashable {
    /// The (first) sheet in canonical YAML.
    public var sheet: String
    /// How many findings of the rule it must produce (0 for pass examples).
    public var count: Int
    /// The stage the example sheet is checked at (`stage:`); nil: inferred from its
    /// content, as `lint` does by default.
    public var stage: SheetStage? = nil
    /// Where the example is written in the rule file.
    public var file: String
    public var position: SourcePosition
    /// Every sheet of the example, with the path each is given (`sheets:`), or the one
    /// `sheet:` under the name `sheet.yaml`.
    public var sheets: [ExampleSheet] = []
    /// Catalogue files (YAML text) the example is evaluated with, over the loaded ones.
    public var catalogs: [String] = []
}

/// One sheet of a multi-sheet example: the path it is read under, and its canonical YAML.
public struct ExampleSheet: Sendable, Hashable {
    public var path: String
    public var text: String
}

/// The check a rule runs: one of the closed set of kinds in `CheckKinds.all`. Each kind is
/// decoded from its `options` mapping at load (with positions), then evaluated with no I/O.
protocol Check: Sendable {
    /// The `kind:` name.
    static var name: String { get }
    /// The keys allowed under `options:`.
    static var optionKeys: [String] { get }
    /// Placeholders this kind fills beyond the common ones.
    static var placeholders: [String] { get }
    /// Decodes and validates the options against the schema targets of the rule's selectors.
    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError)
    /// The findings for every selected node of one sheet.
    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding]
    /// The check as a cross-sheet check, when it is one: a requirement, so that asking costs
    /// a call instead of a dynamic cast to an existential (13,000 instructions each, asked
    /// for every rule of every sheet).
    var sheetsCheck: (any SheetsCheck)? { get }
}

extension Check {
    var sheetsCheck: (any SheetsCheck)? { nil }
}

/// What decoding a check may consult: catalogues known at load and the rule's location.
struct LoadContext {
    var catalogs: [String: Catalog]
    /// The rule's `options` node (or `kind` node when there are none), for errors.
    var optionsValue: YAMLValue
}

/// A rule's options as YAML text: given, or serialized by the first caller that asks, under
/// the lock (rules are shared by the tasks of a run); hence `@unchecked Sendable`.
final class RuleOptionsText: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    private let make: @Sendable () -> String

    init(_ text: String) {
        self.text = text
        make = { "" }
    }

    /// Text made on first use by `make`.
    init(makingOnFirstUse make: @escaping @Sendable () -> String) {
        self.make = make
    }

    var value: String {
        lock.lock()
        defer { lock.unlock() }
        if let text { return text }
        let made = make()
        text = made
        return made
    }
}

/// A rule's examples: given, or decoded by the first caller that asks. Rules are shared by
/// the tasks of a run, so the decoding happens once, under the lock; hence
/// `@unchecked Sendable`.
final class RuleExamples: @unchecked Sendable {
    private let lock = NSLock()
    private var decoded: (fail: [RuleExample], pass: [RuleExample])?
    private let decode: @Sendable () -> (fail: [RuleExample], pass: [RuleExample])

    init(fail: [RuleExample], pass: [RuleExample]) {
        decoded = (fail, pass)
        decode = { ([], []) }
    }

    /// Examples decoded on first use by `decode`.
    init(decodingOnFirstUse decode: @escaping @Sendable () -> (fail: [RuleExample], pass: [RuleExample])) {
        self.decode = decode
    }

    var value: (fail: [RuleExample], pass: [RuleExample]) {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        let value = decode()
        decoded = value
        return value
    }
}
