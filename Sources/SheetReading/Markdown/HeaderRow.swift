import SheetModel

/// The header row `| 部 局 | 都市経営部 | 補 職 | 部 長 | 氏 名 | … |`: each label is
/// followed by its value in the next cell, or written `部局：値` in one cell.
enum HeaderRow {
    private enum Slot: Sendable {
        case department, position, name

        func set(_ field: Field, in header: inout Header) {
            switch self {
            case .department: header.department = field
            case .position: header.position = field
            case .name: header.name = field
            }
        }
    }

    private static let labels: [(String, Slot)] = [
        ("部局名", .department), ("部局", .department), ("所属", .department),
        ("補職", .position), ("職名", .position), ("役職", .position),
        ("氏名", .name), ("名前", .name),
    ]

    /// Fills `header` from `filled` cells if the row holds header labels; false otherwise.
    static func read(_ filled: [FilledCell], file: String, into header: inout Header) -> Bool {
        var found = false
        var k = 0
        while k < filled.count {
            let cell = filled[k].run.trimmed()
            let key = ScalarFolding.key(cell.string)
            if let path = labels.first(where: { key == $0.0 })?.1 {
                found = true
                if k + 1 < filled.count, labelOf(filled[k + 1].run) == nil {
                    let value = filled[k + 1].run.trimmed()
                    path.set(Field(text: value.string, span: value.span(file: file)), in: &header)
                    k += 2
                    continue
                }
            } else if let (path, value) = inlineValue(cell) {
                found = true
                path.set(Field(text: value.string, span: value.span(file: file)), in: &header)
            }
            k += 1
        }
        if found {
            let spans = filled.map { $0.run.trimmed().span(file: file) }
            let row = spans.dropFirst().reduce(spans[0]) { $0.union($1) }
            header.span = header.span.map { $0.union(row) } ?? row
        }
        return found
    }

    private static func labelOf(_ run: Run) -> Slot? {
        let key = ScalarFolding.key(run.string)
        return labels.first { key == $0.0 }?.1
    }

    /// `部局：都市経営部` in one cell.
    private static func inlineValue(_ cell: Run) -> (Slot, Run)? {
        let folded = cell.folded
        guard let colon = folded.firstIndex(where: { $0 == ":" }) else { return nil }
        let key = ScalarFolding.key(cell.slice(0..<colon).string)
        guard let path = labels.first(where: { key == $0.0 })?.1 else { return nil }
        let value = cell.slice((colon + 1)..<cell.count).trimmed()
        return value.isEmpty ? nil : (path, value)
    }
}
