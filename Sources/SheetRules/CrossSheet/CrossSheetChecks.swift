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
                findings.append(context.finding(entry, site, [
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

    private struct Citation {
        var sheet: Int
        var site: CrossSheetSite
        var key: String
        var title: String
        var titleKey: String
    }

    func evaluate(sheets: [SelectedSheet], _ context: CrossSheetContext) -> [Finding] {
        var groups: [String: [Citation]] = [:]
        var order: [String] = []
        let count = keys.count + 1
        for (index, entry) in sheets.enumerated() {
            for (n, site) in entry.sites.enumerated() {
                guard let k = keys.indices.first(where: { entry.member(n, $0, of: count) != nil }),
                      let written = entry.member(n, k, of: count) ?? nil,
                      let titleText = entry.member(n, keys.count, of: count) ?? nil else { continue }
                let key = TextNormalization.normalize(written).trimmingCharacters(in: .whitespaces)
                let titleKey = TextNormalization.titleKey(titleText)
                guard !key.isEmpty, !titleKey.isEmpty, !(ignore?.matches(key) ?? false) else { continue }
                let group = (entry.strings[site.arrayKey] ?? "") + "\u{1F}" + key
                if groups[group] == nil { order.append(group) }
                groups[group, default: []].append(Citation(sheet: index, site: site, key: key, title: titleText, titleKey: titleKey))
            }
        }
        var findings: [Finding] = []
        for group in order {
            let citations = groups[group] ?? []
            // Sheets per title; the reference is the title most sheets write.
            var sheetsByTitle: [String: Set<Int>] = [:]
            var firstByTitle: [String: Citation] = [:]
            for c in citations {
                sheetsByTitle[c.titleKey, default: []].insert(c.sheet)
                if firstByTitle[c.titleKey] == nil { firstByTitle[c.titleKey] = c }
            }
            guard sheetsByTitle.count > 1 else { continue }
            // Titles in order of first appearance; the most-written ones are the references.
            let titles = citations.map(\.titleKey).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
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
                let shownSpan = shown.site.span(sheets[shown.sheet].strings)
                let location = "\(shownSpan?.file ?? sheets[shown.sheet].file):\(shownSpan?.start.line ?? 1)"
                findings.append(context.finding(sheets[c.sheet], c.site, [
                    "key": c.key, "expected": shown.title, "other": location,
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
                guard let site = m.sites.first else { continue }
                findings.append(context.finding(m, site, [
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
