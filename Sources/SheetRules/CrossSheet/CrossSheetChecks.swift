import SheetModel

/// `duplicate-sheet`: two sheets with the same department (the selected text, normalized)
/// and the same fiscal year. Every sheet after the first of such a pair is reported at its
/// selected node, naming the first. Sheets whose department or year is unknown are left
/// alone.
struct DuplicateSheetCheck: SheetsCheck {
    static let name = "duplicate-sheet"
    static let optionKeys: [String] = []
    static let placeholders = ["department", "fiscalYear", "other"]

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        try options.requireTargets(targets, "a text field (the department)", shapeJa: "文字列（部局）") { $0.isScalar }
    }

    func evaluate(sheets: [SelectedSheet], _ context: CrossSheetContext) -> [Finding] {
        var first: [String: String] = [:]
        var findings: [Finding] = []
        for entry in sheets {
            guard let year = entry.fiscalYear, let site = entry.sites.first,
                  let department = entry.strings[site.text], !TextNormalization.titleKey(department).isEmpty else { continue }
            let key = TextNormalization.titleKey(department) + "\u{1F}\(year)"
            if let other = first[key] {
                findings.append(context.finding(entry, at: 0, [
                    "department": department, "fiscalYear": String(year), "other": other,
                ]))
            } else {
                first[key] = entry.file
            }
        }
        return findings
    }
}

/// `title-conflict`: the same key (a 総合計画 code, a 基本政策 number) written with different
/// titles in different sheets. Keys are compared within the array they sit in
/// (`planCodes`, `policies`), after width normalization; titles as `titleKey`. The title
/// most sheets write is taken as the reference, and every citation with another title, in a
/// sheet other than one writing the reference, is reported; when titles tie, every side is.
struct TitleConflictCheck: SheetsCheck {
    static let name = "title-conflict"
    static let optionKeys = ["keys", "title", "ignore"]
    static let placeholders = ["key", "expected", "other"]

