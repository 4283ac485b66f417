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
        guard sheets.count > 1, rules.rules.contains(where: isCrossSheet) else { return [] }
        return evaluate(rules, on: sheets.map { input(rules, from: $0) })
    }

    /// The same over what `input(_:from:)` kept of each sheet.
    public static func evaluate(_ rules: RuleSet, on inputs: [CrossSheetInput]) -> [Finding] {
        guard inputs.count > 1 else { return [] }
        let crossRules = rules.rules.filter(isCrossSheet)
        guard !crossRules.isEmpty else { return [] }
        return crossRules.flatMap { rule -> [Finding] in
            guard let check = rule.check as? any SheetsCheck else { return [] }
            let selected = inputs.map { SelectedSheet(sheet: $0.sheet, matches: $0.matches[rule.id] ?? []) }
            return check.evaluate(sheets: selected, CrossSheetContext(rule: rule, catalogs: rules.catalogs))
        }.sorted()
    }

    /// What the cross-sheet rules of `rules` need of `sheet`, kept in its place so that a
    /// run over thousands of sheets does not hold every sheet's model until the end: the
    /// file and fiscal year, and each rule's selected nodes in a copy of the tree pruned to
    /// those nodes (whole), their ancestors and the ancestors' members that message
    /// placeholders read (number, code, title, written). Other array elements become null,
    /// so every path is the same as in the sheet.
    public static func input(_ rules: RuleSet, from sheet: Sheet) -> CrossSheetInput {
        var slim = Sheet(file: sheet.file)
        slim.fiscalYear = sheet.fiscalYear
        slim.fiscalYearSource = sheet.fiscalYearSource
        let crossRules = rules.rules.filter(isCrossSheet)
        guard !crossRules.isEmpty else { return CrossSheetInput(sheet: slim, matches: [:]) }
        let full = SheetTree(flattening: sheet.tree)
        var cache = SelectionCache(tree: full)
        // Each rule's matches as before: its selectors' nodes in selector order, each once.
        var selected: [String: [Int32]] = [:]
        for rule in crossRules {
            var seen = Set<Int32>()
            selected[rule.id] = rule.selectors.flatMap { cache.select($0) }.filter { seen.insert($0).inserted }
        }
        let kept = Array(Set(selected.values.joined())).sorted()
        let pruned = SheetTree(flattening: prune(0, full, kept))
        var matches: [String: [Match]] = [:]
        for (id, ids) in selected {
            matches[id] = ids.compactMap { old in locate(Match(tree: full, id: old).path, in: pruned).map { Match(tree: pruned, id: $0) } }
        }
        return CrossSheetInput(sheet: slim, matches: matches)
    }

    /// The members of an ancestor a finding's message reads (`EvaluationContext.commonValues`).
    private static let placeholderKeys: Set<String> = ["number", "code", "title", "written"]

    /// The node `id` of `tree` with only what leads to the `kept` ids (ascending) left.
    private static func prune(_ id: Int32, _ tree: SheetTree, _ kept: [Int32]) -> ModelNode {
        func holdsKept(_ n: Int32) -> Bool {
            // The first kept id at or after n lies before n's end.
            var lo = 0, hi = kept.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if kept[mid] < n { lo = mid + 1 } else { hi = mid }
            }
            return lo < kept.count && kept[lo] < tree.ends[Int(n)]
        }
        let node = tree.nodes[Int(id)]
        if kept.binarySearchContains(id) { return node }
        switch node.value {
        case .object:
            var members: [ModelNode.Member] = []
            for c in tree.children(id) {
                let child = tree.nodes[Int(c)]
                if holdsKept(c) {
                    members.append(ModelNode.Member(tree.key(c) ?? "", prune(c, tree, kept)))
                } else if let key = tree.key(c), placeholderKeys.contains(key), child.text != nil {
                    // What `{number}`, `{code}`, `{title}`, `{written}` and `{goal}` read.
                    members.append(ModelNode.Member(key, child))
                }
            }
            return ModelNode(.object(members), span: node.span)
        case .array:
            let elements = tree.children(id).map { c in holdsKept(c) ? prune(c, tree, kept) : ModelNode(.null) }
            return ModelNode(.array(elements), span: node.span)
        default:
            return node
        }
    }

    /// The node at `path` in `tree`.
    private static func locate(_ path: ModelPath, in tree: SheetTree) -> Int32? {
        var n: Int32 = 0
        for component in path.components {
            switch component {
            case .key(let k):
                guard let c = tree.child(n, key: k) else { return nil }
                n = c
            case .index(let i):
                guard case .array = tree.nodes[Int(n)].value,
                      let c = tree.children(n).enumerated().first(where: { $0.offset == i })?.element else { return nil }
                n = c
            }
        }
        return n
    }
}

/// What the cross-sheet stage keeps of one sheet (`CrossSheetEngine.input(_:from:)`).
public struct CrossSheetInput: Sendable {
    /// The sheet's file and fiscal year (nothing else of the sheet is kept).
    let sheet: Sheet
    /// Each cross-sheet rule's selected nodes, by rule id, in a pruned tree.
    let matches: [String: [Match]]

    /// The sheet's file.
    public var file: String { sheet.file }
}

private extension Array where Element == Int32 {
    func binarySearchContains(_ x: Int32) -> Bool {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo < count && self[lo] == x
    }
}
