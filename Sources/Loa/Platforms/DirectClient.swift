import Foundation

/// Sends one request at a time through the HTTP seam, for transports whose steps follow one another.
struct DirectClient: Sendable {
    let exchange: any HTTPExchange

    /// The answer to `request`; a failure of the exchange itself comes back as a transport error.
    func send(_ request: HTTPRequest) -> HTTPResponse {
        var answer: HTTPResponse?
        do {
            try exchange.exchange([request], concurrency: 1) { step in
                for finished in step.finished { answer = finished.response }
            }
        } catch {
            let reason = Message.directRequestNotMade(["reason": ErrorWords.describe(error)])
            return HTTPResponse(status: 0, error: TransportError(.other, reason))
        }
        return answer ?? HTTPResponse(status: 0, error: TransportError(.other, Message.directNoAnswer()))
    }
}
