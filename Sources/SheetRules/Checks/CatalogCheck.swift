import SheetModel

/// `catalog`: looks each selected citation up in a catalogue and reports one outcome:
/// `unknown` (cannot exist, or a complete catalogue lacks it), `unverified` (well-formed,
/// not in a partial catalogue) or `title-mismatch` (the written title differs from the
/// known one). Keys of another form than the catalogue's `key_pattern` are left to the
/// format rules, and `ignore` exempts placeholders such as `0`.
struct CatalogCheck: Check {
    static let name = "catalog"
    static let optionKeys = ["catalog", "report", "key", "title", "ignore"]
    static let placeholders = ["catalog", "expected", "key"]

    enum Report: String, CaseIterable { case unknown, unverified, titleMismatch = "title-mismatch" }

    let catalogId: String
    /// The catalogue as known at load; a user catalogue with the same id replaces it at
    /// evaluation.
    let catalog: Catalog
    let report: Report
    let key: [String]
    let title: [String]
    let ignore: TextPattern?

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        let idValue = try options.required("catalog")
        catalogId = try idValue.string("catalog")
        guard let catalog = context.catalogs[catalogId] else {
            let known = context.catalogs.keys.sorted().joined(separator: ", ")
            throw idValue.error("カタログ「\(catalogId)」が見つかりません（読み込み済み: \(known)）",
                                "catalogue '\(catalogId)' is not loaded (known: \(known))")
        }
        self.catalog = catalog
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
        let catalog = context.catalogs[catalogId] ?? self.catalog
        return matches.compactMap { match in
            guard let k = match.descend(key)?.node.text, !k.isEmpty else { return nil }
            if let ignore, ignore.matches(TextNormalization.normalize(k)) { return nil }
            let values = ["catalog": catalog.name, "key": k]
            switch (catalog.status(of: k), report) {
            case (.unknown, .unknown), (.unverified, .unverified):
                return context.finding(match, values)
            case (.known(let entry?), .titleMismatch):
                guard let written = match.descend(title)?.node.text, !written.isEmpty,
                      !catalog.titleMatches(written, entry: entry), let expected = entry.title else { return nil }
                return context.finding(match, values.merging(["expected": expected]) { $1 })
            default:
                return nil
            }
        }
    }
}
