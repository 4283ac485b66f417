import SheetModel

/// Builds an `ItemList` from the fragments of one field (its cells, in order), and takes
/// the goal's title from the first unmarked text when asked to.
///
/// Numbering: `(n)` starts a top-level item; `①` starts a sub-item under it, or a
/// top-level item in a list whose first marker is circled. `・` bullets (and `<li>` items
/// written without a marker) and `…：timing` entries attach to the open sub-item or item.
/// Unmarked text continues the open numbered item, or becomes an unnumbered item; it is
/// never dropped.
struct ItemListBuilder {
    let file: String
    let takesTitle: Bool
    private(set) var title: Field?
    private var items: [Item] = []
    private var span: SourceSpan?
    private var circledTopLevel: Bool?

    init(file: String, takesTitle: Bool) {
        self.file = file
        self.takesTitle = takesTitle
    }

    /// Adds the fragments of one cell (or line).
    mutating func add(cell: Run) {
        let trimmed = cell.trimmed()
        if !trimmed.isEmpty { span = span.union(trimmed.span(file: file)) }
        // Blocks and their pieces are passed on as they are cut, never collected.
        CellHTML.forEachBlock(cell) { block, isListItem in
            var first = true
            Piece.forEach(in: block) { piece in
                // `<li>text` is a bullet like `・text`; `<li>(1) …` and `<li>① …` keep their markers.
                if first, isListItem, piece.marker == .none {
                    var bullet = piece
                    bullet.marker = .bullet
                    add(bullet)
                } else {
                    add(piece)
                }
                first = false
            }
        }
    }

    /// The list, with an absent field (no cell at all) as `span == nil`.
    func build() -> ItemList { ItemList(items: items, span: span) }

    private mutating func add(_ piece: Piece) {
        let pieceSpan = piece.span(file: file)
        switch piece.marker {
        case .paren(let n):
            if circledTopLevel == nil { circledTopLevel = false }
            if circledTopLevel == true, !items.isEmpty {
                // (n) under a circled item: treat as a sub-item of it.
                addSub(number: n, piece: piece, span: pieceSpan)
                return
            }
            items.append(Item(number: n, marker: piece.markerText, text: piece.content.string,
                              schedule: colonSchedule(piece.content), span: pieceSpan))
        case .circled(let n):
            if circledTopLevel == nil { circledTopLevel = items.allSatisfy { $0.number == nil } }
            // The last item read in place (`items.last` would copy it).
            if circledTopLevel == true || items.isEmpty || items[items.count - 1].number == nil {
                items.append(Item(number: n, marker: piece.markerText, text: piece.content.string,
                                  schedule: colonSchedule(piece.content), span: pieceSpan))
            } else {
                addSub(number: n, piece: piece, span: pieceSpan)
            }
        case .bullet:
            attach(ScheduleParsing.bullet(piece.content, file: file), span: pieceSpan)
        case .none:
            addText(piece, span: pieceSpan)
        }
    }

    private mutating func addText(_ piece: Piece, span pieceSpan: SourceSpan) {
        if takesTitle, title == nil, items.isEmpty {
            title = Field(text: piece.content.string, span: pieceSpan)
            return
        }
        guard let last = items.indices.last, items[last].number != nil || !piece.startsFragment else {
            items.append(Item(number: nil, text: piece.content.string, schedule: colonSchedule(piece.content),
                              span: pieceSpan))
            return
        }
        if let entries = ScheduleParsing.colonEntries(piece.content, file: file) {
            attach(entries, span: pieceSpan)
            return
        }
        // Continuation text of the open sub-item or item.
        if let sub = items[last].subItems.indices.last {
            Self.append(piece.content.string, to: &items[last].subItems[sub].text)
            items[last].subItems[sub].span = items[last].subItems[sub].span.union(pieceSpan)
        } else {
            Self.append(piece.content.string, to: &items[last].text)
        }
        items[last].span = items[last].span.union(pieceSpan)
    }

    private mutating func addSub(number: Int, piece: Piece, span pieceSpan: SourceSpan) {
        let last = items.count - 1
        items[last].subItems.append(SubItem(number: number, marker: piece.markerText, text: piece.content.string,
                                            schedule: colonSchedule(piece.content), span: pieceSpan))
        items[last].span = items[last].span.union(pieceSpan)
    }

    /// One entry, as `attach(_:span:)` places entries (without an array for it).
    private mutating func attach(_ entry: ScheduleEntry, span pieceSpan: SourceSpan) {
        guard let last = items.indices.last else {
            items.append(Item(number: nil, text: "", schedule: [entry], span: pieceSpan))
            return
        }
        if let sub = items[last].subItems.indices.last {
            items[last].subItems[sub].schedule.append(entry)
            items[last].subItems[sub].span = items[last].subItems[sub].span.union(pieceSpan)
        } else {
            items[last].schedule.append(entry)
        }
        items[last].span = items[last].span.union(pieceSpan)
    }

    /// Schedule entries go to the open sub-item, else the open item, else a new
    /// unnumbered item.
    private mutating func attach(_ entries: [ScheduleEntry], span pieceSpan: SourceSpan) {
        guard let last = items.indices.last else {
            items.append(Item(number: nil, text: "", schedule: entries, span: pieceSpan))
            return
        }
        if let sub = items[last].subItems.indices.last {
            items[last].subItems[sub].schedule += entries
            items[last].subItems[sub].span = items[last].subItems[sub].span.union(pieceSpan)
        } else {
            items[last].schedule += entries
        }
        items[last].span = items[last].span.union(pieceSpan)
    }

    private func colonSchedule(_ content: Run) -> [ScheduleEntry] {
        ScheduleParsing.colonEntries(content, file: file) ?? []
    }

    /// Appends a continuation paragraph in place (a new string per paragraph would copy
    /// the whole text each time: quadratic in a cell of thousands of paragraphs).
    private static func append(_ paragraph: String, to text: inout String) {
        guard !paragraph.isEmpty else { return }
        if !text.isEmpty { text += "\n" }
        text += paragraph
    }
}
