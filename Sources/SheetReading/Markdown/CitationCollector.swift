import SheetModel

/// Collects 総合計画 and 基本政策 citations from the rows after a goal, whatever columns
/// they sit in: labels alone or followed by codes in the same cell, codes and titles in
/// one cell or split over two, several code/title pairs on one row.
struct CitationCollector {
    enum Mode { case none, plan, policy }

    let file: String
    private(set) var mode: Mode = .none
    private(set) var planCodes: [PlanCode] = []
    private(set) var policies: [PolicyCitation] = []
    /// Text that fit no citation, for the reader's notes.
    private(set) var unplaced: [Run] = []
    private var lastTakesTitle: Mode = .none

    init(file: String) { self.file = file }


    /// The label a fragment starts with, and the rest of the fragment after it.
    static func label(of fragment: Run) -> (Mode, Run)? {
        var keyLength = 0
        var consumed = 0
        var key: (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar) = ("\0", "\0", "\0", "\0")
        // Match the label ignoring spaces inside it (`総 合 計 画`).
        while consumed < fragment.count, keyLength < 4 {
            let s = fragment.folded(consumed)
            if !ScalarFolding.isSpace(s) {
                // Neither label can follow a first scalar other than 総 or 基.
                if keyLength == 0, s != "総", s != "基" { return nil }
                switch keyLength {
                case 0: key.0 = s
                case 1: key.1 = s
                case 2: key.2 = s
                default: key.3 = s
                }
                keyLength += 1
            }
            consumed += 1
        }
        // Compared as scalars, as `String` would compare them: of the eight ideographs only
        // 画 has a canonical equivalent, the compatibility ideograph U+FAA3.
        let mode: Mode
        if keyLength < 4 { return nil }
        if key.0 == "総", key.1 == "合", key.2 == "計", key.3 == "画" || key.3 == "\u{FAA3}" { mode = .plan }
        else if key.0 == "基", key.1 == "本", key.2 == "政", key.3 == "策" { mode = .policy }
        else { return nil }
        var rest = fragment.slice(consumed..<fragment.count)
        // Drop a separator after the label (`総合計画：`).
        if !rest.isEmpty, [":", "・", "】", "]"].contains(rest.folded(0)) { rest = rest.slice(1..<rest.count) }
        rest = rest.trimmed()
        // A label is the whole fragment or followed by a code/number; `総合計画の推進` is text.
        if !rest.isEmpty, Self.leadingCode(rest) == nil, Self.leadingNumber(rest) == nil { return nil }
        return (mode, rest)
    }

    mutating func add(_ fragment: Run) {
        if let (mode, rest) = Self.label(of: fragment) {
            self.mode = mode
            lastTakesTitle = .none
            if !rest.isEmpty { add(rest) }
            return
        }
        switch mode {
        case .plan:
            if let (codeRun, titleRun) = Self.leadingCode(fragment) {
                let written = codeRun.string
                let title = titleRun.isEmpty ? nil : titleRun.string
                planCodes.append(PlanCode(code: CodeNormalization.planCode(written), written: written, title: title,
                                          span: fragment.span(file: file)))
                lastTakesTitle = title == nil ? .plan : .none
                return
            }
        case .policy:
            if let (numberRun, titleRun, number) = Self.leadingNumber(fragment) {
                let title = titleRun.isEmpty ? nil : titleRun.string
                policies.append(PolicyCitation(number: number, written: numberRun.string, title: title,
                                               span: fragment.span(file: file)))
                lastTakesTitle = title == nil ? .policy : .none
                return
            }
        case .none:
            break
        }
        // A title in the cell after its code or number.
        switch lastTakesTitle {
        case .plan:
            let i = planCodes.count - 1
            planCodes[i].title = fragment.string
            planCodes[i].span = planCodes[i].span.union(fragment.span(file: file))
        case .policy:
            let i = policies.count - 1
            policies[i].title = fragment.string
            policies[i].span = policies[i].span.union(fragment.span(file: file))
        case .none:
            unplaced.append(fragment)
        }
        lastTakesTitle = .none
    }

    /// A 総合計画 code at the start of `run` (`5-2-①`, `５－２－①`, `0-0-0`, `0`, `5-2-1`),
    /// and the rest of the run.
    static func leadingCode(_ run: Run) -> (Run, Run)? {
        let count = run.count
        var i = 0
        var groups = 0
        while i < count {
            let start = i
            if ScalarFolding.circledNumber(run.folded(i)) != nil, groups > 0 {
                i += 1
            } else {
                while i < count, ScalarFolding.digit(run.folded(i)) != nil { i += 1 }
            }
            guard i > start else { return nil }
            groups += 1
            guard i < count, isDash(run.folded(i)), i + 1 < count,
                  ScalarFolding.digit(run.folded(i + 1)) != nil || ScalarFolding.circledNumber(run.folded(i + 1)) != nil
            else { break }
            i += 1
        }
        guard groups > 0, i == count || ScalarFolding.isSpace(run.folded(i)) else { return nil }
        // A lone number is a code only when it is the placeholder 0.
        if groups == 1, !(i == 1 && run.folded(0) == "0") { return nil }
        return (run.slice(0..<i), run.slice(i..<count).trimmed())
    }

    /// A policy number at the start of `run` (`70`, `７０`), the rest, and its value.
    static func leadingNumber(_ run: Run) -> (Run, Run, Int)? {
        let count = run.count
        var i = 0
        var n = 0
        while i < count, i < 4, let d = ScalarFolding.digit(run.folded(i)) {
            n = n * 10 + d
            i += 1
        }
        guard i > 0, i == count || ScalarFolding.isSpace(run.folded(i)) || !isDash(run.folded(i)) && ScalarFolding.digit(run.folded(i)) == nil
        else { return nil }
        if i < count, isDash(run.folded(i)) { return nil }
        return (run.slice(0..<i), run.slice(i..<count).trimmed(), n)
    }

    static func isDash(_ s: Unicode.Scalar) -> Bool { s == "-" || s == "ー" || s == "ｰ" }
}
