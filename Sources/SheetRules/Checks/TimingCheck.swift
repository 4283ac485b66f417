import SheetModel

/// `has-timing`: each selected node (a plan item) says when: some node under it — its
/// own text, its sub-items, their schedule — carries a schedule entry (a non-empty
/// `entries` array, `schedule` by default) or text matching one of the `timing`
/// expressions (N月, 上旬, 随時, 毎月, 年N回, 通年, …). Text is normalized first, so
/// `〜`, `～` and `~`, and full-width digits, all read alike. With `skip_unnumbered`, nodes
/// without a `number` are not checked.
struct TimingCheck: Check {
    static let name = "has-timing"
    static let optionKeys = ["timing", "entries", "skip_unnumbered"]
    static let placeholders: [String] = []

    let timing: [TextPattern]
    let entries: String?
    /// Unnumbered text in a plan (an introduction, a note) is not an item that needs a time.
    let skipUnnumbered: Bool

    init(options: YAMLMapping, targets: [Selector.SchemaTarget], context: LoadContext) throws(RuleFileError) {
        try options.requireTargets(targets, "objects (items)", shapeJa: "オブジェクト（項目）") { $0.isObject }
        guard let timing = try options.patterns("timing"), !timing.isEmpty else {
            throw context.optionsValue.error("has-timing には timing（正規表現のリスト）が必要です",
                                             "has-timing needs timing (a list of regular expressions)")
        }
        self.timing = timing
        entries = try options["entries"]?.string("entries") ?? "schedule"
        skipUnnumbered = try options["skip_unnumbered"]?.bool("skip_unnumbered") ?? false
    }

    func evaluate(_ matches: [Match], _ context: EvaluationContext) -> [Finding] {
        let timing = self.timing.map(\.matcher)
        return matches.compactMap { match in
            if skipUnnumbered, match["number"]?.text == nil { return nil }
            return hasTiming(match.tree, match.id, context.texts, timing) ? nil : context.finding(match)
        }
    }

    /// True when the node `id` or something under it says when. Each text is read as the
    /// normalized `MatchText` the other rules of the sheet share (`SheetTexts`). Walks the
    /// tree's ids (no arrays of members or elements per node).
    func hasTiming(_ tree: SheetTree, _ id: Int32, _ texts: SheetTexts) -> Bool {
        hasTiming(tree, id, texts, timing.map(\.matcher))
    }

    private func hasTiming(_ tree: SheetTree, _ id: Int32, _ texts: SheetTexts, _ timing: [TextPattern.Matcher]) -> Bool {
        switch tree.kind(id) {
        case .string:
            let t = texts.normalized(Match(tree: tree, id: id), tree.text(id) ?? "")
            return timing.contains { $0.matches(t) }
        case .array:
            return tree.children(id).contains { hasTiming(tree, $0, texts, timing) }
        case .object:
            return tree.children(id).contains { member in
                if tree.kind(member) == .array, tree.key(member) == entries,
                   tree.children(member).contains(where: { !tree.isEmptyValue($0) }) {
                    return true
                }
                return hasTiming(tree, member, texts, timing)
            }
        default:
            return false
        }
    }
}
