import Foundation
@testable import SheetlintKit
import XCTest

/// `parallelMap` hands items to threads as they become free; the results must still come
/// back in input order, each item mapped exactly once, whatever the work per item.
final class ParallelMapTests: XCTestCase {
    func testResultsInInputOrderWithUnevenWork() {
        let items = Array(0..<997)
        for jobs in [1, 2, 3, 8, 2_000] {
            let calls = Calls()
            let out = parallelMap(items, jobs: jobs) { i -> String in
                calls.add(i)
                // Uneven work: every other item is much larger, as sheets alternate.
                var x = i
                for _ in 0..<(i % 2 == 0 ? 20_000 : 10) { x = (x &* 1_103_515_245 &+ 12_345) & 0x7FFF_FFFF }
                return "\(i):\(x)"
            }
            XCTAssertEqual(out, items.map { i -> String in
                var x = i
                for _ in 0..<(i % 2 == 0 ? 20_000 : 10) { x = (x &* 1_103_515_245 &+ 12_345) & 0x7FFF_FFFF }
                return "\(i):\(x)"
            }, "jobs \(jobs)")
            XCTAssertEqual(calls.sorted, items, "jobs \(jobs): each item mapped once")
        }
        XCTAssertEqual(parallelMap([Int](), jobs: 2) { $0 }, [])
        XCTAssertEqual(parallelMap([7], jobs: 2) { $0 * 2 }, [14])
    }
}

private final class Calls: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Int] = []
    func add(_ i: Int) { lock.lock(); seen.append(i); lock.unlock() }
    var sorted: [Int] { lock.lock(); defer { lock.unlock() }; return seen.sorted() }
}
