/// The static shape of `Sheet.tree`: every key, whether it holds an object, an array or a
/// scalar, and a Japanese and English label for messages (`{field}`). Selectors are
/// resolved against it at load, so a selector that can never match is an error there and
/// never a rule that silently finds nothing.
public indirect enum ModelSchema: Sendable, Hashable {
    /// An object with its members in canonical order.
    case object([Member])
    /// An array whose elements all have one shape.
    case array(ModelSchema)
    /// A string, an int or a bool (texts, numbers, flags).
    case scalar(ScalarType)

    /// The type of a scalar leaf.
    public enum ScalarType: String, Sendable, Hashable { case string, int, bool }

    /// One key of an object.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var label: String
        public var labelEn: String
        public var schema: ModelSchema
    }

    /// The members of an object; empty for arrays and scalars.
    public var members: [Member] {
        if case .object(let m) = self { return m }
        return []
    }

    /// True for arrays.
    public var isArray: Bool {
        if case .array = self { return true }
        return false
    }

    /// The member named `key`, if this is an object that has it.
    public func member(_ key: String) -> Member? { members.first { $0.key == key } }

    /// A short name for messages: `object`, `array`, `string`, `int`, `bool`.
    /// `shapeName` in Japanese.
    public var shapeNameJa: String {
        switch self {
        case .object: return "オブジェクト（object）"
        case .array: return "配列（array）"
        case .scalar(.string): return "文字列（string）"
        case .scalar(.int): return "整数（int）"
        case .scalar(.bool): return "真偽値（bool）"
        }
    }

    public var shapeName: String {
        switch self {
        case .object: return "object"
        case .array: return "array"
        case .scalar(let t): return t.rawValue
        }
    }
}

extension ModelSchema {
    private static func m(_ key: String, _ ja: String, _ en: String, _ schema: ModelSchema) -> Member {
        Member(key: key, label: ja, labelEn: en, schema: schema)
    }
    private static let string = ModelSchema.scalar(.string)
    private static let int = ModelSchema.scalar(.int)

    static let scheduleEntry = ModelSchema.object([
        m("text", "予定", "entry text", string), m("timing", "時期", "timing", string),
    ])
    static let subItem = ModelSchema.object([
        m("number", "番号", "number", int), m("text", "本文", "text", string),
        m("schedule", "スケジュール", "schedule", .array(scheduleEntry)),
    ])
    static let item = ModelSchema.object([
        m("number", "番号", "number", int), m("text", "本文", "text", string),
        m("subItems", "小項目", "sub-items", .array(subItem)),
        m("schedule", "スケジュール", "schedule", .array(scheduleEntry)),
    ])
    static let itemList = ModelSchema.object([m("items", "項目", "items", .array(item))])
    static let planCode = ModelSchema.object([
        m("code", "総合計画コード", "plan code", string), m("written", "表記", "as written", string),
        m("title", "名称", "title", string),
    ])
    static let policy = ModelSchema.object([
        m("number", "基本政策番号", "policy number", int), m("written", "表記", "as written", string),
        m("title", "名称", "title", string),
    ])
    static let citations = [
        m("planCodes", "総合計画", "comprehensive plan codes", .array(planCode)),
        m("policies", "基本政策", "basic policies", .array(policy)),
    ]

    /// The shape of `Sheet.tree`.
    public static let sheet = ModelSchema.object([
        m("fiscalYear", "年度", "fiscal year", int),
        m("header", "ヘッダー", "header", .object([
            m("department", "部局", "department", string), m("position", "補職", "position", string),
            m("name", "氏名", "name", string),
        ])),
        m("mission", "部局の使命", "mission", itemList),
        m("approaches", "取り組み方針と総括", "approaches and reviews", .array(.object([
            m("number", "番号", "number", int), m("approach", "方針", "approach", string),
            m("review", "総括", "review", string),
        ]))),
        m("annualGoals", "当年度目標", "annual goal", .array(.object([
            m("number", "No", "goal number", int), m("title", "目標", "goal title", string),
            m("plan", "取組み事項・スケジュール", "plan and schedule", itemList),
            m("results", "実績", "results", itemList),
            m("directions", "課題・今後の方向性", "issues and directions", itemList),
        ] + citations))),
        m("midTermGoals", "中期目標", "mid-term goal", .array(.object([
            m("number", "No", "goal number", int), m("title", "目標", "goal title", string),
            m("body", "取組み事項・課題・めざす成果", "body", itemList),
            m("schedule", "スケジュール(工程)", "schedule", itemList),
        ] + citations))),
    ])
}
