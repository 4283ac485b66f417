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
            Piece.forEach(in: run) { streamed.append(Self.describe($0)) }
            XCTAssertEqual(streamed, Self.referenceCut(run).map(Self.describe), text)
        }
    }

    private static func describe(_ piece: Piece) -> String {
        "\(piece.marker) \(piece.markerRun.map { "\($0.string)\($0.firstColumn ?? 0)" } ?? "-") "
            + "\(piece.content.string)\(piece.content.firstColumn ?? 0)-\(piece.content.lastColumn ?? 0) \(piece.startsFragment) "
            + "\(piece.span(file: "f").compactDescription)"
    }

    // MARK: - The replaced code

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
            if run[i] == "&", let (entityEnd, decoded) = referenceEntity(in: run, at: i) {
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

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "middot": "\u{00B7}",
        "hellip": "\u{2026}", "mdash": "\u{2014}", "ndash": "\u{2013}", "times": "\u{00D7}",
        "yen": "\u{00A5}", "copy": "\u{00A9}", "laquo": "\u{00AB}", "raquo": "\u{00BB}",
    ]

    private static func referenceEntity(in s: Run, at i: Int) -> (Int, Unicode.Scalar)? {
        var j = i + 1
        let n = s.count
        while j < n, j - i <= 10, s[j] != ";" {
            guard CellHTML.isASCIILetterOrDigit(s[j]) || s[j] == "#" else { return nil }
            j += 1
        }
        guard j < n, s[j] == ";", j > i + 1 else { return nil }
        let body = s.slice((i + 1)..<j).string
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") || digits.hasPrefix("X") {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let v = value, let scalar = Unicode.Scalar(v), v != 0 else { return nil }
            return (j + 1, scalar)
        }
        guard let scalar = named[body.lowercased()] else { return nil }
        return (j + 1, scalar)
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
