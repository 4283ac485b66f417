/// A goal of section 3 (当年度目標と振り返り).
public struct AnnualGoal: Sendable, Hashable {
    /// The goal's No.
    public var number: Int?
    /// The goal's title (the first paragraph of its plan cell).
    public var title: Field?
    /// 取組み事項及びその内容・スケジュール.
    public var plan: ItemList
    /// 取組みを行った内容・成果 (実績).
    public var results: ItemList
    /// 課題・今後の方向性.
    public var directions: ItemList
    /// 総合計画 citations.
    public var planCodes: [PlanCode]
    /// 基本政策 citations.
    public var policies: [PolicyCitation]
    /// From the goal's first row to its last citation.
    public var span: SourceSpan

    public init(number: Int?, title: Field? = nil, plan: ItemList = ItemList(), results: ItemList = ItemList(),
                directions: ItemList = ItemList(), planCodes: [PlanCode] = [], policies: [PolicyCitation] = [],
                span: SourceSpan) {
        self.number = number
        self.title = title
        self.plan = plan
        self.results = results
        self.directions = directions
        self.planCodes = planCodes
        self.policies = policies
        self.span = span
    }
}

/// A goal of section 4 (中期目標).
public struct MidTermGoal: Sendable, Hashable {
    /// The goal's No.
    public var number: Int?
    /// The goal's title (the text before its first item).
    public var title: Field?
    /// 取組み事項及び取組みにあたっての課題・めざす成果など.
    public var body: ItemList
    /// スケジュール(工程).
    public var schedule: ItemList
    /// 総合計画 citations.
    public var planCodes: [PlanCode]
    /// 基本政策 citations.
    public var policies: [PolicyCitation]
    public var span: SourceSpan

    public init(number: Int?, title: Field? = nil, body: ItemList = ItemList(), schedule: ItemList = ItemList(),
                planCodes: [PlanCode] = [], policies: [PolicyCitation] = [], span: SourceSpan) {
        self.number = number
        self.title = title
        self.body = body
        self.schedule = schedule
        self.planCodes = planCodes
        self.policies = policies
        self.span = span
    }
}

/// A 総合計画 citation such as `5-2-① 公正で効果的・効率的な市政運営を進めます。`.
public struct PlanCode: Sendable, Hashable {
    /// Normalized: half-width digits, ASCII hyphens, circled direction (`5-2-①`).
    /// A direction written as a plain digit stays a digit (`5-2-1`), for rules to flag.
    public var code: String
    /// The code exactly as written (`５－２－①`).
    public var written: String
    /// The title as written; nil when the sheet gives none.
    public var title: String?
    public var span: SourceSpan

    public init(code: String, written: String, title: String?, span: SourceSpan) {
        self.code = code
        self.written = written
        self.title = title
        self.span = span
    }
}

/// A 基本政策 citation such as `70 みんなで取り組み支え合うまちづくりの推進`.
public struct PolicyCitation: Sendable, Hashable {
    /// The policy number; 0 is the placeholder authors write when they pick none.
    public var number: Int
    /// The number exactly as written (`７０`).
    public var written: String
    /// The title as written; nil when the sheet gives none.
    public var title: String?
    public var span: SourceSpan

    public init(number: Int, written: String, title: String?, span: SourceSpan) {
        self.number = number
        self.written = written
        self.title = title
        self.span = span
    }
}
