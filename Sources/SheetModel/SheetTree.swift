/// A sheet's model tree as parallel arrays, one slot per node, numbered depth first: a
/// node's id is smaller than every id below it, and its descendants are exactly the ids
/// `id + 1 ..< end(id)`. So "b is under a" is two comparisons, "every node under a" one
/// contiguous range, and document order is the order of ids.
///
/// Each node is a few integers (kind, parent, end, key or position, span, value): texts
/// are indices into one string list, spans into one table of 32-bit positions with the file
/// named once. Built once per sheet for rule evaluation, straight from the `Sheet`
/// (`init(_:)`, no `ModelNode` tree in between), and then only read, so it is immutable and
/// shared freely between the matches that point into it. Ids mean something only within
/// one tree: never store them (baselines keep fingerprints and path strings).
public final class SheetTree: Sendable {
    /// What a node holds.
    public enum Kind: UInt8, Sendable {
        case object, array, string, int, bool, null
    }

    /// The kind of each node (low bits), with `ownSpanFlag` set when it has a span of its own.
    @usableFromInline let tags: [UInt8]
    /// The parent's id; -1 for the root.
    public let parents: [Int32]
    /// One past the last id under each node.
    public let ends: [Int32]
    /// The member key of an object's member (an index into `keys`), the position of an
    /// array's element; -1 for the root.
    @usableFromInline let slots: [Int32]
    /// The index in `spans` of the node's own span, else of its nearest ancestor's; -1 when
    /// none has one.
    private let spanRefs: [Int32]
    /// A string's index in `strings`, an int's value (with `wideIntFlag`, its index in
    /// `wideInts`), a bool's 0 or 1.
    @usableFromInline let payloads: [Int32]
    /// Ints that do not fit 32 bits.
    @usableFromInline let wideInts: [Int]
    @usableFromInline let strings: [String]
    /// Every distinct member key of the tree, in order of first appearance.
    public let keys: [String]
    /// For each of `keys`, the `ModelKey` it was emitted as (its raw value), or -1 for a key
    /// given by name (a tree flattened from a `ModelNode`).
    @usableFromInline let keyModels: [Int16]
    private let files: [String]
    private let spans: [PackedSpan]

    @usableFromInline static let ownSpanFlag: UInt8 = 0x80
    @usableFromInline static let wideIntFlag: UInt8 = 0x40
    @usableFromInline static let kindMask: UInt8 = 0x3F

    /// The sheet's model (what `sheet.tree` holds) flattened in one depth-first pass over
    /// the sheet, without building the `ModelNode` tree.
    public convenience init(_ sheet: Sheet) {
        var counter = Counter()
        sheet.emit(into: &counter)
        self.init(counter) { sheet.emit(into: &$0) }
    }

    /// Flattens `root` in one depth-first pass.
    public convenience init(flattening root: ModelNode) {
        var counter = Counter()
        counter.count(root)
        self.init(counter) { $0.add(root) }
    }

    /// The tree `emit` gives a builder whose per-node columns are made at the size `counter`
    /// found and written in place (no capacity or uniqueness check per node and column).
    private convenience init(_ counter: Counter, _ emit: (inout Builder) -> Void) {
        let n = counter.nodes
        var tags = [UInt8](repeating: 0, count: n)
        var parents = [Int32](repeating: 0, count: n), ends = parents, slots = parents, spanRefs = parents, payloads = parents
        var b = Builder(reserving: counter)
        tags.withUnsafeMutableBufferPointer { tags in
            parents.withUnsafeMutableBufferPointer { parents in
                ends.withUnsafeMutableBufferPointer { ends in
                    slots.withUnsafeMutableBufferPointer { slots in
                        spanRefs.withUnsafeMutableBufferPointer { spanRefs in
                            payloads.withUnsafeMutableBufferPointer { payloads in
                                b.columns = Columns(tags: tags, parents: parents, ends: ends, slots: slots,
                                                    spanRefs: spanRefs, payloads: payloads)
                                emit(&b)
                                b.columns = .none
                            }
                        }
                    }
                }
            }
        }
        precondition(b.count == n, "SheetTree: the counting pass and the building pass disagree")
        self.init(tags: tags, parents: parents, ends: ends, slots: slots, spanRefs: spanRefs, payloads: payloads, b)
    }

