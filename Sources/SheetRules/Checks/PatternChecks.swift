import SheetModel

/// Options shared by the text-matching kinds.
struct TextOptions {
    static let keys = ["normalize", "except"]
    let normalize: Bool
    let except: TextPattern?

    init(_ options: YAMLMapping, targets: [Selector.SchemaTarget]) throws(RuleFileError) {
        try options.requireTargets(targets, "text or number fields", shapeJa: "文字列か数値の項目") { $0.isScalar }
        normalize = try options["normalize"]?.bool("normalize") ?? true
        except = try options["except"]?.pattern("except")
    }

    /// The text to check, or nil when the node has none or `except` exempts it.
    func text(_ match: Match) -> String? {
        guard let t = checkedText(match, normalize: normalize), !t.isEmpty else { return nil }
        if let except, except.matches(t) { return nil }
        return t
    }
}

/// `pattern`: reports a text field that matches `pattern` (a forbidden form).
struct PatternCheck: Check {
    static let name = "pattern"
    static let optionKeys = ["pattern"] + TextOptions.keys
    static let placeholders = ["match"]

    let pattern: TextPattern
    let text: TextOptions

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        text = try TextOptions(options, targets: targets)
        pattern = try options.required("pattern").pattern("pattern")
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        matches.compactMap { match in
            guard let t = text.text(match), let m = pattern.firstMatch(in: t) else { return nil }
            return context.finding(match, ["match": m[0] ?? ""])
        }
    }
}

/// `not-pattern`: reports a text field that does not match `pattern` (a required form).
/// `suggest` rewrites the value into a suggestion when one of its patterns matches:
/// `replace` takes `$N` for group N and `${circled:N}` for group N as a circled number.
struct NotPatternCheck: Check {
    static let name = "not-pattern"
    static let optionKeys = ["pattern", "suggest"] + TextOptions.keys
    static let placeholders = ["suggestion"]

    let pattern: TextPattern
    let text: TextOptions
    let suggestions: [(TextPattern, String)]

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        text = try TextOptions(options, targets: targets)
        pattern = try options.required("pattern").pattern("pattern")
        var s: [(TextPattern, String)] = []
        for item in try options["suggest"]?.sequence("suggest") ?? [] {
            let m = try item.mapping(allowed: ["pattern", "replace"], what: "suggest")
            s.append((try m.required("pattern").pattern("suggest.pattern"), try m.required("replace").string("replace")))
        }
        suggestions = s
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        matches.compactMap { match in
            guard let t = text.text(match), !pattern.matches(t) else { return nil }
            return context.finding(match, ["suggestion": suggestion(for: t) ?? ""])
        }
    }

    func suggestion(for t: String) -> String? {
        for (p, template) in suggestions {
            guard let groups = p.firstMatch(in: t) else { continue }
            return Self.expand(template, groups)
        }
        return nil
    }

    /// `$N` → group N, `${circled:N}` → group N as ①…; nil when a circled group is not 1–50.
    static func expand(_ template: String, _ groups: [String?]) -> String? {
        var out = "", rest = Substring(template)
        while let c = rest.first {
            if rest.hasPrefix("${circled:"), let close = rest.firstIndex(of: "}") {
                let n = Int(rest[rest.index(rest.startIndex, offsetBy: 10)..<close]) ?? -1
                guard n >= 0, n < groups.count, let g = groups[n], let v = Int(g),
                      let circled = TextNormalization.circled(v) else { return nil }
                out += circled
                rest = rest[rest.index(after: close)...]
            } else if c == "$", let d = rest.dropFirst().first, let n = d.wholeNumberValue {
                out += n < groups.count ? (groups[n] ?? "") : ""
                rest = rest.dropFirst(2)
            } else {
                out.append(c)
                rest = rest.dropFirst()
            }
        }
        return out
    }
}

/// `enumeration`: the text must be one of `values` (compared after normalization).
struct EnumerationCheck: Check {
    static let name = "enumeration"
    static let optionKeys = ["values"] + TextOptions.keys
    static let placeholders = ["expected"]

    let values: [String]
    let text: TextOptions

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        text = try TextOptions(options, targets: targets)
        values = try options.required("values").strings("values").map(\.0)
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        let allowed = Set(values.map { text.normalize ? TextNormalization.normalize($0) : $0 })
        return matches.compactMap { match in
            guard let t = text.text(match), !allowed.contains(t) else { return nil }
            return context.finding(match, ["expected": values.joined(separator: ", ")])
        }
    }
}
