@testable import SheetRules
import XCTest

/// `LiteralSet` finds every occurrence of every needle, whichever way it reads the text
/// (16 bytes at a time, or one code point at a time through its table), exactly where a
/// plain search over the text's code points finds them.
final class LiteralSetTests: XCTestCase {
    func testBothWaysFindWhatAPlainSearchFinds() {
        let alphabet: [Character] = ["取", "組", "み", "～", "〜", "~", "（", "）", "(", ")", "a", "b", "é", "ß", "子", "供", "😀", "\n",
                                     "\u{301}", "\u{8F96}", "\u{FF5E}", "\u{E000}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}"]
        let needleAlphabet = alphabet.filter { $0.unicodeScalars.allSatisfy { $0.value <= 0xFFFF } }
        var rng = SplitMix(seed: 3)
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        var occurrences = 0
        for round in 0..<300 {
            // 1 to 14 needles of 1 to 3 code points (sometimes the same needle twice).
            var needles = (0..<Int(1 + rng.next() % 14)).map { _ in String((0..<Int(1 + rng.next() % 3)).map { _ in pick(needleAlphabet) }) }
            if round % 5 == 0 { needles.append(needles[0]) }
            let vector = LiteralSet(needles.map { Array($0.utf16) })
            let table = LiteralSet(needles.map { Array($0.utf16) }, vectorProbes: 0)
            for _ in 0..<20 {
                let text = String((0..<Int(rng.next() % 60)).map { _ in pick(alphabet) })
                // Every occurrence when none is accepted; leftmost ones without overlap, per
                // needle, when all are.
                for accept in [false, true] {
                    let expected = Self.plainSearch(needles, in: text, overlapping: !accept)
                    occurrences += expected.count
                    XCTAssertEqual(Self.found(vector, text, accept), expected, "\(needles) in \(text.debugDescription)")
                    XCTAssertEqual(Self.found(table, text, accept), expected, "\(needles) in \(text.debugDescription)")
                }
            }
        }
        XCTAssertGreaterThan(occurrences, 8000)
    }

    /// Each needle's occurrences, sorted: (needle, UTF-8 offset).
    static func found(_ set: LiteralSet, _ text: String, _ accept: Bool) -> [[Int]] {
        var text = text, out: [[Int]] = []
        var ends = [Int](repeating: 0, count: set.count)
        text.withUTF8 { utf8 in
            ends.withUnsafeMutableBufferPointer { ends in
                set.forEachOccurrence(in: utf8, ends: ends.baseAddress!) {
                    out.append([$0, $1])
                    return accept
                }
            }
        }
        // Each needle's own occurrences come in order of offset.
        for k in Set(out.map { $0[0] }) {
            let offsets = out.filter { $0[0] == k }.map { $0[1] }
            XCTAssertEqual(offsets, offsets.sorted())
        }
        return out.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
    }

    /// Where each needle's code points match the text's, at each code point of the text (or,
    /// without `overlapping`, from the end of the last match on).
    static func plainSearch(_ needles: [String], in text: String, overlapping: Bool) -> [[Int]] {
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = [], at = 0
        for s in scalars {
            offsets.append(at)
            at += String(s).utf8.count
        }
        var out: [[Int]] = []
        for (k, needle) in needles.enumerated() {
            let n = Array(needle.unicodeScalars)
            var next = 0
            for i in scalars.indices where i >= next && i + n.count <= scalars.count && Array(scalars[i..<(i + n.count)]) == n {
                out.append([k, offsets[i]])
                if !overlapping { next = i + n.count }
            }
        }
        return out.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
    }
}
