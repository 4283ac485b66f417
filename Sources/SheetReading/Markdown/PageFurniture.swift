import SheetModel

/// Text that a PDF conversion leaves between tables and that belongs to the printed page,
/// not to the sheet: page numbers (`- 2 -`, `― 2 ―`, `2 / 5`, `2`, `p.2`, `2ページ`) and a
/// running header repeating the department or the year (`都市経営部`,
/// `令和4年度 都市経営部 部局長の目標設定シート`). The reader skips such a line without a
/// note; any other text it cannot place still gets one.
enum PageFurniture {
    /// Furniture lines are short; a longer line is always read as text.
    static let maxLength = 80

    /// Words of a sheet's printed title that a running header may repeat.
    static let titleWords = ["部局長の目標設定シート", "目標設定シート", "マネジメントシート", "目標管理シート",
                             "部局長", "当初設定", "振り返り", "総括"]

    /// What may be left of a running header once its words are removed.
    static let punctuation = "()[]【】「」『』・-/|:,、。.~ー"

    /// True when the text line `run` is a page number or a running header of a sheet with
    /// `header` (the department and head's name read so far).
    static func isFurniture(_ run: Run, header: Header) -> Bool {
        var filter = HeaderScalars(header: header)
        return isFurniture(run, header: header, filter: &filter)
    }

