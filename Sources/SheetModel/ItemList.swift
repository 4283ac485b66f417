/// The content of one cell-like field: numbered items `(1) (2) …` (or `① ② …` for lists
/// numbered that way), each with sub-items and schedule entries. Text that is not
/// numbered is kept as items with `number == nil`, never dropped.
public struct ItemList: Sendable, Hashable {
    /// Items in the order written.
    public var items: [Item]
    /// The cells the list was read from; nil when the field was absent.
    public var span: SourceSpan?

    public init(items: [Item] = [], span: SourceSpan? = nil) {
        self.items = items
        self.span = span
    }

    /// True when the list holds no text at all.
    public var isEmpty: Bool {
        items.allSatisfy { $0.isEmpty }
    }

    /// The numbers of the numbered items, in order.
    public var numbers: [Int] { items.compactMap(\.number) }
}

/// One item of a list: `(1) text`, or `① text` in a list numbered by circled digits.
public struct Item: Sendable, Hashable {
    /// The n of (n) or ①; nil for unnumbered text.
    public var number: Int?
    /// The marker as written, e.g. `(1)`, `（１）`, `①`; nil for unnumbered text.
    public var marker: String?
    /// The item's own text, without its marker, sub-items or schedule bullets.
    public var text: String
    /// ① ② … under this item.
    public var subItems: [SubItem]
    /// `・text(9月)` bullets and `text：令和5年(2023年)4月` entries directly under this item.
    public var schedule: [ScheduleEntry]
    public var span: SourceSpan

    public init(number: Int?, marker: String? = nil, text: String, subItems: [SubItem] = [],
                schedule: [ScheduleEntry] = [], span: SourceSpan) {
        self.number = number
        self.marker = marker
        self.text = text
        self.subItems = subItems
        self.schedule = schedule
        self.span = span
    }

    /// True when the item carries no text, sub-item or schedule entry.
    public var isEmpty: Bool {
        number == nil && text.isEmpty && subItems.isEmpty && schedule.isEmpty
    }
}

/// A circled sub-item `① text` under an item.
public struct SubItem: Sendable, Hashable {
    /// The n of ①…⑳ (or of (n) when nested that way).
    public var number: Int
    /// The marker as written.
    public var marker: String?
    /// Text without the marker.
    public var text: String
    /// Schedule entries under this sub-item.
    public var schedule: [ScheduleEntry]
    public var span: SourceSpan

    public init(number: Int, marker: String? = nil, text: String, schedule: [ScheduleEntry] = [], span: SourceSpan) {
        self.number = number
        self.marker = marker
        self.text = text
        self.schedule = schedule
        self.span = span
    }
}

/// A schedule entry: a `・` bullet or a `text：timing` entry.
public struct ScheduleEntry: Sendable, Hashable {
    /// What is scheduled, without the timing.
    public var text: String
    /// The timing expression as written (`9月`, `年3~4回`, `令和5年(2023年)4月`); nil when none.
    public var timing: String?
    public var span: SourceSpan

    public init(text: String, timing: String?, span: SourceSpan) {
        self.text = text
        self.timing = timing
        self.span = span
    }
}
