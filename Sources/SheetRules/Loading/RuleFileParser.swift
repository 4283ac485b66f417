import Foundation
import SheetModel
import Yams

/// Turns rule-file text into rules, decoding from Yams nodes so that every error keeps
/// its file, line and column.
enum RuleFileParser {
    static let ruleFileKeys = ["version", "rules"]
    static let ruleKeys = ["id", "severity", "summary", "description", "summary_ja", "description_ja", "message", "message_en",
                           "selector", "kind", "options", "stages", "examples"]

    /// Composes YAML text into a node; an empty document is an error here.
    static func compose(text: String, file: String) throws(RuleFileError) -> YAMLValue {
        guard let value = try YAMLValue.compose(text: text, file: file) else {
            throw RuleFileError(file: file, position: SourcePosition(line: 1, column: 1),
                                message: "ファイルが空です", messageEn: "the file is empty")
        }
        return value
    }

    static func checkVersion(_ map: YAMLMapping) throws(RuleFileError) {
        let v = try map.required("version")
        guard try v.int("version") == 1 else {
            throw v.error("version は 1 のみ対応しています", "only version 1 is supported")
        }
    }

    /// The rules of one file, and an error for each rule that could not be loaded. A broken
    /// rule never hides the others; an error in the file's frame loses the whole file.
    static func parseRules(text: String, file: String, catalogs: [String: Catalog]) -> ([Rule], [RuleFileError]) {
        let items: [YAMLValue]
        do {
            let root = try compose(text: text, file: file)
            let map = try root.mapping(allowed: ruleFileKeys, what: "rule file")
            try checkVersion(map)
            items = try map.required("rules").sequence("rules")
        } catch {
            return ([], [error])
        }
        var rules: [Rule] = [], errors: [RuleFileError] = []
        var seen: [String: SourcePosition] = [:]
        for (index, item) in items.enumerated() {
            // Every independent mistake of a rule is reported; a broken rule is left out
            // and the others still load.
            let (parsed, ruleErrors) = parseRuleReportingErrors(item, catalogs: catalogs)
            errors += ruleErrors
            guard var rule = parsed else { continue }
            rule.sourceText = text
            rule.sourceIndex = index
            if item.builtIn {
                rule.examples = RuleExamples(decodingOnFirstUse: { builtInExamples(text: text, file: file, index: index) })
            }
            if let first = seen[rule.id] {
                errors.append(item.error("ルール id「\(rule.id)」が \(first.line) 行目と重複しています",
                                         "rule id '\(rule.id)' is already used at line \(first.line)"))
                continue
            }
            seen[rule.id] = rule.position
            rules.append(rule)
        }
        return (rules, errors)
    }

    /// The examples of rule `index` of the built-in file `file` whose text is `text`, decoded
    /// again from its table; none should that fail (the tests decode every built-in's).
    static func builtInExamples(text: String, file: String, index: Int) -> (fail: [RuleExample], pass: [RuleExample]) {
        do throws(RuleFileError) {
            let root = try compose(text: text, file: file)
            let items = try root.mapping(allowed: ruleFileKeys, what: "rule file").required("rules").sequence("rules")
            guard index < items.count else { return ([], []) }
            let map = try items[index].mapping(allowed: ruleKeys, what: "rule")
            let value = try map.required("examples")
            return try RuleExampleParser.parse(YAMLValue(node: value.node, file: value.file))
        } catch {
            return ([], [])
        }
    }

    /// One rule; throws the first of `parseRuleReportingErrors`' errors.
    static func parseRule(_ item: YAMLValue, catalogs: [String: Catalog]) throws(RuleFileError) -> Rule {
        let (rule, errors) = parseRuleReportingErrors(item, catalogs: catalogs)
        if let first = errors.first { throw first }
        guard let rule else { throw item.error("ルールを読めません", "cannot read the rule") }
        return rule
    }

