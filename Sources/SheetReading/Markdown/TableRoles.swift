/// What a column holds, learned from a table's header rows.
enum ColumnRole: Equatable {
    case number, plan, results, directions, body, schedule, approach, review
}

/// The roles a table's header rows give its columns, by 0-based column index (a few
/// columns: an array, not a dictionary).
struct ColumnRoles: Equatable {
    private var roles: [ColumnRole?] = []

    subscript(column: Int) -> ColumnRole? {
        get { column >= 0 && column < roles.count ? roles[column] : nil }
        set {
            guard column >= 0 else { return }
            if column >= roles.count {
                guard newValue != nil else { return }
                while roles.count <= column { roles.append(nil) }
            }
            roles[column] = newValue
        }
    }

    /// True when no column has a role.
    var isEmpty: Bool { !roles.contains { $0 != nil } }

    func contains(_ role: ColumnRole) -> Bool { roles.contains(role) }

    /// Takes the roles `other` gives, keeping the others.
    mutating func merge(_ other: ColumnRoles) {
        for (column, role) in other.roles.enumerated() where role != nil { self[column] = role }
    }

    /// The roles as a dictionary, column to role.
    var dictionary: [Int: ColumnRole] {
        var out: [Int: ColumnRole] = [:]
        for (column, role) in roles.enumerated() { if let role { out[column] = role } }
        return out
    }

    static func == (a: ColumnRoles, b: ColumnRoles) -> Bool { a.dictionary == b.dictionary }
}

