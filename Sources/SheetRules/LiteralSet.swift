/// Many plain texts ("needles": `取組み`, `～`, `（`, …) found together in one pass over a
/// text's UTF-8 bytes, instead of one search per needle. The consistency rules use it to find
/// every literal variant of every group in one pass per text.
///
/// Each needle is looked for by a probe: the last byte of its first code point, and for a
/// code point of several bytes the byte before it too (`取` is E5 8F 96: the pair 8F 96).
/// With few probes (the built-in groups have six), 16 bytes of text are compared with every
/// probe at once (SIMD) and only a position where one holds is looked at; with more, each
/// code point of the text is looked up by the low 8 bits of its value in a 256-entry table
/// of the needles that start with such a code point. `LiteralSetTests` compares both with a
/// plain search.
///
/// Needles are sequences of BMP code points other than surrogates (what `LiteralPattern`
/// accepts). Matching UTF-8 bytes where a code point starts finds exactly the places where
/// the needle's UTF-16 units match the text's, so counts agree with the engine's.
struct LiteralSet: Sendable {
    /// Each needle's UTF-8 bytes, one after another: needle `k` is
    /// `bytes[starts[k]..<starts[k + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// The needles whose first code point hashes to `h` (its low 8 bits):
    /// `order[first[h]..<first[h + 1]]`, in needle order.
    private let first: [Int32]
    private let order: [Int32]
    /// The distinct probes: for each, its last byte, the byte before it (`pairs` only), and
    /// its needles with the distance from a needle's start to the probe's last byte.
    private let singles: [SIMD16<UInt8>]
    private let pairs: [(last: SIMD16<UInt8>, previous: SIMD16<UInt8>)]
    private let probes: [Probe]

    private struct Probe: Sendable {
        let last: UInt8
        /// The byte before `last`, for a first code point of several bytes.
        let previous: UInt8?
        let needles: [(needle: Int, back: Int)]
    }

    /// At most this many probes are compared 16 bytes at a time.
    static let vectorProbes = 8

    /// The number of needles.
    var count: Int { starts.count - 1 }

    /// The length in UTF-8 bytes of needle `k`.
    func length(_ k: Int) -> Int { starts[k + 1] - starts[k] }