    /// Candidate key fields, the first present in a node is used (`code`, `number`).
    let keys: [String]
    let title: String
    let ignore: TextPattern?

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        let keysValue = try options.required("keys")
        keys = try keysValue.strings("keys").map(\.0)
        title = try options["title"]?.string("title") ?? "title"
        ignore = try options["ignore"]?.pattern("ignore")
        try options.requireTargets(targets, "objects (citations)", shapeJa: "オブジェクト（引用）") { $0.isObject }
        for target in targets {
            guard keys.contains(where: { target.schema.member($0) != nil }) else {
                throw keysValue.error("keys のどれも \(target.path) の下にありません",
                                      "none of keys exists under \(target.path)")
            }
            guard target.schema.member(title) != nil else {
                throw (options["title"] ?? keysValue).error("title「\(title)」は \(target.path) の下にありません",
                                                            "title '\(title)' does not exist under \(target.path)")
            }
        }
    }

    /// Each selected node's candidate keys, then its title (`SelectedSheet.member`).
    var memberKeys: [String] { keys + [title] }

    /// One citation, as small as it can be: a run over 20,000 sheets holds about 480,000
    /// of them at once. Its key and title are worked out again (`written`) only for the
    /// citations reported.
    private struct Citation {
        /// Index in `sheets`.
        var sheet: Int32
        /// Index in the sheet's `sites`.
        var site: Int32
        /// The title as `titleKey`, interned (`Interned`): equal ids are equal keys.
        var titleKey: Int32
    }

    /// Texts numbered in order of first appearance; equal texts (`String` equality, as a
    /// dictionary key compares them) get the same number.
    /// Looked up by the text's bytes first (`ExactText`: cheaper to hash than a `String`),
    /// then as a `String`, so that the numbers are those of `String` equality.
    private struct Interned {
        private var ids: [String: Int32] = [:]
        private var exact: [ExactText: Int32] = [:]
        mutating func id(_ text: String) -> Int32 {
            let key = ExactText(text)
            if let known = exact[key] { return known }
            let id: Int32
            if let known = ids[text] { id = known } else {
                id = Int32(ids.count)
                ids[text] = id
            }
            exact[key] = id
            return id
        }
    }

    /// The key (normalized) and the title written at site `n` of `entry`, when both are
    /// there; nil when the site is not a citation this check compares.
    private func written(_ entry: SelectedSheet, _ n: Int) -> (key: String, title: String)? {
        let count = keys.count + 1
        guard let k = keys.indices.first(where: { entry.member(n, $0, of: count) != nil }),
              let written = entry.member(n, k, of: count) ?? nil,
              let titleText = entry.member(n, keys.count, of: count) ?? nil else { return nil }
        return (TextNormalization.trimmingSpaces(TextNormalization.normalize(written)), titleText)
    }

    /// The citations of `sheets` by group (the array and the key), groups in order of first
    /// appearance, as the code before `SharedTexts` made them (each text normalized and
    /// interned at each site): the reference of `CrossSheetFastPathTests`, and the way taken
    /// when the sheets' texts are not in one table.
    private func referenceGroups(_ sheets: [SelectedSheet]) -> [[Citation]] {
        var groups: [[Citation]] = []
        var groupIds = Interned()
        var titleKeys = Interned()
        for (index, entry) in sheets.enumerated() {
            for n in entry.sites.indices {
                guard let (key, titleText) = written(entry, n) else { continue }
                let titleKey = TextNormalization.titleKey(titleText)
                guard !key.isEmpty, !titleKey.isEmpty, !(ignore?.matches(key) ?? false) else { continue }
                let group = Int(groupIds.id((entry.strings[entry.sites[n].arrayKey] ?? "") + "\u{1F}" + key))
                if group == groups.count { groups.append([]) }
                groups[group].append(Citation(sheet: Int32(index), site: Int32(n), titleKey: titleKeys.id(titleKey)))
            }
        }
        return groups
    }

    /// What the citations' texts give, remembered by their ids in the run's one `StringTable`:
    /// sheets repeat the same codes and titles, which are then normalized, matched and
    /// interned once each instead of at every citation. Each answer is the one the
    /// reference computes from the text (`referenceGroups`), asked for at the same point.
    private struct SharedTexts {
        /// By written key id: the key normalized, and whether `ignore` matches it (nil: not asked yet).
        var keys: [Int32: (key: String, ignored: Bool?)] = [:]
        /// By title id: its `titleKey`, and that key's id in `titleKeys` (nil: not asked yet).
        var titles: [Int32: (titleKey: String, id: Int32?)] = [:]
        /// By (array key id, written key id): the group's id in `groupIds`.
        var groups: [Int64: Int32] = [:]
    }

    /// `referenceGroups` with the texts' answers remembered by id (`SharedTexts`), for
    /// sheets whose texts are all in `strings`.
    private func sharedGroups(_ sheets: [SelectedSheet], _ strings: StringTable) -> [[Citation]] {
        var groups: [[Citation]] = []
        var groupIds = Interned()
        var titleKeys = Interned()
        var memo = SharedTexts()
        let count = keys.count + 1
        for (index, entry) in sheets.enumerated() {
            for n in entry.sites.indices {
                // `written`: the first key member present, with a text, and a title with a text.
                let base = n * count
                guard let k = keys.indices.first(where: { entry.members[base + $0] != CrossSheetSite.absent }) else { continue }
                let (w, t) = (entry.members[base + k], entry.members[base + keys.count])
                guard w >= 0, t >= 0 else { continue }
                let key = memo.keys[w]?.key ?? {
                    let made = TextNormalization.trimmingSpaces(TextNormalization.normalize(strings[w]!))
                    memo.keys[w] = (made, nil)
                    return made
                }()
                let titleKey = memo.titles[t]?.titleKey ?? {
                    let made = TextNormalization.titleKey(strings[t]!)
                    memo.titles[t] = (made, nil)
                    return made
                }()
                guard !key.isEmpty, !titleKey.isEmpty else { continue }
                let ignored = memo.keys[w]!.ignored ?? {
                    let made = ignore?.matches(key) ?? false
                    memo.keys[w]!.ignored = made
                    return made
                }()
                guard !ignored else { continue }
                let arrayKey = entry.sites[n].arrayKey
                let pair = Int64(arrayKey) << 32 | Int64(UInt32(bitPattern: w))
                let group = Int(memo.groups[pair] ?? {
                    let made = groupIds.id((strings[arrayKey] ?? "") + "\u{1F}" + key)
                    memo.groups[pair] = made
                    return made
                }())
                let titleId = memo.titles[t]!.id ?? {
                    let made = titleKeys.id(titleKey)
                    memo.titles[t]!.id = made
                    return made
                }()
                if group == groups.count { groups.append([]) }
                groups[group].append(Citation(sheet: Int32(index), site: Int32(n), titleKey: titleId))
            }
        }
        return groups
    }

    /// The citations by group: remembered by text id when every sheet's texts are in one
    /// table (a `lint` run's), else worked out at each citation.
    private func groups(_ sheets: [SelectedSheet], shared: Bool = true) -> [[Citation]] {
        guard shared, let strings = sheets.first?.strings, sheets.allSatisfy({ $0.strings === strings }) else {
            return referenceGroups(sheets)
        }
        return sharedGroups(sheets, strings)
    }

    /// The groups both ways, as (sheet, site, title key id) triples, for
    /// `CrossSheetFastPathTests`.
    func groupsBothWays(_ sheets: [SelectedSheet]) -> (shared: [[[Int32]]], reference: [[[Int32]]]) {
        let flat = { (g: [[Citation]]) in g.map { $0.map { [$0.sheet, $0.site, $0.titleKey] } } }
        return (flat(groups(sheets)), flat(groups(sheets, shared: false)))
    }

    func evaluate(sheets: [SelectedSheet], _ context: CrossSheetContext) -> [Finding] {
        let groups = groups(sheets)
        var findings: [Finding] = []
        for citations in groups {
            // Sheets per title; the reference is the title most sheets write.
            var sheetsByTitle: [Int32: Set<Int32>] = [:]
            var firstByTitle: [Int32: Citation] = [:]
            for c in citations {
                sheetsByTitle[c.titleKey, default: []].insert(c.sheet)
                if firstByTitle[c.titleKey] == nil { firstByTitle[c.titleKey] = c }
            }
            guard sheetsByTitle.count > 1 else { continue }
            // Titles in order of first appearance; the most-written ones are the references.
            let titles = citations.map(\.titleKey).reduce(into: [Int32]()) { if !$0.contains($1) { $0.append($1) } }
            let most = titles.map { sheetsByTitle[$0]?.count ?? 0 }.max() ?? 0
            let references = titles.filter { sheetsByTitle[$0]?.count == most }
            // With one reference, the citations with another title are reported; on a tie
            // nothing tells which title is right, and every side is reported, each naming the
            // first other title.
            for c in citations {
                guard let reference = references.first(where: { $0 != c.titleKey }),
                      references.count > 1 || !references.contains(c.titleKey),
                      let shown = firstByTitle[reference],
                      !(sheetsByTitle[reference] ?? []).subtracting([c.sheet]).isEmpty else { continue }
                let (shownSheet, cited) = (sheets[Int(shown.sheet)], sheets[Int(c.sheet)])
                guard let expected = written(shownSheet, Int(shown.site))?.title,
                      let key = written(cited, Int(c.site))?.key else { continue }
                let shownSpan = shownSheet.sites[Int(shown.site)].span(shownSheet.strings)
                let location = "\(shownSpan?.file ?? shownSheet.file):\(shownSpan?.start.line ?? 1)"
                findings.append(context.finding(cited, at: Int(c.site), [
                    "key": key, "expected": expected, "other": location,
                ]))
            }
        }
        return findings
    }
}