/// Header rows repeat with every table; they are recognised by their words and give the
/// columns their roles. Goal rows are never taken for headers: they start with a number.
enum TableRoles {
    /// Roles named by `cells` if the row is a header row; nil otherwise.
    static func headerRoles(_ cells: [Run], midTerm: Bool) -> ColumnRoles? {
        // The cell's text without tags, folded, with all white space removed: in a buffer
        // on the stack (a header cell is short), spilled into an array past its size.
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: keyCapacity) { buffer -> ColumnRoles? in
            var roles = ColumnRoles()
            for (i, cell) in cells.enumerated() {
                var count = 0
                var spilled: [Unicode.Scalar] = []
                // 41 plain scalars (see `PageFurniture.HeaderScalars.isPlain`) followed by
                // another are 41 characters: the cell is too long for a header, without
                // reading it all.
                var plainRun = 0
                var tooLong = false
                CellHTML.forEachTextScalar(cell) { s in
                    guard !ScalarFolding.isSpace(s) else { return true }
                    let folded = ScalarFolding.fold(s)
                    if count < keyCapacity {
                        buffer[count] = folded
                    } else {
                        if count == keyCapacity { spilled = Array(buffer) }
                        spilled.append(folded)
                    }
                    count += 1
                    if plainRun == count - 1, PageFurniture.HeaderScalars.isPlain(folded) { plainRun += 1 }
                    tooLong = plainRun > 41
                    return !tooLong
                }
                if tooLong { return nil }
                guard count > 0 else { continue }
                let role = count > keyCapacity
                    ? cellRole(spilled[...], midTerm: midTerm)
                    : cellRole(UnsafeBufferPointer(rebasing: buffer[..<count]), midTerm: midTerm)
                guard let role else { return nil }
                roles[i] = role
            }
            return roles.isEmpty ? nil : roles
        }
    }

    /// Header cells are short: their keys fit in this many scalars.
    private static let keyCapacity = 48

    /// The role of a header cell's `key`; nil when the cell names none (then the row is no
    /// header row).
    private static func cellRole<K: RandomAccessCollection>(_ key: K, midTerm: Bool) -> ColumnRole?
    where K.Element == Unicode.Scalar, K.Index == Int {
        // At most 40 characters (a character may be several scalars).
        if key.count > 40, String(scalarsOf: key).count > 40 { return nil }
        return role(of: key, midTerm: midTerm)
    }

    /// The role a header cell's words name. Compared on scalars; a key holding a scalar that
    /// canonical equivalence could match differently (a combining mark, a compatibility
    /// ideograph) is compared as a `String`, as it always was.
    static func role(of key: [Unicode.Scalar], midTerm: Bool) -> ColumnRole? {
        role(of: key[...], midTerm: midTerm)
    }

    /// The same on any scalars indexed by position (a slice, a buffer).
    static func role<K: RandomAccessCollection>(of key: K, midTerm: Bool) -> ColumnRole?
    where K.Element == Unicode.Scalar, K.Index == Int {
        // One pass: a scalar canonical equivalence could match differently sends the key to
        // the `String` comparison; without one, every word below starts with one of the
        // scalars `isFirstScalarOfAWord` accepts, and most cells (numbers, text) hold none.
        var mayHoldAWord = false
        for s in key {
            if s.value >= 0x300, needsStringComparison(s) { return role(ofString: String(scalarsOf: key), midTerm: midTerm) }
            if !mayHoldAWord, isFirstScalarOfAWord(s) { mayHoldAWord = true }
        }
        guard mayHoldAWord else { return nil }
        func has(_ word: [Unicode.Scalar]) -> Bool { contains(key, word) }
        func isWord(_ word: [Unicode.Scalar]) -> Bool { key.elementsEqual(word) }
        if isASCIICaseless(key, "no") || isASCIICaseless(key, "no.") || isWord(Words.number) || isWord(Words.itemNumber) {
            return .number
        }
        // Order matters: 取組み事項…スケジュール is the plan, …めざす成果など is the body.
        if Words.plan.contains(where: has) { return midTerm ? .body : .plan }
        if Words.schedule.contains(where: has) { return .schedule }
        if Words.results.contains(where: has) { return .results }
        if Words.directions.contains(where: has) { return .directions }
        if has(Words.review) { return .review }
        if isWord(Words.approach) || has(Words.approachPolicy) { return .approach }
        return nil
    }

    /// The same on a `String` (Foundation's `contains` compares by canonical equivalence).
    static func role(ofString key: String, midTerm: Bool) -> ColumnRole? {
        let lower = key.lowercased()
        if lower == "no" || lower == "no." || key == "番号" || key == "項番" { return .number }
        if key.contains("取組み事項") || key.contains("取組事項") || key.contains("取り組み事項") || key.contains("当年度目標") {
            return midTerm ? .body : .plan
        }
        if key.contains("スケジュール") || key.contains("工程") { return .schedule }
        if key.contains("実績") || key.contains("取組みを行った") || key.contains("成果") { return .results }
        if key.contains("課題") || key.contains("方向性") { return .directions }
        if key.contains("総括") { return .review }
        if key == "方針" || key.contains("取り組み方針") { return .approach }
        return nil
    }

    private enum Words {
        static func w(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
        static let number = w("番号"), itemNumber = w("項番")
        static let plan = ["取組み事項", "取組事項", "取り組み事項", "当年度目標"].map(w)
        static let schedule = ["スケジュール", "工程"].map(w)
        static let results = ["実績", "取組みを行った", "成果"].map(w)
        static let directions = ["課題", "方向性"].map(w)
        static let review = w("総括"), approach = w("方針"), approachPolicy = w("取り組み方針")
    }

    private static func isFirstScalarOfAWord(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "n", "N", "番", "項", "取", "当", "ス", "工", "実", "成", "課", "方", "総": return true
        default: return false
        }
    }

    static func needsStringComparison(_ s: Unicode.Scalar) -> Bool {
        guard s.value >= 0x300 else { return false }
        switch s.value {
        // Kana (but for the combining voiced marks), CJK ideographs, full-width forms: most
        // of a sheet, answered without a property lookup.
        case 0x3040...0x3098, 0x309B...0x30FF, 0x4E00...0x9FFF, 0xFF00...0xFFEF: return false
        // Compatibility ideographs and letter-like signs with canonical decompositions,
        // Hangul jamo and regional indicators (they join into one character).
        case 0xF900...0xFAFF, 0x2F800...0x2FA1F, 0x2126, 0x212A, 0x212B, 0x1100...0x11FF, 0xA960...0xA97F,
             0xD7B0...0xD7FF, 0x1F1E6...0x1F1FF: return true
        default: break
        }
        if s.properties.canonicalCombiningClass != .notReordered { return true }
        // Marks and format characters (variation selectors, joiners) extend a character.
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    private static func isASCIICaseless<K: Collection>(_ key: K, _ word: StaticString) -> Bool
    where K.Element == Unicode.Scalar {
        // `word` is lower-case ASCII: its bytes are its scalars.
        guard key.count == word.utf8CodeUnitCount else { return false }
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for (a, b) in zip(key, w) {
            let lower = a.value >= 0x41 && a.value <= 0x5A ? a.value + 0x20 : a.value
            if lower != UInt32(b) { return false }
        }
        return true
    }

    static func contains(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        contains(hay[...], needle)
    }

    /// Whether `needle` occurs in `hay`, scalar for scalar.
    static func contains<H: RandomAccessCollection>(_ hay: H, _ needle: [Unicode.Scalar]) -> Bool
    where H.Element == Unicode.Scalar, H.Index == Int {
        guard needle.count <= hay.count, let first = needle.first else { return needle.isEmpty }
        let m = needle.count
        var i = hay.startIndex
        search: while i + m <= hay.endIndex {
            if hay[i] == first {
                var k = 1
                while k < m {
                    if hay[i + k] != needle[k] { i += 1; continue search }
                    k += 1
                }
                return true
            }
            i += 1
        }
        return false
    }

    private static func string(_ scalars: [Unicode.Scalar]) -> String {
        String(scalarsOf: scalars)
    }
}