    /// `needles`: each one's UTF-16 units (non-empty; BMP, no surrogates). `vectorProbes`
    /// (for tests) bounds the probes compared 16 bytes at a time.
    init(_ needles: [[UInt16]], vectorProbes: Int = LiteralSet.vectorProbes) {
        var bytes: [UInt8] = [], starts = [0]
        var hashes: [Int] = []
        var probes: [Probe] = []
        for (k, needle) in needles.enumerated() {
            precondition(!needle.isEmpty && needle.allSatisfy { !(0xD800...0xDFFF).contains($0) })
            let utf8 = Array(String(decoding: needle, as: UTF16.self).utf8)
            bytes.append(contentsOf: utf8)
            starts.append(bytes.count)
            hashes.append(Int(needle[0] & 0xFF))
            let width = String(decoding: needle.prefix(1), as: UTF16.self).utf8.count
            let last = utf8[width - 1], previous = width > 1 ? utf8[width - 2] : nil
            if let p = probes.firstIndex(where: { $0.last == last && $0.previous == previous }) {
                probes[p] = Probe(last: last, previous: previous, needles: probes[p].needles + [(k, width - 1)])
            } else {
                probes.append(Probe(last: last, previous: previous, needles: [(k, width - 1)]))
            }
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
        if probes.count <= vectorProbes {
            self.probes = probes
            singles = probes.filter { $0.previous == nil }.map { SIMD16(repeating: $0.last) }
            pairs = probes.compactMap { p in p.previous.map { (SIMD16(repeating: p.last), SIMD16(repeating: $0)) } }
        } else {
            self.probes = []
            singles = []
            pairs = []
        }
    }

    /// Calls `found(k, offset)` for the places where needle `k` starts, at byte `offset` of
    /// `utf8` (a string's valid UTF-8), each needle's in order of offset. A place before
    /// `ends[k]` is not compared; one that `found` accepts (returns true for) moves `ends[k]` to
    /// its end. Accepting every one gives leftmost matches without overlap, as a search that
    /// resumes after each match finds them, and keeps the work per needle what such a search
    /// does (a text of 3,000 `あ` and a needle of 1,000 are compared 3 times, not 2,000).
    /// `ends` holds one entry per needle, zero before the first call for a text.
    func forEachOccurrence(in utf8: UnsafeBufferPointer<UInt8>, ends: UnsafeMutablePointer<Int>,
                           _ found: (_ needle: Int, _ offset: Int) -> Bool) {
        guard let p = utf8.baseAddress else { return }
        let n = utf8.count
        guard !probes.isEmpty else { return forEachByTable(in: utf8, ends, found) }
        if n <= 16 {
            // One block: the text after a zero byte, zeros after it (no needle holds U+0000).
            var padded = (SIMD16<UInt8>(), SIMD16<UInt8>())
            withUnsafeMutableBytes(of: &padded) { $0.baseAddress!.advanced(by: 1).copyMemory(from: p, byteCount: n) }
            let hit = withUnsafeBytes(of: &padded) { raw in
                matches(raw.loadUnaligned(fromByteOffset: 1, as: SIMD16<UInt8>.self), raw.loadUnaligned(as: SIMD16<UInt8>.self))
            }
            if Self.any(hit) {
                for lane in 0..<n where hit[lane] != 0 { probe(at: lane, utf8, ends, found) }
            }
            return
        }
        // Position 0 can end only a one-byte probe; 16 positions at a time after it, each
        // compared with its byte and the one before; the last block overlaps the one before it.
        probe(at: 0, utf8, ends, found)
        let raw = UnsafeRawPointer(p)
        var i = 1
        while i < n {
            let base = min(i, n - 16)
            let hit = matches(raw.loadUnaligned(fromByteOffset: base, as: SIMD16<UInt8>.self),
                              raw.loadUnaligned(fromByteOffset: base - 1, as: SIMD16<UInt8>.self))
            if Self.any(hit) {
                for lane in (i - base)..<16 where hit[lane] != 0 { probe(at: base + lane, utf8, ends, found) }
            }
            i = base + 16
        }
    }

    /// The lanes where a probe ends (0xFF; 0 elsewhere): `current` holds 16 bytes, `before`
    /// the 16 bytes one earlier. Kept as bytes, not `SIMDMask`, whose `.&` normalizes lanes.
    @inline(__always)
    private func matches(_ current: SIMD16<UInt8>, _ before: SIMD16<UInt8>) -> SIMD16<UInt8> {
        var hit = SIMD16<UInt8>()
        for v in singles { hit |= Self.bytes(current .== v) }
        for (last, previous) in pairs { hit |= Self.bytes(current .== last) & Self.bytes(before .== previous) }
        return hit
    }

    @inline(__always)
    private static func bytes(_ mask: SIMDMask<SIMD16<Int8>>) -> SIMD16<UInt8> { unsafeBitCast(mask, to: SIMD16<UInt8>.self) }

    /// True when some lane is set, read as two 64-bit words (the standard library's `any`
    /// took ~25 instructions).
    @inline(__always)
    private static func any(_ hit: SIMD16<UInt8>) -> Bool {
        let words = unsafeBitCast(hit, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    /// The needles whose probe ends at byte `j`.
    @inline(never)
    private func probe(at j: Int, _ utf8: UnsafeBufferPointer<UInt8>, _ ends: UnsafeMutablePointer<Int>,
                       _ found: (Int, Int) -> Bool) {
        for probe in probes where probe.last == utf8[j] {
            if let previous = probe.previous, j == 0 || utf8[j - 1] != previous { continue }
            for (k, back) in probe.needles where j >= back && j - back >= ends[k] {
                let at = j - back, from = starts[k], count = starts[k + 1] - from
                guard at + count <= utf8.count else { continue }
                var m = 0
                while m < count, utf8[at + m] == bytes[from + m] { m += 1 }
                if m == count, found(k, at) { ends[k] = at + count }
            }
        }
    }

    /// `forEachOccurrence` one code point at a time, through the table of first code points.
    private func forEachByTable(in utf8: UnsafeBufferPointer<UInt8>, _ ends: UnsafeMutablePointer<Int>,
                                _ found: (Int, Int) -> Bool) {
        guard let p = utf8.baseAddress else { return }
        let n = utf8.count
        first.withUnsafeBufferPointer { first in
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
                if first[h] != first[h + 1] { compare(h, utf8, at: i, ends, found) }
                i += length
            }
        }
    }

    /// Compares the needles of bucket `h` with the text at `i`.
    @inline(never)
    private func compare(_ h: Int, _ utf8: UnsafeBufferPointer<UInt8>, at i: Int, _ ends: UnsafeMutablePointer<Int>,
                         _ found: (Int, Int) -> Bool) {
        for j in Int(first[h])..<Int(first[h + 1]) {
            let k = Int(order[j])
            let from = starts[k], count = starts[k + 1] - from
            guard i >= ends[k], i + count <= utf8.count else { continue }
            var m = 0
            while m < count, utf8[i + m] == bytes[from + m] { m += 1 }
            if m == count, found(k, i) { ends[k] = i + count }
        }
    }
}
