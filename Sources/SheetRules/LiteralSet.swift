/// Many plain texts ("needles": `取組み`, `～`, `（`, …) found together in one pass over a
/// text's UTF-8 bytes, instead of one search per needle: each scalar of the text is looked
/// up by the low 8 bits of its code point in a 256-entry table of the needles that start
/// with such a scalar, and only those needles are compared there. The consistency rules use
/// it to find every literal variant of every group in one pass per text.
///
/// Needles are sequences of BMP code points other than surrogates (what `LiteralPattern`
/// accepts). Matching UTF-8 bytes at scalar boundaries finds exactly the places where the
/// needle's UTF-16 units match the text's, so counts agree with the engine's.
struct LiteralSet: Sendable {
    /// Each needle's UTF-8 bytes, one after another: needle `k` is
    /// `bytes[starts[k]..<starts[k + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// The needles whose first scalar hashes to `h` (the low 8 bits of its code point):
    /// `order[first[h]..<first[h + 1]]`, in needle order.
    private let first: [Int32]
    private let order: [Int32]

    /// The number of needles.
    var count: Int { starts.count - 1 }

    /// The length in UTF-8 bytes of needle `k`.
    func length(_ k: Int) -> Int { starts[k + 1] - starts[k] }

    /// `needles`: each one's UTF-16 units (non-empty; BMP, no surrogates).
    init(_ needles: [[UInt16]]) {
        var bytes: [UInt8] = [], starts = [0]
        var hashes: [Int] = []
        for needle in needles {
            precondition(!needle.isEmpty && needle.allSatisfy { !(0xD800...0xDFFF).contains($0) })
            bytes.append(contentsOf: String(decoding: needle, as: UTF16.self).utf8)
            starts.append(bytes.count)
            hashes.append(Int(needle[0] & 0xFF))
        }
        var first = [Int32](repeating: 0, count: 257), order: [Int32] = []
        for h in 0..<256 {
            first[h] = Int32(order.count)
            for k in hashes.indices where hashes[k] == h { order.append(Int32(k)) }
        }
        first[256] = Int32(order.count)
        self.bytes = bytes
        self.starts = starts
        self.first = first
        self.order = order
    }

    /// Calls `found(k, offset)` for every place where needle `k` starts, at byte `offset` of
    /// `utf8` (a string's valid UTF-8): overlapping ones too, in order of offset, then of `k`.
    func forEachOccurrence(in utf8: UnsafeBufferPointer<UInt8>, _ found: (_ needle: Int, _ offset: Int) -> Void) {
        do {
            guard let p = utf8.baseAddress else { return }
            bytes.withUnsafeBufferPointer { needleBytes in
            starts.withUnsafeBufferPointer { starts in
            first.withUnsafeBufferPointer { first in
            order.withUnsafeBufferPointer { order in
                let n = utf8.count
                var i = 0
                while i < n {
                    // The low 8 bits of the code point starting at `i`, and its length.
                    let b = p[i]
                    let h: Int, length: Int
                    if b < 0x80 {
                        h = Int(b)
                        length = 1
                    } else if b < 0xE0 {
                        h = Int((b & 0x03) << 6 | (p[i + 1] & 0x3F))
                        length = 2
                    } else if b < 0xF0 {
                        h = Int((p[i + 1] & 0x03) << 6 | (p[i + 2] & 0x3F))
                        length = 3
                    } else {
                        h = Int((p[i + 2] & 0x03) << 6 | (p[i + 3] & 0x3F))
                        length = 4
                    }
                    var j = Int(first[h])
                    let end = Int(first[h + 1])
                    while j < end {
                        let k = Int(order[j])
                        let from = starts[k], count = starts[k + 1] - from
                        if i + count <= n {
                            var m = 0
                            while m < count, p[i + m] == needleBytes[from + m] { m += 1 }
                            if m == count { found(k, i) }
                        }
                        j += 1
                    }
                    i += length
                }
            }
            }
            }
            }
        }
    }
}
