import SheetModel

/// The Japanese eras a date check knows, from the rule's `eras` option or the default
/// 令和 (2019–) and 平成 (1989–2019).
struct Eras {
    let list: [(name: String, firstYear: Int)]
    static let standard = Eras(list: [("令和", 2019), ("平成", 1989)])
    /// Each name's UTF-16 units, and the first year `western` gives for it: that of the first
    /// name equal to it as a `String` (canonically equivalent), as `western` looks names up.
    private let units: [[UInt16]]
    private let firstYears: [Int]

    init(list: [(name: String, firstYear: Int)]) {
        self.list = list
        units = list.map { Array($0.name.utf16) }
        firstYears = list.map { entry in list.first(where: { $0.name == entry.name })!.firstYear }
    }

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
        self.init(list: list)
    }

    /// `令和|平成`, for building expressions.
    var alternation: String { list.map(\.name).joined(separator: "|") }

    /// The western year of era year `n` (`元` is 1); nil for an unknown era.
    func western(_ era: String, _ n: String) -> Int? {
        guard let first = list.first(where: { $0.name == era })?.firstYear else { return nil }
        let year = n == "元" ? 1 : Int(n) ?? 0
        return first + year - 1
    }

    /// `western(text.substring(era), text.substring(n))` and whether `n` is `0`, read from
    /// the units: an era group holds one of the names as written, a year group `元` or
    /// digits (only ASCII ones have a value, as for `Int(_:)`, else 0).
    func western(_ text: MatchText, era: Range<Int>, n: Range<Int>) -> (year: Int?, isZero: Bool) {
        let u = text.units
        let year: Int
        if n.count == 1 && u[n.lowerBound] == 0x5143 {
            year = 1
        } else {
            year = Self.asciiValue(u, n) ?? 0
        }
        let isZero = n.count == 1 && u[n.lowerBound] == 0x30
        for (i, name) in units.enumerated() where name.count == era.count && u[era].elementsEqual(name) {
            return (firstYears[i] + year - 1, isZero)
        }
        // Not a name unit for unit (the engine's matches): by name, as before.
        return (western(text.substring(era), text.substring(n)), isZero)
    }

    /// `Int(String(decoding: units[range], as: UTF16.self))` for a range of digits: the value
    /// when every unit is an ASCII digit (at most 18 of them), nil otherwise.
    static func asciiValue(_ units: [UInt16], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for i in range {
            let d = units[i] &- 0x30
            guard d <= 9 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }
}

/// The text leaves of the matches, once each: normalized (width, dashes, tildes) for
/// matching, and as written for quoting in messages. The texts of a leaf are worked out
/// once per sheet for all rules (`SheetTexts`).
///
/// `admits`: leave out the texts (as written) it rejects, before normalizing them.
func normalizedLeaves(_ matches: [Match], _ context: EvaluationContext,
                      admitting admits: ((Match, String) -> Bool)? = nil) -> [(leaf: Match, text: MatchText, written: MatchText)] {
    Match.uniqueTextLeaves(matches).compactMap { leaf in
        guard let t = leaf.text, !t.isEmpty else { return nil }
        if let admits, !admits(leaf, t) { return nil }
        return (leaf, context.texts.normalized(leaf, t), context.texts.written(leaf, t))
    }
}

/// The text leaves of the matches that the date and era expressions of a check might
/// match, once each, with their `DateFacts`: every expression needs a digit, and `admits`
/// says whether the text as written holds what else the check's expressions need (in the
/// forms `DateFacts` reads). A text beyond the BMP always goes on, to the engine, as before.
/// Normalization neither makes nor removes a digit (it folds full-width digits to ASCII
/// ones and nothing else to a digit), nor any character `DateFacts` reads.
func dateLeaves(_ matches: [Match], _ context: EvaluationContext, admitting admits: (DateFacts, String) -> Bool)
    -> [(leaf: Match, text: MatchText, written: MatchText, facts: DateFacts)] {
    let texts = context.texts
    // The leaves with a digit (or beyond the BMP) are found once per sheet for the rules
    // that select the same nodes (era-year and date both select `**`).
    return texts.dateCandidates(matches).compactMap { leaf, t, facts in
        guard facts.contains(.beyondBMP) || admits(facts, t) else { return nil }
        return (leaf, texts.normalized(leaf, t), texts.written(leaf, t), facts)
    }
}

