#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Gives the system back the memory pages a long run has freed.
///
/// glibc's allocator keeps freed memory for reuse, and each worker thread has its own
/// arena: the pages freed while one sheet after another is read and checked (its model,
/// tree, texts), scattered between the few values each sheet leaves behind (findings,
/// cross-sheet sites), stay resident, and the main thread cannot reuse them for the stages
/// after the sheets (cross-sheet rules, sorting, the report). Over 20,000 sheets that was
/// about a third of the peak. `malloc_trim` (looked up at run time, so nothing changes
/// where it does not exist) returns every whole free page of every arena; `lint` calls it
/// every `interval` sheets and between its stages. Output is unaffected: only where
/// freed memory lives changes.
final class FreedMemory: @unchecked Sendable {
    /// Sheets between two returns of freed pages.
    static let interval = 256

    private let lock = NSLock()
    private var done = 0

    /// Counts a sheet checked; every `interval` sheets, returns the freed pages.
    func sheetDone() {
        lock.lock()
        done += 1
        let due = done % Self.interval == 0
        lock.unlock()
        if due { Self.release() }
    }

    /// Returns the whole free pages of every arena to the system now.
    static func release() { _ = trim?(0) }

    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
        #else
        return nil
        #endif
    }()
}
