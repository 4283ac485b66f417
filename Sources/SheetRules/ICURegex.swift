import CICURegex
import Foundation
import SheetModel

/// A compiled ICU regular expression (the toolchain's own ICU, see `CICURegex`), with a
/// pool of matchers so that tasks matching at the same time never share one.
///
/// ICU's compiled pattern is immutable and `uregex_clone` is documented as thread-safe;
/// each matcher is used by one caller at a time (the pool hands it out under a lock),
/// hence `@unchecked Sendable`.
final class ICURegex: @unchecked Sendable {
    /// Why a match was stopped before it finished.
    enum Stop: Equatable {
        /// `ResourceLimits.regexStepsPerText` steps on one text.
        case stepsPerText
        /// The shared `RegexBudget` is spent.
        case budget
        /// `ResourceLimits.regexStackBytes` of backtracking stack.
        case stack
        /// Any other ICU failure, by its ICU name.
        case engine(String)
    }

    private let prototype: OpaquePointer
    private let lock = NSLock()
    private var idle: [OpaquePointer] = []

    /// Engine ticks per `ResourceLimits.regexStepsPerText`: ICU counts time in ticks of
    /// 10,000 steps.
    static let ticksPerText = Int32(clamping: max(1, ResourceLimits.regexStepsPerText / stepsPerTick))
    static let stepsPerTick = 10_000

    init(_ source: String) throws(TextPattern.CompileError) {
        // ICU's C API refuses an empty pattern; `(?:)` is the same expression.
        let units = Array((source.isEmpty ? "(?:)" : source).utf16)
        var status: SLUErrorCode = 0
        var parseError = SLUParseError()
        let compiled = units.withUnsafeBufferPointer {
            swift_uregex_open($0.baseAddress, Int32(clamping: $0.count), 0, &parseError, &status)
        }
        guard status <= 0, let compiled else {
            if let compiled { swift_uregex_close(compiled) }
            let name = String(cString: swift_u_errorName(status))
            let (en, ja) = Self.explain(name)
            // ICU's offset counts UTF-16 units before the point where the pattern went wrong.
            var offset = Int(parseError.offset)
            // ICU notices an unclosed ( only at the end: point at the ( (or the stray )) itself.
            if name == "U_REGEX_MISMATCHED_PAREN", let unmatched = Self.unmatchedParenthesis(units) { offset = unmatched }
            let atEnd = offset >= units.count || (source.isEmpty && offset <= 0)
            let character = String(decoding: units.prefix(max(0, offset)), as: UTF16.self).unicodeScalars.count + 1
            throw TextPattern.CompileError(
                reason: "\(Self.describe(name)) (\(name), offset \(parseError.offset))",
                message: ja + (atEnd ? "（パターンの末尾）" : "（\(character) 文字目）"),
                messageEn: en + (atEnd ? " (at the end of the pattern)" : " (at character \(character))"))
        }
        prototype = compiled
    }

    deinit {
        for matcher in idle { swift_uregex_close(matcher) }
        swift_uregex_close(prototype)
    }

    /// The number of the group called `name`, if the pattern has one.
    func groupNumber(_ name: String) -> Int? {
        let units = Array(name.utf16)
        return withMatcher { m in
            var status: SLUErrorCode = 0
            let n = units.withUnsafeBufferPointer { swift_uregex_groupNumberFromName(m, $0.baseAddress, Int32($0.count), &status) }
            return status <= 0 ? Int(n) : nil
        }
    }

    /// Up to `limit` successive matches in `units`, each as the UTF-16 ranges of group 0 and
    /// every capture group (nil for a group that did not take part), or why matching stopped.
    /// `budget` (ticks of 10,000 steps) is shared with every other match that gets it.
    func matches(_ units: [UInt16], upTo limit: Int, budget: UnsafeMutablePointer<Int64>?) -> ([[Range<Int>?]], Stop?) {
        withMatcher { m in
            var status: SLUErrorCode = 0
            swift_uregex_setTimeLimit(m, Self.ticksPerText, &status)
            swift_uregex_setStackLimit(m, Int32(clamping: ResourceLimits.regexStackBytes), &status)
            sheetlint_uregex_shareBudget(m, budget, &status)
            defer {
                var s: SLUErrorCode = 0
                sheetlint_uregex_shareBudget(m, nil, &s)
                swift_uregex_setText(m, nil, 0, &s)
            }
            // ICU rejects a NULL text even when it is empty: give an empty text a real address.
            let text = units.isEmpty ? [0] : units
            return text.withUnsafeBufferPointer { buffer -> ([[Range<Int>?]], Stop?) in
                swift_uregex_setText(m, buffer.baseAddress, Int32(clamping: units.count), &status)
                let groups = Int(swift_uregex_groupCount(m, &status))
                var found: [[Range<Int>?]] = []
                while found.count < limit, status <= 0, swift_uregex_findNext(m, &status) != 0, status <= 0 {
                    found.append((0...groups).map { g in
                        let start = swift_uregex_start(m, Int32(g), &status), end = swift_uregex_end(m, Int32(g), &status)
                        return start >= 0 && end >= start ? Int(start)..<Int(end) : nil
                    })
                }
                return status <= 0 ? (found, nil) : ([], Self.stop(status))
            }
        }
    }

