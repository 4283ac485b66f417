import SheetModel
import Yams

/// The sheet's sections, read from the canonical keys.
extension CanonicalDecoder {
    static let sheetKeys = ["fiscalYear", "header", "mission", "approaches", "annualGoals", "midTermGoals", "suppress"]

    func sheet(_ root: Node) throws -> Sheet {
        // A mapping with none of the sheet's keys is some other YAML file (a rule file, a
        // CI config): say so plainly instead of naming its first key as unknown.
        if case .mapping(let mapping) = root,
           !mapping.contains(where: { pair in pair.key.scalar.map { Self.sheetKeys.contains($0.string) } ?? false }) {
            throw ReadError(.notASheet, file: file, position: position(root),
                            message: "目標設定シートではありません（header・mission・annualGoals などのキーがありません）",
                            messageEn: "not a goal sheet: none of the keys header, mission, annualGoals, … is present")
        }
        let m = try members(root, "", allowed: Self.sheetKeys)
        var sheet = Sheet(file: file)
        sheet.span = SourceSpan(file: file, start: SourcePosition(line: 1, column: 1), end: source.position(source.end))
        if let node = m["fiscalYear"], let year = try int(node, "fiscalYear") {
            sheet.fiscalYear = year
            sheet.fiscalYearSource = .field
        }
        if let node = m["header"] { sheet.header = try header(node) }
        if let node = m["mission"] {
            sheet.mission = try itemList(node, "mission")
            sheet.sectionsPresent.insert(.mission)
        }
        if let node = m["approaches"] {
            sheet.approaches = try list(node, "approaches", approach)
            sheet.sectionsPresent.insert(.approaches)
        }
        if let node = m["annualGoals"] {
            sheet.annualGoals = try list(node, "annualGoals", annualGoal)
            sheet.sectionsPresent.insert(.annualGoals)
        }
        if let node = m["midTermGoals"] {
            sheet.midTermGoals = try list(node, "midTermGoals", midTermGoal)
            sheet.sectionsPresent.insert(.midTermGoals)
        }
        if let node = m["suppress"] { sheet.suppressions = try list(node, "suppress", suppression) }
        return sheet
    }

    /// A `suppress:` entry: a rule id (`plan-code-unverified`), or `{rule, path}` /
    /// `{rules, path}` where `path` limits it to a model path and everything below it.
    func suppression(_ node: Node, _ path: String) throws -> Suppression {
        if let id = node.scalar?.string {
            return Suppression(kind: .sheet, rules: [id], span: span(node))
        }
        let m = try members(node, path, allowed: ["rule", "rules", "path"])
        var rules: [String] = []
        if let one = m["rule"], let id = try string(one, "\(path).rule") { rules.append(id) }
        if let many = m["rules"] {
            rules += try sequence(many, "\(path).rules").enumerated().compactMap { try string($0.element, "\(path).rules[\($0.offset)]") }
        }
        let modelPath = try m["path"].flatMap { try string($0, "\(path).path") }
        return Suppression(kind: .sheet, rules: rules, path: modelPath, span: span(node))
    }

    /// Each element of a list read by `element`, with its index in the path.
    func list<T>(_ node: Node, _ path: String, _ element: (Node, String) throws -> T) throws -> [T] {
        try sequence(node, path).enumerated().map { try element($0.element, "\(path)[\($0.offset)]") }
    }

    func header(_ node: Node) throws -> Header {
        if isNull(node) { return Header(span: span(node)) }
        let m = try members(node, "header", allowed: ["department", "position", "name"])
        return Header(department: try m["department"].flatMap { try field($0, "header.department") },
                      position: try m["position"].flatMap { try field($0, "header.position") },
                      name: try m["name"].flatMap { try field($0, "header.name") },
                      span: span(node))
    }

    func approach(_ node: Node, _ path: String) throws -> Approach {
        let m = try members(node, path, allowed: ["number", "approach", "review"])
        return Approach(number: try m["number"].flatMap { try int($0, "\(path).number") },
                        approach: try m["approach"].flatMap { try field($0, "\(path).approach") },
                        review: try m["review"].flatMap { try field($0, "\(path).review") },
                        span: span(node))
    }

