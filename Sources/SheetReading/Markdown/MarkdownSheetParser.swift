import SheetModel

/// A non-empty cell of a row and its column (a struct, not a tuple: arrays of tuples are
/// copied and destroyed element by element through the runtime's generic tuple code).
struct FilledCell {
    let index: Int
    let run: Run
}

/// The reader's state machine: one line at a time, it tracks the section, the table's
/// column roles and the goal being read.
struct MarkdownSheetParser {
    let file: String
    private var sheet: Sheet
    private var section: SectionKind?
    private var roles = ColumnRoles()
    private var inTable = false
    /// True between a table's header rows and its first other row: that row starts a goal
    /// whenever its first cell is a goal number, whatever its other cells hold.
    private var awaitingFirstRow = false
    private var mission: ItemListBuilder
    private var approachList: ItemListBuilder
    private var reviewList: ItemListBuilder
    private var goal: GoalDraft?
    /// Length of the current row's line, so goal spans end where their last row ends.
    private var lineLength = 0
    /// The scalars a running header of `sheet.header` may hold (see `PageFurniture`).
    private var furniture = PageFurniture.HeaderScalars(header: Header())
    /// Storage reused from row to row for a row's non-empty cells and its fragments (taken
    /// out while a row is read, so that it is the only reference and is not copied).
    private var filledStorage: [FilledCell] = []
    private var fragmentStorage: [Run] = []

    init(file: String) {
        self.file = file
        self.sheet = Sheet(file: file)
        self.mission = ItemListBuilder(file: file, takesTitle: false)
        self.approachList = ItemListBuilder(file: file, takesTitle: false)
        self.reviewList = ItemListBuilder(file: file, takesTitle: false)
    }

    mutating func consume(_ line: MarkdownLine, line number: Int) {
        switch line {
        case .blank:
            inTable = false
        case .delimiter:
            inTable = true
        case .text(let run):
            inTable = false
            roles = ColumnRoles()
            text(run)
        case .row(let cells, let length):
            if !inTable {
                roles = ColumnRoles()
                awaitingFirstRow = false
            }
            inTable = true
            lineLength = length
            row(cells, line: number)
        }
    }

    // MARK: - Text lines

    private mutating func text(_ run: Run) {
        if let kind = SectionHeading.section(of: run) {
            enter(kind)
            return
        }
        // Page numbers and running headers between tables are the page's, not the sheet's.
        if section != nil, PageFurniture.isFurniture(run, header: sheet.header, filter: &furniture) { return }
        switch section {
        case .mission?:
            mission.add(cell: strippingListMarker(run))
        case .approaches?:
            approachList.add(cell: strippingListMarker(run))
        case .annualGoals?, .midTermGoals?:
            note("unplaced-text", "表の外にある文を目標に割り当てられませんでした", "text outside the goal tables was not placed", run)
        case nil:
            break  // Titles and preambles before the first section.
        }
    }

    /// `- (1) …`, `* …`, `+ …` list lines: the Markdown marker is not part of the text.
    private func strippingListMarker(_ run: Run) -> Run {
        guard run.count >= 2, ["-", "*", "+"].contains(run[0]), ScalarFolding.isSpace(run[1]) else { return run }
        return run.slice(2..<run.count).trimmed()
    }

    private mutating func enter(_ kind: SectionKind) {
        finishGoal()
        section = kind
        roles = ColumnRoles()
        sheet.sectionsPresent.insert(kind)
    }

    // MARK: - Table rows

    /// Whether the header has its department, position and name (matched against `nil`
    /// as patterns: comparing the optionals with `==` copied each field).
    private var headerComplete: Bool {
        if case nil = sheet.header.department { return false }
        if case nil = sheet.header.position { return false }
        if case nil = sheet.header.name { return false }
        return true
    }

