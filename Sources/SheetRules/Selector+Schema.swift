import Foundation
import SheetModel
/// Resolving a selector against `ModelSchema`, at load.
extension Selector {
    /// One place in the schema a selector can reach.
    public struct SchemaTarget: Sendable, Hashable {
        /// The path with `[*]` for every array step (`annualGoals[*].planCodes`).
        public var path: String
        public var schema: ModelSchema
        /// The selector as written in the rule file, and where, for errors about what it
        /// selects (set by the rule parser; empty and nil elsewhere).
        public var selector = ""
        public var position: SourcePosition?
    }

    /// Every schema node the selector can reach from `root`. Throws when it reaches none,
    /// naming the first segment after which nothing was left and the keys available there.
    public func resolve() throws(SelectorError) -> [SchemaTarget] {
        try resolve(in: .sheet, isSheet: true)
    }

    /// The same from another schema node.
    public func resolve(in root: ModelSchema) throws(SelectorError) -> [SchemaTarget] {
        try resolve(in: root, isSheet: false)
    }

    /// Every place under the sheet's root, worked out once per process: `**` selectors
    /// start with it, and walking the schema for each was a tenth of start-up.
    private static let sheetDescendants = descendants(of: SchemaTarget(path: "", schema: .sheet))

    private func resolve(in root: ModelSchema, isSheet: Bool) throws(SelectorError) -> [SchemaTarget] {
        var current = [SchemaTarget(path: "", schema: root)]
        for (i, step) in steps.enumerated() {
            // From the sheet's root, what a step prefix reaches depends on the prefix alone,
            // which its process-wide number names: rules share prefixes (`*Goals[*]`), and
            // resolving each again was a tenth of start-up.
            if isSheet, let known = ResolvedPrefixes.shared.targets(prefixes[i]) {
                current = known
                continue
            }
            var next: [SchemaTarget] = []
            if i == 0, isSheet, step == .descendants {
                next = Self.sheetDescendants
            } else {
                for target in current { next += Self.apply(step, to: target) }
            }
            if next.isEmpty {
                throw failure(at: i, from: current)
            }
            current = Self.unique(next)
            if isSheet { ResolvedPrefixes.shared.remember(prefixes[i], current) }
        }
        return current
    }

    private func failure(at i: Int, from current: [SchemaTarget]) -> SelectorError {
        let arrays = current.filter { $0.schema.isArray }.map { $0.path }
        if case .key = steps[i], !arrays.isEmpty {
            return SelectorError(
                "セレクタ「\(source)」: \(arrays.joined(separator: ", ")) は配列です。要素には [*] か [N] を付けてください",
                "selector '\(source)': \(arrays.joined(separator: ", ")) is an array; step into it with [*] or [N]")
        }
        let keys = Array(Set(current.flatMap { $0.schema.members.map(\.key) })).sorted()
        let at = current.map { $0.path.isEmpty ? "(root)" : $0.path }.joined(separator: ", ")
        let available = keys.isEmpty ? "なし" : keys.joined(separator: ", ")
        return SelectorError(
            "セレクタ「\(source)」はモデルのどこにも一致しません（\(at) の下で使えるキー: \(available)）",
            "selector '\(source)' can never match the model (keys under \(at): \(keys.isEmpty ? "none" : keys.joined(separator: ", ")))")
    }

    private static func apply(_ step: Step, to target: SchemaTarget) -> [SchemaTarget] {
        switch (step, target.schema) {
        case (.key(let pattern), .object(let members)):
            return members.filter { keyMatches(pattern, $0.key) }.map {
                SchemaTarget(path: target.path.isEmpty ? $0.key : "\(target.path).\($0.key)", schema: $0.schema)
            }
        case (.index, .array(let element)):
            return [SchemaTarget(path: target.path + "[*]", schema: element)]
        case (.descendants, _):
            return descendants(of: target)
        default:
            return []
        }
    }

    private static func descendants(of target: SchemaTarget) -> [SchemaTarget] {
        var out = [target]
        switch target.schema {
        case .object(let members):
            for m in members {
                out += descendants(of: SchemaTarget(
                    path: target.path.isEmpty ? m.key : "\(target.path).\(m.key)", schema: m.schema))
            }
        case .array(let element):
            out += descendants(of: SchemaTarget(path: target.path + "[*]", schema: element))
        case .scalar:
            break
        }
        return out
    }

    private static func unique(_ targets: [SchemaTarget]) -> [SchemaTarget] {
        var seen = Set<String>()
        return targets.filter { seen.insert($0.path).inserted }
    }
}

/// The schema targets each step prefix (by its `StepPrefixes` number) reaches from the
/// sheet's root, for prefixes that reach any. Filled at load, so the lock is taken at load only.
final class ResolvedPrefixes: @unchecked Sendable {
    static let shared = ResolvedPrefixes()

    private let lock = NSLock()
    /// By prefix number (numbers are small and dense; an array needs no hashing).
    private var known: [[Selector.SchemaTarget]?] = []

    func targets(_ prefix: Int32) -> [Selector.SchemaTarget]? {
        lock.lock()
        defer { lock.unlock() }
        return Int(prefix) < known.count ? known[Int(prefix)] : nil
    }

    func remember(_ prefix: Int32, _ targets: [Selector.SchemaTarget]) {
        lock.lock()
        defer { lock.unlock() }
        let i = Int(prefix)
        if i >= known.count { known += Array(repeating: nil, count: i + 1 - known.count) }
        known[i] = targets
    }
}

extension ModelSchema {
    /// The schema reached from this node by a dotted relative key path (`plan.items`);
    /// nil when a key does not exist or an array is in the way.
    public func descend(_ keys: [String]) -> ModelSchema? {
        var s = self
        for k in keys {
            guard let m = s.member(k) else { return nil }
            s = m.schema
        }
        return s
    }
}
