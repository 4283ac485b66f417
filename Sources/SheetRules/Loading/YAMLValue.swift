import SheetModel
import SheetReading
import Yams

/// A YAML node paired with its file, so every decoding failure can name file, line and
/// column. Used only while loading; compiled rules keep none of it. The node is a Yams
/// node, or for a built-in file a node of its build-time table (`ComposedYAML`), read in
/// place; both answer every question below the same way (PrecomposedRulesTests).
struct YAMLValue {
    private enum Storage {
        // Indirect: a value is then one reference (and an index) to copy, whichever case.
        indirect case yams(Node)
        case table(ComposedYAML, Int)
    }

    private let storage: Storage
    let file: String
    /// True for a node of a built-in file decoded from its build-time table (its text is
    /// the embedded one, which the tests load): its patterns are compiled on first use.
    /// Every other node (rule directories, configurations, examples) is compiled at load,
    /// so a bad pattern there fails at load with its position.
    var builtIn = false

    init(node: Node, file: String, builtIn: Bool = false) {
        storage = .yams(node)
        self.file = file
        self.builtIn = builtIn
    }

    /// Node `index` of a built-in file's table.
    init(table: ComposedYAML, index: Int, file: String, builtIn: Bool) {
        storage = .table(table, index)
        self.file = file
        self.builtIn = builtIn
    }

    /// The node as Yams nodes (built from the table for a built-in file's node).
    var node: Node {
        switch storage {
        case .yams(let node): return node
        case .table(let table, let n): return table.node(n)
        }
    }

    /// For a node of a built-in file's table, a way to build its Yams nodes later (the table
    /// never changes); nil for Yams nodes.
    var deferredNode: (@Sendable () -> Node)? {
        guard case .table(let table, let n) = storage else { return nil }
        return { table.node(n) }
    }

    private func value(_ n: Int, in table: ComposedYAML) -> YAMLValue {
        YAMLValue(table: table, index: n, file: file, builtIn: builtIn)
    }

    var position: SourcePosition {
        switch storage {
        case .yams(let node):
            return node.mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? SourcePosition(line: 1, column: 1)
        case .table(let table, let n):
            return SourcePosition(line: table.line(n), column: table.column(n))
        }
    }

    func error(_ message: String, _ messageEn: String) -> RuleFileError {
        RuleFileError(file: file, position: position, message: message, messageEn: messageEn)
    }

    /// The key and value of each pair of a mapping, in order; nil for another node.
    private func pairs() -> [(key: YAMLValue, value: YAMLValue)]? {
        switch storage {
        case .yams(let node):
            guard case .mapping(let mapping) = node else { return nil }
            return mapping.map { (YAMLValue(node: $0.key, file: file, builtIn: builtIn), YAMLValue(node: $0.value, file: file, builtIn: builtIn)) }
        case .table(let table, let n):
            guard table.kind(n) == .mapping else { return nil }
            let items = table.children(n)
            var out: [(key: YAMLValue, value: YAMLValue)] = []
            out.reserveCapacity(items.count / 2)
            var i = 0
            while i + 1 < items.count {
                out.append((value(items[i], in: table), value(items[i + 1], in: table)))
                i += 2
            }
            return out
        }
    }

    /// A scalar's text (nil for a collection), null or not.
    private var scalarString: String? {
        switch storage {
        case .yams(let node):
            guard case .scalar(let scalar) = node else { return nil }
            return scalar.string
        case .table(let table, let n):
            return table.kind(n) == .scalar ? table.scalarString(n) : nil
        }
    }

    /// A mapping whose keys must all be in `allowed`; `what` names it in messages.
    func mapping(allowed: [String], what: String) throws(RuleFileError) -> YAMLMapping {
        var errors: [RuleFileError] = []
        let map = try mapping(allowed: allowed, what: what, errors: &errors)
        if let first = errors.first { throw first }
        return map
    }