    private init(tags: [UInt8], parents: [Int32], ends: [Int32], slots: [Int32], spanRefs: [Int32], payloads: [Int32],
                 _ b: Builder) {
        self.tags = tags
        self.parents = parents
        self.ends = ends
        self.slots = slots
        self.spanRefs = spanRefs
        self.payloads = payloads
        wideInts = b.wideInts
        strings = b.strings
        keys = b.keys
        keyModels = b.keyModels
        files = b.files
        spans = b.spans
    }

    /// The number of nodes.
    public var count: Int { tags.count }

    /// What node `id` holds.
    @inlinable public func kind(_ id: Int32) -> Kind { Kind(rawValue: tags[Int(id)] & Self.kindMask)! }

    /// The value of an int node.
    @inlinable func intValue(_ id: Int32) -> Int {
        let p = payloads[Int(id)]
        return tags[Int(id)] & Self.wideIntFlag != 0 ? wideInts[Int(p)] : Int(p)
    }

    /// The string of a string node.
    @inlinable func stringValue(_ id: Int32) -> String { strings[Int(payloads[Int(id)])] }

    /// The member key of `id` in its parent object, as an index into `keys`; -1 for array
    /// elements and the root.
    @inlinable public func keyIndex(_ id: Int32) -> Int32 {
        let p = parents[Int(id)]
        return p >= 0 && kind(p) == .object ? slots[Int(id)] : -1
    }

    /// The `ModelKey` that key `index` (an index into `keys`) was emitted as; nil for a key
    /// given by name. Lets a reader precompute per-key answers by `ModelKey` once per run.
    public func modelKey(ofKey index: Int) -> ModelKey? {
        let raw = keyModels[index]
        return raw < 0 ? nil : ModelKey(rawValue: Int(raw))
    }

    /// `modelKey(ofKey:)`'s raw value, -1 for none.
    @inlinable public func modelKeyRaw(ofKey index: Int32) -> Int {
        Int(keyModels[Int(index)])
    }

    /// The member key of `id` in its parent object; nil for array elements and the root.
    @inlinable public func key(_ id: Int32) -> String? {
        let k = keyIndex(id)
        return k < 0 ? nil : keys[Int(k)]
    }

    /// The position of `id` in its parent array; nil for object members and the root.
    @inlinable public func ordinal(_ id: Int32) -> Int? {
        let p = parents[Int(id)]
        return p >= 0 && kind(p) == .array ? Int(slots[Int(id)]) : nil
    }

    /// True when the node holds a string.
    @inlinable public func isString(_ id: Int32) -> Bool { kind(id) == .string }

    /// The string a string node holds; nil for other nodes.
    @inlinable public func string(_ id: Int32) -> String? {
        kind(id) == .string ? stringValue(id) : nil
    }

    /// The number of string nodes.
    public var stringCount: Int { strings.count }

    /// The slot of a string node among the tree's strings (`0 ..< stringCount`, in document
    /// order); nil for other nodes. For per-string tables far smaller than per-node ones.
    @inlinable public func stringIndex(_ id: Int32) -> Int? {
        kind(id) == .string ? Int(payloads[Int(id)]) : nil
    }

    /// The int an int node holds; nil for other nodes.
    @inlinable public func int(_ id: Int32) -> Int? {
        kind(id) == .int ? intValue(id) : nil
    }

    /// The string, or the decimal form of an int; nil otherwise (as `ModelNode.text`).
    @inlinable public func text(_ id: Int32) -> String? {
        switch kind(id) {
        case .string: stringValue(id)
        case .int: String(intValue(id))
        default: nil
        }
    }