    private mutating func row(_ cells: [Run], line: Int) {
        var filled = filledStorage
        filledStorage = []
        removeAllKeepingCapacity(&filled)
        for (i, c) in cells.enumerated() where !c.isBlank { filled.append(FilledCell(index: i, run: c)) }
        defer { filledStorage = filled }
        guard !filled.isEmpty else { return }  // spacer row
        if !headerComplete, HeaderRow.read(filled, file: file, into: &sheet.header) {
            return
        }
        if filled.count == 1, let kind = SectionHeading.section(of: filled[0].run.trimmed()), goal == nil || kind != section {
            enter(kind)
            return
        }
        if let headerRoles = TableRoles.headerRoles(cells, midTerm: section == .midTermGoals) {
            adoptHeader(headerRoles)
            awaitingFirstRow = true
            return
        }
        let firstRow = awaitingFirstRow
        awaitingFirstRow = false
        switch section {
        case .annualGoals?, .midTermGoals?:
            goalRow(filled, line: line, firstRow: firstRow)
        case .approaches?:
            approachRow(filled)
        case .mission?:
            for cell in filled { mission.add(cell: cell.run) }
        case nil:
            note("unplaced-row", "どの節にも属さない表の行です", "a table row outside any section", filled[0].run)
        }
    }

    private mutating func adoptHeader(_ headerRoles: ColumnRoles) {
        roles.merge(headerRoles)
        let values = headerRoles
        // Without a heading, the header row tells which section a table belongs to.
        if section == nil || section == .mission {
            if values.contains(.results) || values.contains(.directions) { enter(.annualGoals) }
            else if values.contains(.schedule) { enter(.midTermGoals) }
            else if values.contains(.approach) || values.contains(.review) { enter(.approaches) }
            roles.merge(headerRoles)
        }
    }

    private mutating func approachRow(_ filled: [FilledCell]) {
        for (k, cell) in filled.enumerated() {
            let role = roles[cell.index] ?? (k == 0 ? .approach : .review)
            if role == .review { reviewList.add(cell: cell.run) } else { approachList.add(cell: cell.run) }
        }
    }

    /// A row of a goal table. `firstRow`: the first row after the table's header rows. A
    /// number there starts a goal even when the row holds nothing but a short title (a
    /// goal-setting sheet's goal row, its results and directions still empty); elsewhere,
    /// after citations, a number row starts a goal only if it looks like one, since policy
    /// rows (`| 35 | スマートシティの推進 |`) are number rows too.
    private mutating func goalRow(_ filled: [FilledCell], line: Int, firstRow: Bool) {
        let first = filled[0]
        let citing = (goal?.citations.mode).map { $0 != .none } ?? false
        if let number = Self.goalNumber(first.run), firstRow || !citing || Self.looksLikeGoal(filled.dropFirst()) {
            finishGoal()
            let draft = GoalDraft(midTerm: section == .midTermGoals, number: number,
                                  span: rowSpan(line: line), file: file)
            draft.addCells(filled.dropFirst(), roles: roles)
            goal = draft
            return
        }
        guard goal != nil else {
            note("unplaced-row", "目標番号より前にある行を目標に割り当てられませんでした", "a row before any goal number was not placed", first.run)
            return
        }
        goal!.span = goal!.span.union(rowSpan(line: line))
        var fragments = fragmentStorage
        fragmentStorage = []
        removeAllKeepingCapacity(&fragments)
        for cell in filled { CellHTML.forEachBlock(cell.run) { fragment, _ in fragments.append(fragment) } }
        if citing || fragments.contains(where: { CitationCollector.label(of: $0) != nil }) {
            for fragment in fragments { goal!.citations.add(fragment) }
        } else {
            goal!.addCells(filled[...], roles: roles)  // the goal's text continued on the next row
        }
        fragmentStorage = fragments
    }