/// The text of group 0 of a match found in `text` (a normalized copy of `written`), as
/// written when the range lies within it (normalization keeps UTF-16 lengths: see
/// `TextPattern.allMatches(in:writtenAs:)`).
func writtenMatch(_ range: Range<Int>, _ text: MatchText, _ written: MatchText) -> String {
    range.upperBound <= written.utf16Count ? written.substring(range) : text.substring(range)
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
    /// Stands in for both expressions when the era names allow (`DateScanner`).
    let scanner: DateScanner?
    /// The era names as bytes, when a text as written tells whether its normalized copy
    /// holds one (`EraNameBytes`).
    let eraNames: EraNameBytes?

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        eras = try Eras(options)
        scanner = DateScanner(eras: eras.list.map(\.name))
        eraNames = scanner == nil ? nil : EraNameBytes(eras.list.map(\.name))
        let sources = Self.sources(eras)
        if scanner != nil {
            // Names of letters only (what the scanner requires) are plain text in the
            // expressions, which then compile; the engine is needed only for texts beyond
            // the BMP, so it is compiled when one comes (ICU's compilation of these two cost
            // 8 M instructions at every start).
            eraFirst = TextPattern(compilingOnFirstUse: sources.eraFirst)
            westernFirst = TextPattern(compilingOnFirstUse: sources.westernFirst)
        } else {
            do {
                eraFirst = try TextPattern(sources.eraFirst)
                westernFirst = try TextPattern(sources.westernFirst)
            } catch {
                throw context.optionsValue.error("eras の名前が正規表現として使えません", "era names do not form a valid expression")
            }
        }
    }

    /// The two expressions with `eras`: the era year first, and the western year first.
    static func sources(_ eras: Eras) -> (eraFirst: String, westernFirst: String) {
        let era = "(\(eras.alternation))\\s*(元|\\d{1,2})\\s*年度?"
        return ("\(era)\\s*\\(\\s*(\\d{4})\\s*(?:年度?)?\\s*\\)", "(\\d{4})\\s*年度?\\s*\\(\\s*\(era)\\s*\\)")
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        guard let scanner else {
            return normalizedLeaves(matches, context).flatMap { leaf, text, written in
                findings(leaf, text, written, eraFirst.matchRanges(in: text), westernFirst.matchRanges(in: text), context)
            }
        }
        let budget = RegexBudget.current
        // Both expressions need a digit, 年, ( and ) and an era name: the other texts are
        // passed over unnormalized, as written (the engine would find nothing in them
        // either, but would still spend budget on them).
        let eraNames = self.eraNames
        let leaves = dateLeaves(matches, context) { facts, t in
            facts.isSuperset(of: [.year, .open, .close]) && (eraNames?.occur(in: t) ?? true)
        }
        return leaves.flatMap { leaf, text, written, facts in
            if facts.contains(.beyondBMP) {
                return findings(leaf, text, written, scanner.matches(eraFirst, DateScanner.eraFirst, in: text, budget: budget),
                                scanner.matches(westernFirst, DateScanner.westernFirst, in: text, budget: budget), context)
            }
            // Within the BMP the scanner finds exactly what the expressions find, spending no
            // budget.
            if let budget, budget.isSpent { return [] }
            let units = text.units
            return findings(leaf, text, written, scanner.eraFirst(units), scanner.westernFirst(units), context)
        }
    }

    /// The findings of the matches of the two expressions in one text. Groups: 1 era, 2 era
    /// year, 3 western year (`first`); 1 western, 2 era, 3 year (`second`). The numbers
    /// are read from the units; only a reported match is made into a string.
    private func findings(_ leaf: Match, _ text: MatchText, _ written: MatchText, _ first: [[Range<Int>?]],
                          _ second: [[Range<Int>?]], _ context: EvaluationContext) -> [Finding] {
        if first.isEmpty && second.isEmpty { return [] }
        let a = first.map { ($0[0], $0[1], $0[2], $0[3]) }
        let b = second.map { ($0[0], $0[2], $0[3], $0[1]) }
        return (a + b).compactMap { whole, era, n, western -> Finding? in
            guard let era, let n, let western, let year = Eras.asciiValue(text.units, western) else { return nil }
            let (expectedYear, isZero) = eras.western(text, era: era, n: n)
            guard let expected = expectedYear, expected != year, !isZero else { return nil }
            let quoted = whole.map { writtenMatch($0, text, written) } ?? ""
            return context.finding(leaf, ["match": quoted, "expected": String(expected)], focus: whole)
        }
    }
}
