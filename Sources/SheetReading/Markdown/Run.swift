import SheetModel

/// A run of text from one source line, each scalar paired with the 1-based column it was
/// written at. Tags removed and entities decoded keep the columns of what they came from,
/// so every piece cut from a run still knows its place in the file.
///
/// Runs cut from a line share its scalars: a slice is a range, never a copy, and the
/// columns of text taken as written (most of a sheet) are not stored but counted from the
/// first one. Only text put together from pieces (a cell with inline tags removed or
/// entities decoded) has scalars and columns of its own.
struct Run: Sendable {
    /// The scalars this run is a range of (shared with the line and the runs cut from it).
    private var store: [Unicode.Scalar]
    /// The columns of `store`, index for index; empty when they are consecutive, counted
    /// from `origin`.
    private var columnStore: [Int]
    /// With no `columnStore`, the column of `store[j]` is `origin + j`.
    private var origin: Int
    private var lo: Int
    private var hi: Int
    var line: Int

    init(scalars: [Unicode.Scalar] = [], columns: [Int] = [], line: Int) {
        self.store = scalars
        self.lo = 0
        self.hi = scalars.count
        self.line = line
        if columns.count == scalars.count, let first = columns.first, columns.indices.allSatisfy({ columns[$0] == first + $0 }) {
            self.columnStore = []
            self.origin = first
        } else {
            self.columnStore = columns
            self.origin = 0
        }
    }

    /// A whole line of `scalars`, written from column 1.
    init(line scalars: [Unicode.Scalar], number: Int) {
        self.store = scalars
        self.columnStore = []
        self.origin = 1
        self.lo = 0
        self.hi = scalars.count
        self.line = number
    }

    var isEmpty: Bool { lo == hi }
    var count: Int { hi - lo }

    /// The scalar at 0-based `i`.
    subscript(i: Int) -> Unicode.Scalar { store[lo + i] }

    /// The scalars, for iteration and search (the slice's indices do not start at 0: index
    /// the run itself).
    var scalars: ArraySlice<Unicode.Scalar> { store[lo..<hi] }

    /// The 1-based column of the scalar at 0-based `i`.
    func column(_ i: Int) -> Int {
        columnStore.isEmpty ? origin + lo + i : columnStore[lo + i]
    }

    var firstColumn: Int? { isEmpty ? nil : column(0) }
    var lastColumn: Int? { isEmpty ? nil : column(count - 1) }

    mutating func append(_ scalar: Unicode.Scalar, column: Int) {
        ownStorage()
        if columnStore.isEmpty {
            if hi == 0 {
                origin = column
            } else if column != origin + hi {
                columnStore = (0..<hi).map { origin + $0 }
            }
        }
        store.append(scalar)
        if !columnStore.isEmpty { columnStore.append(column) }
        hi += 1
    }

    /// Appends `other` (a run of the same line).
    mutating func append(_ other: Run) {
        for i in 0..<other.count { append(other[i], column: other.column(i)) }
    }

    /// Makes `store` hold exactly this run's scalars, so appending extends the run.
    private mutating func ownStorage() {
        guard lo != 0 || hi != store.count else { return }
        store = Array(store[lo..<hi])
        if columnStore.isEmpty { origin += lo } else { columnStore = Array(columnStore[lo..<hi]) }
        hi -= lo
        lo = 0
    }

    /// The text as written (after tag removal and entity decoding).
    var string: String { String(scalarsOf: store[lo..<hi]) }

    /// The scalar at `i` with width variants folded (see `ScalarFolding`).
    func folded(_ i: Int) -> Unicode.Scalar { ScalarFolding.fold(store[lo + i]) }

    /// The text with width variants folded (see `ScalarFolding`), same length as `scalars`.
    var folded: [Unicode.Scalar] { store[lo..<hi].map(ScalarFolding.fold) }

    func slice(_ range: Range<Int>) -> Run {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "run slice out of bounds")
        var out = self
        out.lo = lo + range.lowerBound
        out.hi = lo + range.upperBound
        return out
    }

    /// The run without leading and trailing white space (ASCII, ideographic and no-break).
    func trimmed() -> Run {
        var l = lo, h = hi
        while l < h, ScalarFolding.isSpace(store[l]) { l += 1 }
        while h > l, ScalarFolding.isSpace(store[h - 1]) { h -= 1 }
        var out = self
        out.lo = l
        out.hi = h
        return out
    }

    /// True when the run holds nothing but white space.
    var isBlank: Bool {
        for j in lo..<hi where !ScalarFolding.isSpace(store[j]) { return false }
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
