import SheetModel

/// The scalars runs are ranges of: a whole source file's (with the file's text and the
/// UTF-8 offset of each scalar in it, so that a run's string is copied from the text rather
/// than encoded and validated again), or scalars put together from pieces (`RunBuilder`),
/// with their columns. Immutable, so runs share it freely.
final class RunStorage: Sendable {
    let scalars: [Unicode.Scalar]
    /// The columns of `scalars`, index for index; empty when a run counts them from its
    /// `base` (a file's lines, text put together from consecutive columns).
    let columns: [Int]
    /// For scalars put together from pieces, with no `columns`: the column of `scalars[0]`.
    let origin: Int
    /// The text the scalars were decoded from, when they are exactly its scalars.
    let text: Substring?
    /// With `text`: the UTF-8 offset in `text` of each scalar, and of its end (one more
    /// entry than `scalars`); empty for a text of ASCII, where the offset is the index.
    let offsets: [Int32]

    init(scalars: [Unicode.Scalar], columns: [Int], origin: Int) {
        self.scalars = scalars
        self.columns = columns
        self.origin = origin
        self.text = nil
        self.offsets = []
    }

    /// A source text: `scalars` decoded from `text`, `offsets` as above.
    init(text: Substring, scalars: [Unicode.Scalar], offsets: [Int32]) {
        precondition(offsets.isEmpty ? text.utf8.count == scalars.count : offsets.count == scalars.count + 1,
                     "one offset per scalar and one for the end, or none for ASCII")
        self.scalars = scalars
        self.columns = []
        self.origin = 1
        self.text = text
        self.offsets = offsets
    }

    var count: Int { scalars.count }
}

/// A run of text from one source line, each scalar paired with the 1-based column it was
/// written at. Tags removed and entities decoded keep the columns of what they came from,
/// so every piece cut from a run still knows its place in the file.
///
/// Runs cut from a line share its storage: a slice is a range, never a copy, and the
/// columns of text taken as written (most of a sheet) are not stored but counted from the
/// first one. Only text put together from pieces (a cell with inline tags removed or
/// entities decoded, made by `RunBuilder`) has scalars and columns of its own.
struct Run: Sendable {
    /// The scalars this run is a range of (shared with the line and the runs cut from it).
    private let storage: RunStorage
    private var lo: Int
    private var hi: Int
    /// Without `storage.columns`: the column of `storage.scalars[0]` (for a line of a file,
    /// 1 less the index of the line's first scalar).
    private let base: Int
    let line: Int

    init(scalars: [Unicode.Scalar] = [], columns: [Int] = [], line: Int) {
        if columns.count == scalars.count, let first = columns.first, columns.indices.allSatisfy({ columns[$0] == first + $0 }) {
            self.storage = RunStorage(scalars: scalars, columns: [], origin: first)
        } else {
            self.storage = RunStorage(scalars: scalars, columns: columns, origin: 0)
        }
        self.lo = 0
        self.hi = scalars.count
        self.base = storage.origin
        self.line = line
    }

    /// A whole line of `scalars`, written from column 1.
    init(line scalars: [Unicode.Scalar], number: Int) {
        self.init(storage: RunStorage(scalars: scalars, columns: [], origin: 1), number: number)
    }

    /// All of `storage`, on 1-based line `number`.
    init(storage: RunStorage, number: Int) {
        self.storage = storage
        self.lo = 0
        self.hi = storage.count
        self.base = storage.origin
        self.line = number
    }

    /// The line `range` of a file's `storage` (its scalars without the line break), line
    /// `number`, written from column 1.
    init(file storage: RunStorage, range: Range<Int>, number: Int) {
        self.storage = storage
        self.lo = range.lowerBound
        self.hi = range.upperBound
        self.base = 1 - range.lowerBound
        self.line = number
    }

    var isEmpty: Bool { lo == hi }
    var count: Int { hi - lo }

    /// The scalar at 0-based `i`.
    subscript(i: Int) -> Unicode.Scalar { storage.scalars[lo + i] }

    /// The scalars, for iteration and search (the slice's indices do not start at 0: index
    /// the run itself).
    var scalars: ArraySlice<Unicode.Scalar> { storage.scalars[lo..<hi] }

    /// Calls `body` with the run's scalars as a buffer indexed from 0, for loops that
    /// read every scalar.
    func withScalars<R>(_ body: (UnsafeBufferPointer<Unicode.Scalar>) throws -> R) rethrows -> R {
        try storage.scalars.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
    }

    /// The 1-based column of the scalar at 0-based `i`.
    func column(_ i: Int) -> Int {
        storage.columns.isEmpty ? base + lo + i : storage.columns[lo + i]
    }

    var firstColumn: Int? { isEmpty ? nil : column(0) }
    var lastColumn: Int? { isEmpty ? nil : column(count - 1) }

    /// The text as written (after tag removal and entity decoding): copied from the source
    /// line's UTF-8 when the run is a range of it, else encoded from the scalars.
    var string: String {
        // A few scalars (markers, codes) are encoded directly: cheaper than cutting the text.
        guard let text = storage.text, hi - lo > 4 else { return String(scalarsOf: storage.scalars[lo..<hi]) }
        let utf8 = text.utf8
        let offsets = storage.offsets
        let start = utf8.index(text.startIndex, offsetBy: offsets.isEmpty ? lo : Int(offsets[lo]))
        let end = utf8.index(text.startIndex, offsetBy: offsets.isEmpty ? hi : Int(offsets[hi]))
        return String(text[start..<end])
    }

