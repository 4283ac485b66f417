import SheetModel

/// `sequence`: the numbered elements of each selected array run start, start+1, … with no
/// gap and no repeat ((1)(2)(3), ①②③, goal No 1 2 3). Unnumbered elements are skipped.
/// One finding per element that breaks the run; after a gap the run continues from it.
struct SequenceCheck: Check {
    static let name = "sequence"
    static let optionKeys = ["key", "start"]
    static let placeholders = ["expected", "problem"]

    let key: String
    let start: Int

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        try options.requireTargets(targets, "arrays", shapeJa: "配列") { $0.isArray }
        let element = targets.map { target -> ModelSchema in
            if case .array(let e) = target.schema { return e }
            return target.schema
        }
        let key = try options["key"]?.string("key") ?? "number"
        self.key = key
        if let bad = element.first(where: { $0.member(key)?.schema != .scalar(.int) }) {
            throw (options["key"] ?? context.optionsValue).error(
                "配列の要素に整数のキー「\(key)」がありません（\(bad.shapeName)）",
                "the array elements have no integer key '\(key)' (\(bad.shapeName))")
        }
        start = try options["start"]?.int("start") ?? 1
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        matches.flatMap { array -> [Finding] in
            var expected = start
            var out: [Finding] = []
            for element in array.elements {
                guard let n = element[key]?.int else { continue }
                if n == expected {
                    expected += 1
                    continue
                }
                let repeated = n < expected
                // Past the rule's finding cap every further finding is dropped: stop here.
                if FindingCap.current?.isSpent == true { return out }
                out.append(context.finding(
                    element,
                    ["expected": String(expected), "problem": repeated ? "番号が重複または逆行しています" : "番号が飛んでいます"],
                    en: ["problem": repeated ? "repeats or goes back" : "skips a number"]))
                if !repeated { expected = n + 1 }
            }
            return out
        }
    }
}

/// `unique`: within each selected array, no two elements share a key (the first of `key`
/// that an element has, compared after normalization). Reports each later duplicate.
struct UniqueCheck: Check {
    static let name = "unique"
    static let optionKeys = ["key", "normalize"]
    static let placeholders = ["key"]

    let keys: [String]
    let normalize: Bool

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        try options.requireTargets(targets, "arrays", shapeJa: "配列") { $0.isArray }
        keys = try options["key"]?.strings("key").map(\.0) ?? []
        normalize = try options["normalize"]?.bool("normalize") ?? true
        for target in targets {
            guard case .array(let element) = target.schema, !keys.isEmpty else { continue }
            if !keys.contains(where: { element.member($0) != nil }) {
                throw (options["key"] ?? context.optionsValue).error(
                    "\(target.path) の要素にキー \(keys.joined(separator: ", ")) のどれもありません",
                    "elements of \(target.path) have none of the keys \(keys.joined(separator: ", "))")
            }
        }
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        matches.flatMap { array -> [Finding] in
            var seen = Set<String>()
            return array.elements.compactMap { element in
                let node = keys.isEmpty ? element : keys.lazy.compactMap { element[$0] }.first { $0.text != nil }
                guard let raw = node?.text, !raw.isEmpty else { return nil }
                let k = normalize ? TextNormalization.normalize(raw) : raw
                return seen.insert(k).inserted ? nil : context.finding(element, ["key": raw])
            }
        }
    }
}
