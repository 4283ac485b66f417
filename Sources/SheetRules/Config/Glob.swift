/// A path pattern from a configuration file, matched against `/`-separated paths relative
/// to the configuration file's directory.
///
/// `*` matches any run of characters within one path segment, `?` exactly one character
/// (a Unicode scalar) other than `/`, `**` as a whole segment any number of segments
/// (including none), and `\` makes the next character literal. A pattern is anchored at
/// the configuration's directory: `*.md` matches `a.md` but not `sub/a.md` (write
/// `**/*.md`). A trailing `/` means everything beneath: `drafts/` is `drafts/**`.
/// Character classes (`[…]`) and braces (`{…}`) are rejected rather than taken literally,
/// so a pattern never silently matches nothing.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let segments: [Segment]

    private enum Segment: Hashable, Sendable {
        case anyDepth
        case tokens([Token])
    }

    private enum Token: Hashable, Sendable {
        case literal(Unicode.Scalar)
        case anyRun
        case anyOne
    }

    /// Why a pattern is not a usable glob.
    public struct SyntaxError: Error, Sendable, Hashable {
        /// Japanese explanation.
        public var message: String
        /// English explanation.
        public var messageEn: String
    }

    /// Compiles `pattern`; throws for an empty or absolute pattern, `.` or `..` segments,
    /// an empty segment, `**` inside a segment, `[`/`]`/`{`/`}`, or a trailing `\`.
    public init(_ pattern: String) throws(SyntaxError) {
        self.pattern = pattern
        var body = pattern
        while body.hasPrefix("./") { body.removeFirst(2) }
        if body.hasSuffix("/") { body += "**" }
        func fail(_ ja: String, _ en: String) -> SyntaxError {
            SyntaxError(message: "glob「\(pattern)」: \(ja)", messageEn: "glob '\(pattern)': \(en)")
        }
        guard !body.isEmpty else { throw fail("空のパターンは使えません", "an empty pattern matches nothing") }
        guard !body.hasPrefix("/") else {
            throw fail("設定ファイルのディレクトリからの相対パスで書いてください（先頭の / を外す）",
                       "write it relative to the configuration file's directory (drop the leading /)")
        }
        var segments: [Segment] = []
        for part in body.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "": throw fail("空のパス要素（//）があります", "it has an empty path segment (//)")
            case ".", "..": throw fail("「\(part)」は使えません", "'\(part)' segments are not allowed")
            case "**":
                if segments.last != .anyDepth { segments.append(.anyDepth) }
                continue
            default: break
            }
            var tokens: [Token] = []
            var scalars = part.unicodeScalars.makeIterator()
            while let s = scalars.next() {
                switch s {
                case "*":
                    if tokens.last == .anyRun {
                        throw fail("** はパス要素全体として書いてください（例: a/**/b）",
                                   "** must be a whole path segment (e.g. a/**/b)")
                    }
                    tokens.append(.anyRun)
                case "?": tokens.append(.anyOne)
                case "[", "]", "{", "}":
                    throw fail("「\(s)」は使えません（文字クラスと {a,b} は未対応。\\\(s) で文字そのもの）",
                               "'\(s)' is not supported (no character classes or {a,b}; write \\\(s) for the character)")
                case "\\":
                    guard let next = scalars.next() else {
                        throw fail("末尾の \\ の後に文字がありません", "a trailing \\ escapes nothing")
                    }
                    tokens.append(.literal(next))
                default: tokens.append(.literal(s))
                }
            }
            segments.append(.tokens(tokens))
        }
        self.segments = segments
    }

    public var description: String { pattern }

    /// True when the whole of `path` matches. `path` is relative and `/`-separated; empty
    /// and `.` segments are ignored; a path with a `..` segment never matches.
    public func matches(_ path: String) -> Bool {
        guard let parts = Self.segments(of: path) else { return false }
        return match(segments[...], parts[...])
    }

    /// True when `path` or one of the directories that contain it matches, so that a
    /// pattern naming a directory (`drafts`, `legacy/*`) covers every file beneath it.
    public func matchesPathOrAncestor(_ path: String) -> Bool {
        guard let parts = Self.segments(of: path) else { return false }
        return (1...max(parts.count, 1)).contains { match(segments[...], parts.prefix($0)) }
    }

    private static func segments(of path: String) -> [Substring]? {
        let parts = path.split(separator: "/").filter { $0 != "." }
        return parts.contains("..") ? nil : parts
    }

    private func match(_ pattern: ArraySlice<Segment>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        switch first {
        case .anyDepth:
            let rest = pattern.dropFirst()
            return (path.startIndex...path.endIndex).contains { match(rest, path[$0...]) }
        case .tokens(let tokens):
            guard let segment = path.first, Self.match(tokens, Array(segment.unicodeScalars)) else { return false }
            return match(pattern.dropFirst(), path.dropFirst())
        }
    }

    /// One segment: `*` backtracks to the last star only (linear in practice).
    private static func match(_ tokens: [Token], _ text: [Unicode.Scalar]) -> Bool {
        var t = 0, s = 0
        var star: (token: Int, text: Int)?
        while s < text.count {
            if t < tokens.count {
                switch tokens[t] {
                case .anyRun:
                    star = (t, s)
                    t += 1
                    continue
                case .anyOne:
                    t += 1; s += 1
                    continue
                case .literal(let c) where c == text[s]:
                    t += 1; s += 1
                    continue
                default: break
                }
            }
            guard let back = star else { return false }
            star = (back.token, back.text + 1)
            t = back.token + 1
            s = back.text + 1
        }
        while t < tokens.count, tokens[t] == .anyRun { t += 1 }
        return t == tokens.count
    }
}
