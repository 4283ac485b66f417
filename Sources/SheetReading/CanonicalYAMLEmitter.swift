import SheetModel
import Yams

/// The canonical YAML form written straight from the sheet's tree, one scalar at a time.
///
/// It writes exactly what libyaml's emitter (through `Yams.serialize(node:indent: 2,
/// width: -1, allowUnicode: true)`) writes for the node tree the canonical form describes,
/// byte for byte, without building that tree or libyaml's event queue: building them took
/// about 1 GB per MB of sheet (issue #8). Time and memory are linear in the output.
///
/// What follows is libyaml's emitter (`emitter.c` in Yams 6) reduced to what the canonical
/// form uses: block mappings and sequences, `[]`/`{}` for empty ones, scalars in the
/// requested style (plain, double-quoted or literal) with libyaml's fallbacks, an indent of
/// 2 and no line width. The names follow `emitter.c`, so each step can be checked against it.
/// `CanonicalYAMLEmitterTests` compares it with Yams on every fixture and example sheet and
/// on scalars chosen to reach every fallback.
struct CanonicalYAMLEmitter {
    enum Style { case any, plain, doubleQuoted, literal }

    private(set) var out: [UInt8] = []
    private var indent = -1
    private var indents: [Int] = []
    private var column = 0
    private var whitespace = true
    private var indention = true
    /// 2 when the last block scalar kept its trailing line breaks (`|+`): the stream then
    /// ends with `...`.
    private var openEnded = 0
    private var simpleKeyContext = false
    private var mappingContext = false
    private let spans: Bool
    /// Keys resolve to the same style every time: remembered.
    private var keyStyles: [String: Style] = [:]

    private static let bestIndent = 2

    init(spans: Bool, capacity: Int = 0) {
        self.spans = spans
        out.reserveCapacity(capacity)
    }

    /// The whole document for `root`, as `Yams.serialize` returns it.
    static func document(_ root: ModelNode, spans: Bool) -> String {
        var emitter = CanonicalYAMLEmitter(spans: spans)
        emitter.emitNode(root, mapping: false, simpleKey: false)
        // Document end (implicit), then stream end.
        emitter.writeIndent()
        if emitter.openEnded == 2 {
            emitter.writeIndicator("...", needWhitespace: true, isWhitespace: false, isIndention: false)
            emitter.writeIndent()
        }
        return String(decoding: emitter.out, as: UTF8.self)
    }

    // MARK: Nodes

    private mutating func emitNode(_ node: ModelNode, mapping: Bool, simpleKey: Bool) {
        mappingContext = mapping
        simpleKeyContext = simpleKey
        switch node.value {
        case .object(let members):
            let span = spans ? node.span : nil
            if members.isEmpty && span == nil {
                emitEmptyFlow("{", "}")
                return
            }
            increaseIndent(flow: false, indentless: false)
            if let span {
                emitPair(key: "span", value: span.compactDescription, style: .doubleQuoted)
            }
            for member in members {
                emitKey(member.key)
                emitNode(member.node, mapping: true, simpleKey: false)
            }
            indent = indents.removeLast()
        case .array(let nodes):
            if nodes.isEmpty {
                emitEmptyFlow("[", "]")
                return
            }
            increaseIndent(flow: false, indentless: mappingContext && !indention)
            for item in nodes {
                writeIndent()
                writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
                emitNode(item, mapping: false, simpleKey: false)
            }
            indent = indents.removeLast()
        case .string(let s):
            emitScalar(Array(s.utf8), style: Self.stringStyle(s))
        case .int(let i):
            emitScalar(Array(String(i).utf8), style: .plain)
        case .bool(let b):
            emitScalar(Array((b ? "true" : "false").utf8), style: .plain)
        case .null:
            emitScalar(Array("null".utf8), style: .plain)
        }
    }

    /// A pair whose value is a scalar written here (the span).
    private mutating func emitPair(key: String, value: String, style: Style) {
        emitKey(key)
        mappingContext = true
        simpleKeyContext = false
        emitScalar(Array(value.utf8), style: style)
    }

    /// Block mapping key (`yaml_emitter_emit_block_mapping_key`), then the value indicator.
    /// The value follows with `emitNode(…, mapping: true, simpleKey: false)`.
    private mutating func emitKey(_ key: String) {
        writeIndent()
        let style: Style
        if let known = keyStyles[key] { style = known } else { style = Self.stringStyle(key); keyStyles[key] = style }
        let bytes = Array(key.utf8)
        let analysis = Analysis(bytes)
        if !analysis.multiline && bytes.count <= 128 {
            mappingContext = true
            simpleKeyContext = true
            emitScalar(bytes, style: style, analysis: analysis)
            writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
        } else {
            writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
            mappingContext = true
            simpleKeyContext = false
            emitScalar(bytes, style: style, analysis: analysis)
            writeIndent()
            writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
        }
    }

