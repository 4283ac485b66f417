import SheetModel

/// What a check sees besides the matches: the rule's messages and the catalogues.
/// Immutable, so checks share nothing mutable.
struct EvaluationContext: Sendable {
    /// The rule list the rule is read from in place (copying a `Rule` per evaluation took
    /// two dozen reference counts), and the rule's index in it.
    private let rules: [Rule]
    private let index: Int
    let catalogs: [String: Catalog]
    /// The sheet's file, for the span of a finding on a node that has none.
    let file: String
    /// The sheet's source, when the caller has it: a finding about part of a text
    /// (`focus`) then points at exactly that part (`FocusedSpan`).
    var source: SheetSource? = nil
    /// Text worked out once per sheet and shared by its rules.
    var texts = SheetTexts()

    /// The rule being evaluated.
    var rule: Rule { rules[index] }

    init(rule: Rule, catalogs: [String: Catalog], file: String, source: SheetSource? = nil, texts: SheetTexts = SheetTexts()) {
        self.init(rules: [rule], index: 0, catalogs: catalogs, file: file, source: source, texts: texts)
    }

    /// The context of `rules[index]`.
    init(rules: [Rule], index: Int, catalogs: [String: Catalog], file: String, source: SheetSource? = nil,
         texts: SheetTexts = SheetTexts()) {
        self.rules = rules
        self.index = index
        self.catalogs = catalogs
        self.file = file
        self.source = source
        self.texts = texts
    }

    /// A finding at `match`, messages filled with the common placeholders and `values`.
    /// `valuesEn` overrides values for the English message.
    ///
    /// `focus` is the UTF-16 range, in the match's text, of what the finding is about (one
    /// bracket, one era expression); the finding's span is then that part of the source
    /// when it can be placed, and the leaf's span otherwise.
    @inline(never)  // one copy for every check (and one place in a profile)
    func finding(_ match: Match, _ values: [String: String] = [:], en valuesEn: [String: String] = [:],
                 focus: Range<Int>? = nil) -> Finding {
        // What a finding takes of the rule, read in place (not a copy of the whole rule).
        let (ruleId, severity, template, templateEn) = rules.withUnsafeBufferPointer { rules in
            let rule = rules.baseAddress! + index
            return (rule.pointee.id, rule.pointee.severity, rule.pointee.message, rule.pointee.messageEn)
        }
        if let cap = FindingCap.current, !cap.admit() { return FindingCap.marker(ruleId, file: file) }
        // Only the common placeholders the two messages use are worked out (most use one or
        // two of nine), each once, straight from the tree: no dictionary, no `ModelPath`
        // unless a message names the field or section.
        let common = CommonText(match, needs: template.commonNeeds.union(templateEn.commonNeeds))
        let message = template.render { name in values[name] ?? common.text(name, english: false) }
        let messageEn = templateEn.render { name in valuesEn[name] ?? values[name] ?? common.text(name, english: true) }
        var span = match.span ?? SourceSpan(file: file, line: 1, startColumn: 1, endColumn: 1)
        if let focus, let source, let region = match.span, let text = match.text,
           let exact = source.focusedSpan(ofUTF16: focus, in: text, leafSpan: region, ownSpan: match.ownSpan != nil) {
            span = exact
        }
        return Finding(ruleId: ruleId, severity: severity, message: message, messageEn: messageEn, span: span,
                       path: common.path)
    }

    /// The common placeholders of a finding at one node, those a rule's messages use
    /// (`MessageTemplate.commonNeeds`), with the values `common(_:path:)` gives them.
    /// A class: the two renderings share it without copying its texts.
    final class CommonText {
        /// The node's path (always: the finding keeps it).
        let path: String
        private var value: String?, number: String?, code: String?, title: String?, written: String?, goal: String?
        private var field: (ja: String, en: String)?, section: (ja: String, en: String)?

        init(_ match: Match, needs: CommonPlaceholder.Set) {
            let tree = match.tree
            // The node and its ancestors, the root last.
            var chain: [Int32] = []
            chain.reserveCapacity(16)
            var n = match.id
            while n >= 0 {
                chain.append(n)
                n = tree.parents[Int(n)]
            }
            path = Self.pathText(chain, tree)
            if needs.contains(.value) { value = EvaluationContext.displayValue(match) }
            if needs.contains(.number) {
                // The last key of the path (an element's is its array's).
                let lastKey = chain.lazy.compactMap { tree.key($0) }.first
                if lastKey == "number", let t = match.text { number = t } else { number = match.nearest("number") }
            }
            if needs.contains(.code) { code = match.nearest("code") }
            if needs.contains(.title) { title = match.nearest("title") }
            if needs.contains(.written) { written = match.nearest("written") }
            // {goal}: the number of the goal (the element of a *Goals array) the match is in.
            if needs.contains(.goal), chain.count >= 3, let first = tree.key(chain[chain.count - 2]), first.hasSuffix("Goals") {
                goal = Match(tree: tree, id: chain[chain.count - 3])["number"]?.text
            }
            if needs.contains(.field) || needs.contains(.section) {
                let modelPath = match.path
                if needs.contains(.field) { field = modelPath.label }
                if needs.contains(.section) { section = ModelPath(Array(modelPath.components.prefix(1))).label }
            }
        }