    /// The scalar at `i` with width variants folded (see `ScalarFolding`).
    func folded(_ i: Int) -> Unicode.Scalar { ScalarFolding.fold(storage.scalars[lo + i]) }

    /// The text with width variants folded (see `ScalarFolding`), same length as `scalars`.
    var folded: [Unicode.Scalar] { storage.scalars[lo..<hi].map(ScalarFolding.fold) }

    func slice(_ range: Range<Int>) -> Run {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "run slice out of bounds")
        var out = self
        out.lo = lo + range.lowerBound
        out.hi = lo + range.upperBound
        return out
    }

    /// The run without leading and trailing white space (ASCII, ideographic and no-break).
    func trimmed() -> Run {
        let scalars = storage.scalars
        var l = lo, h = hi
        while l < h, ScalarFolding.isSpace(scalars[l]) { l += 1 }
        while h > l, ScalarFolding.isSpace(scalars[h - 1]) { h -= 1 }
        var out = self
        out.lo = l
        out.hi = h
        return out
    }

    /// True when the run holds nothing but white space.
    var isBlank: Bool {
        let scalars = storage.scalars
        for j in lo..<hi where !ScalarFolding.isSpace(scalars[j]) { return false }
        return true
    }

    /// Span of the run; an empty run gets an empty span at `fallbackColumn`.
    func span(file: String, fallbackColumn: Int = 1) -> SourceSpan {
        guard let first = firstColumn, let last = lastColumn else {
            return SourceSpan(file: file, line: line, startColumn: fallbackColumn, endColumn: fallbackColumn)
        }
        return SourceSpan(file: file, line: line, startColumn: first, endColumn: last + 1)
    }

    /// Splits at white space, dropping it.
    func words() -> [Run] {
        var out: [Run] = []
        var start: Int?
        for i in 0..<count {
            if ScalarFolding.isSpace(self[i]) {
                if let s = start { out.append(slice(s..<i)); start = nil }
            } else if start == nil {
                start = i
            }
        }
        if let s = start { out.append(slice(s..<count)) }
        return out
    }
}

/// Text put together from pieces of one line (a cell with inline tags removed, entities
/// decoded, escaped pipes unescaped), scalar by scalar with the column each came from.
struct RunBuilder {
    private var scalars: [Unicode.Scalar] = []
    private var columns: [Int] = []
    let line: Int

    init(line: Int) { self.line = line }

    /// Starts with the scalars of `run`.
    init(_ run: Run) {
        self.line = run.line
        append(run)
    }

    mutating func append(_ scalar: Unicode.Scalar, column: Int) {
        scalars.append(scalar)
        columns.append(column)
    }

    /// Appends `run` (a run of the same line).
    mutating func append(_ run: Run) {
        for i in 0..<run.count { append(run[i], column: run.column(i)) }
    }

    var run: Run { Run(scalars: scalars, columns: columns, line: line) }
}

extension String {
    /// The string of `scalars`, encoded straight into the string's UTF-8 storage (scalars
    /// are always valid, so this is the same string as appending them one by one).
    init<C: Collection>(scalarsOf scalars: C) where C.Element == Unicode.Scalar {
        var length = 0
        for s in scalars { length += UTF8.width(s) }
        guard length > 0 else { self = ""; return }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            var i = 0
            for s in scalars {
                let v = s.value
                if v < 0x80 {
                    buffer[i] = UInt8(truncatingIfNeeded: v)
                    i += 1
                } else if v < 0x800 {
                    buffer[i] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
                    buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    i += 2
                } else if v < 0x10000 {
                    buffer[i] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
                    buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                    buffer[i + 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    i += 3
                } else {
                    buffer[i] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
                    buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
                    buffer[i + 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                    buffer[i + 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    i += 4
                }
            }
            return i
        }
    }
}

/// Searches of scalar buffers eight scalars at a time (vector compares), where a loop
/// compares one.
enum ScalarSearch {
    /// The index of the first `scalar` in `buffer` at or after `start`; nil when none.
    @inline(__always)
    static func first(_ scalar: Unicode.Scalar, in buffer: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int? {
        guard start < buffer.count, let base = buffer.baseAddress else { return nil }
        let n = buffer.count
        let raw = UnsafeRawPointer(base)
        let target = SIMD8<UInt32>(repeating: scalar.value)
        var i = start
        while i + 8 <= n {
            let lanes = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<UInt32>.self)
            if any(lanes .== target) { break }
            i += 8
        }
        while i < n {
            if base[i] == scalar { return i }
            i += 1
        }
        return nil
    }

    /// The index of the first `a` or `b` in `buffer` at or after `start`; `buffer.count`
    /// when none.
    @inline(__always)
    static func firstOf(_ a: Unicode.Scalar, _ b: Unicode.Scalar, in buffer: UnsafeBufferPointer<Unicode.Scalar>,
                        from start: Int) -> Int {
        let n = buffer.count
        guard start < n, let base = buffer.baseAddress else { return max(start, n) }
        let raw = UnsafeRawPointer(base)
        let targetA = SIMD8<UInt32>(repeating: a.value), targetB = SIMD8<UInt32>(repeating: b.value)
        var i = start
        while i + 8 <= n {
            let lanes = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<UInt32>.self)
            if any((lanes .== targetA) .| (lanes .== targetB)) { break }
            i += 8
        }
        while i < n, base[i] != a, base[i] != b { i += 1 }
        return i
    }
}