    /// As `mapping(allowed:what:)`, but a key that is unknown (or not a string) is added to
    /// `errors` and skipped rather than thrown, so the other keys are still read and
    /// checked. A misspelt key with a near miss that the mapping lacks (`severty` →
    /// `severity`) is read as that key, so its absence is not reported as a second error.
    /// Throws only when the value is not a mapping.
    func mapping(allowed: [String], what: String, errors: inout [RuleFileError]) throws(RuleFileError) -> YAMLMapping {
        guard let pairs = pairs() else {
            throw error("\(what) はマッピング（キー: 値）で書いてください", "\(what) must be a mapping (key: value)")
        }
        var entries: [(key: String, keyValue: YAMLValue, value: YAMLValue)] = []
        entries.reserveCapacity(pairs.count)
        for (keyValue, v) in pairs {
            guard let key = keyValue.scalarString else {
                errors.append(keyValue.error("キーは文字列で書いてください", "keys must be plain strings"))
                continue
            }
            guard allowed.contains(key) else {
                let hint = Self.closest(key, in: allowed).map { ($0, "（\($0) の誤りですか）", " (did you mean '\($0)'?)") }
                errors.append(keyValue.error(
                    "\(what) に未知のキー「\(key)」があります\(hint?.1 ?? "")。使えるキー: \(allowed.joined(separator: ", "))",
                    "unknown key '\(key)' in \(what)\(hint?.2 ?? ""); allowed keys: \(allowed.joined(separator: ", "))"))
                // Only a misspelt key needs the set of keys written.
                if let meant = hint?.0, !pairs.contains(where: { $0.key.node.string == meant }) {
                    entries.append((meant, keyValue, v))
                }
                continue
            }
            entries.append((key, keyValue, v))
        }
        return YAMLMapping(owner: self, what: what, entries: entries)
    }

    var isNull: Bool {
        switch storage {
        case .yams(let node):
            if case .scalar = node { return node.null != nil }
            return false
        case .table(let table, let n):
            return table.isNull(n)
        }
    }

    func string(_ what: String) throws(RuleFileError) -> String {
        guard let s = scalarString, !isNull else {
            throw error("\(what) は文字列で書いてください", "\(what) must be a string")
        }
        return s
    }

    func int(_ what: String) throws(RuleFileError) -> Int {
        // A table's plain decimal is read without building its Yams node (and Yams' tables).
        if case .table(let table, let n) = storage, table.kind(n) == .scalar,
           let value = Self.plainDecimal(table.scalarString(n), style: Node.Scalar.Style(rawValue: table.style(n)) ?? .any) {
            return value
        }
        let node = scalarString == nil ? nil : node
        guard let node, case .scalar = node, let i = Self.integer(node) else {
            throw error("\(what) は整数で書いてください", "\(what) must be an integer")
        }
        return i
    }

    /// Yams' `Node.int`, except that a YAML 1.1 sexagesimal integer (`1:30` is 90) whose
    /// value does not fit an `Int` is no integer instead of a crash: Yams multiplies its
    /// place values without an overflow check, so `fiscalYear: 1011666666666666666:6` in a
    /// repository's `.sheetlint.yml` (found by FuzzConfig) stopped the process, and so did any
    /// 12 or more `:`-separated parts. Every other scalar goes to Yams unchanged.
    static func integer(_ node: Node) -> Int? {
        if case .scalar(let scalar) = node, let value = plainDecimal(scalar) { return value }
        guard case .scalar(let scalar) = node, scalar.style == .any || scalar.style == .plain,
              // Without a `:` (removing `_` adds none) there is no sexagesimal form: Yams as is.
              scalar.string.utf8.contains(UInt8(ascii: ":")) else { return node.int }
        let text = scalar.string.replacingOccurrences(of: "_", with: "")
        var body = Substring(text)
        let negative = body.hasPrefix("-")
        if negative || body.hasPrefix("+") { body = body.dropFirst() }
        // What Yams reads before it tries the sexagesimal form: "0", and the 0x/0b/0o/0 radixes.
        guard text != "0", !body.hasPrefix("0"), body.contains(":") else { return node.int }
        var value = 0
        var place = 1
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        for (n, part) in parts.reversed().enumerated() {
            guard let digit = Int(part, radix: 10) else { return nil }
            let (product, productOverflow) = digit.multipliedReportingOverflow(by: place)
            let (sum, sumOverflow) = value.addingReportingOverflow(product)
            guard !productOverflow, !sumOverflow else { return nil }
            value = sum
            if n < parts.count - 1 {
                let (next, placeOverflow) = place.multipliedReportingOverflow(by: 60)
                guard !placeOverflow else { return nil }
                place = next
            }
        }
        let (signed, signOverflow) = value.multipliedReportingOverflow(by: negative ? -1 : 1)
        return signOverflow ? nil : signed
    }