    /// The same, with `filter` kept by the caller across lines (it is worked out again only
    /// when the header has changed).
    static func isFurniture(_ run: Run, header: Header, filter: inout HeaderScalars) -> Bool {
        guard run.count <= maxLength else { return false }
        // The key's scalars (folded, white space removed) on the stack: most lines are
        // turned away by the filters without the key's `String`.
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: maxLength) { buffer -> Bool in
            var count = 0
            run.withScalars { scalars in
                for s in scalars where !ScalarFolding.isSpace(s) {
                    buffer[count] = ScalarFolding.fold(s)
                    count += 1
                }
            }
            guard count > 0 else { return false }
            let scalars = UnsafeBufferPointer(rebasing: buffer[..<count])
            // Made once, when a full check needs it: the same string as `ScalarFolding.key`.
            var made: String?
            func key() -> String {
                if let made { return made }
                let key = String(scalarsOf: scalars)
                made = key
                return key
            }
            if mayBePageNumber(scalars), isPageNumber(key()) { return true }
            if !filter.isFor(header) { filter = HeaderScalars(header: header) }
            return filter.mayBeRunningHeader(scalars) && isRunningHeader(key(), header: header)
        }
    }

    /// Every scalar a running header of one header may be made of, to turn away most text
    /// lines without the `String` search of `isRunningHeader`.
    struct HeaderScalars {
        private let texts: [String?]
        /// Nil when some header text holds a scalar `String` comparison could match against
        /// another sequence: then every line gets the full check.
        /// Sorted and without duplicates (searched by halves: a few dozen scalars).
        private let allowed: [UInt32]?

        init(header: Header) {
            let fields = [header.department, header.name, header.position].map { $0?.text }
            texts = fields
            // The header's few scalars sorted, merged with the fixed ones (sorted once).
            var own: [UInt32] = []
            for text in fields.compactMap({ $0 }) { own += ScalarFolding.key(text).unicodeScalars.map(\.value) }
            own.sort()
            let fixed = Self.fixed
            var unique: [UInt32] = []
            unique.reserveCapacity(fixed.count + own.count)
            var a = 0, b = 0
            while a < fixed.count || b < own.count {
                let v: UInt32
                if b == own.count || a < fixed.count && fixed[a] <= own[b] {
                    v = fixed[a]
                    a += 1
                } else {
                    v = own[b]
                    b += 1
                }
                if unique.last != v { unique.append(v) }
            }
            self.allowed = unique.allSatisfy { Self.isPlain(Unicode.Scalar($0)!) } ? unique : nil
        }

        /// The scalars of the title words, years and punctuation, sorted.
        private static let fixed: [UInt32] = (titleWords + ["令和平成元年度0123456789", punctuation])
            .flatMap { $0.unicodeScalars.map(\.value) }.sorted()

        private static func contains(_ sorted: [UInt32], _ v: UInt32) -> Bool {
            var lo = 0, hi = sorted.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if sorted[mid] < v { lo = mid + 1 } else { hi = mid }
            }
            return lo < sorted.count && sorted[lo] == v
        }

        func isFor(_ header: Header) -> Bool {
            // Field by field: no array is made for the comparison.
            texts.count == 3 && texts[0] == header.department?.text && texts[1] == header.name?.text
                && texts[2] == header.position?.text
        }

        /// False only when `key` cannot be a running header: a scalar of it is in none of
        /// the header's fields, years, title words or punctuation. Exact because then both
        /// sides hold only plain scalars, each its own character and canonically equivalent
        /// to no other sequence, so `String` search finds what scalar search finds; a key
        /// holding any other scalar gets the full check.
        func mayBeRunningHeader(_ key: String) -> Bool {
            mayBeRunningHeader(key.unicodeScalars)
        }

        /// The same for the key's scalars.
        func mayBeRunningHeader<C: Collection>(_ key: C) -> Bool where C.Element == Unicode.Scalar {
            guard let allowed else { return true }
            var outside = false
            for s in key {
                guard Self.isPlain(s) else { return true }
                if !Self.contains(allowed, s.value) { outside = true }
            }
            return !outside
        }

        /// Printable ASCII, 、。「」『』【】, kana (not the combining sound marks), the
        /// prolonged sound mark and CJK unified ideographs.
        static func isPlain(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x21...0x7E, 0x3001...0x3002, 0x300C...0x3011, 0x3041...0x3096, 0x30A1...0x30FC, 0x4E00...0x9FFF: return true
            default: return false
            }
        }
    }

    /// False only when `key` cannot be a page number: a key of plain scalars (see
    /// `HeaderScalars.isPlain`: there `String` comparison is scalar comparison) longer than
    /// `-p.123/456ページ-` or holding a scalar none of those forms do.
    static func mayBePageNumber(_ key: String) -> Bool {
        mayBePageNumber(key.unicodeScalars)
    }

    /// The same for the key's scalars.
    static func mayBePageNumber<C: Collection>(_ key: C) -> Bool where C.Element == Unicode.Scalar {
        var count = 0
        for s in key {
            guard HeaderScalars.isPlain(s) else { return true }
            count += 1
            switch s {
            case "0"..."9", "/", "-", "ー", "~", "p", "P", ".", "ペ", "ジ": continue
            default: return false
            }
        }
        return count <= 14
    }

    /// `-2-`, `ー2ー`, `2/5`, `-2/5-`, `2`, `p.2`, `P2`, `2ページ` (folded, spaces removed).
    static func isPageNumber(_ key: String) -> Bool {
        var s = Substring(key)
        // A matching pair of dashes around the number (― and － fold to -).
        for dash in ["-", "ー", "~"] where s.count >= 3 && s.hasPrefix(dash) && s.hasSuffix(dash) {
            s = s.dropFirst().dropLast()
            break
        }
        if s.hasPrefix("p.") || s.hasPrefix("P.") { s = s.dropFirst(2) } else if s.hasPrefix("p") || s.hasPrefix("P") { s = s.dropFirst() }
        if s.hasSuffix("ページ") { s = s.dropLast(3) }
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { part in (1...3).contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// A line made only of the department, the head's name or position, era or western
    /// years and title words, holding at least the department or a year.
    static func isRunningHeader(_ key: String, header: Header) -> Bool {
        var rest = key
        var anchored = false
        for field in [header.department, header.name, header.position] {
            guard let text = field?.text else { continue }
            let k = ScalarFolding.key(text)
            guard k.count >= 2, rest.contains(k) else { continue }
            rest = rest.replacingAll(k)
            if field == header.department { anchored = true }
        }
        let (withoutYears, years) = removingYears(rest)
        rest = withoutYears
        anchored = anchored || years > 0
        for word in titleWords { rest = rest.replacingAll(word) }
        return anchored && rest.allSatisfy { punctuation.contains($0) }
    }

    /// `key` without `令和4年度`, `令和元年`, `平成30年度`, `2022年度`, `2022` (western years
    /// 1900–2099 only), and how many were removed.
    static func removingYears(_ key: String) -> (String, Int) {
        let chars = Array(key)
        var out = "", found = 0, i = 0
        while i < chars.count {
            var j = i
            if i + 1 < chars.count, ["令和", "平成"].contains(String(chars[i...(i + 1)])) {
                j = i + 2
                if j < chars.count, chars[j] == "元" { j += 1 } else { while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 } }
                guard j > i + 2, j < chars.count, chars[j] == "年" else { out.append(chars[i]); i += 1; continue }
                j += 1
            } else if chars[i].isASCII, chars[i].isNumber {
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                guard j - i == 4, ["19", "20"].contains(String(chars[i..<(i + 2)])) else {
                    out += String(chars[i..<j])
                    i = j
                    continue
                }
                if j < chars.count, chars[j] == "年" { j += 1 }
            } else {
                out.append(chars[i])
                i += 1
                continue
            }
            if j < chars.count, chars[j] == "度" { j += 1 }
            found += 1
            i = j
        }
        return (out, found)
    }
}

extension String {
    fileprivate func replacingAll(_ target: String) -> String {
        guard !target.isEmpty else { return self }
        var out = "", rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
