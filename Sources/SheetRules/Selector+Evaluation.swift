import SheetModel

/// A node a selector reached in a sheet, with what a check needs around it.
public struct Match: Sendable {
    /// The node itself.
    public var node: ModelNode
    /// Its concrete path (`annualGoals[3].planCodes[0]`).
    public var path: ModelPath
    /// Its ancestors, root first; used for span fallback and `{number}` / `{goal}`.
    public var ancestors: [ModelNode]

    /// The node's span, else its nearest ancestor's; nil only when no node has a span.
    public var span: SourceSpan? {
        node.span ?? ancestors.reversed().lazy.compactMap(\.span).first
    }

    /// A match for a member of this node reached by a relative key path.
    public func descend(_ keys: [String]) -> Match? {
        var m = self
        for k in keys {
            guard let child = m.node[k] else { return nil }
            m = Match(node: child, path: m.path.appending(.key(k)), ancestors: m.ancestors + [m.node])
        }
        return m
    }

    /// The elements of an array node, as matches; empty for other nodes.
    public var elements: [Match] {
        guard case .array(let nodes) = node.value else { return [] }
        return nodes.enumerated().map {
            Match(node: $0.element, path: path.appending(.index($0.offset)), ancestors: ancestors + [node])
        }
    }

    /// The string leaves under `matches`, each once, in document order. Matches arrive in
    /// document order, so a match inside the last one walked is skipped instead of walked
    /// again: with `**` every node is a match, and walking each would visit every leaf once
    /// per ancestor.
    public static func uniqueTextLeaves(_ matches: [Match]) -> [Match] {
        var leaves: [Match] = []
        var seen = Set<ModelPath>()
        var lastWalked: ModelPath?
        for match in matches {
            if let last = lastWalked, match.path.isWithin(last) { continue }
            lastWalked = match.path
            for leaf in match.textLeaves where seen.insert(leaf.path).inserted { leaves.append(leaf) }
        }
        return leaves
    }

    /// Every string leaf under this node (itself included), in document order.
    public var textLeaves: [Match] {
        switch node.value {
        case .string: return [self]
        case .array: return elements.flatMap(\.textLeaves)
        case .object(let members):
            return members.flatMap { member in
                Match(node: member.node, path: path.appending(.key(member.key)), ancestors: ancestors + [node]).textLeaves
            }
        default: return []
        }
    }
}

extension Selector {
    /// Every node of `root` the selector reaches, in document order, without duplicates.
    public func select(in root: ModelNode) -> [Match] {
        var current = [Match(node: root, path: ModelPath(), ancestors: [])]
        for step in steps {
            current = current.flatMap { Self.apply(step, to: $0) }
        }
        var seen = Set<ModelPath>()
        return current.filter { seen.insert($0.path).inserted }
    }

    private static func apply(_ step: Step, to match: Match) -> [Match] {
        switch (step, match.node.value) {
        case (.key(let pattern), .object(let members)):
            return members.filter { keyMatches(pattern, $0.key) }.map {
                Match(node: $0.node, path: match.path.appending(.key($0.key)), ancestors: match.ancestors + [match.node])
            }
        case (.index(nil), .array):
            return match.elements
        case (.index(let n?), .array):
            let all = match.elements
            return n < all.count ? [all[n]] : []
        case (.descendants, _):
            return descendants(of: match)
        default:
            return []
        }
    }

    private static func descendants(of match: Match) -> [Match] {
        var out = [match]
        switch match.node.value {
        case .object(let members):
            for m in members {
                out += descendants(of: Match(node: m.node, path: match.path.appending(.key(m.key)),
                                             ancestors: match.ancestors + [match.node]))
            }
        case .array:
            for e in match.elements { out += descendants(of: e) }
        default:
            break
        }
        return out
    }
}
