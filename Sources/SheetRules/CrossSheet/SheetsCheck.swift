import Foundation
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
    /// The members of each selected node whose texts the check reads
    /// (`SelectedSheet.member`); nothing else of a node is kept.
    var memberKeys: [String] { get }
}

extension SheetsCheck {
    /// One sheet alone has nothing to be compared with.
    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] { [] }

    var memberKeys: [String] { [] }

    var sheetsCheck: (any SheetsCheck)? { self }
}

/// One sheet as a cross-sheet check sees it: its file, fiscal year and the compact
/// values (`CrossSheetSite`) of what the rule's selectors reached in it.
struct SelectedSheet: Sendable {
    var file: String
    var fiscalYear: Int?
    /// The nodes the rule's selectors reached, in document order.
    var sites: [CrossSheetSite]
    /// The texts of `SheetsCheck.memberKeys` of each site, `memberKeys.count` per site.
    var members: [Int32]
    let strings: StringTable

    /// The directory part of the sheet's path as given ("" for a file in the current one).
    var folder: String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return String(file[..<slash])
    }

    /// The text of the site's member `memberKeys[k]`: `.some(nil)` when the member is
    /// there without text, nil when it is absent.
    func member(_ site: Int, _ k: Int, of count: Int) -> String?? {
        let v = members[site * count + k]
        return v == CrossSheetSite.absent ? nil : .some(strings[v])
    }
}

/// What a cross-sheet check needs to build findings.
struct CrossSheetContext: Sendable {
    let rule: Rule
    let catalogs: [String: Catalog]

    /// The finding at `site` of `sheet`, as `EvaluationContext.finding` gives it at the node.
    func finding(_ sheet: SelectedSheet, _ site: CrossSheetSite, _ values: [String: String]) -> Finding {
        EvaluationContext(rule: rule, catalogs: catalogs, file: sheet.file).finding(site, sheet.strings, values)
    }
}

/// Runs the cross-sheet rules of a rule set over the sheets of one run.
public enum CrossSheetEngine {
    /// True when `rule` compares sheets (its kind is a cross-sheet kind).
    public static func isCrossSheet(_ rule: Rule) -> Bool { rule.check.sheetsCheck != nil }

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
        // Sorted in place: the findings (one a sheet when sheets repeat a department) are not copied.
        var findings = crossRules.flatMap { rule -> [Finding] in
            guard let check = rule.check.sheetsCheck else { return [] }
            let selected = inputs.map { input in
                let kept = input.rules[rule.id]
                return SelectedSheet(file: input.file, fiscalYear: input.fiscalYear, sites: kept?.sites ?? [],
                                     members: kept?.members ?? [], strings: input.strings)
            }
            return check.evaluate(sheets: selected, CrossSheetContext(rule: rule, catalogs: rules.catalogs))
        }
        findings.sort()
        return findings
    }

    /// What the cross-sheet rules of `rules` need of `sheet`, kept in its place so that a
    /// run over thousands of sheets does not hold every sheet's model until the end: the
    /// file and fiscal year, and for each node a rule selects its compact values
    /// (`CrossSheetSite`: span, path, the texts its messages and the check read), every
    /// text interned in `strings` (one table for a whole run shares the texts sheets repeat).
    public static func input(_ rules: RuleSet, from sheet: Sheet, strings: StringTable = StringTable()) -> CrossSheetInput {
        guard rules.rules.contains(where: isCrossSheet) else {
            return CrossSheetInput(file: sheet.file, fiscalYear: sheet.fiscalYear, rules: [:], strings: strings)
        }
        var cache = SelectionCache(tree: SheetTree(sheet))
        return input(rules, from: sheet, strings: strings, selection: &cache)
    }

    /// The same with `cache`, a selection cache of `sheet`'s tree already used by the
    /// per-sheet rules (`RuleEngine.evaluate(_:on:stage:source:selection:)`).
    public static func input(_ rules: RuleSet, from sheet: Sheet, strings: StringTable,
                             selection cache: inout SelectionCache) -> CrossSheetInput {
        input(rules, file: sheet.file, fiscalYear: sheet.fiscalYear, strings: strings, selection: &cache)
    }

    /// The same from what is left of a sheet once its flat tree is built (its file and
    /// fiscal year) and `cache` over that tree, so the caller may have released the sheet.
    public static func input(_ rules: RuleSet, file: String, fiscalYear: Int?, strings: StringTable,
                             selection cache: inout SelectionCache) -> CrossSheetInput {
        let crossRules = rules.rules.filter(isCrossSheet)
        var kept: [String: CrossSheetInput.RuleSites] = [:]
        if !crossRules.isEmpty {
            let full = cache.tree
            for rule in crossRules {
                // Each rule's matches as before: its selectors' nodes in selector order, each once.
                var seen = Set<Int32>()
                let ids = rule.selectors.flatMap { cache.select($0) }.filter { seen.insert($0).inserted }
                let keys = rule.check.sheetsCheck?.memberKeys ?? []
                var entry = CrossSheetInput.RuleSites()
                entry.sites.reserveCapacity(ids.count)
                entry.members.reserveCapacity(ids.count * keys.count)
                for id in ids {
                    let match = Match(tree: full, id: id)
                    entry.sites.append(CrossSheetSite(match, strings: strings))
                    for key in keys {
                        if let member = match[key] { entry.members.append(strings.id(member.text)) } else {
                            entry.members.append(CrossSheetSite.absent)
                        }
                    }
                }
                kept[rule.id] = entry
            }
        }
        return CrossSheetInput(file: file, fiscalYear: fiscalYear, rules: kept, strings: strings)
    }
}

