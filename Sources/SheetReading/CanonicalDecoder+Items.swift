import SheetModel
import Yams

/// Item lists, in the full form `{items: [...]}` and the two shorthands authors may use:
/// a plain list of items, or a plain string (one unnumbered item; an empty string is an
/// empty list). `(1)` markers inside a string are not parsed: write items to number them.
extension CanonicalDecoder {
    /// An absent key is an empty list with no span; a present one keeps its span.
    func optionalItemList(_ node: Node?, _ path: String) throws -> ItemList {
        try node.map { try itemList($0, path) } ?? ItemList()
    }

    func itemList(_ node: Node, _ path: String) throws -> ItemList {
        let listSpan = span(node)
        switch node {
        case .mapping:
            let m = try members(node, path, allowed: ["items"])
            let items = try m["items"].map { try list($0, "\(path).items", item) } ?? []
            return ItemList(items: items, span: listSpan)
        case .sequence:
            return ItemList(items: try list(node, path, item), span: listSpan)
        case .scalar, .alias:
            guard let text = try string(node, path), !text.isEmpty else { return ItemList(span: listSpan) }
            return ItemList(items: [Item(number: nil, text: text, span: listSpan)], span: listSpan)
        }
    }

    /// `{number, marker, text, subItems, schedule}`, or a string (an unnumbered item).
    func item(_ node: Node, _ path: String) throws -> Item {
        if case .scalar = node {
            return Item(number: nil, text: try string(node, path) ?? "", span: span(node))
        }
        let m = try members(node, path, allowed: ["number", "marker", "text", "subItems", "schedule"])
        return Item(number: try m["number"].flatMap { try int($0, "\(path).number") },
                    marker: try m["marker"].flatMap { try string($0, "\(path).marker") },
                    text: try m["text"].flatMap { try string($0, "\(path).text") } ?? "",
                    subItems: try m["subItems"].map { try list($0, "\(path).subItems", subItem) } ?? [],
                    schedule: try m["schedule"].map { try list($0, "\(path).schedule", scheduleEntry) } ?? [],
                    span: span(node))
    }

    /// `{number, marker, text, schedule}`; `number` is required (a sub-item is ① ② …).
    func subItem(_ node: Node, _ path: String) throws -> SubItem {
        let m = try members(node, path, allowed: ["number", "marker", "text", "schedule"])
        guard let number = try m["number"].flatMap({ try int($0, "\(path).number") }) else {
            throw malformed(node, "「\(path)」に number がありません（小項目には番号が必要です）",
                            "\(path) has no number (a sub-item is numbered ①, ②, …)")
        }
        return SubItem(number: number,
                       marker: try m["marker"].flatMap { try string($0, "\(path).marker") },
                       text: try m["text"].flatMap { try string($0, "\(path).text") } ?? "",
                       schedule: try m["schedule"].map { try list($0, "\(path).schedule", scheduleEntry) } ?? [],
                       span: span(node))
    }

    /// `{text, timing}`, or a string (an entry with no timing).
    func scheduleEntry(_ node: Node, _ path: String) throws -> ScheduleEntry {
        if case .scalar = node {
            return ScheduleEntry(text: try string(node, path) ?? "", timing: nil, span: span(node))
        }
        let m = try members(node, path, allowed: ["text", "timing"])
        return ScheduleEntry(text: try m["text"].flatMap { try string($0, "\(path).text") } ?? "",
                             timing: try m["timing"].flatMap { try string($0, "\(path).timing") },
                             span: span(node))
    }
}
