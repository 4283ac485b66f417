import SheetModel

/// `date`: dates that cannot exist: month 0 or 13+ (`13月`), a day past the month's end
/// (`4月31日`, `4/31`, `2023/2/29`), era year 0 (`令和0年`). February 29 is accepted when
/// no year is written.
struct DateCheck: Check {
    static let name = "date"
    static let optionKeys = ["eras"]
    static let placeholders = ["match", "reason"]

    let eras: Eras
    let eraZero: TextPattern
    /// Stands in for all five expressions when the era names allow (`DateScanner`).
    let scanner: DateScanner?
    /// The era names as bytes, when a text as written tells whether its normalized copy
    /// holds one (`EraNameBytes`).
    let eraNames: EraNameBytes?
    // Compiled when first needed: the scanner stands in for them on texts within the BMP
    // (`DeferredPatternTests` compiles them).
    static let yearMonthDay = TextPattern(compilingOnFirstUse: "(?<![\\d/])(\\d{4})\\s*[/年]\\s*(\\d{1,2})\\s*[/月]\\s*(\\d{1,2})(?![\\d/])")
    static let monthDay = TextPattern(compilingOnFirstUse: "(?<![\\d/])(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日")
    static let slashMonthDay = TextPattern(compilingOnFirstUse: "(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?![\\d/])")
    static let month = TextPattern(compilingOnFirstUse: "(?<![\\d/.])(\\d{1,2})\\s*月(?!\\s*\\d{1,2}\\s*日)")

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        eras = try Eras(options)
        scanner = DateScanner(eras: eras.list.map(\.name))
        eraNames = scanner == nil ? nil : EraNameBytes(eras.list.map(\.name))
        if scanner != nil {
            // Plain names (see `EraYearCheck`): the expression compiles, and is needed only
            // for texts beyond the BMP.
            eraZero = TextPattern(compilingOnFirstUse: Self.eraZeroSource(eras))
        } else {
            do {
                eraZero = try TextPattern(Self.eraZeroSource(eras))
            } catch {
                throw context.optionsValue.error("eras の名前が正規表現として使えません", "era names do not form a valid expression")
            }
        }
    }

    /// The expression for an era year 0 with `eras`.
    static func eraZeroSource(_ eras: Eras) -> String { "(\(eras.alternation))\\s*0+\\s*年" }

    static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let y = year else { return 29 }
            return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Why `month`/`day` cannot be a date; nil when they can.
    static func problem(month: Int, day: Int?, year: Int?) -> (String, String)? {
        guard (1...12).contains(month) else { return ("\(month)月という月はありません", "there is no month \(month)") }
        guard let day else { return nil }
        let last = daysIn(month: month, year: year)
        guard (1...last).contains(day) else {
            return ("\(month)月に\(day)日はありません", "month \(month) has no day \(day)")
        }
        return nil
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        // Each expression's matches: from the scanner when there is one (it finds exactly
        // what the expression finds), else from the engine; in the order the expressions
        // run (the engine may spend the rule's budget on one of them).
        let (eraZero, yearMonthDay, monthDay, slashMonthDay, month) =
            (self.eraZero, Self.yearMonthDay, Self.monthDay, Self.slashMonthDay, Self.month)
        guard let scanner else {
            return normalizedLeaves(matches, context).flatMap { leaf, text, written in
                findings(leaf, text, written, context, eraZero: eraZero.matchRanges(in: text),
                         yearMonthDay: yearMonthDay.matchRanges(in: text), monthDay: monthDay.matchRanges(in: text),
                         slashMonthDay: slashMonthDay.matchRanges(in: text), month: month.matchRanges(in: text))
            }
        }
        let budget = RegexBudget.current
        let eraNames = self.eraNames
        // Every expression needs `/`, `月` or `年` (`／` folds to `/`).
        let leaves = dateLeaves(matches, context) { facts, _ in !facts.isDisjoint(with: [.slash, .month, .year]) }
        return leaves.flatMap { leaf, text, written, facts -> [Finding] in
            if facts.contains(.beyondBMP) {
                return findings(leaf, text, written, context,
                                eraZero: scanner.matches(eraZero, DateScanner.eraZero, in: text, budget: budget),
                                yearMonthDay: scanner.matches(yearMonthDay, DateScanner.yearMonthDay, in: text, budget: budget),
                                monthDay: scanner.matches(monthDay, DateScanner.monthDay, in: text, budget: budget),
                                slashMonthDay: scanner.matches(slashMonthDay, DateScanner.slashMonthDay, in: text, budget: budget),
                                month: scanner.matches(month, DateScanner.month, in: text, budget: budget))
            }
            // Within the BMP the scanner finds exactly what each expression finds, spending no
            // budget: an expression is scanned for only when the text holds what it needs
            // (`DateFacts`; era names as written, `EraNameBytes`), the scanner finding nothing
            // else. `[/年]…[/月]` needs a slash or both 年 and 月.
            if let budget, budget.isSpent { return [] }
            let units = text.units
            let (slash, hasMonth, hasYear) = (facts.contains(.slash), facts.contains(.month), facts.contains(.year))
            let era = hasYear && (eraNames?.occur(in: written.string) ?? true)
            return findings(leaf, text, written, context,
                            eraZero: era ? scanner.eraZero(units) : [],
                            yearMonthDay: slash || (hasYear && hasMonth) ? scanner.yearMonthDay(units) : [],
                            monthDay: hasMonth ? scanner.monthDay(units) : [],
                            slashMonthDay: slash ? scanner.slashMonthDay(units) : [],
                            month: hasMonth ? scanner.month(units) : [])
        }
    }

    /// The findings in one text from the matches of the five expressions.
    private func findings(_ leaf: Match, _ text: MatchText, _ written: MatchText, _ context: EvaluationContext,
                          eraZero: [[Range<Int>?]], yearMonthDay: [[Range<Int>?]], monthDay: [[Range<Int>?]],
                          slashMonthDay: [[Range<Int>?]], month: [[Range<Int>?]]) -> [Finding] {
        if eraZero.isEmpty && yearMonthDay.isEmpty && monthDay.isEmpty && slashMonthDay.isEmpty && month.isEmpty { return [] }
        // What each expression found wrong, in the order the expressions run: the range
        // of the whole match and the reason. Months and days are read as numbers straight
        // from the units (digits other than ASCII by their value: `Int(_:)` gave nil there,
        // and unwrapping it crashed); only a match that is reported is made into a string.
        var found: [(Range<Int>, (String, String))] = []
        func value(_ group: Range<Int>?) -> Int? { group.flatMap(text.digitsValue) }
        for m in eraZero {
            guard let whole = m[0] else { continue }
            found.append((whole, ("元号の0年はありません（初年は元年）", "era year 0 does not exist (the first year is 元年)")))
        }
        for m in yearMonthDay {
            guard let whole = m[0], let month = value(m[2]), let day = value(m[3]) else { continue }
            // The year as `Int(_:)` reads it: nil (any February 29 then passes) for digits other than ASCII.
            let year = m[1].flatMap { Eras.asciiValue(text.units, $0) }
            if let p = Self.problem(month: month, day: day, year: year) { found.append((whole, p)) }
        }
        for m in monthDay + slashMonthDay {
            guard let whole = m[0], let month = value(m[1]), let day = value(m[2]) else { continue }
            if let p = Self.problem(month: month, day: day, year: nil) { found.append((whole, p)) }
        }
        for m in month {
            guard let whole = m[0], let month = value(m[1]) else { continue }
            if let p = Self.problem(month: month, day: nil, year: nil) { found.append((whole, p)) }
        }
        var reasons = Set<String>()
        // A date read by two expressions (2023年4月31日 and 4月31日) is reported once.
        return found.filter { reasons.insert($0.1.0).inserted }.map { range, reason in
            context.finding(leaf, ["match": writtenMatch(range, text, written), "reason": reason.0],
                            en: ["reason": reason.1], focus: range)
        }
    }
}