    /// True for null, empty strings, empty arrays, and objects whose members are all empty
    /// (as `ModelNode.isEmptyValue`).
    public func isEmptyValue(_ id: Int32) -> Bool {
        switch kind(id) {
        case .null: return true
        case .string:
            // `allSatisfy { $0.isWhitespace }`: a character is white space when its first
            // scalar is, so a text whose first scalar is not fails at once, without
            // breaking it into characters (most texts).
            let s = stringValue(id)
            guard let first = s.unicodeScalars.first else { return true }
            return first.properties.isWhitespace && s.allSatisfy { $0.isWhitespace }
        case .array: return children(id).allSatisfy { isEmptyValue($0) }
        case .object:
            return children(id).allSatisfy { c in
                let k = key(c)
                return k == "number" || k == "marker" || isEmptyValue(c)
            }
        case .int, .bool: return false
        }
    }

    /// The node's own span; nil when it has none.
    public func ownSpan(_ id: Int32) -> SourceSpan? {
        tags[Int(id)] & Self.ownSpanFlag != 0 ? span(id) : nil
    }

    /// The node's own span, else its nearest ancestor's; nil when none has one.
    public func span(_ id: Int32) -> SourceSpan? {
        let ref = spanRefs[Int(id)]
        guard ref >= 0 else { return nil }
        let s = spans[Int(ref)]
        return SourceSpan(file: files[Int(s.file)],
                          start: SourcePosition(line: Int(s.startLine), column: Int(s.startColumn)),
                          end: SourcePosition(line: Int(s.endLine), column: Int(s.endColumn)))
    }

    /// The children of `id`, in order: the first is `id + 1`, each next one starts where
    /// the previous one's subtree ends.
    @inlinable public func children(_ id: Int32) -> ChildIDs { ChildIDs(tree: self, first: id + 1, end: ends[Int(id)]) }

    /// The child of object node `id` with member key `key`.
    @inlinable public func child(_ id: Int32, key: String) -> Int32? {
        guard kind(id) == .object else { return nil }
        for c in children(id) where keys[Int(slots[Int(c)])] == key { return c }
        return nil
    }

    /// The child of object node `id` whose member key is `keys[keyIndex]`.
    @inlinable public func child(_ id: Int32, keyIndex: Int32) -> Int32? {
        guard kind(id) == .object else { return nil }
        var c = id + 1
        let end = ends[Int(id)]
        while c < end {
            if slots[Int(c)] == keyIndex { return c }
            c = ends[Int(c)]
        }
        return nil
    }

    /// The subtree at `id` as a `ModelNode` value (equal to the node the tree was built
    /// from). It copies the whole subtree: for tests and small nodes.
    public func node(_ id: Int32) -> ModelNode {
        let span = ownSpan(id)
        switch kind(id) {
        case .object:
            return ModelNode(.object(children(id).map { ModelNode.Member(key($0)!, node($0)) }), span: span)
        case .array: return ModelNode(.array(children(id).map { node($0) }), span: span)
        case .string: return ModelNode(.string(stringValue(id)), span: span)
        case .int: return ModelNode(.int(intValue(id)), span: span)
        case .bool: return ModelNode(.bool(payloads[Int(id)] != 0), span: span)
        case .null: return ModelNode(.null, span: span)
        }
    }

    /// The ids of a node's children.
    public struct ChildIDs: Sequence, IteratorProtocol {
        @usableFromInline let tree: SheetTree
        @usableFromInline var first: Int32
        @usableFromInline let end: Int32
        @inlinable init(tree: SheetTree, first: Int32, end: Int32) {
            self.tree = tree
            self.first = first
            self.end = end
        }
        @inlinable public mutating func next() -> Int32? {
            guard first < end else { return nil }
            defer { first = tree.ends[Int(first)] }
            return first
        }
    }

    /// A span in 20 bytes: the file as an index into `files`, and the positions (32 bits,
    /// as `SourcePosition` stores them).
    private struct PackedSpan: Equatable {
        var file: Int32
        var startLine: Int32, startColumn: Int32, endLine: Int32, endColumn: Int32
    }

