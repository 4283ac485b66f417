import SheetModel

/// The Japanese eras a date check knows, from the rule's `eras` option or the default
/// 令和 (2019–) and 平成 (1989–2019).
struct Eras {
    let list: [(name: String, firstYear: Int)]
    static let standard = Eras(list: [("令和", 2019), ("平成", 1989)])

    init(list: [(name: String, firstYear: Int)]) { self.list = list }

    init(_ options: YAMLMapping) throws(RuleFileError) {
        guard let value = options["eras"] else {
            self = .standard
            return
        }
        var list: [(String, Int)] = []
        for item in try value.sequence("eras") {
            let m = try item.mapping(allowed: ["name", "first_year"], what: "eras")
            list.append((try m.required("name").string("name"), try m.required("first_year").int("first_year")))
        }
        self.list = list
    }

    /// `令和|平成`, for building expressions.
    var alternation: String { list.map(\.name).joined(separator: "|") }

    /// The western year of era year `n` (`元` is 1); nil for an unknown era.
    func western(_ era: String, _ n: String) -> Int? {
        guard let first = list.first(where: { $0.name == era })?.firstYear else { return nil }
        let year = n == "元" ? 1 : Int(n) ?? 0
        return first + year - 1
    }
}

/// The text leaves of the matches, once each: normalized (width, dashes, tildes) for
/// matching, and as written for quoting in messages. The normalized text of a leaf is
/// worked out once per sheet for all rules (`SheetTexts`).
func normalizedLeaves(_ matches: [Match], _ context: EvaluationContext) -> [(Match, String, String)] {
    Match.uniqueTextLeaves(matches).compactMap { leaf in
        guard let t = leaf.text, !t.isEmpty else { return nil }
        return (leaf, context.texts.normalized(leaf, t), t)
    }
}

/// `era-year`: an era year written beside a western year must be the same year:
/// `令和4年度(2022年度)` is right, `令和6年度(2025年度)` is not (令和N = 2018+N, 令和元 =
/// 2019, 平成N = 1988+N). Both orders are read: `2022年(令和4年)` too.
struct EraYearCheck: Check {
    static let name = "era-year"
    static let optionKeys = ["eras"]
    static let placeholders = ["match", "expected"]

    let eras: Eras
    let eraFirst: TextPattern
    let westernFirst: TextPattern

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        eras = try Eras(options)
        let era = "(\(eras.alternation))\\s*(元|\\d{1,2})\\s*年度?"
        do {
            eraFirst = try TextPattern("\(era)\\s*\\(\\s*(\\d{4})\\s*(?:年度?)?\\s*\\)")
            westernFirst = try TextPattern("(\\d{4})\\s*年度?\\s*\\(\\s*\(era)\\s*\\)")
        } catch {
            throw context.optionsValue.error("eras の名前が正規表現として使えません", "era names do not form a valid expression")
        }
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        normalizedLeaves(matches, context).flatMap { leaf, text, written -> [Finding] in
            let a = eraFirst.allMatchesWithRange(in: text, writtenAs: written).map { m in
                (m.groups[0], m.groups[1], m.groups[2], m.groups[3], m.range)
            }
            let b = westernFirst.allMatchesWithRange(in: text, writtenAs: written).map { m in
                (m.groups[0], m.groups[2], m.groups[3], m.groups[1], m.range)
            }
            return (a + b).compactMap { whole, era, n, western, range in
                guard let era, let n, let western, let year = Int(western),
                      let expected = eras.western(era, n), expected != year, n != "0" else { return nil }
                return context.finding(leaf, ["match": whole ?? "", "expected": String(expected)], focus: range)
            }
        }
    }
}
