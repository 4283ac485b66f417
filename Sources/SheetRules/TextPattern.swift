import Foundation

/// A regular expression compiled once at load (ICU syntax, as NSRegularExpression).
/// NSRegularExpression is immutable and documented as thread-safe, hence `@unchecked`.
public struct TextPattern: @unchecked Sendable, Hashable {
    /// The expression as written in the rule file.
    public let source: String
    let regex: NSRegularExpression

    /// Why an expression did not compile.
    public struct CompileError: Error { public var reason: String }

    /// Compiles `source`; throws with the engine's reason.
    public init(_ source: String) throws(CompileError) {
        do {
            regex = try NSRegularExpression(pattern: source, options: [])
        } catch {
            throw CompileError(reason: (error as NSError).localizedDescription)
        }
        self.source = source
    }

    public static func == (lhs: TextPattern, rhs: TextPattern) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// True when the expression matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Every match: the whole match first, then each capture group (nil when it did not take part).
    public func allMatches(in text: String) -> [[String?]] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { result in
            (0..<result.numberOfRanges).map { i in
                Range(result.range(at: i), in: text).map { String(text[$0]) }
            }
        }
    }

    /// Every match of `text` (a `TextNormalization.normalize`d copy of `written`), with the
    /// whole match (group 0) taken from `written` so messages quote the sheet as written.
    /// Normalization folds BMP scalars to BMP scalars one for one, so UTF-16 ranges in the
    /// copy are the same ranges in the original.
    public func allMatches(in text: String, writtenAs written: String) -> [[String?]] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { result in
            (0..<result.numberOfRanges).map { i in
                Range(result.range(at: i), in: i == 0 ? written : text).map { String((i == 0 ? written : text)[$0]) }
            }
        }
    }

    /// The first match's groups, as `allMatches`.
    public func firstMatch(in text: String) -> [String?]? {
        guard let result = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<result.numberOfRanges).map { i in Range(result.range(at: i), in: text).map { String(text[$0]) } }
    }

    /// The number of matches in `text`.
    public func count(in text: String) -> Int {
        regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    /// The value of the named group `name` in the first match; nil when absent.
    public func namedGroup(_ name: String, in text: String) -> String? {
        guard let result = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return Range(result.range(withName: name), in: text).map { String(text[$0]) }
    }
}
