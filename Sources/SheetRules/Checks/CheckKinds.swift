import SheetModel

/// The closed set of check kinds. A rule file picks one with `kind:`.
enum CheckKinds {
    static let all: [any Check.Type] = [
        RequiredCheck.self, CountCheck.self, PatternCheck.self, NotPatternCheck.self, EnumerationCheck.self,
        CatalogCheck.self, CounterpartCheck.self, SequenceCheck.self, UniqueCheck.self, EraYearCheck.self,
        DateCheck.self, TimingCheck.self, ConsistencyCheck.self, PartialCheck.self,
        DuplicateSheetCheck.self, TitleConflictCheck.self, FiscalYearOutlierCheck.self,
    ]
    static var names: [String] { all.map { $0.name } }
}

/// Decoding helpers shared by the kinds.
extension YAMLMapping {
    /// A dotted key path relative to every selected node (`plan.items`), checked against
    /// the schema of each target. `expect` restricts the shape it must reach.
    func relativePath(_ key: String, targets: [Selector.SchemaTarget],
                      expect: ((ModelSchema) -> Bool)? = nil, shape: String = "") throws(RuleFileError) -> [String]? {
        guard let value = self[key] else { return nil }
        let text = try value.string(key)
        let keys = text.split(separator: ".").map(String.init)
        for target in targets {
            guard let reached = target.schema.descend(keys) else {
                let available = target.schema.members.map(\.key).joined(separator: ", ")
                throw value.error("\(key):「\(text)」は \(target.path) の下にありません（使えるキー: \(available)）",
                                  "\(key): '\(text)' does not exist under \(target.path) (keys: \(available))")
            }
            if let expect, !expect(reached) {
                throw value.error("\(key):「\(text)」は\(shape)ではありません（\(reached.shapeName)）",
                                  "\(key): '\(text)' under \(target.path) is not \(shape) but \(reached.shapeName)")
            }
        }
        return keys
    }

    /// Fails unless every target has the wanted shape.
    func requireTargets(_ targets: [Selector.SchemaTarget], _ shape: String, shapeJa: String,
                        _ test: (ModelSchema) -> Bool) throws(RuleFileError) {
        if let bad = targets.first(where: { !test($0.schema) }) {
            // Said at the selector that selects the wrong thing, naming what it selects.
            let selector = bad.selector.isEmpty ? "" : "「\(bad.selector)」"
            let selectorEn = bad.selector.isEmpty ? "" : " '\(bad.selector)'"
            let node = bad.path.isEmpty ? "シート全体" : bad.path
            let nodeEn = bad.path.isEmpty ? "the whole sheet" : bad.path
            throw RuleFileError(
                file: owner.file, position: bad.position ?? owner.position,
                message: "セレクタ\(selector)が選ぶ \(node) は\(bad.schema.shapeNameJa)ですが、この kind のセレクタは\(shapeJa)を選ぶ必要があります",
                messageEn: "the selector\(selectorEn) selects \(nodeEn), which is \(bad.schema.shapeName); this kind needs a selector that selects \(shape)")
        }
    }

    /// A list of regular expressions (or one).
    func patterns(_ key: String) throws(RuleFileError) -> [TextPattern]? {
        guard let value = self[key] else { return nil }
        if value.isSequence {  // without building a built-in file's Yams node
            var out: [TextPattern] = []
            for item in try value.sequence(key) { out.append(try item.pattern(key)) }
            return out
        }
        return [try value.pattern(key)]
    }
}

extension ModelSchema {
    var isScalar: Bool {
        if case .scalar = self { return true }
        return false
    }
    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}

/// The text a text check reads from a node: normalized unless the rule says otherwise.
func checkedText(_ node: Match, normalize: Bool) -> String? {
    guard let t = node.text else { return nil }
    return normalize ? TextNormalization.normalize(t) : t
}
