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

    @Test("concurrentForEach hands every result to the caller in order, and stops at the caller's error")
    func forEachInOrder() throws {
        let numbers = Array(0..<500)
        var seen: [Int] = []
        numbers.concurrentForEach({ number -> String in
            // Later elements finish first, so the order must come from the caller's side.
            if number % 7 == 0 { usleep(200) }
            return "số \(number)"
        }) { number, text in
            #expect(text == "số \(number)")
            seen.append(number)
        }
        #expect(seen == numbers)

        struct Stop: Error {}
        var consumed = 0
        #expect(throws: Stop.self) {
            try numbers.concurrentForEach({ $0 }) { number, _ in
                if number == 10 { throw Stop() }
                consumed += 1
            }
        }
        #expect(consumed == 10)
    }
}