    /// A goal number cell: `1`, `１`, `No.1`, `目標1`.
    static func goalNumber(_ run: Run) -> Int? {
        // The cell's text without tags and white space, folded. A number of at most three
        // scalars after at most five prefixes (13 scalars, or as many that are canonically
        // equivalent): a longer cell is text, and is not read further. Read into a buffer on
        // the stack: most cells are not numbers and need no array.
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: 32) { buffer -> Int? in
            var count = 0
            var tooLong = false
            var hasDigit = false
            CellHTML.forEachTextScalar(run) { s in
                guard !ScalarFolding.isSpace(s) else { return true }
                tooLong = count == 32
                if !tooLong {
                    let folded = ScalarFolding.fold(s)
                    if folded.value >= 0x30, folded.value <= 0x39 { hasDigit = true }
                    buffer[count] = folded
                    count += 1
                }
                return !tooLong
            }
            // `Int` reads no number from text without an ASCII digit.
            if tooLong || !hasDigit { return nil }
            return goalNumber(folded: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// `goalNumber` of the folded scalars of a cell, white space removed.
    private static func goalNumber(folded scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int? {
        // Plain scalars (see `PageFurniture.HeaderScalars.isPlain`) are each one character
        // that no other sequence is equivalent to: compared as scalars.
        if scalars.allSatisfy(PageFurniture.HeaderScalars.isPlain) {
            // The prefixes take at most 13 scalars and leave at most three, the last an
            // ASCII digit (`Int` reads nothing else): anything else is no number.
            guard scalars.count <= 16, let last = scalars.last, last.value >= 0x30, last.value <= 0x39 else { return nil }
            var rest = scalars[...]
            for prefix in goalPrefixScalars where rest.starts(with: prefix) { rest = rest.dropFirst(prefix.count) }
            guard (1...3).contains(rest.count), let n = Int(String(scalarsOf: rest)), n > 0 else { return nil }
            return n
        }
        // `Int` reads a number only from text that ends in an ASCII digit, and the last
        // character of the text ends with its last scalar: anything else is no number,
        // found without making and comparing the `String`.
        guard let last = scalars.last, last.value >= 0x30, last.value <= 0x39 else { return nil }
        var key = String(scalarsOf: scalars)
        for prefix in goalPrefixes where key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
        guard (1...3).contains(key.count), let n = Int(key), n > 0 else { return nil }
        return n
    }

    private static let goalPrefixes = ["No.", "NO.", "no.", "No", "目標"]
    private static let goalPrefixScalars = goalPrefixes.map { Array($0.unicodeScalars) }

    /// After citations, a number row is a new goal only if it carries goal text: markers,
    /// paragraphs or long text. Policy rows (`| 35 | スマートシティの推進 |`) carry none.
    private static func looksLikeGoal(_ cells: ArraySlice<FilledCell>) -> Bool {
        cells.contains { cell in
            // More than one fragment, a long one, or one holding a marker (fragments and
            // pieces looked at as they are cut).
            var fragments = 0
            var found = false
            CellHTML.forEachBlock(cell.run) { fragment, _ in
                fragments += 1
                if found { return }
                if fragment.count > 40 { found = true; return }
                Piece.forEach(in: fragment) { piece in if piece.marker != .none { found = true } }
            }
            return found || fragments > 1
        }
    }

    private func rowSpan(line: Int) -> SourceSpan {
        SourceSpan(file: file, line: line, startColumn: 1, endColumn: lineLength + 1)
    }

    // MARK: - Finishing

    private mutating func finishGoal() {
        guard let draft = goal else { return }
        goal = nil
        for run in draft.citations.unplaced + draft.unplaced {
            note("unplaced-text", "引用として読めない文です", "text in the citation rows is not a citation", run)
        }
        if draft.midTerm {
            sheet.midTermGoals.append(MidTermGoal(number: draft.number, title: draft.title, body: draft.list(.body),
                                                  schedule: draft.list(.schedule), planCodes: draft.citations.planCodes,
                                                  policies: draft.citations.policies, span: draft.span))
        } else {
            sheet.annualGoals.append(AnnualGoal(number: draft.number, title: draft.title, plan: draft.list(.plan),
                                                results: draft.list(.results), directions: draft.list(.directions),
                                                planCodes: draft.citations.planCodes, policies: draft.citations.policies,
                                                span: draft.span))
        }
    }

    mutating func finish() -> Sheet {
        finishGoal()
        sheet.mission = mission.build()
        sheet.approaches = ApproachPairing.pair(approaches: approachList.build(), reviews: reviewList.build())
        return sheet
    }

    private mutating func note(_ code: String, _ ja: String, _ en: String, _ run: Run) {
        sheet.notes.append(ReadNote(code: code, message: ja, messageEn: en, span: run.trimmed().span(file: file)))
    }
}