    /// Counts what a sheet emits, so that the builder's arrays are allocated once, at
    /// their final size (growing them by doubling held old and new buffers at once).
    private struct Counter: ModelSink {
        var nodes = 0, strings = 0, spans = 0
        /// The last span's positions: a span is counted when they differ (its file is not
        /// compared, nor kept: keeping it took a reference count per node; a sheet's spans
        /// all name its file, and a span counted too few only grows the span list).
        var lastStart = SourcePosition(line: -1, column: -1), lastEnd = SourcePosition(line: -1, column: -1)
        mutating func node(_ span: SourceSpan?) {
            nodes += 1
            if let span, span.start != lastStart || span.end != lastEnd {
                spans += 1
                (lastStart, lastEnd) = (span.start, span.end)
            }
        }
        mutating func beginObject(_ span: SourceSpan?) { node(span) }
        mutating func key(_ key: ModelKey) {}
        mutating func endObject() {}
        mutating func beginArray(_ span: SourceSpan?) { node(span) }
        mutating func endArray() {}
        mutating func string(_ s: String, _ span: SourceSpan?) {
            node(span)
            strings += 1
        }
        mutating func int(_ i: Int, _ span: SourceSpan?) { node(span) }
        mutating func null(_ span: SourceSpan?) { node(span) }

        /// Counts `root`'s subtree as `Builder.add` emits it.
        mutating func count(_ node: ModelNode) {
            switch node.value {
            case .object(let members):
                beginObject(node.span)
                for m in members { count(m.node) }
            case .array(let elements):
                beginArray(node.span)
                for e in elements { count(e) }
            case .string(let s): string(s, node.span)
            case .int(let i): int(i, node.span)
            case .bool, .null: self.node(node.span)
            }
        }
    }

    /// The per-node columns a builder writes, one slot per node, made at their final size.
    private struct Columns {
        let tags: UnsafeMutableBufferPointer<UInt8>
        let parents: UnsafeMutableBufferPointer<Int32>
        let ends: UnsafeMutableBufferPointer<Int32>
        let slots: UnsafeMutableBufferPointer<Int32>
        let spanRefs: UnsafeMutableBufferPointer<Int32>
        let payloads: UnsafeMutableBufferPointer<Int32>

        /// No columns: a builder outside `init(_:_:)`.
        static var none: Columns { Columns(tags: .init(start: nil, count: 0), parents: .init(start: nil, count: 0),
                                  ends: .init(start: nil, count: 0), slots: .init(start: nil, count: 0),
                                  spanRefs: .init(start: nil, count: 0), payloads: .init(start: nil, count: 0)) }
    }

    private struct Builder: ModelSink {
        /// Where the nodes go (set while the tree is emitted), and the number written.
        var columns = Columns.none
        var count = 0
        var wideInts: [Int] = []
        var strings: [String] = []
        var keys: [String] = []
        var keyModels: [Int16] = []
        var files: [String] = []
        var spans: [PackedSpan] = []
        /// Interned keys, by name and by `ModelKey`.
        var keyIDs: [String: Int32] = [:]
        var modelKeyIDs = [Int32](repeating: -1, count: ModelKey.allCases.count)
        /// Open objects and arrays, innermost last, with the next element's position.
        var open: [(id: Int32, next: Int32)] = []
        var pendingKey: Int32 = -1

        init(reserving c: Counter) {
            strings.reserveCapacity(c.strings)
            spans.reserveCapacity(c.spans)
        }

