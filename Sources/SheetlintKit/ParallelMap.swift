import Foundation

/// Maps `items` with up to `jobs` threads and returns the results in input order, so no
/// completion order ever leaks into output. Each slot is written by exactly one iteration.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @Sendable (T) -> R) -> [R] {
    guard jobs > 1, items.count > 1 else { return items.map(transform) }
    let slots = ResultSlots<R>(count: items.count)
    let workers = min(jobs, items.count)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var index = worker
        while index < items.count {
            slots.set(index, transform(items[index]))
            index += workers
        }
    }
    return slots.values()
}

/// Lock-protected result storage for `parallelMap`.
private final class ResultSlots<R: Sendable>: @unchecked Sendable {
    private var storage: [R?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: R) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    func values() -> [R] {
        lock.lock()
        defer { lock.unlock() }
        return storage.map { $0! }
    }
}
