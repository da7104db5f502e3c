import Foundation

/// Decides what a bridge's answer means for a delivery, and when to try again.
///
/// Network errors, timeouts, 408, 425, 429 and 5xx are worth retrying; any other 4xx, and 3xx (redirects are not
/// followed), fail for good. Retries back off over most of a day: 5 s, 5 min, 30 min, 1 h, 3 h, 6 h, 8 h, each
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
        let reason: String
        if let error = response.error {
            reason = "\(Self.describe(error.kind)): \(error.message)"
        } else {
            switch response.status {
            case 200..<300:
                return .success
            case 408, 425, 429, 500..<600:
                reason = "the bridge answered \(response.status)\(Self.detail(response))"
            case 300..<400:
                let location = response.header("Location").map { " to \($0)" } ?? ""
                return .fail(
                    reason:
                        "the bridge answered \(response.status), a redirect\(location); redirects are not followed, "
                        + "so correct the channel's url"
                )
            default:
                return .fail(reason: "the bridge refused the post with \(response.status)\(Self.detail(response))")
            }
        }
        guard failuresInARow <= delays.count else {
            return .fail(reason: "gave up after \(failuresInARow) attempts; the last: \(reason)")
        }
        let base = delays[failuresInARow - 1]
        var delay = base * Double.random(in: (1 - jitter)...(1 + jitter), using: &generator)
        if let asked = Self.retryAfter(response, now: now) { delay = max(delay, asked) }
        return .retry(after: delay, reason: reason)
    }

    /// A `Retry-After` header in seconds or as an HTTP date, capped at a day.
    static func retryAfter(_ response: HTTPResponse, now: Date) -> TimeInterval? {
        guard let value = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value), seconds >= 0 { return min(seconds, 86_400) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return min(max(0, date.timeIntervalSince(now)), 86_400)
    }

    private static func describe(_ kind: TransportError.Kind) -> String {
        switch kind {
        case .timeout: "no answer before the timeout"
        case .connection: "the connection failed"
        case .dns: "the bridge's host name did not resolve"
        case .tls: "the secure connection failed"
        case .protocolError: "the bridge's answer was not valid HTTP"
        case .other: "the request failed"
        }
    }

    /// A short excerpt of an error body, which often says what was wrong.
    private static func detail(_ response: HTTPResponse) -> String {
        let text = String(decoding: response.body.prefix(200), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: " ")
        return text.isEmpty ? "" : ": \(text)"
    }
}
