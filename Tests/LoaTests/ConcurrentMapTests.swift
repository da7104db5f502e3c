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

}