    /// `[]` or `{}`: libyaml writes an empty collection in flow style.
    private mutating func emitEmptyFlow(_ open: String, _ close: String) {
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, indentless: false)
        indent = indents.removeLast()
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    /// The style the canonical form asks for a string: double-quoted when a YAML 1.1 reader
    /// would take its plain form for something else (`0`, `2022`, `yes`, `null`, `1:30`),
    /// literal when multi-line, else any (libyaml picks plain when it can).
    static func stringStyle(_ s: String) -> Style {
        if mayResolveToOtherThanString(s), Node(s).tag != Tag(.str) { return .doubleQuoted }
        if s.contains("\n") { return .literal }
        return .any
    }

    /// False when no rule of Yams' default (YAML 1.1) resolver can match `s`: every rule is
    /// anchored at the start and begins with one of these characters, or matches "" (null,
    /// also before a final line terminator).
    /// Saves the regular expressions on ordinary text.
    private static func mayResolveToOtherThanString(_ s: String) -> Bool {
        guard let first = s.utf8.first else { return true }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
             UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"),
             UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="):
            return true
        case 0x0A, 0x0B, 0x0C, 0x0D, 0xC2, 0xE2:
            // `$` also matches before a final line terminator (ICU: LF, VT, FF, CR, NEL, LS,
            // PS): "\n" alone reads as null.
            return true
        default:
            return false
        }
    }

    // MARK: Scalars

    /// `yaml_emitter_analyze_scalar`, for block context (the canonical form has no flow
    /// scalars) and `unicode` on.
    struct Analysis {
        var multiline = false
        var blockPlainAllowed = true
        var singleQuotedAllowed = true
        var blockAllowed = true
        var length = 0

        init(_ s: [UInt8]) {
            length = s.count
            if s.isEmpty {
                blockAllowed = false
                return
            }
            var blockIndicators = false, lineBreaks = false, specialCharacters = false
            var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
            var breakSpace = false, spaceBreak = false
            var previousSpace = false, previousBreak = false
            if s.count >= 3 && ((s[0] == 0x2D && s[1] == 0x2D && s[2] == 0x2D) || (s[0] == 0x2E && s[1] == 0x2E && s[2] == 0x2E)) {
                blockIndicators = true
            }
            var precededByWhitespace = true
            var p = 0
            var followedByWhitespace = CanonicalYAMLEmitter.isBlankZ(s, CanonicalYAMLEmitter.width(s, 0))
            while p < s.count {
                let c = s[p]
                if p == 0 {
                    switch c {
                    case 0x23, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60:
                        blockIndicators = true // # , [ ] { } & * ! | > ' " % @ `
                    case 0x3F, 0x3A: // ? :
                        if followedByWhitespace { blockIndicators = true }
                    case 0x2D: // -
                        if followedByWhitespace { blockIndicators = true }
                    default: break
                    }
                } else {
                    if c == 0x3A && followedByWhitespace { blockIndicators = true }
                    if c == 0x23 && precededByWhitespace { blockIndicators = true }
                }
                if !CanonicalYAMLEmitter.isPrintable(s, p) { specialCharacters = true }
                let isBreak = CanonicalYAMLEmitter.isBreak(s, p)
                if isBreak { lineBreaks = true }
                let w = max(1, CanonicalYAMLEmitter.width(s, p))
                if c == 0x20 {
                    if p == 0 { leadingSpace = true }
                    if p + w == s.count { trailingSpace = true }
                    if previousBreak { breakSpace = true }
                    previousSpace = true
                    previousBreak = false
                } else if isBreak {
                    if p == 0 { leadingBreak = true }
                    if p + w == s.count { trailingBreak = true }
                    if previousSpace { spaceBreak = true }
                    previousSpace = false
                    previousBreak = true
                } else {
                    previousSpace = false
                    previousBreak = false
                }
                precededByWhitespace = CanonicalYAMLEmitter.isBlankZ(s, p)
                p += w
                if p < s.count { followedByWhitespace = CanonicalYAMLEmitter.isBlankZ(s, p + CanonicalYAMLEmitter.width(s, p)) }
            }
            multiline = lineBreaks
            if leadingSpace || leadingBreak || trailingSpace || trailingBreak { blockPlainAllowed = false }
            if trailingSpace { blockAllowed = false }
            if breakSpace { blockPlainAllowed = false; singleQuotedAllowed = false }
            if spaceBreak || specialCharacters {
                blockPlainAllowed = false; singleQuotedAllowed = false; blockAllowed = false
            }
            if lineBreaks { blockPlainAllowed = false }
            if blockIndicators { blockPlainAllowed = false }
        }
    }

    private enum Written { case plain, singleQuoted, doubleQuoted, literal }

    private mutating func emitScalar(_ s: [UInt8], style: Style, analysis: Analysis? = nil) {
        let a = analysis ?? Analysis(s)
        // yaml_emitter_select_scalar_style (block context, no tags).
        var written: Written
        switch style {
        case .any, .plain: written = .plain
        case .doubleQuoted: written = .doubleQuoted
        case .literal: written = .literal
        }
        if simpleKeyContext && a.multiline { written = .doubleQuoted }
        if written == .plain {
            if !a.blockPlainAllowed { written = .singleQuoted }
            if a.length == 0 && simpleKeyContext { written = .singleQuoted }
        }
        if written == .singleQuoted && !a.singleQuotedAllowed { written = .doubleQuoted }
        if written == .literal && (!a.blockAllowed || simpleKeyContext) { written = .doubleQuoted }
        // yaml_emitter_emit_scalar
        increaseIndent(flow: true, indentless: false)
        switch written {
        case .plain: writePlain(s)
        case .singleQuoted: writeSingleQuoted(s)
        case .doubleQuoted: writeDoubleQuoted(s)
        case .literal: writeLiteral(s)
        }
        indent = indents.removeLast()
    }

    private mutating func writePlain(_ s: [UInt8]) {
        if !whitespace && !s.isEmpty { put(0x20) }
        var breaks = false
        var p = 0
        while p < s.count {
            if s[p] == 0x20 {
                p = write(s, p)
            } else if Self.isBreak(s, p) {
                if !breaks && s[p] == 0x0A { putBreak() }
                p = writeBreak(s, p)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                p = write(s, p)
                indention = false
                breaks = false
            }
        }
        whitespace = false
        indention = false
    }

    private mutating func writeSingleQuoted(_ s: [UInt8]) {
        writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
        var breaks = false
        var p = 0
        while p < s.count {
            if s[p] == 0x20 {
                p = write(s, p)
            } else if Self.isBreak(s, p) {
                if !breaks && s[p] == 0x0A { putBreak() }
                p = writeBreak(s, p)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if s[p] == 0x27 { put(0x27) }
                p = write(s, p)
                indention = false
                breaks = false
            }
        }
        if breaks { writeIndent() }
        writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeDoubleQuoted(_ s: [UInt8]) {
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        var p = 0
        while p < s.count {
            let c = s[p]
            let isBOM = p + 2 < s.count && c == 0xEF && s[p + 1] == 0xBB && s[p + 2] == 0xBF
            if !Self.isPrintable(s, p) || isBOM || Self.isBreak(s, p) || c == 0x22 || c == 0x5C {
                let w = Self.width(s, p)
                var value: UInt32 = c & 0x80 == 0 ? UInt32(c & 0x7F)
                    : c & 0xE0 == 0xC0 ? UInt32(c & 0x1F)
                    : c & 0xF0 == 0xE0 ? UInt32(c & 0x0F)
                    : c & 0xF8 == 0xF0 ? UInt32(c & 0x07) : 0
                if w > 1 { for k in 1..<w { value = (value << 6) + UInt32(Self.at(s, p + k) & 0x3F) } }
                p += w
                put(0x5C)
                switch value {
                case 0x00: put(UInt8(ascii: "0"))
                case 0x07: put(UInt8(ascii: "a"))
                case 0x08: put(UInt8(ascii: "b"))
                case 0x09: put(UInt8(ascii: "t"))
                case 0x0A: put(UInt8(ascii: "n"))
                case 0x0B: put(UInt8(ascii: "v"))
                case 0x0C: put(UInt8(ascii: "f"))
                case 0x0D: put(UInt8(ascii: "r"))
                case 0x1B: put(UInt8(ascii: "e"))
                case 0x22: put(0x22)
                case 0x5C: put(0x5C)
                case 0x85: put(UInt8(ascii: "N"))
                case 0xA0: put(UInt8(ascii: "_"))
                case 0x2028: put(UInt8(ascii: "L"))
                case 0x2029: put(UInt8(ascii: "P"))
                default:
                    let digits: Int
                    if value <= 0xFF { put(UInt8(ascii: "x")); digits = 2 }
                    else if value <= 0xFFFF { put(UInt8(ascii: "u")); digits = 4 }
                    else { put(UInt8(ascii: "U")); digits = 8 }
                    for k in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                        let digit = UInt8((value >> UInt32(k)) & 0x0F)
                        put(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "A") + digit - 10)
                    }
                }
                if w == 0 { break }
            } else {
                p = write(s, p)
            }
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeLiteral(_ s: [UInt8]) {
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        // yaml_emitter_write_block_scalar_hints
        if !s.isEmpty && (s[0] == 0x20 || Self.isBreak(s, 0)) {
            writeIndicator(String(Self.bestIndent), needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        openEnded = 0
        var chomp: String?
        if s.isEmpty {
            chomp = "-"
        } else {
            var q = s.count
            repeat { q -= 1 } while q > 0 && s[q] & 0xC0 == 0x80
            if !Self.isBreak(s, q) {
                chomp = "-"
            } else if q == 0 {
                chomp = "+"
                openEnded = 2
            } else {
                repeat { q -= 1 } while q > 0 && s[q] & 0xC0 == 0x80
                if Self.isBreak(s, q) {
                    chomp = "+"
                    openEnded = 2
                }
            }
        }
        if let chomp { writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false) }
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        var p = 0
        while p < s.count {
            if Self.isBreak(s, p) {
                p = writeBreak(s, p)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                p = write(s, p)
                indention = false
                breaks = false
            }
        }
    }

    // MARK: Writer primitives (emitter.c's macros)

    private mutating func increaseIndent(flow: Bool, indentless: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? Self.bestIndent : 0
        } else if !indentless {
            indent += Self.bestIndent
        }
    }

    private mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) { putBreak() }
        while column < target { put(0x20) }
        whitespace = true
        indention = true
    }

    private mutating func writeIndicator(_ indicator: String, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(0x20) }
        for byte in indicator.utf8 { out.append(byte); column += 1 }
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    private mutating func put(_ byte: UInt8) {
        out.append(byte)
        column += 1
    }

    private mutating func putBreak() {
        out.append(0x0A)
        column = 0
    }

    /// Copies one character; returns the position after it.
    private mutating func write(_ s: [UInt8], _ p: Int) -> Int {
        let w = Self.width(s, p)
        for k in 0..<w where p + k < s.count { out.append(s[p + k]) }
        column += 1
        return p + max(w, 1)
    }

    private mutating func writeBreak(_ s: [UInt8], _ p: Int) -> Int {
        if s[p] == 0x0A {
            putBreak()
            return p + 1
        }
        let w = Self.width(s, p)
        for k in 0..<w where p + k < s.count { out.append(s[p + k]) }
        column = 0
        return p + max(w, 1)
    }

    // MARK: Character classes (yaml_private.h)

    static func at(_ s: [UInt8], _ p: Int) -> UInt8 { p < s.count ? s[p] : 0 }

    static func width(_ s: [UInt8], _ p: Int) -> Int {
        let c = at(s, p)
        return c & 0x80 == 0 ? 1 : c & 0xE0 == 0xC0 ? 2 : c & 0xF0 == 0xE0 ? 3 : c & 0xF8 == 0xF0 ? 4 : 0
    }

    static func isPrintable(_ s: [UInt8], _ p: Int) -> Bool {
        let c = at(s, p), c1 = at(s, p + 1), c2 = at(s, p + 2)
        return c == 0x0A
            || (c >= 0x20 && c <= 0x7E)
            || (c == 0xC2 && c1 >= 0xA0)
            || (c > 0xC2 && c < 0xED)
            || (c == 0xED && c1 < 0xA0)
            || c == 0xEE
            || (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)))
    }

    static func isBreak(_ s: [UInt8], _ p: Int) -> Bool {
        let c = at(s, p)
        return c == 0x0D || c == 0x0A
            || (c == 0xC2 && at(s, p + 1) == 0x85)
            || (c == 0xE2 && at(s, p + 1) == 0x80 && (at(s, p + 2) == 0xA8 || at(s, p + 2) == 0xA9))
    }

    /// Blank, break or NUL; past the end reads as NUL, as libyaml's NUL-terminated buffer.
    static func isBlankZ(_ s: [UInt8], _ p: Int) -> Bool {
        let c = at(s, p)
        return c == 0x20 || c == 0x09 || c == 0 || isBreak(s, p)
    }
}
