import Foundation

/// What an HTTP answer (or a request that got none) means, before any policy of what to do about it.
///
/// Network errors, timeouts, 408, 425, 429 and 5xx are transient; any other 4xx, and 3xx (redirects are not
/// followed), are permanent. Delivery turns a transient answer into a retry on its backoff schedule
/// (`RetryPolicy`); engagement reads simply try again at their next run.
public enum AnswerClass: Sendable, Equatable {
    case success
    /// Worth trying again; `retryAfter` is how long the server asked to wait (`Retry-After`), if it did.
    case transient(reason: String, retryAfter: TimeInterval?)
    /// Trying again would get the same answer; the reason says why in words a person can act on.
    case permanent(reason: String)

    /// The class of `response`; `now` reads a `Retry-After` given as a date.
    public init(_ response: HTTPResponse, now: Date) {
        if let error = response.error {
            self = .transient(reason: "\(Self.describe(error.kind)): \(error.message)", retryAfter: nil)
            return
        }
        switch response.status {
        case 200..<300:
            self = .success
        case 408, 425, 429, 500..<600:
            self = .transient(
                reason: Message.answerBridge(["status": "\(response.status)", "detail": Self.detail(response)]),
                retryAfter: Self.retryAfter(response, now: now)
            )
        case 300..<400:
            let location = response.header("Location").map { Message.answerRedirectTo(["location": $0]) } ?? ""
            self = .permanent(
                reason: Message.answerRedirect(["status": "\(response.status)", "location": location])
            )
        default:
            self = .permanent(
                reason: Message.answerRefused(["status": "\(response.status)", "detail": Self.detail(response)])
            )
        }
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
        case .timeout: Message.answerTimeout()
        case .connection: Message.answerConnection()
        case .dns: Message.answerDNS()
        case .tls: Message.answerTLS()
        case .protocolError: Message.answerNotHTTP()
        case .other: Message.answerFailed()
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