/// What the cross-sheet stage keeps of one sheet (`CrossSheetEngine.input(_:from:)`).
public struct CrossSheetInput: Sendable {
    /// One rule's selected nodes.
    struct RuleSites: Sendable {
        var sites: [CrossSheetSite] = []
        /// `SheetsCheck.memberKeys` texts of each site, in site order.
        var members: [Int32] = []
    }

    /// The sheet's file.
    public let file: String
    let fiscalYear: Int?
    /// Each cross-sheet rule's selected nodes, by rule id.
    let rules: [String: RuleSites]
    let strings: StringTable

    /// The number of selected nodes kept, over every rule.
    public var siteCount: Int { rules.values.reduce(0) { $0 + $1.sites.count } }
}

/// One node a cross-sheet rule selected, as plain values: what `EvaluationContext.finding`
/// reads of the node to build a finding there, each text an id in the run's `StringTable`
/// (`CrossSheetSite.none` for nil).
struct CrossSheetSite: Sendable {
    static let none: Int32 = -1
    /// A member that is not there (`SelectedSheet.members`).
    static let absent: Int32 = -2

    /// The span's file, or `none` when neither the node nor an ancestor has a span.
    var file: Int32
    var startLine: Int32, startColumn: Int32, endLine: Int32, endColumn: Int32
    var path: Int32
    /// The key of the array the node is an element of (`ModelPath.arrayKey`).
    var arrayKey: Int32
    /// The node's own text (a scalar).
    var text: Int32
    /// The placeholders common to every message (`EvaluationContext.commonValues`).
    var value: Int32, number: Int32, code: Int32, title: Int32, written: Int32, goal: Int32
    var fieldJa: Int32, fieldEn: Int32, sectionJa: Int32, sectionEn: Int32

    init(_ match: Match, strings: StringTable) {
        let span = match.span
        if let span {
            (startLine, startColumn) = (Int32(clamping: span.start.line), Int32(clamping: span.start.column))
            (endLine, endColumn) = (Int32(clamping: span.end.line), Int32(clamping: span.end.column))
        } else {
            (startLine, startColumn, endLine, endColumn) = (0, 0, 0, 0)
        }
        let path = match.path
        let common = EvaluationContext.common(match, path: path)
        let label = path.label
        let sectionLabel = ModelPath(Array(path.components.prefix(1))).label
        // Every text interned at once, under one lock.
        let ids = strings.ids([span?.file, common.path, path.arrayKey, match.text, common.value, common.number, common.code,
                               common.title, common.written, common.goal, label.ja, label.en, sectionLabel.ja, sectionLabel.en])
        file = ids[0]
        self.path = ids[1]
        arrayKey = ids[2]
        text = ids[3]
        (value, number, code, title, written, goal) = (ids[4], ids[5], ids[6], ids[7], ids[8], ids[9])
        (fieldJa, fieldEn, sectionJa, sectionEn) = (ids[10], ids[11], ids[12], ids[13])
    }

    /// The node's span (its nearest ancestor's when it has none).
    func span(_ strings: StringTable) -> SourceSpan? {
        guard let f = strings[file] else { return nil }
        return SourceSpan(file: f, start: SourcePosition(line: Int(startLine), column: Int(startColumn)),
                          end: SourcePosition(line: Int(endLine), column: Int(endColumn)))
    }
}

/// Texts interned as `Int32` ids, shared by the threads that read a run's sheets: each
/// distinct text is stored once however many sheets and nodes repeat it.
public final class StringTable: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String] = []
    private var ids: [String: Int32] = [:]

    public init() {}

    /// The id of `text` (`CrossSheetSite.none` for nil), added when new.
    func id(_ text: String?) -> Int32 {
        guard let text else { return CrossSheetSite.none }
        lock.lock()
        defer { lock.unlock() }
        if let known = ids[text] { return known }
        let id = Int32(texts.count)
        texts.append(text)
        ids[text] = id
        return id
    }

    /// `texts.map(id)`, taking the lock once.
    func ids(_ texts: [String?]) -> [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return texts.map { text in
            guard let text else { return CrossSheetSite.none }
            if let known = ids[text] { return known }
            let id = Int32(self.texts.count)
            self.texts.append(text)
            ids[text] = id
            return id
        }
    }

    /// The text of `id` (nil for `CrossSheetSite.none` or `absent`).
    subscript(id: Int32) -> String? {
        guard id >= 0 else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return texts[Int(id)]
    }

    /// The number of distinct texts.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return texts.count
    }
}