        /// `annualGoals[3].planCodes[0]` for a chain from a node up to the root.
        static func pathText(_ chain: [Int32], _ tree: SheetTree) -> String {
            // Measured first, then written as UTF-8 into a string of that size: keys copied
            // from their storage, positions as digits (no array grown piece by piece, no
            // string per position).
            let nodes = chain.dropLast()
            var size = 0
            for n in nodes {
                if let k = tree.key(n) { size += k.utf8.count + 1 } else { size += decimalCount(tree.ordinal(n) ?? -1) + 2 }
            }
            guard size > 0 else { return "" }
            return String(unsafeUninitializedCapacity: size) { out in
                var i = 0
                for n in nodes.reversed() {
                    if var k = tree.key(n) {
                        if i > 0 {
                            out[i] = UInt8(ascii: ".")
                            i += 1
                        }
                        k.withUTF8 { bytes in
                            for b in bytes {
                                out[i] = b
                                i += 1
                            }
                        }
                    } else {
                        out[i] = UInt8(ascii: "[")
                        i += 1
                        let value = tree.ordinal(n) ?? -1
                        var magnitude = value.magnitude
                        let digits = decimalCount(value)
                        var d = i + digits - 1
                        repeat {
                            out[d] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                            magnitude /= 10
                            d -= 1
                        } while magnitude > 0
                        if value < 0 { out[i] = UInt8(ascii: "-") }
                        i += digits
                        out[i] = UInt8(ascii: "]")
                        i += 1
                    }
                }
                return i
            }
        }

        /// The number of characters of `String(value)`.
        static func decimalCount(_ value: Int) -> Int {
            var magnitude = value.magnitude
            var count = value < 0 ? 2 : 1
            while magnitude >= 10 {
                magnitude /= 10
                count += 1
            }
            return count
        }

        /// The value of common placeholder `name`; nil for another name or none.
        func text(_ name: String, english: Bool) -> String? {
            switch name {
            case "path": path
            case "value": value
            case "number": number
            case "code": code
            case "title": title
            case "written": written
            case "goal": goal
            case "field": english ? field?.en : field?.ja
            case "section": english ? section?.en : section?.ja
            default: nil
            }
        }
    }

    /// The finding `finding(match, values)` gives, from what the cross-sheet stage kept of
    /// the node (`CrossSheetSite`) instead of the node.
    func finding(_ site: CrossSheetSite, _ strings: StringTable, _ values: [String: String]) -> Finding {
        if let cap = FindingCap.current, !cap.admit() { return FindingCap.marker(rule.id, file: file) }
        let path = strings[site.path] ?? ""
        var common: [String: String] = ["path": path, "value": strings[site.value] ?? ""]
        for (key, id) in [("number", site.number), ("code", site.code), ("title", site.title),
                          ("written", site.written), ("goal", site.goal)] {
            if let text = strings[id] { common[key] = text }
        }
        let labels = CrossSheetSite.labels(ofPath: path)
        var ja = common
        ja["field"] = labels.field.ja
        ja["section"] = labels.section.ja
        common["field"] = labels.field.en
        common["section"] = labels.section.en
        ja.merge(values) { $1 }
        let en = common.merging(values) { $1 }
        let span = site.span(strings) ?? SourceSpan(file: file, line: 1, startColumn: 1, endColumn: 1)
        return Finding(ruleId: rule.id, severity: rule.severity, message: rule.message.render(ja),
                       messageEn: rule.messageEn.render(en), span: span, path: path)
    }

    static func commonValues(_ match: Match) -> [String: String] {
        common(match, path: match.path).dictionary
    }

    /// The placeholders common to every message, for `match` at `path` (its path).
    struct CommonValues {
        var path: String
        var value: String
        var number: String?, code: String?, title: String?, written: String?, goal: String?

        /// The values present, by placeholder name.
        var dictionary: [String: String] {
            var v = ["path": path, "value": value]
            for (key, text) in [("number", number), ("code", code), ("title", title), ("written", written), ("goal", goal)] {
                if let text { v[key] = text }
            }
            return v
        }
    }

    static func common(_ match: Match, path: ModelPath) -> CommonValues {
        var v = CommonValues(path: path.description, value: displayValue(match))
        if path.lastKey == "number", let t = match.text { v.number = t } else { v.number = match.nearest("number") }
        v.code = match.nearest("code")
        v.title = match.nearest("title")
        v.written = match.nearest("written")
        // {goal}: the number of the goal (the element of a *Goals array) the match is in.
        if case .key(let first)? = path.components.first, first.hasSuffix("Goals"), match.depth >= 2 {
            v.goal = match.ancestor(atDepth: 2)?["number"]?.text
        }
        return v
    }