    /// One rule, and every independent mistake in it (unknown keys, a bad id, severity,
    /// kind, selector, option, message or stage, broken examples), sorted by position. The
    /// rule is nil when there is any. A part that depends on a broken one (the options of
    /// an unknown kind) is not checked.
    static func parseRuleReportingErrors(_ item: YAMLValue, catalogs: [String: Catalog]) -> (Rule?, [RuleFileError]) {
        var errors: [RuleFileError] = []
        func attempt<T>(_ body: () throws(RuleFileError) -> T) -> T? {
            do throws(RuleFileError) { return try body() } catch { errors.append(error); return nil }
        }
        // A mapping with an unknown key reports that key; what its owner then lacks (a
        // missing key, "count needs min or max") follows from it and is not reported again.
        var explained = Set<SourcePosition>(), keyErrors: [RuleFileError] = []
        func sorted() -> [RuleFileError] {
            (keyErrors + errors.filter { !explained.contains($0.position) })
                .sorted { ($0.line, $0.column, $0.messageEn) < ($1.line, $1.column, $1.messageEn) }
        }
        var unknownKeys: [RuleFileError] = []
        guard let map = attempt({ () throws(RuleFileError) in
            try item.mapping(allowed: ruleKeys, what: "rule", errors: &unknownKeys)
        }) else { return (nil, errors) }
        keyErrors += unknownKeys
        if !unknownKeys.isEmpty { explained.insert(item.position) }
        let idValue = attempt { () throws(RuleFileError) in try map.required("id") }
        let id = idValue.flatMap { idValue in
            attempt { () throws(RuleFileError) -> String in
                let id = try idValue.string("id")
                guard isRuleId(id) else {
                    throw idValue.error("id「\(id)」は英小文字・数字・ハイフンで書いてください",
                                        "id '\(id)' must be lower-case letters, digits and hyphens")
                }
                return id
            }
        }
        let severity = attempt { () throws(RuleFileError) -> Severity in
            let severityValue = try map.required("severity")
            guard let severity = Severity(rawValue: try severityValue.string("severity")) else {
                throw severityValue.error("severity は error, warning, info のいずれかです",
                                          "severity must be one of error, warning, info")
            }
            return severity
        }
        let kindValue = attempt { () throws(RuleFileError) in try map.required("kind") }
        let kind = kindValue.flatMap { kindValue in
            attempt { () throws(RuleFileError) -> any Check.Type in
                let kindName = try kindValue.string("kind")
                guard let kind = CheckKinds.all.first(where: { $0.name == kindName }) else {
                    throw kindValue.error("未知の kind「\(kindName)」です。使える kind: \(CheckKinds.names.joined(separator: ", "))",
                                          "unknown kind '\(kindName)'; known kinds: \(CheckKinds.names.joined(separator: ", "))")
                }
                return kind
            }
        }
        var selectors: [Selector] = [], targets: [Selector.SchemaTarget] = [], selectorsOK = true
        if let items = attempt({ () throws(RuleFileError) in try map.required("selector").strings("selector") }) {
            for (source, value) in items {
                do {
                    let selector = try Selector(source)
                    targets += try selector.resolve().map { target in
                        var located = target
                        located.selector = source
                        located.position = value.position
                        return located
                    }
                    selectors.append(selector)
                } catch {
                    errors.append(value.error(error.message, error.messageEn))
                    selectorsOK = false
                }
            }
        } else {
            selectorsOK = false
        }
        // The options are checked against the kind and the selected fields: only when both are sound.
        var check: (any Check)?
        if let kind, let kindValue {
            let optionsValue = map["options"] ?? kindValue
            var optionErrors: [RuleFileError] = []
            let options = map["options"] == nil
                ? YAMLMapping(owner: kindValue, what: "options", entries: [])
                : attempt { () throws(RuleFileError) in
                    try optionsValue.mapping(allowed: kind.optionKeys, what: "options of kind \(kind.name)", errors: &optionErrors)
                }
            keyErrors += optionErrors
            if !optionErrors.isEmpty { explained.insert(optionsValue.position) }
            if let options, selectorsOK {
                check = attempt { () throws(RuleFileError) in
                    try kind.init(options: options, targets: targets,
                                  context: LoadContext(catalogs: catalogs, optionsValue: optionsValue))
                }
            }
        }
        let placeholderKind = kind ?? PatternCheck.self
        let message = attempt { () throws(RuleFileError) in try template(map.required("message"), kind: placeholderKind, known: kind != nil) }
        let messageEn = attempt { () throws(RuleFileError) in
            try template(map.required("message_en"), kind: placeholderKind, known: kind != nil)
        }
        let stages = attempt { () throws(RuleFileError) in
            try map["stages"].map { v throws(RuleFileError) in try Self.stages(v) } ?? SheetStage.allCases
        }
        // A built-in rule's examples (its file is the embedded text, whose examples the tests
        // decode and run) are decoded when first asked for: `parseRules` sets them.
        let examples = attempt { () throws(RuleFileError) -> ([RuleExample], [RuleExample]) in
            let value = try map.required("examples")
            return value.builtIn ? ([], []) : try RuleExampleParser.parse(value)
        }
        let summary = attempt { () throws(RuleFileError) in try map.required("summary").string("summary") }
        let description = attempt { () throws(RuleFileError) in try map.required("description").string("description") }
        let summaryJa = attempt { () throws(RuleFileError) in try map["summary_ja"]?.string("summary_ja") } ?? nil
        let descriptionJa = attempt { () throws(RuleFileError) in try map["description_ja"]?.string("description_ja") } ?? nil
        guard keyErrors.isEmpty, errors.isEmpty, let idValue, let id, let severity, let kindValue, let check, let message, let messageEn,
              let stages, let examples, let summary, let description,
              let kindName = try? kindValue.string("kind") else {
            return (nil, sorted())
        }
        return (Rule(id: id, severity: severity, summary: summary, description: description,
                     summaryJa: summaryJa, descriptionJa: descriptionJa,
                     message: message, messageEn: messageEn, selectors: selectors, stages: stages, kind: kindName,
                     options: Self.optionsText(map["options"]),
                     examples: RuleExamples(fail: examples.0, pass: examples.1), file: item.file, position: idValue.position,
                     check: check), [])
    }

