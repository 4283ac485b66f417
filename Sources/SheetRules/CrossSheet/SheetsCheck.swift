import SheetModel

/// A check kind that compares sheets with each other rather than looking inside one.
///
/// Its rules are written like any other (selector, messages, examples), but the per-sheet
/// engine gets nothing from them: `CrossSheetEngine` runs them once over every sheet of a
/// run, after the per-sheet rules, with each sheet's selected nodes.
protocol SheetsCheck: Check {
    /// The findings for a whole set of sheets, each given with what the rule's selectors
    /// reached in it. Pure: no I/O.
    func evaluate(sheets: [SelectedSheet], _ context: CrossSheetContext) -> [Finding]
}

extension SheetsCheck {
    /// One sheet alone has nothing to be compared with.
    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] { [] }
}

/// One sheet as a cross-sheet check sees it.
struct SelectedSheet: Sendable {
    var sheet: Sheet
    /// The nodes the rule's selectors reached, in document order.
    var matches: [Match]

    /// The directory part of the sheet's path as given ("" for a file in the current one).
    var folder: String {
        guard let slash = sheet.file.lastIndex(of: "/") else { return "" }
        return String(sheet.file[..<slash])
    }
}

/// What a cross-sheet check needs to build findings: one evaluation context per sheet.
struct CrossSheetContext: Sendable {
    let rule: Rule
    let catalogs: [String: Catalog]

    /// The context that builds findings located in `sheet`.
    func within(_ sheet: SelectedSheet) -> EvaluationContext {
        EvaluationContext(rule: rule, catalogs: catalogs, file: sheet.sheet.file)
    }
}

/// Runs the cross-sheet rules of a rule set over the sheets of one run.
public enum CrossSheetEngine {
    /// True when `rule` compares sheets (its kind is a cross-sheet kind).
    public static func isCrossSheet(_ rule: Rule) -> Bool { rule.check is any SheetsCheck }

    /// Every finding of the cross-sheet rules of `rules` over `sheets`, sorted. Nothing
    /// for fewer than two sheets. Sheets are compared in the order given.
    public static func evaluate(_ rules: RuleSet, on sheets: [Sheet]) -> [Finding] {
        guard sheets.count > 1 else { return [] }
        let crossRules = rules.rules.filter(isCrossSheet)
        guard !crossRules.isEmpty else { return [] }
        let trees = sheets.map(\.tree)
        return crossRules.flatMap { rule -> [Finding] in
            guard let check = rule.check as? any SheetsCheck else { return [] }
            let selected = zip(sheets, trees).map { sheet, tree in
                SelectedSheet(sheet: sheet, matches: select(rule, in: tree))
            }
            return check.evaluate(sheets: selected, CrossSheetContext(rule: rule, catalogs: rules.catalogs))
        }.sorted()
    }

    private static func select(_ rule: Rule, in tree: ModelNode) -> [Match] {
        var seen = Set<String>()
        return rule.selectors.flatMap { $0.select(in: tree) }.filter { seen.insert($0.path.description).inserted }
    }
}
