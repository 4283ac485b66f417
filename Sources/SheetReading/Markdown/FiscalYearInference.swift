import SheetModel

/// Infers the fiscal year of a published sheet from its 年度 expressions.
///
/// The rule (documented in docs/sheet-format.md):
/// 1. a line before the first section that names a year (`令和4年度 部局長の目標設定シート`);
/// 2. else the earliest year named in the annual goals' plans (当年度目標, written at the
///    start of the year, mention this year and later ones, rarely earlier ones);
/// 3. else the earliest year named anywhere in the sheet;
/// 4. else unknown.
/// Years are read from `令和N年度` / `平成N年度` (元 = 1) and from `YYYY年度`.
enum FiscalYearInference {
    static func apply(to sheet: inout Sheet, lines: [Run]) {
        guard sheet.fiscalYear == nil else { return }
        // The first line naming a year before the first section (plain loops: the lazy
        // chains they replace cost more than the search).
        for line in lines {
            if SectionHeading.section(of: line.scalars) != nil { break }
            if let year = years(in: line.scalars).min() {
                sheet.fiscalYear = year
                sheet.fiscalYearSource = .field
                return
            }
        }
        // The earliest year of every text of the plans (items, sub-items, their schedules).
        var earliest: Int?
        func scan(_ text: String) {
            for year in years(in: text) where earliest.map({ year < $0 }) ?? true { earliest = year }
        }
        // Read in place through indices: a loop variable would copy each goal, item and
        // entry (retaining every string and array in it).
        let goals = sheet.annualGoals
        for g in goals.indices {
            let items = goals[g].plan.items
            for i in items.indices {
                scan(items[i].text)
                for s in items[i].subItems.indices { scan(items[i].subItems[s].text) }
                for e in items[i].schedule.indices {
                    scan(items[i].schedule[e].text)
                    scan(items[i].schedule[e].timing ?? "")
                }
                for s in items[i].subItems.indices {
                    for e in items[i].subItems[s].schedule.indices {
                        scan(items[i].subItems[s].schedule[e].text)
                        scan(items[i].subItems[s].schedule[e].timing ?? "")
                    }
                }
            }
        }
        if let year = earliest {
            sheet.fiscalYear = year
            sheet.fiscalYearSource = .inferred
            return
        }
        var least: Int?
        for line in lines {
            for year in years(in: line.scalars) where least.map({ year < $0 }) ?? true { least = year }
        }
        if let year = least {
            sheet.fiscalYear = year
            sheet.fiscalYearSource = .inferred
        }
    }

    /// Western fiscal years named in `text` by 令和N年度, 平成N年度 or YYYY年度.
    static func years(in text: String) -> [Int] {
        guard containsNen(text) else { return [] }
        // Decoded from the text's UTF-8 into folded scalars in one loop (copying the scalar
        // view into an array goes through its iterator, scalar by scalar).
        var text = text
        let folded = text.withUTF8 { bytes -> [Unicode.Scalar] in
            var out: [Unicode.Scalar] = []
            var i = 0
            let n = bytes.count
            while i < n {
                let b0 = UInt32(bytes[i])
                var v: UInt32
                if b0 < 0x80 {
                    v = b0
                    i += 1
                } else if b0 < 0xE0 {
                    v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b0 < 0xF0 {
                    v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                // A `String`'s UTF-8 is valid: every sequence is a scalar value.
                out.append(ScalarFolding.fold(Unicode.Scalar(v) ?? "\u{FFFD}"))
            }
            return out
        }
        return years(folded: folded)
    }

    /// Whether `text` holds 年 (U+5E74), looked for as its UTF-8 bytes E5 B9 B4 (a lead
    /// byte and two continuation bytes: found only where the scalar is).
    static func containsNen(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i + 2 < n {
                if bytes[i] == 0xE5, bytes[i + 1] == 0xB9, bytes[i + 2] == 0xB4 { return true }
                i += 1
            }
            return false
        }
    }

    /// The same over scalars, folding as it goes (no copy of a long line is made).
    static func years(in scalars: [Unicode.Scalar]) -> [Int] {
        years(in: scalars[...])
    }

    static func years(in scalars: ArraySlice<Unicode.Scalar>) -> [Int] {
        // Cheap exit: no 年 at all means no year expression.
        guard scalars.contains("年") else { return [] }
        return years(folded: scalars.map(ScalarFolding.fold))
    }

    private static func years(folded s: [Unicode.Scalar]) -> [Int] {
        var out: [Int] = []
        var i = 0
        while i < s.count {
            // Era form.
            if i + 1 < s.count, (s[i] == "令" && s[i + 1] == "和") || (s[i] == "平" && s[i + 1] == "成") {
                let base = s[i] == "令" ? 2018 : 1988
                var j = i + 2
                var n = 0
                if j < s.count, s[j] == "元" { n = 1; j += 1 } else {
                    while j < s.count, j - i < 5, let d = ScalarFolding.digit(s[j]) { n = n * 10 + d; j += 1 }
                }
                if n > 0, j + 1 < s.count, s[j] == "年", s[j + 1] == "度" { out.append(base + n) }
                i = j
                continue
            }
            // Western form: four digits then 年度, not part of a longer number.
            if i + 5 < s.count, (i == 0 || ScalarFolding.digit(s[i - 1]) == nil),
               let a = ScalarFolding.digit(s[i]), let b = ScalarFolding.digit(s[i + 1]),
               let c = ScalarFolding.digit(s[i + 2]), let d = ScalarFolding.digit(s[i + 3]),
               s[i + 4] == "年", s[i + 5] == "度" {
                out.append(a * 1000 + b * 100 + c * 10 + d)
                i += 6
                continue
            }
            i += 1
        }
        return out
    }
}