    /// The text shown for `{value}`.
    static func displayValue(_ node: Match) -> String {
        if let t = node.text { return t }
        for key in ["written", "code", "text", "title"] {
            if let t = node[key]?.text, !t.isEmpty { return t }
        }
        return ""
    }
}

/// Per-sheet memo of the text of string nodes, as written and normalized, each as a
/// `MatchText` (its UTF-16 units made once), shared by every rule of one sheet's
/// evaluation. Created and used by one `RuleEngine.evaluate` call on one thread, never
/// shared between tasks, hence `@unchecked Sendable` without a lock.
final class SheetTexts: @unchecked Sendable {
    /// By the leaf's string slot in its tree (`SheetTree.stringIndex`), not by node id: a
    /// sheet has far fewer strings than nodes (870,000 of 3.5 million on one hostile sheet).
    @exclusivity(unchecked) private var written: [MatchText?] = []
    @exclusivity(unchecked) private var normalized: [MatchText?] = []

    /// The text of the string node `leaf` as written (`text` is that text).
    func written(_ leaf: Match, _ text: String) -> MatchText {
        guard let i = slot(leaf) else { return MatchText(text) }
        if let known = written[i] { return known }
        let made = MatchText(text)
        written[i] = made
        return made
    }

    /// `TextNormalization.normalize(text)` of the string node `leaf` (whose text is `text`);
    /// the same object as `written` when normalization changes nothing.
    func normalized(_ leaf: Match, _ text: String) -> MatchText {
        guard let i = slot(leaf) else {
            return TextNormalization.normalizedIfChanged(text).map(MatchText.init) ?? MatchText(text)
        }
        if let known = normalized[i] { return known }
        let made = TextNormalization.normalizedIfChanged(text).map(MatchText.init) ?? written(leaf, text)
        normalized[i] = made
        return made
    }

    /// The leaf's string slot, the tables made at their full size on first use (never grown
    /// by doubling); nil for a node that holds no string (not remembered).
    private func slot(_ leaf: Match) -> Int? {
        guard let i = leaf.tree.stringIndex(leaf.id) else { return nil }
        if written.isEmpty {
            written = Array(repeating: nil, count: leaf.tree.stringCount)
            normalized = written
        }
        return i
    }

    /// `DateFacts(text)` of the string node `leaf` (whose text is `text`), read once per
    /// sheet for the date and era rules.
    func dateFacts(_ leaf: Match, _ text: String) -> DateFacts {
        guard let i = leaf.tree.stringIndex(leaf.id) else { return DateFacts(text) }
        if facts.isEmpty { facts = Array(repeating: 0, count: leaf.tree.stringCount) }
        let known = facts[i]
        if known != 0 { return DateFacts(rawValue: known) }
        let made = DateFacts(text)
        facts[i] = made.rawValue
        return made
    }
    @exclusivity(unchecked) private var facts: [UInt8] = []

    /// The distinct text leaves of `matches` that a date or era expression might match (not
    /// empty, and holding a digit or a code point beyond the BMP), with their text and
    /// `DateFacts`, in document order. Worked out once for the last selection asked about:
    /// the date and era rules select the same nodes, and the second gets the first's list.
    func dateCandidates(_ matches: [Match]) -> [(leaf: Match, text: String, facts: DateFacts)] {
        if let memo = dateMemo, memo.ids.count == matches.count,
           memo.ids.withUnsafeBufferPointer({ ids in matches.indices.allSatisfy { ids[$0] == matches[$0].id } }) {
            return memo.candidates
        }
        let candidates = Match.uniqueTextLeaves(matches).compactMap { leaf -> (leaf: Match, text: String, facts: DateFacts)? in
            guard let t = leaf.text, !t.isEmpty else { return nil }
            let facts = dateFacts(leaf, t)
            guard facts.contains(.beyondBMP) || facts.contains(.digit) else { return nil }
            return (leaf, t, facts)
        }
        dateMemo = (matches.map(\.id), candidates)
        return candidates
    }
    @exclusivity(unchecked) private var dateMemo: (ids: [Int32], candidates: [(leaf: Match, text: String, facts: DateFacts)])?

    /// The answers of `catalog` in this sheet, shared by the rules that cite it (unknown,
    /// unverified, title mismatch): each key is looked up once per sheet.
    func statuses(of catalog: Catalog) -> CatalogAnswers {
        for memo in catalogAnswers where memo.catalogId == catalog.id { return memo }
        let made = CatalogAnswers(catalogId: catalog.id)
        catalogAnswers.append(made)
        return made
    }
    @exclusivity(unchecked) private var catalogAnswers: [CatalogAnswers] = []
}