    private static func stop(_ status: SLUErrorCode) -> Stop {
        switch status {
        case Int32(SL_U_REGEX_TIME_OUT): return .stepsPerText
        case Int32(SL_U_REGEX_STOPPED_BY_CALLER): return .budget
        case Int32(SL_U_REGEX_STACK_OVERFLOW): return .stack
        default: return .engine(String(cString: swift_u_errorName(status)))
        }
    }

    private func withMatcher<R>(_ body: (OpaquePointer) -> R) -> R {
        lock.lock()
        var matcher = idle.popLast()
        lock.unlock()
        if matcher == nil {
            var status: SLUErrorCode = 0
            matcher = swift_uregex_clone(prototype, &status)
        }
        // Cloning only fails when memory is exhausted; matching on the prototype under the
        // lock is then the safe fallback.
        guard let matcher else {
            lock.lock()
            defer { lock.unlock() }
            return body(prototype)
        }
        defer {
            lock.lock()
            idle.append(matcher)
            lock.unlock()
        }
        return body(matcher)
    }

    /// A reader's explanation of ICU's compile error names.
    /// The UTF-16 offset of the first `)` without a `(`, else of the last `(` left open;
    /// escapes (`\(`) and character classes (`[(]`) are skipped.
    static func unmatchedParenthesis(_ units: [UInt16]) -> Int? {
        var open: [Int] = [], i = 0, inClass = false
        while i < units.count {
            switch units[i] {
            case 0x5C: i += 1  // backslash: skip the escaped unit
            case 0x5B where !inClass: inClass = true
            case 0x5D where inClass: inClass = false
            case 0x28 where !inClass: open.append(i)
            case 0x29 where !inClass:
                if open.isEmpty { return i }
                open.removeLast()
            default: break
            }
            i += 1
        }
        return open.last
    }

    /// What an ICU compile error means, in English and Japanese, for the person who wrote
    /// the pattern.
    private static func explain(_ name: String) -> (String, String) {
        switch name {
        case "U_REGEX_MISMATCHED_PAREN":
            return ("a group opened with ( is not closed with ), or a ) has no (", "( と ) の対応が取れていません")
        case "U_REGEX_MISSING_CLOSE_BRACKET":
            return ("a character class [ is not closed with ]", "文字クラスの [ が ] で閉じられていません")
        case "U_REGEX_RULE_SYNTAX":
            return ("syntax error (for example *, + or ? with nothing to repeat)",
                    "構文が正しくありません（* + ? の前に繰り返す対象がない、など）")
        case "U_REGEX_BAD_ESCAPE_SEQUENCE": return ("unknown escape after \\", "\\ の後のエスケープが正しくありません")
        case "U_REGEX_BAD_INTERVAL", "U_REGEX_MAX_LT_MIN":
            return ("bad {m,n} repetition", "{m,n} の繰り返し指定が正しくありません")
        case "U_REGEX_INVALID_BACK_REF": return ("reference to a group that does not exist", "存在しないグループを参照しています")
        case "U_REGEX_LOOK_BEHIND_LIMIT":
            return ("a look-behind (?<=…) or (?<!…) must have a bounded length", "後読み (?<=…) (?<!…) の長さが定まりません")
        case "U_REGEX_PROPERTY_SYNTAX": return ("bad \\p{…} property", "\\p{…} のプロパティ名が正しくありません")
        case "U_REGEX_INVALID_RANGE": return ("bad character range (such as z-a)", "文字の範囲が正しくありません（z-a など）")
        case "U_REGEX_INVALID_CAPTURE_GROUP_NAME": return ("bad group name", "グループ名が正しくありません")
        case "U_REGEX_PATTERN_TOO_BIG": return ("pattern too large", "パターンが大きすぎます")
        default: return ("invalid pattern (\(name))", "正規表現として読めません（\(name)）")
        }
    }

    private static func describe(_ name: String) -> String {
        switch name {
        case "U_REGEX_MISMATCHED_PAREN": return "unbalanced parentheses"
        case "U_REGEX_MISSING_CLOSE_BRACKET": return "missing ]"
        case "U_REGEX_RULE_SYNTAX": return "syntax error"
        case "U_REGEX_BAD_ESCAPE_SEQUENCE": return "bad escape sequence"
        case "U_REGEX_BAD_INTERVAL", "U_REGEX_MAX_LT_MIN": return "bad {m,n} interval"
        case "U_REGEX_INVALID_BACK_REF": return "reference to a group that does not exist"
        case "U_REGEX_LOOK_BEHIND_LIMIT": return "look-behind without a bounded length"
        case "U_REGEX_PROPERTY_SYNTAX": return "bad \\p{…} property"
        case "U_REGEX_INVALID_RANGE": return "bad character range"
        case "U_REGEX_INVALID_CAPTURE_GROUP_NAME": return "bad group name"
        case "U_REGEX_PATTERN_TOO_BIG": return "pattern too large"
        default: return "invalid pattern"
        }
    }
}
