/// A member key of `Sheet.tree`: every key the model has, named once here.
public enum ModelKey: Int, Sendable, CaseIterable {
    case fiscalYear, header, mission, approaches, annualGoals, midTermGoals
    case department, position, name
    case number, approach, review
    case items, text, subItems, schedule, timing
    case title, plan, results, directions, planCodes, policies, body
    case code, written

    /// The key as it appears in the tree, selectors and canonical files.
    public var name: String {
        switch self {
        case .fiscalYear: "fiscalYear"
        case .header: "header"
        case .mission: "mission"
        case .approaches: "approaches"
        case .annualGoals: "annualGoals"
        case .midTermGoals: "midTermGoals"
        case .department: "department"
        case .position: "position"
        case .name: "name"
        case .number: "number"
        case .approach: "approach"
        case .review: "review"
        case .items: "items"
        case .text: "text"
        case .subItems: "subItems"
        case .schedule: "schedule"
        case .timing: "timing"
        case .title: "title"
        case .plan: "plan"
        case .results: "results"
        case .directions: "directions"
        case .planCodes: "planCodes"
        case .policies: "policies"
        case .body: "body"
        case .code: "code"
        case .written: "written"
        }
    }
}

/// Receives a sheet's model depth first, in canonical key order: what `Sheet.emit(into:)`
/// writes. `Sheet.tree` builds `ModelNode` values from it, `SheetTree(sheet)` its flat
/// table directly, without the value tree in between.
protocol ModelSink {
    mutating func beginObject(_ span: SourceSpan?)
    /// The key of the next member of the current object.
    mutating func key(_ key: ModelKey)
    mutating func endObject()
    mutating func beginArray(_ span: SourceSpan?)
    mutating func endArray()
    mutating func string(_ s: String, _ span: SourceSpan?)
    mutating func int(_ i: Int, _ span: SourceSpan?)
    mutating func null(_ span: SourceSpan?)
}

/// A part of the model that can write itself to a `ModelSink`.
protocol ModelEmitting {
    func emit<S: ModelSink>(into s: inout S)
}

extension ModelSink {
    mutating func member(_ k: ModelKey, _ value: String?, _ span: SourceSpan? = nil) {
        key(k)
        if let value { string(value, span) } else { null(span) }
    }
    mutating func member(_ k: ModelKey, _ value: Int?) {
        key(k)
        if let value { int(value, nil) } else { null(nil) }
    }
    mutating func member(_ k: ModelKey, _ field: Field?) {
        // Unwrapped here rather than passed on as optionals made of the field's parts
        // (which took a reference count of the text and of the span's file per field).
        key(k)
        if let field { string(field.text, field.span) } else { null(nil) }
    }
    mutating func member<E: ModelEmitting>(_ k: ModelKey, _ value: E) {
        key(k)
        value.emit(into: &self)
    }
    mutating func member<E: ModelEmitting>(_ k: ModelKey, _ elements: [E]) {
        key(k)
        beginArray(nil)
        // Each element emitted in place (iterating the array copied each one: a reference
        // count per field of every item).
        elements.withUnsafeBufferPointer { elements in
            for i in elements.indices { elements[i].emit(into: &self) }
        }
        endArray()
    }
}

extension Sheet: ModelEmitting {
    /// The sheet as a generic tree with canonical key names and spans.
    public var tree: ModelNode {
        var builder = ModelNodeBuilder()
        emit(into: &builder)
        return builder.root
    }

    func emit<S: ModelSink>(into s: inout S) {
        s.beginObject(span)
        s.member(.fiscalYear, fiscalYear)
        s.member(.header, header)
        s.member(.mission, mission)
        s.member(.approaches, approaches)
        s.member(.annualGoals, annualGoals)
        s.member(.midTermGoals, midTermGoals)
        s.endObject()
    }
}

extension Header: ModelEmitting {
    func emit<S: ModelSink>(into s: inout S) {
        s.beginObject(span)
        s.member(.department, department)
        s.member(.position, position)
        s.member(.name, name)
        s.endObject()
    }
}

extension Approach: ModelEmitting {
    func emit<S: ModelSink>(into s: inout S) {
        s.beginObject(span)
        s.member(.number, number)
        s.member(.approach, approach)
        s.member(.review, review)
        s.endObject()
    }
}

