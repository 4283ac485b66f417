import SheetModel

/// `catalog`: looks each selected citation up in a catalogue and reports one outcome:
/// `unknown` (cannot exist, or a complete catalogue lacks it), `unverified` (well-formed,
/// not in a partial catalogue) or `title-mismatch` (the written title differs from the
/// known one). Keys of another form than the catalogue's `key_pattern` are left to the
/// format rules, and `ignore` exempts placeholders such as `0`.
///
/// `optional: true` lets the rule load when no catalogue with that id is loaded (such as
/// the departments catalogue, which a city adds through its configuration): the rule then
/// reports nothing until one is. `suggest: true` fills `{suggestion}` with the listed key
/// nearest to an unknown one (see `Catalog.nearest(to:)`) and, with `report: unknown`,
/// also reports an unverified key of a partial catalogue when a listed key is that near:
/// a near miss of a known key is a misspelling even when the list is not complete.
struct CatalogCheck: Check {
    static let name = "catalog"
    static let optionKeys = ["catalog", "report", "key", "title", "ignore", "optional", "suggest"]
    static let placeholders = ["catalog", "expected", "key", "suggestion"]

    enum Report: String, CaseIterable { case unknown, unverified, titleMismatch = "title-mismatch" }

    let catalogId: String
    /// The catalogue as known at load; a user catalogue with the same id replaces it at
    /// evaluation.
    let catalog: Catalog?
    let report: Report
    let key: [String]
    let title: [String]
    let ignore: TextPattern?
    let suggest: Bool

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        let idValue = try options.required("catalog")
        catalogId = try idValue.string("catalog")
        let optional = try options["optional"]?.bool("optional") ?? false
        suggest = try options["suggest"]?.bool("suggest") ?? false
        if context.catalogs[catalogId] == nil && !optional {
            let known = context.catalogs.keys.sorted().joined(separator: ", ")
            throw idValue.error("カタログ「\(catalogId)」が見つかりません（読み込み済み: \(known)）",
                                "catalogue '\(catalogId)' is not loaded (known: \(known))")
        }
        self.catalog = context.catalogs[catalogId]
        let reportValue = try options.required("report")
        guard let report = Report(rawValue: try reportValue.string("report")) else {
            throw reportValue.error("report は unknown, unverified, title-mismatch のいずれかです",
                                    "report must be one of unknown, unverified, title-mismatch")
        }
        self.report = report
        key = try options.relativePath("key", targets: targets, expect: { $0.isScalar }, shape: "a text or number") ?? []
        title = try options.relativePath("title", targets: targets, expect: { $0.isScalar }, shape: "a text") ?? ["title"]
        if key.isEmpty {
            try options.requireTargets(targets, "text or number fields (or give `key`)", shapeJa: "文字列か数値（または key を指定）") { $0.isScalar }
        }
        ignore = try options["ignore"]?.pattern("ignore")
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        // A catalogue of the run is shared by the rules citing it, and so are its answers
        // (`SheetTexts.status`); one known only at this rule's load is asked directly.
        let shared = context.catalogs[catalogId] != nil
        guard let catalog = context.catalogs[catalogId] ?? self.catalog else { return [] }
        let memo = shared ? context.texts.statuses(of: catalog) : nil
        return matches.compactMap { match in
            guard let node = match.descend(key), let k = node.text, !k.isEmpty else { return nil }
            if let ignore, ignore.matches(TextNormalization.normalize(k)) { return nil }
            let status = memo?.status(of: k, node: node, in: catalog) ?? catalog.status(of: k)
            // The values of a message, made only for a finding.
            var suggestion: String? = nil
            if suggest, !status.isKnown { suggestion = catalog.nearest(to: k) }
            func values() -> [String: String] {
                var values = ["catalog": catalog.name, "key": k]
                if let suggestion { values["suggestion"] = suggestion }
                return values
            }
            switch (status, report) {
            case (.unknown, .unknown), (.unverified, .unverified):
                return context.finding(match, values())
            case (.unverified, .unknown) where suggestion != nil:
                return context.finding(match, values())
            case (.known(let entry?), .titleMismatch):
                guard let written = match.descend(title)?.text, !written.isEmpty,
                      !catalog.titleMatches(written, entry: entry), let expected = entry.title else { return nil }
                return context.finding(match, values().merging(["expected": expected]) { $1 })
            default:
                return nil
            }
        }
    }
}
