import SheetModel

/// Recognises the four section headings by their words, however they are numbered or
/// marked up (`3. 当年度目標…`, `## ３．当年度目標`, `| 4. 中期目標 |`).
enum SectionHeading {
    /// No heading line is longer than this (in scalars, markup and spaces included).
    static let maxLength = 160

    /// The first scalars of the words below (中期目標, 当年度目標, 今年度目標, 取り組み方針,
    /// 取組方針, 取組み方針, 部局の使命, 使命).
    private static func isFirstScalar(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "中", "当", "今", "取", "部", "使": return true
        default: return false
        }
    }

    /// The section a line or lone cell announces; nil when it is not a heading.
    static func section(of run: Run) -> SectionKind? {
        section(of: run.scalars)
    }

    /// The same for raw scalars. Headings are short: a long line is never one, and is not
    /// even folded (a 2 MB cell must not be scanned for heading words).
    static func section(of scalars: [Unicode.Scalar]) -> SectionKind? {
        section(of: scalars[...])
    }

    static func section(of scalars: ArraySlice<Unicode.Scalar>) -> SectionKind? {
        guard scalars.count <= maxLength else { return nil }
        // Every heading holds the first scalar of one of its words: most lines hold none
        // and need no folding (scalars canonical equivalence could match otherwise are
        // looked at as before).
        guard scalars.contains(where: { isFirstScalar($0) || $0.value >= 0x300 && TableRoles.needsStringComparison($0) })
        else { return nil }
        // The key (folded, white space removed) as scalars. Made only of plain scalars (see
        // `PageFurniture.HeaderScalars.isPlain`: each one character, canonically equivalent
        // to no other sequence), it is read scalar by scalar as the `String` code below
        // reads it character by character.
        let plainSection = withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: maxLength) { buffer -> SectionKind?? in
            var count = 0
            for s in scalars where !ScalarFolding.isSpace(s) {
                let folded = ScalarFolding.fold(s)
                guard PageFurniture.HeaderScalars.isPlain(folded) else { return nil }
                buffer[count] = folded
                count += 1
            }
            return .some(section(ofPlainKey: UnsafeBufferPointer(rebasing: buffer[..<count])))
        }
        if let plainSection { return plainSection }
        let key = ScalarFolding.key(String(scalarsOf: scalars))
        guard !key.isEmpty else { return nil }
        var body = Substring(key)
        let marked = body.hasPrefix("#") || body.hasPrefix("**") || body.first.map({ $0.isNumber || "一二三四".contains($0) }) == true
        body = body.drop { "#*".contains($0) }
        // Leading section number: `1.`, `1)`, `3、`, `四.`; a `(1)` item marker is no heading.
        if body.hasPrefix("(") { return nil }
        body = body.drop { $0.isNumber || "一二三四".contains($0) }
        body = body.drop { ".)、．:".contains($0) }
        // Long lines are text that happens to mention a section's words.
        guard body.count <= (marked ? 80 : 30) else { return nil }
        let scalars = Array(body.unicodeScalars)
        // Compared on scalars; text that canonical equivalence or character boundaries could
        // read differently is compared as a `String`, as it always was.
        guard !scalars.contains(where: TableRoles.needsStringComparison) else { return section(ofString: body) }
        func has(_ word: [Unicode.Scalar]) -> Bool { TableRoles.contains(scalars, word) }
        func starts(_ word: [Unicode.Scalar]) -> Bool { scalars.starts(with: word) }
        if has(Words.midTerm) { return .midTermGoals }
        if has(Words.annual) || starts(Words.thisYear) { return .annualGoals }
        if Words.approaches.contains(where: has) { return .approaches }
        if has(Words.mission) || starts(Words.missionShort) { return .mission }
        return nil
    }

    /// The steps of `section(of:)` on a key of plain scalars. A plain scalar is one
    /// `Character`, and that character is a number exactly when the scalar has a numeric
    /// type (what `Character.isNumber` asks of its first scalar).
    private static func section(ofPlainKey key: UnsafeBufferPointer<Unicode.Scalar>) -> SectionKind? {
        guard let first = key.first else { return nil }
        func isNumeral(_ s: Unicode.Scalar) -> Bool {
            s.properties.numericType != nil || s == "一" || s == "二" || s == "三" || s == "四"
        }
        let marked = first == "#" || key.starts(with: ["*", "*"]) || isNumeral(first)
        var i = 0
        while i < key.count, key[i] == "#" || key[i] == "*" { i += 1 }
        if i < key.count, key[i] == "(" { return nil }
        while i < key.count, isNumeral(key[i]) { i += 1 }
        while i < key.count, [".", ")", "、", "．", ":"].contains(key[i]) { i += 1 }
        guard key.count - i <= (marked ? 80 : 30) else { return nil }
        let body = key[i...]
        func has(_ word: [Unicode.Scalar]) -> Bool { TableRoles.contains(body, word) }
        func starts(_ word: [Unicode.Scalar]) -> Bool { body.starts(with: word) }
        if has(Words.midTerm) { return .midTermGoals }
        if has(Words.annual) || starts(Words.thisYear) { return .annualGoals }
        if Words.approaches.contains(where: has) { return .approaches }
        if has(Words.mission) || starts(Words.missionShort) { return .mission }
        return nil
    }

    static func section(ofString body: Substring) -> SectionKind? {
        if body.contains("中期目標") { return .midTermGoals }
        if body.contains("当年度目標") || body.hasPrefix("今年度目標") { return .annualGoals }
        if body.contains("取り組み方針") || body.contains("取組方針") || body.contains("取組み方針") { return .approaches }
        if body.contains("部局の使命") || body.hasPrefix("使命") { return .mission }
        return nil
    }

    private enum Words {
        static func w(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
        static let midTerm = w("中期目標"), annual = w("当年度目標"), thisYear = w("今年度目標")
        static let approaches = ["取り組み方針", "取組方針", "取組み方針"].map(w)
        static let mission = w("部局の使命"), missionShort = w("使命")
    }
}
