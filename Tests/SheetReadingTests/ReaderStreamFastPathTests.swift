@testable import SheetReading
import SheetModel
import XCTest

/// Session 4's reading fast paths (a file decoded into one storage, blocks and pieces
/// passed on as they are cut instead of collected into arrays, schedule entries read
/// without folded copies) against the code they replaced, kept here as the reference.
final class ReaderStreamFastPathTests: XCTestCase {
    private var rng = SystemRandomNumberGenerator()

    /// Pieces of cells: tags of every kind, entities, markers, spaces, kana and kanji,
    /// timing words, colons and brackets.
    private static let parts = [
        "<p>", "</p>", "<li>", "</li>", "<ul style=\"x\">", "<br>", "<BR/>", "<span>", "</span>", "<b>", "<!-- c -->",
        "<!x>", "<", ">", "< p>", "<p", "&amp;", "&lt;", "&#12354;", "&#x3042;", "&nbsp;", "&bogus;", "&", ";",
        "(1)", "（２）", "(12)", "(0)", "①", "⑳", "㉑", "・", "･", " ", "\u{3000}", "\u{A0}", "\t",
        "a", "推進", "政策評価の公表", "(8月下旬)", "（9月～12月）", "：随時", ":令和4年度", "次期計画の策定：令和5年(2023年)4月",
        "毎月", "年3~4回", "(", ")", "（", "）", ":", "：", "5-2-①", "年(2022)", "調査・研究", "\u{2009}", "e\u{301}",
        "総合計画", "基本政策", "|",
    ]

    private func randomText(_ maxParts: Int) -> String {
        (0..<Int.random(in: 0...maxParts, using: &rng)).map { _ in Self.parts.randomElement(using: &rng)! }.joined()
    }

    /// A run as a cell of a line is: a range of a longer line, columns counted from its start.
    private func cell(_ text: String) -> Run {
        let line = Array("| 1 | ".unicodeScalars) + Array(text.unicodeScalars) + Array(" |".unicodeScalars)
        return Run(line: line, number: 7).slice(6..<(line.count - 2))
    }

    private func describe(_ run: Run) -> String {
        "\(run.string)@\(run.line):\((0..<run.count).map(run.column))"
    }

    func testBlocksArePassedOnAsTheArrayHeldThem() {
        for _ in 0..<4000 {
            let text = randomText(14)
            let run = cell(text)
            var streamed: [String] = []
            CellHTML.forEachBlock(run) { streamed.append("\($1) \(describe($0))") }
            let reference = Self.referenceBlocks(run).map { "\($0.isListItem) \(describe($0.run))" }
            XCTAssertEqual(streamed, reference, text)
        }
    }

    func testPiecesArePassedOnAsTheArrayHeldThem() {
        for _ in 0..<4000 {
            let text = randomText(10)
            let run = cell(text).trimmed()
            var streamed: [String] = []
            Piece.forEach(in: run) { piece in
                streamed.append(Self.describe(piece))
                // The span worked out on columns is the union of the two spans; the colon
                // noted while cutting is exactly a colon in the content.
                XCTAssertEqual(piece.span(file: "f"), piece.referenceSpan(file: "f"), text)
                XCTAssertEqual(piece.mayHoldColon, piece.content.scalars.contains { $0 == ":" || $0 == "\u{FF1A}" }, text)
            }
            XCTAssertEqual(streamed, Self.referenceCut(run).map(Self.describe), text)
        }
    }

    private static func describe(_ piece: Piece) -> String {
        "\(piece.marker) \(piece.markerRun.map { "\($0.string)\($0.firstColumn ?? 0)" } ?? "-") "
            + "\(piece.content.string)\(piece.content.firstColumn ?? 0)-\(piece.content.lastColumn ?? 0) \(piece.startsFragment) "
            + "\(piece.span(file: "f").compactDescription)"
    }

