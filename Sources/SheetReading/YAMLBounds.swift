import SheetModel
import Yams

/// The bounds every YAML or JSON document sheetlint reads is held to, before and after
/// Yams composes it (sheets, configurations, rule files, catalogues, rule examples).
///
/// - Nesting: Yams composes recursively, so text nested deeper than
///   `ResourceLimits.maxNestingDepth` is refused by a scan of the text, before parsing.
/// - Nodes: an alias stands for the whole node it names, so ten aliases of ten aliases…
///   make a 1 KB file mean millions of nodes. Yams shares the aliased node (no copy), and
///   the count here stops as soon as it passes `ResourceLimits.maxYAMLNodes`, so checking
///   costs at most that many steps whatever the file.
public enum YAMLBounds {
    /// The 1-based line and column where `text` first nests deeper than `limit`, or nil.
    ///
    /// The estimate over-counts (every `[`/`{` outside quotes, each indentation step of two
    /// spaces, each `- ` or `? ` opening a line), so it is a cheap upper bound, not a parse.
    public static func firstTooDeep(in text: String, limit: Int = ResourceLimits.maxNestingDepth) -> (line: Int, column: Int)? {
        firstTooDeep(lines: text.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" },
                     limit: limit)
    }

    /// The same over lines already split (as libyaml splits them).
    static func firstTooDeep<Line: Collection<Unicode.Scalar>>(lines: some Sequence<Line>, limit: Int) -> (line: Int, column: Int)? {
        var flow = 0
        var lineNumber = 0
        for line in lines {
            lineNumber += 1
            var quote: Unicode.Scalar?
            var block = line.prefix { $0 == " " }.count / 2
            var atLineStart = true
            for (column, c) in line.enumerated() {
                if let q = quote {
                    if c == q { quote = nil }
                    continue
                }
                switch c {
                case "\"", "'": quote = c
                case "[", "{": flow += 1
                case "]", "}": flow = max(0, flow - 1)
                case "-" where atLineStart, "?" where atLineStart: block += 1
                case " ": break
                default: atLineStart = false
                }
                if c != " " && c != "-" && c != "?" { atLineStart = false }
                if flow + block > limit { return (lineNumber, column + 1) }
            }
        }
        return nil
    }

    /// The number of nodes `node` stands for with every alias expanded, counting at most
    /// `limit + 1` (so the answer is exact up to `limit`, and `limit + 1` means "more").
    public static func expandedNodeCount(_ node: Node, limit: Int = ResourceLimits.maxYAMLNodes) -> Int {
        var count = 0
        var stack = [node]
        while let next = stack.popLast() {
            count += 1
            if count > limit { return count }
            switch next {
            case .mapping(let mapping):
                for pair in mapping {
                    stack.append(pair.key)
                    stack.append(pair.value)
                }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence)
            case .scalar, .alias:
                break
            }
        }
        return count
    }
}
