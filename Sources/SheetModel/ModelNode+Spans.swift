extension ModelNode {
    /// The same tree with every span removed, at every depth.
    ///
    /// Two readings of one sheet from different forms (Markdown, canonical YAML, canonical
    /// JSON) differ only in where things were read from; comparing `strippingSpans()` of
    /// their trees compares what they say.
    public func strippingSpans() -> ModelNode {
        switch value {
        case .object(let members):
            return ModelNode(.object(members.map { Member($0.key, $0.node.strippingSpans()) }))
        case .array(let nodes):
            return ModelNode(.array(nodes.map { $0.strippingSpans() }))
        case .string, .int, .bool, .null:
            return ModelNode(value)
        }
    }
}

extension Sheet {
    /// True when both sheets hold the same content, wherever it was read from: their
    /// trees are equal once spans are stripped. File names, notes and `sectionsPresent`
    /// are not part of the tree and are not compared.
    public func contentEquals(_ other: Sheet) -> Bool {
        tree.strippingSpans() == other.tree.strippingSpans()
    }
}