    /// What Yams' `Node.int` gives for a plain scalar of ASCII digits without a leading zero
    /// (`1`, `2024`, or `0`), read without it: Yams first removes `_` with Foundation's
    /// `replacingOccurrences`, whose first use cost 0.7 M instructions at start-up. Such a
    /// text has no `_`, sign, radix prefix or `:`, so Yams reads it as `Int(text)`. Nil for
    /// any other scalar, which goes to Yams (YAMLIntegerTests compares the two).
    static func plainDecimal(_ scalar: Node.Scalar) -> Int? {
        plainDecimal(scalar.string, style: scalar.style)
    }

    static func plainDecimal(_ string: String, style: Node.Scalar.Style) -> Int? {
        guard style == .any || style == .plain else { return nil }
        let utf8 = string.utf8
        guard let first = utf8.first, first != UInt8(ascii: "0") || utf8.count == 1,
              utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(string)
    }

    func bool(_ what: String) throws(RuleFileError) -> Bool {
        // A table's scalar is read as Yams' `Bool.construct` reads it, without building the node.
        if case .table(let table, let n) = storage, table.kind(n) == .scalar {
            if let b = table.bool(n) { return b }
            throw error("\(what) は true か false で書いてください", "\(what) must be true or false")
        }
        let node = scalarString == nil ? nil : node
        guard let node, case .scalar = node, let b = node.bool else {
            throw error("\(what) は true か false で書いてください", "\(what) must be true or false")
        }
        return b
    }

    func sequence(_ what: String) throws(RuleFileError) -> [YAMLValue] {
        switch storage {
        case .yams(let node):
            if case .sequence(let seq) = node { return seq.map { YAMLValue(node: $0, file: file, builtIn: builtIn) } }
        case .table(let table, let n):
            if table.kind(n) == .sequence { return table.children(n).map { value($0, in: table) } }
        }
        throw error("\(what) はリストで書いてください", "\(what) must be a list")
    }

    var isSequence: Bool {
        switch storage {
        case .yams(let node):
            if case .sequence = node { return true }
            return false
        case .table(let table, let n):
            return table.kind(n) == .sequence
        }
    }

    /// A string, or a list of strings.
    func strings(_ what: String) throws(RuleFileError) -> [(String, YAMLValue)] {
        if isSequence {
            var out: [(String, YAMLValue)] = []
            for item in try sequence(what) { out.append((try item.string(what), item)) }
            return out
        }
        return [(try string(what), self)]
    }

    /// A regular expression, compiled now so that a bad one fails at load; a built-in one
    /// (`builtIn`) on first use, as most are never run on a given sheet (ICU compilation was
    /// 16 M instructions of every process's start-up).
    func pattern(_ what: String) throws(RuleFileError) -> TextPattern {
        let source = try string(what)
        let origin = TextPattern.Origin(file: Self.overriddenRule.map { $0.fileOf(self) } ?? file, position: position)
        if builtIn {
            var pattern = TextPattern(compilingOnFirstUse: source)
            pattern.origin = origin
            return pattern
        }
        do {
            var pattern = try TextPattern(source)
            pattern.origin = origin
            return pattern
        } catch {
            throw self.error("\(what) の正規表現「\(source)」が正しくありません: \(error.message)",
                             "\(what): invalid regular expression '\(source)': \(error.messageEn)")
        }
    }

    /// While a configuration recompiles a rule with its options merged over the rule's own
    /// (`Rule.overridingOptions`), every node is labelled with the configuration's file;
    /// this tells which of them the rule file wrote, so that a pattern names its real file.
    @TaskLocal static var overriddenRule: OverrideOrigins?

    struct OverrideOrigins: Sendable {
        /// The rule's own file.
        var ruleFile: String
        /// Position and text of every scalar the configuration wrote in `options:`.
        var configScalars: Set<String>

        init(ruleFile: String, overrides: Node) {
            self.ruleFile = ruleFile
            var found = Set<String>()
            func walk(_ node: Node) {
                switch node {
                case .scalar(let s): found.insert(Self.key(node.mark, s.string))
                case .mapping(let m): for (k, v) in m { walk(k); walk(v) }
                case .sequence(let list): list.forEach(walk)
                default: break
                }
            }
            walk(overrides)
            configScalars = found
        }