        /// Appends a node under the innermost open one and returns its id.
        @discardableResult
        mutating func append(_ kind: Kind, _ span: SourceSpan?, payload: Int32 = 0, flags: UInt8 = 0) -> Int32 {
            let c = columns
            let id = Int32(count)
            precondition(count < c.tags.count, "SheetTree: more nodes than counted")
            count += 1
            var parent: Int32 = -1
            var slot: Int32 = -1
            if let last = open.last {
                parent = last.id
                if c.tags[Int(parent)] & SheetTree.kindMask == Kind.object.rawValue {
                    slot = pendingKey
                } else {
                    slot = last.next
                    open[open.count - 1].next += 1
                }
            }
            pendingKey = -1
            var tag = kind.rawValue | flags
            if let span {
                tag |= SheetTree.ownSpanFlag
                // A field often has the span of the object it is in (an approach and its
                // only text): such a span is stored once.
                let packed = pack(span)
                if let last = spans.last, last == packed {
                    c.spanRefs[Int(id)] = Int32(spans.count - 1)
                } else {
                    c.spanRefs[Int(id)] = Int32(spans.count)
                    spans.append(packed)
                }
            } else {
                c.spanRefs[Int(id)] = parent >= 0 ? c.spanRefs[Int(parent)] : -1
            }
            c.tags[Int(id)] = tag
            c.parents[Int(id)] = parent
            c.ends[Int(id)] = id + 1
            c.slots[Int(id)] = slot
            c.payloads[Int(id)] = payload
            return id
        }

        mutating func pack(_ span: SourceSpan) -> PackedSpan {
            let file: Int32
            if let last = files.last, last == span.file {
                file = Int32(files.count - 1)
            } else if let i = files.firstIndex(of: span.file) {
                file = Int32(i)
            } else {
                files.append(span.file)
                file = Int32(files.count - 1)
            }
            return PackedSpan(file: file, startLine: Int32(span.start.line), startColumn: Int32(span.start.column),
                              endLine: Int32(span.end.line), endColumn: Int32(span.end.column))
        }

        mutating func beginObject(_ span: SourceSpan?) { open.append((append(.object, span), 0)) }
        mutating func beginArray(_ span: SourceSpan?) { open.append((append(.array, span), 0)) }
        mutating func endObject() { close() }
        mutating func endArray() { close() }
        mutating func close() {
            let id = open.removeLast().id
            columns.ends[Int(id)] = Int32(count)
        }

        mutating func key(_ key: ModelKey) {
            let known = modelKeyIDs[key.rawValue]
            if known >= 0 {
                pendingKey = known
            } else {
                // The model's keys have distinct names: no lookup by name (`intern` indexes
                // these by name when a key given by name follows).
                pendingKey = Int32(keys.count)
                keys.append(key.name)
                keyModels.append(Int16(key.rawValue))
                modelKeyIDs[key.rawValue] = pendingKey
            }
        }

        mutating func intern(_ key: String) -> Int32 {
            if keyIDs.count < keys.count {
                for (k, name) in keys.enumerated() where keyIDs[name] == nil { keyIDs[name] = Int32(k) }
            }
            if let k = keyIDs[key] { return k }
            let k = Int32(keys.count)
            keys.append(key)
            keyModels.append(-1)
            keyIDs[key] = k
            return k
        }

        mutating func string(_ s: String, _ span: SourceSpan?) {
            append(.string, span, payload: Int32(strings.count))
            strings.append(s)
        }
        mutating func int(_ i: Int, _ span: SourceSpan?) {
            if let small = Int32(exactly: i) {
                append(.int, span, payload: small)
            } else {
                append(.int, span, payload: Int32(wideInts.count), flags: SheetTree.wideIntFlag)
                wideInts.append(i)
            }
        }
        mutating func null(_ span: SourceSpan?) { append(.null, span) }

        /// Adds a `ModelNode` subtree (any keys, any values).
        mutating func add(_ node: ModelNode) {
            switch node.value {
            case .object(let members):
                beginObject(node.span)
                for m in members {
                    pendingKey = intern(m.key)
                    add(m.node)
                }
                endObject()
            case .array(let elements):
                beginArray(node.span)
                for e in elements { add(e) }
                endArray()
            case .string(let s): string(s, node.span)
            case .int(let i): int(i, node.span)
            case .bool(let b): append(.bool, node.span, payload: b ? 1 : 0)
            case .null: null(node.span)
            }
        }
    }
}