    func annualGoal(_ node: Node, _ path: String) throws -> AnnualGoal {
        let m = try members(node, path, allowed: ["number", "title", "plan", "results", "directions",
                                                  "planCodes", "policies"])
        return AnnualGoal(number: try m["number"].flatMap { try int($0, "\(path).number") },
                          title: try m["title"].flatMap { try field($0, "\(path).title") },
                          plan: try optionalItemList(m["plan"], "\(path).plan"),
                          results: try optionalItemList(m["results"], "\(path).results"),
                          directions: try optionalItemList(m["directions"], "\(path).directions"),
                          planCodes: try m["planCodes"].map { try list($0, "\(path).planCodes", planCode) } ?? [],
                          policies: try m["policies"].map { try list($0, "\(path).policies", policy) } ?? [],
                          span: span(node))
    }

    func midTermGoal(_ node: Node, _ path: String) throws -> MidTermGoal {
        let m = try members(node, path, allowed: ["number", "title", "body", "schedule", "planCodes", "policies"])
        return MidTermGoal(number: try m["number"].flatMap { try int($0, "\(path).number") },
                           title: try m["title"].flatMap { try field($0, "\(path).title") },
                           body: try optionalItemList(m["body"], "\(path).body"),
                           schedule: try optionalItemList(m["schedule"], "\(path).schedule"),
                           planCodes: try m["planCodes"].map { try list($0, "\(path).planCodes", planCode) } ?? [],
                           policies: try m["policies"].map { try list($0, "\(path).policies", policy) } ?? [],
                           span: span(node))
    }

    /// A 総合計画 citation: `{code, written, title}`, or just the code as a string.
    /// `code` is normalized (`CodeNormalization.planCode`); `written` defaults to the code
    /// as written. One of `code` and `written` is required.
    func planCode(_ node: Node, _ path: String) throws -> PlanCode {
        if case .scalar = node, let code = try string(node, path) {
            return PlanCode(code: CodeNormalization.planCode(code), written: code, title: nil, span: span(node))
        }
        let m = try members(node, path, allowed: ["code", "written", "title"])
        let code = try m["code"].flatMap { try string($0, "\(path).code") }
        let written = try m["written"].flatMap { try string($0, "\(path).written") }
        guard let given = code ?? written else {
            throw malformed(node, "「\(path)」に code がありません", "\(path) has no code")
        }
        return PlanCode(code: CodeNormalization.planCode(given), written: written ?? given,
                        title: try m["title"].flatMap { try string($0, "\(path).title") }, span: span(node))
    }

    /// A 基本政策 citation: `{number, written, title}`, or just the number. The number may be
    /// an integer or a string of ASCII or full-width digits; `written` defaults to its text.
    func policy(_ node: Node, _ path: String) throws -> PolicyCitation {
        if case .scalar = node {
            let (number, written) = try policyNumber(node, path)
            return PolicyCitation(number: number, written: written, title: nil, span: span(node))
        }
        let m = try members(node, path, allowed: ["number", "written", "title"])
        guard let numberNode = m["number"] else {
            throw malformed(node, "「\(path)」に number がありません", "\(path) has no number")
        }
        let (number, writtenNumber) = try policyNumber(numberNode, "\(path).number")
        return PolicyCitation(number: number,
                              written: try m["written"].flatMap { try string($0, "\(path).written") } ?? writtenNumber,
                              title: try m["title"].flatMap { try string($0, "\(path).title") }, span: span(node))
    }

    private func policyNumber(_ node: Node, _ path: String) throws -> (Int, String) {
        guard let text = try string(node, path), let number = CodeNormalization.policyNumber(text) else {
            throw typeError(node, path, expectedJa: "政策番号（数字）", expectedEn: "a policy number (digits)")
        }
        return (number, text)
    }
}