/// `fiscal-year-outlier`: in a folder holding sheets of several fiscal years, a sheet
/// whose year differs from the year most of the folder's sheets have. Nothing when no year
/// has a strict plurality (two sheets of two years: neither is the outlier).
struct FiscalYearOutlierCheck: SheetsCheck {
    static let name = "fiscal-year-outlier"
    static let optionKeys: [String] = []
    static let placeholders = ["fiscalYear", "expected", "folder"]

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {}

    func evaluate(sheets: [SelectedSheet], _ context: CrossSheetContext) -> [Finding] {
        var folders: [String: [SelectedSheet]] = [:]
        for entry in sheets where entry.fiscalYear != nil { folders[entry.folder, default: []].append(entry) }
        var findings: [Finding] = []
        for (folder, members) in folders where members.count > 1 {
            var counts: [Int: Int] = [:]
            for m in members { counts[m.fiscalYear!, default: 0] += 1 }
            let ranked = counts.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }
            guard ranked.count > 1, ranked[0].value > ranked[1].value else { continue }
            let expected = ranked[0].key
            for m in members where m.fiscalYear != expected {
                guard !m.sites.isEmpty else { continue }
                findings.append(context.finding(m, at: 0, [
                    "fiscalYear": String(m.fiscalYear!), "expected": String(expected),
                    "folder": folder.isEmpty ? "." : folder,
                ]))
            }
        }
        return findings
    }
}

extension ModelPath {
    /// The key of the array the path's last index is in (`policies` for
    /// `annualGoals[0].policies[2]`); nil when the path does not end in an index.
    var arrayKey: String? {
        let c = components
        guard c.count >= 2, case .index = c[c.count - 1], case .key(let k) = c[c.count - 2] else { return nil }
        return k
    }
}
