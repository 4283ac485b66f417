import SheetModel

/// Pairs 方針 (n) with 総括 (n). Unnumbered texts pair by position.
enum ApproachPairing {
    static func pair(approaches: ItemList, reviews: ItemList) -> [Approach] {
        var out: [Approach] = []
        // At most one per item: reserved, so a list of 870,000 items is not copied as it grows.
        out.reserveCapacity(approaches.items.count + reviews.items.count)
        // Which reviews are paired, by index (an array: a `Set` hashed every index, and grew).
        var usedReviews = [Bool](repeating: false, count: reviews.items.count)
        for (i, item) in approaches.items.enumerated() {
            let match: Int?
            if let n = item.number {
                match = reviews.items.indices.first { reviews.items[$0].number == n && !usedReviews[$0] }
            } else {
                match = i < reviews.items.count && reviews.items[i].number == nil && !usedReviews[i] ? i : nil
            }
            var span = item.span
            var review: Field?
            if let m = match {
                usedReviews[m] = true
                review = field(reviews.items[m])
                span = span.union(reviews.items[m].span)
            }
            out.append(Approach(number: item.number, approach: field(item), review: review, span: span))
        }
        for (j, item) in reviews.items.enumerated() where !usedReviews[j] {
            out.append(Approach(number: item.number, approach: nil, review: field(item), span: item.span))
        }
        return out
    }

    /// The item's whole text, sub-items and schedule included, as one field.
    private static func field(_ item: Item) -> Field {
        var parts = [item.text]
        parts += item.subItems.map { ($0.marker ?? "") + $0.text }
        parts += item.schedule.map { "・" + $0.text + ($0.timing.map { "(\($0))" } ?? "") }
        return Field(text: parts.filter { !$0.isEmpty }.joined(separator: "\n"), span: item.span)
    }
}
