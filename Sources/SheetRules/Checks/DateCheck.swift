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
    static let yearMonthDay = try! TextPattern("(?<![\\d/])(\\d{4})\\s*[/年]\\s*(\\d{1,2})\\s*[/月]\\s*(\\d{1,2})(?![\\d/])")
    static let monthDay = try! TextPattern("(?<![\\d/])(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日")
    static let slashMonthDay = try! TextPattern("(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?![\\d/])")
    static let month = try! TextPattern("(?<![\\d/.])(\\d{1,2})\\s*月(?!\\s*\\d{1,2}\\s*日)")

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        eras = try Eras(options)
        do {
            eraZero = try TextPattern("(\(eras.alternation))\\s*0+\\s*年")
        } catch {
            throw context.optionsValue.error("eras の名前が正規表現として使えません", "era names do not form a valid expression")
        }
    }

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
        normalizedLeaves(matches, context).flatMap { leaf, text, written -> [Finding] in
            var found: [(String, (String, String), Range<Int>)] = []
            for (m, r) in eraZero.allMatchesWithRange(in: text, writtenAs: written) {
                found.append((m[0] ?? "", ("元号の0年はありません（初年は元年）", "era year 0 does not exist (the first year is 元年)"), r))
            }
            for (m, r) in Self.yearMonthDay.allMatchesWithRange(in: text, writtenAs: written) {
                if let p = Self.problem(month: Int(m[2]!)!, day: Int(m[3]!)!, year: Int(m[1]!)) { found.append((m[0]!, p, r)) }
            }
            for pattern in [Self.monthDay, Self.slashMonthDay] {
                for (m, r) in pattern.allMatchesWithRange(in: text, writtenAs: written) {
                    if let p = Self.problem(month: Int(m[1]!)!, day: Int(m[2]!)!, year: nil) { found.append((m[0]!, p, r)) }
                }
            }
            for (m, r) in Self.month.allMatchesWithRange(in: text, writtenAs: written) {
                if let p = Self.problem(month: Int(m[1]!)!, day: nil, year: nil) { found.append((m[0]!, p, r)) }
            }
            var reasons = Set<String>()
            // A date read by two expressions (2023年4月31日 and 4月31日) is reported once.
            return found.filter { reasons.insert($0.1.0).inserted }.map { match, reason, range in
                context.finding(leaf, ["match": match, "reason": reason.0], en: ["reason": reason.1], focus: range)
            }
        }
    }
}
