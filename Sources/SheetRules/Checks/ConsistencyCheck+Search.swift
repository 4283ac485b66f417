extension ConsistencyCheck {
    /// How the variants of all groups are found in a text: every variant that is plain text
    /// or one class of plain characters (`取組み`, `[（）]`), and every one that is plain text
    /// followed by look-aheads (`子ども(?!・子育て)`), in one pass over the text's UTF-8 bytes
    /// (`LiteralSet`) instead of one search per variant; the others by their pattern.
    ///
    /// A variant's count is what `TextPattern.count(in:)` gives: leftmost matches, each
    /// search resuming where the last match ended. `VariantSearchTests` compares the two on
    /// every text of the fixtures and on random texts.
    struct VariantSearch: Sendable {
        /// How one variant is counted.
        enum Way: Sendable {
            /// Its matches are counted by the pass, in `slot`.
            case counted(slot: Int)
            /// Its pattern runs only on texts where the pass found its leading text (`slot`
            /// is non-zero): a look-ahead the pass cannot read (a property other than
            /// `\p{Han}`) is left to the engine.
            case gated(slot: Int)
            /// Its pattern runs on every text.
            case pattern
        }

        /// By group, then by variant, as the rule lists them.
        let ways: [[Way]]
        /// The number of counts the pass makes per text.
        let slots: Int
        /// True when some variant's pattern runs on every text (`.pattern`).
        let runsOnEveryText: Bool
        /// When every needle starts with a character `DateFacts` records (`(` `（` `)` `）` `/`
        /// `／` `年` `月`; the bracket group): those facts. A text whose facts (worked out once
        /// per sheet for the date and era rules) hold none of them has no needle, so it is not
        /// scanned. nil otherwise.
        let factsNeeded: DateFacts?
        private let needles: LiteralSet
        /// For each needle: its slot, its length in UTF-8 bytes, and the look-aheads that must
        /// hold after it (empty for plain text).
        private let needleInfo: [(slot: Int, length: Int, lookaheads: [LiteralPattern.Lookahead])]

        init(_ groups: [Group]) {
            var ways: [[Way]] = [], needles: [[UInt16]] = [], slotOfNeedle: [Int] = []
            var lookaheads: [[LiteralPattern.Lookahead]] = []
            var slots = 0
            for group in groups {
                ways.append(group.variants.map { variant in
                    let source = variant.pattern.source
                    if let literal = LiteralPattern(source) {
                        switch literal.form {
                        case .text(let units):
                            needles.append(units)
                            slotOfNeedle.append(slots)
                            lookaheads.append([])
                        case .anyOf(let units):
                            // Each character once: `[（（]` matches a `（` once.
                            var seen = Set<UInt16>()
                            for u in units where seen.insert(u).inserted {
                                needles.append([u])
                                slotOfNeedle.append(slots)
                                lookaheads.append([])
                            }
                        }
                    } else if let guarded = LiteralPattern.guarded(source) {
                        let readable = guarded.lookaheads.allSatisfy { $0.alternatives.allSatisfy { !$0.contains(.opaque) } }
                        needles.append(guarded.text)
                        slotOfNeedle.append(slots)
                        lookaheads.append(readable ? guarded.lookaheads : [])
                        slots += 1
                        return readable ? .counted(slot: slots - 1) : .gated(slot: slots - 1)
                    } else {
                        return .pattern
                    }
                    slots += 1
                    return .counted(slot: slots - 1)
                })
            }
            self.ways = ways
            self.slots = slots
            runsOnEveryText = ways.contains { $0.contains { if case .pattern = $0 { true } else { false } } }
            var needed: DateFacts? = []
            for needle in needles {
                switch needle[0] {
                case 0x28, 0xFF08: needed?.insert(.open)
                case 0x29, 0xFF09: needed?.insert(.close)
                case 0x2F, 0xFF0F: needed?.insert(.slash)
                case 0x5E74: needed?.insert(.year)
                case 0x6708: needed?.insert(.month)
                default: needed = nil
                }
            }
            factsNeeded = needles.isEmpty ? nil : needed
            let set = LiteralSet(needles)
            self.needles = set
            needleInfo = needles.indices.map { (slotOfNeedle[$0], set.length($0), lookaheads[$0]) }
        }

        /// Entries of scratch space `scan` needs (one per needle).
        var scratchCount: Int { needles.count }

        /// Adds to `counts[slot]` the matches (for `.counted`) or occurrences of the leading
        /// text (for `.gated`) in `text`; `ends` (`scratchCount` entries) is scratch space.
        func scan(_ text: String, into counts: UnsafeMutablePointer<Int32>, ends: UnsafeMutablePointer<Int>) {
            // The closure holds only the table it reads (capturing the search, or the needles,
            // copied them, eight arrays, per text and per occurrence).
            let info = needleInfo
            for k in 0..<info.count { ends[k] = 0 }
            var text = text
            text.withUTF8 { utf8 in
                // Leftmost matches without overlap: `LiteralSet` skips what starts inside the
                // last accepted match of the same needle. A slot's needles are one text, or
                // distinct single characters that cannot overlap each other.
                needles.forEachOccurrence(in: utf8, ends: ends) { k, at in
                    let end = at + info[k].length
                    for lookahead in info[k].lookaheads where !Self.holds(lookahead, utf8, at: end) { return false }
                    counts[info[k].slot] += 1
                    return true
                }
            }
        }

        /// True when `lookahead` holds at byte `at` of `utf8`.
        private static func holds(_ lookahead: LiteralPattern.Lookahead, _ utf8: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
            let matched = lookahead.alternatives.contains { items in
                var i = at
                for item in items {
                    guard i < utf8.count else { return false }
                    let (v, length) = scalar(utf8, at: i)
                    guard item.admits(v) else { return false }
                    i += length
                }
                return true
            }
            return matched != lookahead.negative
        }

        /// The code point starting at byte `i` of valid UTF-8, and its length.
        private static func scalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
            let b = p[i]
            if b < 0x80 { return (UInt32(b), 1) }
            if b < 0xE0 { return (UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
            if b < 0xF0 { return (UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3) }
            return (UInt32(b & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F), 4)
        }
    }
}