    func testGoalNumbersAreReadAsTheStringComparisonReadThem() {
        let parts = ["1", "２", "35", "100", "0", "No.", "NO.", "no.", "No", "目標", " ", "\u{3000}", "<p>", "</p>", "&#49;",
                     "①", "・", "+", "-", "x", "政策", "5-2-①", "e\u{301}", "1\u{301}", "\u{FAA3}", "目\u{3099}", "."]
        for _ in 0..<6000 {
            let text = (0..<Int.random(in: 0...6, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined()
            let run = cell(text)
            XCTAssertEqual(MarkdownSheetParser.goalNumber(run), Self.referenceGoalNumber(run), text)
        }
    }

    func testYearsOfATextAreReadAsFromItsScalarView() {
        let parts = ["令和", "平成", "元", "4", "１２", "2022", "２０２３", "年", "度", "年度", "x", " ", "é", "😀", "\u{301}", "漢"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(FiscalYearInference.years(in: text), FiscalYearInference.years(in: Array(text.unicodeScalars)), text)
        }
    }

    func testColonEntriesAreReadAsFromTheWordArrays() {
        let parts = ["推進", "：", ":", "随時", "令和4年度", "次期計画の策定", "(", ")", "（", "）", "毎月", "3回", "年内", " ", " ",
                     "\u{3000}", "x", "5", "月", "a:b", "：：", "e\u{301}", "常\u{3099}時", "\u{FAA3}"]
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined()
            let run = cell(text)
            XCTAssertEqual(ScheduleParsing.colonEntries(run, file: "f"), Self.referenceColonEntries(run, file: "f"), text)
            XCTAssertEqual(ScheduleParsing.bullet(run, file: "f"), Self.referenceBullet(run, file: "f"), text)
        }
    }

    func testFoldingAndWhiteSpaceAgreeWithTheSwitchesOnEveryScalar() {
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(ScalarFolding.fold(s), Self.referenceFold(s), "\(v)")
            XCTAssertEqual(ScalarFolding.isSpace(s), Self.referenceIsSpace(s), "\(v)")
        }
    }

