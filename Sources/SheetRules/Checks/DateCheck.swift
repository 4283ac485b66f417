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
    static let yearMonthDay = try! TextPattern("(?<![\\d/])(\\d{4})\\s*[/年]\\s*(\\d{1,2})\\s*[/月]\\s*(\\d{1,2})(?![\\d/])")
    static let monthDay = try! TextPattern("(?<![\\d/])(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日")
    static let slashMonthDay = try! TextPattern("(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?![\\d/])")
    static let month = try! TextPattern("(?<![\\d/.])(\\d{1,2})\\s*月(?!\\s*\\d{1,2}\\s*日)")

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        eras = try Eras(options)
        scanner = DateScanner(eras: eras.list.map(\.name))
        do {
            eraZero = try TextPattern(Self.eraZeroSource(eras))
        } catch {
            throw context.optionsValue.error("eras の名前が正規表現として使えません", "era names do not form a valid expression")
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
        // what the expression finds), else from the engine.
        typealias Scan = (DateScanner) -> ([UInt16]) -> [[Range<Int>?]]
        let budget = RegexBudget.current
        func find(_ pattern: TextPattern, _ scan: Scan, _ text: MatchText) -> [[Range<Int>?]] {
            scanner.map { $0.matches(pattern, scan, in: text, budget: budget) } ?? pattern.matchRanges(in: text)
        }
        let (eraZero, yearMonthDay, month) = (self.eraZero, Self.yearMonthDay, Self.month)
        let dayPatterns: [(TextPattern, Scan)] = [(Self.monthDay, DateScanner.monthDay), (Self.slashMonthDay, DateScanner.slashMonthDay)]
        return normalizedLeaves(matches, context, withDigitsOnly: scanner != nil).flatMap { leaf, text, written -> [Finding] in
            // What each expression found wrong, in the order the expressions run: the range
            // of the whole match and the reason. Months and days are read as numbers straight
            // from the units (digits other than ASCII by their value: `Int(_:)` gave nil there,
            // and unwrapping it crashed); only a match that is reported is made into a string.
            var found: [(Range<Int>, (String, String))] = []
            func value(_ group: Range<Int>?) -> Int? { group.flatMap(text.digitsValue) }
            for m in find(eraZero, DateScanner.eraZero, text) {
                guard let whole = m[0] else { continue }
                found.append((whole, ("元号の0年はありません（初年は元年）", "era year 0 does not exist (the first year is 元年)")))
            }
            for m in find(yearMonthDay, DateScanner.yearMonthDay, text) {
                guard let whole = m[0], let month = value(m[2]), let day = value(m[3]) else { continue }
                // The year as `Int(_:)` reads it: nil (any February 29 then passes) for digits other than ASCII.
                let year = m[1].flatMap { Int(text.substring($0)) }
                if let p = Self.problem(month: month, day: day, year: year) { found.append((whole, p)) }
            }
            for (pattern, scan) in dayPatterns {
                for m in find(pattern, scan, text) {
                    guard let whole = m[0], let month = value(m[1]), let day = value(m[2]) else { continue }
                    if let p = Self.problem(month: month, day: day, year: nil) { found.append((whole, p)) }
                }
            }
            for m in find(month, DateScanner.month, text) {
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
}
