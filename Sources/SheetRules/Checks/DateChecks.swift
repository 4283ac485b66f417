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
/// matching, and as written for quoting in messages. The texts of a leaf are worked out
/// once per sheet for all rules (`SheetTexts`).
///
/// `withDigitsOnly`: leave out the texts without a decimal digit, before normalizing them
/// (the date and era expressions all need one, and normalization neither makes nor removes
/// a digit: it folds full-width digits to ASCII ones and nothing else to a digit).
func normalizedLeaves(_ matches: [Match], _ context: EvaluationContext,
                      withDigitsOnly: Bool = false) -> [(leaf: Match, text: MatchText, written: MatchText)] {
    Match.uniqueTextLeaves(matches).compactMap { leaf in
        guard let t = leaf.text, !t.isEmpty else { return nil }
        let written = context.texts.written(leaf, t)
        if withDigitsOnly && !written.mayHoldDigit { return nil }
        return (leaf, context.texts.normalized(leaf, t), written)
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

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        eras = try Eras(options)
        scanner = DateScanner(eras: eras.list.map(\.name))
        do {
            let sources = Self.sources(eras)
            eraFirst = try TextPattern(sources.eraFirst)
            westernFirst = try TextPattern(sources.westernFirst)
        } catch {
            throw context.optionsValue.error("eras の名前が正規表現として使えません", "era names do not form a valid expression")
        }
    }

    /// The two expressions with `eras`: the era year first, and the western year first.
    static func sources(_ eras: Eras) -> (eraFirst: String, westernFirst: String) {
        let era = "(\(eras.alternation))\\s*(元|\\d{1,2})\\s*年度?"
        return ("\(era)\\s*\\(\\s*(\\d{4})\\s*(?:年度?)?\\s*\\)", "(\\d{4})\\s*年度?\\s*\\(\\s*\(era)\\s*\\)")
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        let budget = RegexBudget.current
        // With the scanner, texts without a digit are passed over unnormalized (the engine
        // would find nothing in them either, but would still spend budget on them).
        return normalizedLeaves(matches, context, withDigitsOnly: scanner != nil).flatMap { leaf, text, written -> [Finding] in
            // Groups: 1 era, 2 era year, 3 western year (eraFirst); 1 western, 2 era, 3 year (westernFirst).
            let (first, second) = scanner.map {
                ($0.matches(eraFirst, DateScanner.eraFirst, in: text, budget: budget),
                 $0.matches(westernFirst, DateScanner.westernFirst, in: text, budget: budget))
            } ?? (eraFirst.matchRanges(in: text), westernFirst.matchRanges(in: text))
            let a = first.map { ($0[0], $0[1], $0[2], $0[3]) }
            let b = second.map { ($0[0], $0[2], $0[3], $0[1]) }
            return (a + b).compactMap { whole, era, n, western -> Finding? in
                guard let era, let n, let western, let year = Int(text.substring(western)) else { return nil }
                let eraName = text.substring(era), eraYear = text.substring(n)
                guard let expected = eras.western(eraName, eraYear), expected != year, eraYear != "0" else { return nil }
                let quoted = whole.map { writtenMatch($0, text, written) } ?? ""
                return context.finding(leaf, ["match": quoted, "expected": String(expected)], focus: whole)
            }
        }
    }
}