    func testTimingsAreFoundAsTheStringSearchFindsThem() {
        let parts = ScheduleParsing.timingWords + ["随", "時", "毎", "四半", "期", "年", "5", "月", "回", "x", " ", "(", "令和", "常\u{3099}時",
                                                   "\u{FA5C}", "e\u{301}", "日"]
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...6, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined()
            let folded = text.unicodeScalars.map(ScalarFolding.fold)
            let digitRule = folded.indices.contains { i in
                ScalarFolding.digit(folded[i]) != nil && i + 1 < folded.count && ["年", "月", "日", "回"].contains(folded[i + 1])
            }
            let string = String(String.UnicodeScalarView(folded))
            let reference = digitRule || ScheduleParsing.timingWords.contains { string.contains($0) }
            XCTAssertEqual(ScheduleParsing.looksLikeTiming(folded), reference, text)
            XCTAssertEqual(ScheduleParsing.looksLikeTiming(text.unicodeScalars.map { $0 }.lazy.map(ScalarFolding.fold)), reference, text)
        }
    }

    func testHeaderRolesAreFoundAsGroupByGroupSearchFoundThem() {
        let parts = ["取組み事項", "取組事項", "取り組み事項", "当年度目標", "スケジュール", "工程", "実績", "取組みを行った", "成果", "課題",
                     "方向性", "総括", "方針", "取り組み方針", "番号", "項番", "No", "no.", "取", "取組", "実", "方", "当年度", "・", "及び",
                     "その内容", "(当初設定)", "x", "1", "課", "総"]
        for _ in 0..<8000 {
            let text = (0..<Int.random(in: 1...4, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined()
            let key = text.unicodeScalars.filter { !ScalarFolding.isSpace($0) }.map(ScalarFolding.fold)
            let plain = key.allSatisfy(PageFurniture.HeaderScalars.isPlain)
            for midTerm in [false, true] {
                XCTAssertEqual(TableRoles.role(of: key, midTerm: midTerm), Self.referenceRole(of: key, midTerm: midTerm), text)
                XCTAssertEqual(TableRoles.role(of: key[...], midTerm: midTerm, plain: plain),
                               Self.referenceRole(of: key, midTerm: midTerm), text)
            }
        }
    }

    func testHeadingScalarsAreTurnedAwayAsBefore() {
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let reference = SectionHeading.isFirstScalar(s) || s.value >= 0x300 && TableRoles.needsStringComparison(s)
            XCTAssertEqual(SectionHeading.mayStartAWordOrNeedString(s), reference, "\(v)")
        }
    }

    func testNenIsFoundAsTheByteLoopFoundIt() {
        let parts = ["年", "令和", "平", "\u{5E73}", "\u{5E75}", "\u{5974}", "x", "😀", "é", "度", ""]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined()
            let bytes = Array(text.utf8)
            let reference = bytes.indices.contains { $0 + 2 < bytes.count && bytes[$0] == 0xE5 && bytes[$0 + 1] == 0xB9 && bytes[$0 + 2] == 0xB4 }
            XCTAssertEqual(FiscalYearInference.containsNen(text), reference, text)
        }
    }

    func testScalarSearchFindsTheFirstOccurrence() {
        let alphabet: [Unicode.Scalar] = ["|", "<", "\\", "a", "都", "!", "-"]
        for _ in 0..<3000 {
            let scalars = (0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let start = Int.random(in: 0...(scalars.count + 1), using: &rng)
            for target in alphabet {
                let expected = start < scalars.count ? scalars[start...].firstIndex(of: target) : nil
                XCTAssertEqual(scalars.withUnsafeBufferPointer { ScalarSearch.first(target, in: $0, from: start) }, expected)
            }
            for (a, b) in [("<", "&"), ("|", "\\"), ("a", "a")] as [(Unicode.Scalar, Unicode.Scalar)] {
                let expected = start < scalars.count ? scalars[start...].firstIndex { $0 == a || $0 == b } ?? scalars.count
                                                     : max(start, scalars.count)
                XCTAssertEqual(scalars.withUnsafeBufferPointer { ScalarSearch.firstOf(a, b, in: $0, from: start) }, expected)
            }
            let opening = scalars.indices.contains { i in i + 3 < scalars.count && scalars[i...].starts(with: ["<", "!", "-", "-"]) }
            XCTAssertEqual(SuppressionComments.hasCommentOpening(scalars), opening)
        }
    }

    func testRowsAreSplitIntoTheCellsTheScalarLoopFound() {
        let parts = ["|", "\\|", "\\", "a", "都市", " ", "<p>x</p>", "\u{3000}", "-", ":"]
        for _ in 0..<4000 {
            let text = "|" + (0..<Int.random(in: 0...12, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined()
            let line = Run(line: Array(text.unicodeScalars), number: 3)
            var cells: [Run] = []
            let kind = MarkdownLine.classify(line, cells: &cells)
            let reference = Self.referenceCells(line, from: 0)
            switch kind {
            case .row(let found, _):
                XCTAssertEqual(found.map(describe), reference.map(describe), text)
            case .delimiter:
                XCTAssertEqual(cells.map(describe), reference.map(describe), text)
            default:
                XCTFail(text)
            }
        }
    }

    func testLinesReadLineByLineAreTheLinesOfTheWholeText() {
        // Past `SourceLines.wholeFileLimit` each line is a storage of its own; every line,
        // column and string must be the same as from one storage for the whole text.
        let parts = ["a", "都市", "\n", "\r\n", "\r", "😀", "é", "<!-- x -->", "| 1 | 2 |", " ", "\u{3000}", ""]
        var texts = ["", "\n", "a", "a\n", "\r\r\n\n", "都\r\n", String(repeating: "x", count: 300) + "\n漢"]
        for _ in 0..<400 {
            texts.append((0..<Int.random(in: 0...30, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined())
        }
        for text in texts {
            let whole = SourceLines.split(text)
            let byLine = SourceLines.split(text, wholeFileLimit: 0)
            XCTAssertEqual(whole.map { Array($0.scalars) }, byLine.map { Array($0.scalars) }, text.debugDescription)
            XCTAssertEqual(whole.map(\.string), byLine.map(\.string), text.debugDescription)
            XCTAssertEqual(whole.map(\.line), byLine.map(\.line), text.debugDescription)
            for (a, b) in zip(whole, byLine) {
                XCTAssertEqual((0..<a.count).map(a.column), (0..<b.count).map(b.column))
                for _ in 0..<4 where a.count > 0 {
                    let lo = Int.random(in: 0...a.count, using: &rng), hi = Int.random(in: lo...a.count, using: &rng)
                    XCTAssertEqual(a.slice(lo..<hi).string, b.slice(lo..<hi).string, text.debugDescription)
                }
            }
        }
    }

    func testPlainScalarsNeverNeedTheStringComparison() {
        // `TableRoles.role(of:midTerm:plain:)` skips the question for keys of plain scalars.
        for v in UInt32(0)...0xFFFF {
            guard let s = Unicode.Scalar(v), PageFurniture.HeaderScalars.isPlain(s) else { continue }
            XCTAssertFalse(TableRoles.needsStringComparison(s), "\(v)")
        }
    }

    // MARK: - The replaced code

    /// `MarkdownLine.splitCells` as it was: every scalar looked at for `|` and `\\`.
    private static func referenceCells(_ run: Run, from first: Int) -> [Run] {
        var cells: [Run] = []
        var start = first + 1
        var i = start
        let n = run.count
        while i < n {
            if run[i] == "\\", i + 1 < n, run[i + 1] == "|" {
                i += 2
                continue
            }
            if run[i] == "|" {
                cells.append(MarkdownLine.unescapePipes(run.slice(start..<i)))
                start = i + 1
            }
            i += 1
        }
        let rest = run.slice(start..<n)
        if !rest.isBlank { cells.append(MarkdownLine.unescapePipes(rest)) }
        return cells
    }

    /// `TableRoles.role(of:midTerm:)` as it was for keys of plain scalars: each group of
    /// words searched for in turn.
    private static func referenceRole(of key: [Unicode.Scalar], midTerm: Bool) -> ColumnRole? {
        func w(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
        func has(_ word: String) -> Bool { TableRoles.contains(key, w(word)) }
        func isWord(_ word: String) -> Bool { key == w(word) }
        let lower = String(String.UnicodeScalarView(key)).lowercased()
        if lower == "no" || lower == "no." || isWord("番号") || isWord("項番") { return .number }
        if ["取組み事項", "取組事項", "取り組み事項", "当年度目標"].contains(where: has) { return midTerm ? .body : .plan }
        if ["スケジュール", "工程"].contains(where: has) { return .schedule }
        if ["実績", "取組みを行った", "成果"].contains(where: has) { return .results }
        if ["課題", "方向性"].contains(where: has) { return .directions }
        if has("総括") { return .review }
        if isWord("方針") || has("取り組み方針") { return .approach }
        return nil
    }

    /// `ScalarFolding.fold` as it was: one switch for every scalar.
    private static func referenceFold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF01...0xFF5E:
            if s.value == 0xFF5E { return "~" }
            return Unicode.Scalar(s.value - 0xFEE0)!
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63: return "-"
        case 0x301C, 0x223C: return "~"
        case 0x3000, 0x00A0, 0x2002, 0x2003, 0x2009: return " "
        default: return s
        }
    }

    /// `ScalarFolding.isSpace` as it was.
    private static func referenceIsSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2002, 0x2003, 0x2009, 0x200B: return true
        default: return false
        }
    }

    /// `ScheduleParsing.colonEntries` as it was: an array of words, a folded array of each.
    private static func referenceColonEntries(_ content: Run, file: String) -> [ScheduleEntry]? {
        guard content.scalars.contains(where: { $0 == ":" || $0 == "\u{FF1A}" }) else { return nil }
        func insideParens(_ folded: [Unicode.Scalar], _ index: Int) -> Bool {
            var depth = 0
            for s in folded[..<index] {
                if s == "(" { depth += 1 } else if s == ")" { depth = max(0, depth - 1) }
            }
            return depth > 0
        }
        func join(_ a: Run, _ b: Run) -> Run {
            var out = RunBuilder(a)
            if let lastCol = a.lastColumn, let firstCol = b.firstColumn, firstCol > lastCol + 1 {
                out.append(" ", column: lastCol + 1)
            }
            out.append(b)
            return out.run
        }
        var entries: [(text: Run?, timing: Run, prefix: [Run])] = []
        var pending: [Run] = []
        for word in content.words() {
            let folded = word.folded
            if let colon = folded.firstIndex(where: { $0 == ":" }), colon + 1 < folded.count,
               ScheduleParsing.looksLikeTiming(Array(folded[(colon + 1)...])), !insideParens(folded, colon) {
                entries.append((word.slice(0..<colon), word.slice((colon + 1)..<word.count), pending))
                pending = []
            } else if let last = entries.indices.last, pending.isEmpty, ScheduleParsing.looksLikeTiming(folded) {
                entries[last].timing = join(entries[last].timing, word)
            } else {
                pending.append(word)
            }
        }
        guard !entries.isEmpty else { return nil }
        return entries.map { entry in
            let textRuns = entry.prefix + (entry.text.map { [$0] } ?? [])
            let text = textRuns.map(\.string).joined(separator: " ")
            let first = textRuns.first ?? entry.timing
            return ScheduleEntry(text: text, timing: entry.timing.string,
                                 span: first.span(file: file).union(entry.timing.span(file: file)))
        }
    }

    /// `ScheduleParsing.bullet` as it was: the timing looked for in a folded copy.
    private static func referenceBullet(_ content: Run, file: String) -> ScheduleEntry {
        if let entries = referenceColonEntries(content, file: file), entries.count == 1 { return entries[0] }
        let folded = content.folded
        if let close = folded.last, close == ")" {
            var depth = 0
            var i = folded.count - 1
            while i >= 0 {
                if folded[i] == ")" { depth += 1 }
                if folded[i] == "(" {
                    depth -= 1
                    if depth == 0 { break }
                }
                i -= 1
            }
            if i > 0 {
                let text = content.slice(0..<i).trimmed()
                let timing = content.slice((i + 1)..<(content.count - 1)).trimmed()
                return ScheduleEntry(text: text.string, timing: timing.string, span: content.span(file: file))
            }
        }
        return ScheduleEntry(text: content.string, timing: nil, span: content.span(file: file))
    }

    /// `MarkdownSheetParser.goalNumber` as it was: text that is not all plain scalars
    /// always made into a `String` and compared as one.
    private static func referenceGoalNumber(_ run: Run) -> Int? {
        var scalars: [Unicode.Scalar] = []
        var tooLong = false
        CellHTML.forEachTextScalar(run) { s in
            guard !ScalarFolding.isSpace(s) else { return true }
            tooLong = scalars.count == 32
            if !tooLong { scalars.append(ScalarFolding.fold(s)) }
            return !tooLong
        }
        if tooLong || !scalars.contains(where: { $0.value >= 0x30 && $0.value <= 0x39 }) { return nil }
        var key = String(String.UnicodeScalarView(scalars))
        for prefix in ["No.", "NO.", "no.", "No", "目標"] where key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
        guard (1...3).contains(key.count), let n = Int(key), n > 0 else { return nil }
        return n
    }

    /// `CellHTML.blocks` as it was: fragments collected into an array.
    private static func referenceBlocks(_ run: Run) -> [CellHTML.Block] {
        if !run.scalars.contains(where: { $0 == "<" || $0 == "&" }) {
            let t = run.trimmed()
            return t.isEmpty ? [] : [CellHTML.Block(run: t, isListItem: false)]
        }
        var out: [CellHTML.Block] = []
        var start = -1, end = -1
        var built: RunBuilder?
        var currentIsListItem = false
        func flush() {
            let fragment = built?.run ?? (start >= 0 ? run.slice(start..<end) : nil)
            if let t = fragment?.trimmed(), !t.isEmpty { out.append(CellHTML.Block(run: t, isListItem: currentIsListItem)) }
            start = -1
            end = -1
            built = nil
            currentIsListItem = false
        }
        func append(_ scalar: Unicode.Scalar, at i: Int, decoded: Bool) {
            if built == nil {
                if !decoded {
                    if start < 0 { start = i; end = i + 1; return }
                    if end == i { end += 1; return }
                }
                built = start >= 0 ? RunBuilder(run.slice(start..<end)) : RunBuilder(line: run.line)
            }
            built!.append(scalar, column: run.column(i))
        }
        func appendAsWritten(_ i: Int, _ j: Int) {
            if built == nil {
                if start < 0 { start = i; end = j; return }
                if end == i { end = j; return }
                built = RunBuilder(run.slice(start..<end))
            }
            built!.append(run.slice(i..<j))
        }
        let n = run.count
        var i = 0
        while i < n {
            var j = i
            while j < n, run[j] != "<", run[j] != "&" { j += 1 }
            if j > i { appendAsWritten(i, j) }
            i = j
            guard i < n else { break }
            if run[i] == "<", let (tagEnd, kind) = CellHTML.tag(in: run, at: i) {
                if case .block(let listItem) = kind {
                    flush()
                    currentIsListItem = listItem
                }
                i = tagEnd
                continue
            }
            if run[i] == "&", let (entityEnd, decoded) = CellHTML.entity(in: run, at: i) {
                append(decoded, at: i, decoded: true)
                i = entityEnd
                continue
            }
            appendAsWritten(i, i + 1)
            i += 1
        }
        flush()
        return out
    }

    /// `Piece.cut` as it was: markers collected first, then the pieces.
    private static func referenceCut(_ fragment: Run) -> [Piece] {
        var marks: [(start: Int, end: Int, marker: Piece.Marker)] = []
        var i = 0
        while i < fragment.count {
            let atBoundary = i == 0 || ScalarFolding.isSpace(ScalarFolding.fold(fragment[i - 1]))
            if atBoundary, let m = Piece.marker(in: fragment, at: i) {
                marks.append((i, m.end, m.marker))
                i = m.end
                continue
            }
            i += 1
        }
        var pieces: [Piece] = []
        let leadEnd = marks.first?.start ?? fragment.count
        let lead = fragment.slice(0..<leadEnd).trimmed()
        if !lead.isEmpty {
            pieces.append(Piece(marker: .none, markerRun: nil, content: lead, startsFragment: true))
        }
        for (k, m) in marks.enumerated() {
            let contentEnd = k + 1 < marks.count ? marks[k + 1].start : fragment.count
            pieces.append(Piece(marker: m.marker, markerRun: fragment.slice(m.start..<m.end),
                                content: fragment.slice(m.end..<contentEnd).trimmed(), startsFragment: m.start == 0))
        }
        return pieces
    }
}
