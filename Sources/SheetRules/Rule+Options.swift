import SheetModel
import Yams

extension Rule {
    /// This rule recompiled with `overrides` merged over its options (key by key: a key
    /// given replaces the rule's value for it). Errors (unknown option, bad regex, a value of
    /// the wrong type) point at the override, in the file that wrote it.
    func overridingOptions(with overrides: YAMLValue, catalogs: [String: Catalog]) throws(RuleFileError) -> Rule {
        guard case .mapping(let extra) = overrides.node else {
            throw overrides.error("options はマッピングで書いてください", "options must be a mapping")
        }
        guard let root = try YAMLValue.compose(text: sourceText, file: file),
              case .mapping(let fileMap) = root.node,
              let rulesNode = fileMap["rules"], case .sequence(let list) = rulesNode,
              sourceIndex < list.count, case .mapping(var ruleMap) = list[sourceIndex]
        else {
            throw overrides.error("ルール「\(id)」の元の定義が読めないため options を変えられません",
                                  "the definition of rule '\(id)' cannot be read again, so its options cannot be changed")
        }
        var options: Node.Mapping
        if let existing = ruleMap["options"], case .mapping(let m) = existing { options = m } else { options = Node.Mapping([]) }
        for (key, value) in extra { options[key] = value }
        ruleMap["options"] = .mapping(options)
        // Compile the merged rule; positions inside the overrides keep the config's file.
        // Patterns name the file that wrote them (`YAMLValue.overriddenRule`).
        let merged = YAMLValue(node: .mapping(ruleMap), file: overrides.file)
        let origins = YAMLValue.OverrideOrigins(ruleFile: file, overrides: overrides.node)
        var rule = try YAMLValue.$overriddenRule.withValue(origins) {
            Result { () throws(RuleFileError) -> Rule in try RuleFileParser.parseRule(merged, catalogs: catalogs) }
        }.get()
        rule.file = file
        rule.position = position
        rule.sourceText = sourceText
        rule.sourceIndex = sourceIndex
        return rule
    }
}
