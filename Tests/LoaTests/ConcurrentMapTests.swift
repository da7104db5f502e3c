import Foundation
import Testing

@testable import Loa

@Suite("Work on every core")
struct ConcurrentMapTests {
    @Test("concurrentMap keeps the elements' order")
    func mapKeepsOrder() {
        let numbers = Array(0..<1000)
        #expect(numbers.concurrentMap { $0 * $0 } == numbers.map { $0 * $0 })
    }

    @Test("concurrentForEach hands every result over in the elements' order, on the calling thread")
    func forEachKeepsOrder() {
        let numbers = Array(0..<1000)
        var seen: [Int] = []
        numbers.concurrentForEach({ $0 * $0 }) { number, square in
            #expect(square == number * number)
            seen.append(number)
        }
        #expect(seen == numbers)
    }

    struct Stop: Error {}

    @Test("concurrentForEach stops at the first error of consume, and consumes nothing after it")
    func forEachStops() {
        let numbers = Array(0..<500)
        var seen: [Int] = []
        #expect(throws: Stop.self) {
            try numbers.concurrentForEach({ $0 }) { number, _ in
                if number == 100 { throw Stop() }
                seen.append(number)
            }
        }
        #expect(seen == Array(0..<100))
    }
}
