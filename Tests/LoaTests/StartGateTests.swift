import Foundation
import Testing

@testable import Loa

@Suite("The gate between recording starts and sending")
struct StartGateTests {
    @Test("a gate opened on another thread wakes its waiter and its watcher, once")
    func opensOnce() throws {
        let gate = StartGate()
        #expect(try gate.isOpen() == false)
        final class Count: @unchecked Sendable {
            let lock = NSLock()
            var value = 0
        }
        let woken = Count()
        gate.whenOpen { woken.lock.withLock { woken.value += 1 } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) {
            gate.open()
            gate.open()
        }
        try gate.wait()
        #expect(try gate.isOpen())
        // Once open, a new watcher is called at once.
        gate.whenOpen { woken.lock.withLock { woken.value += 1 } }
        // The first watcher runs on the opening thread, right after the waiter is released.
        let deadline = Date().addingTimeInterval(5)
        while woken.lock.withLock({ woken.value }) < 2, Date() < deadline { usleep(1000) }
        usleep(20_000)
        #expect(woken.lock.withLock { woken.value } == 2)
    }

    @Test("a gate opened with an error makes the waiter and the engine throw it: those requests may not leave")
    func failure() {
        struct DiskFull: Error {}
        let gate = StartGate()
        gate.open(failing: DiskFull())
        #expect(throws: DiskFull.self) { try gate.wait() }
        #expect(throws: DiskFull.self) { _ = try gate.isOpen() }
    }
}
