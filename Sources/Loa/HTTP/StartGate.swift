import Foundation

/// Tells a transfer engine when the requests of a step may go out: once the caller has recorded them as started.
///
/// A step that records its starts on another thread returns a gate and opens it after the record is committed;
/// the engine keeps sending what was recorded before, and starts the step's requests only when the gate is open.
/// A gate opened with an error means the starts were not recorded: none of those requests may be sent.
public final class StartGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var opened = false
    private var failure: (any Error)?
    private var wake: (@Sendable () -> Void)?

    public init() {}

    /// Opens the gate, once; later calls do nothing.
    public func open(failing error: (any Error)? = nil) {
        condition.lock()
        guard !opened else {
            condition.unlock()
            return
        }
        opened = true
        failure = error
        let wake = self.wake
        self.wake = nil
        condition.broadcast()
        condition.unlock()
        wake?()
    }

    /// Whether the gate is open; throws what kept the starts from being recorded.
    public func isOpen() throws -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        return opened
    }

    /// Blocks until the gate opens; throws what kept the starts from being recorded.
    public func wait() throws {
        condition.lock()
        defer { condition.unlock() }
        while !opened { condition.wait() }
        if let failure { throw failure }
    }

    /// Calls `wake` (on the opening thread) when the gate opens, or at once if it is open already.
    public func whenOpen(_ wake: @escaping @Sendable () -> Void) {
        condition.lock()
        if opened {
            condition.unlock()
            wake()
            return
        }
        self.wake = wake
        condition.unlock()
    }
}