    /// A rule's `options:` as YAML text (Yams' serialization of the node): at once, or for a
    /// built-in file's node (a table, immutable) when first asked for.
    static func optionsText(_ value: YAMLValue?) -> RuleOptionsText {
        guard let value else { return RuleOptionsText("") }
        guard let node = value.deferredNode else {
            return RuleOptionsText((try? Yams.serialize(node: value.node, allowUnicode: true)) ?? "")
        }
        return RuleOptionsText(makingOnFirstUse: { (try? Yams.serialize(node: node(), allowUnicode: true)) ?? "" })
    }

    /// True when `id` matches `^[a-z0-9]+(-[a-z0-9]+)*$` as NSRegularExpression (ICU) did
    /// here before: lower-case ASCII letters and digits in hyphen-separated runs. ICU's `$`
    /// also matches before one line terminator that ends the text, so such a terminator is
    /// still accepted. Checked on the scalars: compiling that expression for every rule was
    /// 3.6 M instructions of start-up.
    static func isRuleId(_ id: String) -> Bool {
        var scalars = Array(id.unicodeScalars)
        if scalars.count >= 2, scalars[scalars.count - 2] == "\r", scalars[scalars.count - 1] == "\n" {
            scalars.removeLast(2)
        } else if let last = scalars.last, [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains(last.value) {
            scalars.removeLast()
        }
        var previousWasHyphen = true  // also refuses a leading hyphen and the empty id
        for scalar in scalars {
            switch scalar {
            case "a"..."z", "0"..."9": previousWasHyphen = false
            case "-" where !previousWasHyphen: previousWasHyphen = true
            default: return false
            }
        }
        return !previousWasHyphen
    }

    /// `stages:`: a stage or a non-empty list of distinct stages, returned in `SheetStage` order.
    static func stages(_ value: YAMLValue) throws(RuleFileError) -> [SheetStage] {
        var stages: [SheetStage] = []
        for (_, item) in try value.strings("stages") {
            let stage = try Self.stage(item, what: "stages")
            guard !stages.contains(stage) else {
                throw item.error("stages に「\(stage.rawValue)」が重複しています", "stages lists '\(stage.rawValue)' twice")
            }
            stages.append(stage)
        }
        guard !stages.isEmpty else {
            throw value.error("stages には plan か review を 1 つ以上書いてください（省略するとすべての段階）",
                              "stages needs at least one of plan, review (leave it out for every stage)")
        }
        return stages.sorted()
    }

    /// One stage word: `plan` or `review`.
    static func stage(_ value: YAMLValue, what: String) throws(RuleFileError) -> SheetStage {
        let word = try value.string(what)
        guard let stage = SheetStage(rawValue: word) else {
            throw value.error("\(what) の「\(word)」は使えません。使える値: plan（当初設定）, review（振り返り）",
                              "unknown \(what) '\(word)'; allowed values: plan (goal-setting), review (year-end review)")
        }
        return stage
    }

    /// A message template; its placeholders are checked against `kind`'s when the kind is
    /// `known` (with an unknown kind, only the syntax is checked).
    private static func template(_ value: YAMLValue, kind: any Check.Type, known kindKnown: Bool = true) throws(RuleFileError) -> MessageTemplate {
        let source = try value.string("message")
        let t: MessageTemplate
        do { t = try MessageTemplate(source) } catch { throw value.error(error.message, error.messageEn) }
        guard kindKnown else { return t }
        // The names are few: looked up in the lists (a set built per template was 0.35 M at
        // start-up), the set made only for the message.
        let kindNames = kind.placeholders
        if let bad = t.placeholders.first(where: { name in
            !CommonPlaceholder.all.contains { $0.name == name } && !kindNames.contains(name)
        }) {
            let known = Set(CommonPlaceholder.all.map(\.name) + kindNames)
            throw value.error("未知のプレースホルダ {\(bad)} です。使えるもの: \(known.sorted().joined(separator: ", "))",
                              "unknown placeholder {\(bad)}; available: \(known.sorted().joined(separator: ", "))")
        }
        return t
    }
}