extension ItemList: ModelEmitting {
    func emit<S: ModelSink>(into s: inout S) {
        s.beginObject(span)
        s.member(.items, items)
        s.endObject()
    }
}

extension Item: ModelEmitting {
    func emit<S: ModelSink>(into s: inout S) {
        s.beginObject(span)
        s.member(.number, number)
        s.member(.text, text)
        s.member(.subItems, subItems)
        s.member(.schedule, schedule)
        s.endObject()
    }
}

extension SubItem: ModelEmitting {
    func emit<S: ModelSink>(into s: inout S) {
        s.beginObject(span)
        s.member(.number, number)
        s.member(.text, text)
        s.member(.schedule, schedule)
        s.endObject()
    }
}

extension ScheduleEntry: ModelEmitting {
    func emit<S: ModelSink>(into s: inout S) {
        s.beginObject(span)
        s.member(.text, text)
        s.member(.timing, timing)
        s.endObject()
    }
}

extension AnnualGoal: ModelEmitting {
    func emit<S: ModelSink>(into s: inout S) {
        s.beginObject(span)
        s.member(.number, number)
        s.member(.title, title)
        s.member(.plan, plan)
        s.member(.results, results)
        s.member(.directions, directions)
        s.member(.planCodes, planCodes)
        s.member(.policies, policies)
        s.endObject()
    }
}

extension MidTermGoal: ModelEmitting {
    func emit<S: ModelSink>(into s: inout S) {
        s.beginObject(span)
        s.member(.number, number)
        s.member(.title, title)
        s.member(.body, body)
        s.member(.schedule, schedule)
        s.member(.planCodes, planCodes)
        s.member(.policies, policies)
        s.endObject()
    }
}

extension PlanCode: ModelEmitting {
    func emit<S: ModelSink>(into s: inout S) {
        s.beginObject(span)
        s.member(.code, code)
        s.member(.written, written)
        s.member(.title, title)
        s.endObject()
    }
}

extension PolicyCitation: ModelEmitting {
    func emit<S: ModelSink>(into s: inout S) {
        s.beginObject(span)
        s.member(.number, number)
        s.member(.written, written)
        s.member(.title, title)
        s.endObject()
    }
}

/// Builds the `ModelNode` tree from what a sheet emits.
struct ModelNodeBuilder: ModelSink {
    /// The objects and arrays being built, innermost last, each with its span and the key
    /// it will be stored under in its parent.
    private var open: [(isObject: Bool, span: SourceSpan?, key: String?, members: [ModelNode.Member], elements: [ModelNode])] = []
    private var pendingKey: String?
    private(set) var root = ModelNode(.null)

    mutating func beginObject(_ span: SourceSpan?) {
        open.append((true, span, pendingKey, [], []))
        pendingKey = nil
    }
    mutating func key(_ key: ModelKey) { pendingKey = key.name }
    mutating func endObject() {
        let o = open.removeLast()
        add(ModelNode(.object(o.members), span: o.span), key: o.key)
    }
    mutating func beginArray(_ span: SourceSpan?) {
        open.append((false, span, pendingKey, [], []))
        pendingKey = nil
    }
    mutating func endArray() {
        let a = open.removeLast()
        add(ModelNode(.array(a.elements), span: a.span), key: a.key)
    }
    mutating func string(_ s: String, _ span: SourceSpan?) { leaf(ModelNode(.string(s), span: span)) }
    mutating func int(_ i: Int, _ span: SourceSpan?) { leaf(ModelNode(.int(i), span: span)) }
    mutating func null(_ span: SourceSpan?) { leaf(ModelNode(.null, span: span)) }

    private mutating func leaf(_ node: ModelNode) {
        add(node, key: pendingKey)
        pendingKey = nil
    }

    private mutating func add(_ node: ModelNode, key: String?) {
        guard !open.isEmpty else {
            root = node
            return
        }
        if open[open.count - 1].isObject {
            open[open.count - 1].members.append(ModelNode.Member(key ?? "", node))
        } else {
            open[open.count - 1].elements.append(node)
        }
    }
}
