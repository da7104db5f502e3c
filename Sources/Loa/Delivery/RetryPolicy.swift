import Foundation

/// Decides what a bridge's answer means for a delivery, and when to try again.
///
/// What is worth retrying is ``AnswerClass``'s to say: network errors, timeouts, 408, 425, 429 and 5xx; any
/// other 4xx, and 3xx, fail for good. Retries back off over most of a day: 5 s, 5 min, 30 min, 1 h, 3 h, 6 h, 8 h, each
/// varied by ±20% so that many deliveries failing together do not retry together; a `Retry-After` answer is
/// honoured when it asks for longer. Even at +20% the steps add up to under 23 hours, less than half the default
/// `missed_after` (48h): a delivery fails for good, and a person hears of it, well before it would be missed.
public struct RetryPolicy: Sendable {
    /// The delay after each failed attempt in a row; after the last one the delivery fails for good.
    public var delays: [TimeInterval]
    /// ±this fraction of each delay.
    public var jitter: Double

    public static let standard = RetryPolicy(
        delays: [5, 5 * 60, 30 * 60, 3600, 3 * 3600, 6 * 3600, 8 * 3600],
        jitter: 0.2
    )

    public init(delays: [TimeInterval], jitter: Double) {
        self.delays = delays
        self.jitter = jitter
    }

    /// What to do after an attempt.
    public enum Verdict: Sendable, Equatable {
        case success
        /// Try again after this many seconds.
        case retry(after: TimeInterval, reason: String)
        /// Stop; the reason says why in words a person can act on.
        case fail(reason: String)
    }

    /// The verdict on `response`, the `failuresInARow`-th failure in a row if it is one.
    public func verdict(
        for response: HTTPResponse,
        failuresInARow: Int,
        now: Date,
        using generator: inout some RandomNumberGenerator
    ) -> Verdict {
        switch AnswerClass(response, now: now) {
        case .success:
            return .success
        case .permanent(let reason):
            return .fail(reason: reason)
        case .transient(let reason, let asked):
            guard failuresInARow <= delays.count else {
                return .fail(reason: Message.noteGaveUp(["n": "\(failuresInARow)", "reason": reason]))
            }
            let base = delays[failuresInARow - 1]
            var delay = base * Double.random(in: (1 - jitter)...(1 + jitter), using: &generator)
            if let asked { delay = max(delay, asked) }
            return .retry(after: delay, reason: reason)
        }
    }
}