        static func key(_ mark: Mark?, _ text: String) -> String {
            "\(mark?.line ?? 0):\(mark?.column ?? 0):\(text)"
        }

        /// The file that wrote `value`: the configuration when it is one of its scalars
        /// (same position and text), else the rule file.
        func fileOf(_ value: YAMLValue) -> String {
            guard case .scalar(let s) = value.node else { return value.file }
            return configScalars.contains(Self.key(value.node.mark, s.string)) ? value.file : ruleFile
        }
    }

    /// Edit-distance suggestion for a misspelt key.
    static func closest(_ key: String, in allowed: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for i in 1...max(a.count, 1) where !a.isEmpty {
                var prev = row[0]
                row[0] = i
                for j in 1...max(b.count, 1) where !b.isEmpty {
                    let old = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                    prev = old
                }
            }
            return row[b.count]
        }
        let scored = allowed.map { ($0, distance(Array(key), Array($0))) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }
}

/// A decoded mapping whose keys were checked; lookups are by key.
struct YAMLMapping {
    let owner: YAMLValue
    let what: String
    let entries: [(key: String, keyValue: YAMLValue, value: YAMLValue)]
    /// `entries`' keys, in order: a lookup compares strings without copying any entry.
    private let keys: [String]

    init(owner: YAMLValue, what: String, entries: [(key: String, keyValue: YAMLValue, value: YAMLValue)]) {
        self.owner = owner
        self.what = what
        self.entries = entries
        keys = entries.map(\.key)
    }

    subscript(key: String) -> YAMLValue? {
        // The first entry with that key, as `first(where:)` on the entries would give.
        guard let i = keys.firstIndex(of: key) else { return nil }
        return entries[i].value.isNull ? nil : entries[i].value
    }

    func required(_ key: String) throws(RuleFileError) -> YAMLValue {
        guard let v = self[key] else {
            throw owner.error("\(what) に必須のキー「\(key)」がありません", "\(what) is missing the required key '\(key)'")
        }
        return v
    }
}

extension YAMLValue {
    /// How the built-in rule and catalogue files are named (`<default>/dates.yml`).
    static let defaultPrefix = "<default>/"

    /// Composes YAML text; nil for an empty or all-comment document. A syntax error keeps
    /// libyaml's position (1-based line and column).
    static func compose(text: String, file: String) throws(RuleFileError) -> YAMLValue? {
        // The built-in files were composed at build time.
        if file.hasPrefix(defaultPrefix), let table = PrecomposedYAML.table(name: String(file.dropFirst(defaultPrefix.count)), text: text) {
            return YAMLValue(table: table, index: 0, file: file, builtIn: true)
        }
        if let (line, column) = YAMLBounds.firstTooDeep(in: text) {
            let limit = ResourceLimits.maxNestingDepth
            throw RuleFileError(file: file, position: SourcePosition(line: line, column: column),
                                message: "入れ子が深すぎます（\(limit) 段まで）", messageEn: "nested too deeply (at most \(limit) levels)")
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { return nil }
            let limit = ResourceLimits.maxYAMLNodes
            if YAMLBounds.expandedNodeCount(node) > limit {
                throw RuleFileError(file: file, position: SourcePosition(line: 1, column: 1),
                                    message: "YAML の要素が多すぎます（エイリアスを展開して \(limit) 個まで）",
                                    messageEn: "too many YAML nodes (at most \(limit) with aliases expanded)")
            }
            return YAMLValue(node: node, file: file)
        } catch let error as RuleFileError {
            throw error
        } catch let error as YamlError {
            var position = SourcePosition(line: 1, column: 1)
            var problem = "\(error)"
            switch error {
            case .scanner(_, let p, let mark, _), .parser(_, let p, let mark, _), .composer(_, let p, let mark, _):
                position = SourcePosition(line: mark.line, column: mark.column)
                problem = p
            default: break
            }
            throw RuleFileError(file: file, position: position, message: "YAML として読めません: \(problem)",
                                messageEn: "not valid YAML: \(problem)")
        } catch {
            throw RuleFileError(file: file, position: SourcePosition(line: 1, column: 1),
                                message: "YAML として読めません: \(error)", messageEn: "not valid YAML: \(error)")
        }
    }
}
