import Foundation
import GRDB

/// Delivers to bridges: one signed POST per delivery, many in flight, every attempt archived.
///
/// Each attempt is recorded as started, in the same transaction that records the previous step's finished
/// attempts, before its request leaves; it is recorded as finished when the answer arrives. A run killed in
/// between leaves the delivery `sending`, and the next run sends it again with the same `webhook-id`.
struct WebhookDelivery {
    let archive: Archive
    let exchange: any HTTPExchange
    let policy: RetryPolicy
    /// The run's clock: what is due, and when to retry. Signatures always use the real time.
    let now: Date
    /// The most requests in flight at once, over all channels.
    let concurrency: Int
    /// Masks secrets a bridge might echo in its answer.
    let redact: Redactor
    /// Told of each outcome once it is recorded.
    let onEvent: (@Sendable (RunEvent) -> Void)?

    func deliver(_ planned: [PlannedDelivery]) throws -> [RunEvent] {
        guard !planned.isEmpty else { return [] }
        var deliveries = planned.map(\.delivery)
        var requests: [HTTPRequest] = []
        var attempts: [AttemptRecord?] = Array(repeating: nil, count: planned.count)
        for item in planned {
            requests.append(try request(for: item))
        }
        var events: [RunEvent] = []
        var generator = SystemRandomNumberGenerator()
        try exchange.exchange(requests, concurrency: concurrency) { step in
            let recorded = events.count
            try archive.writer.write { db in
                for (index, response) in step.finished {
                    guard var attempt = attempts[index] else { continue }
                    events.append(finish(&attempt, &deliveries[index], planned[index], response, &generator))
                    try attempt.update(db)
                    try deliveries[index].update(db)
                }
                for index in step.starting {
                    deliveries[index].attemptCount += 1
                    deliveries[index].status = .sending
                    deliveries[index].updatedAt = now
                    var attempt = AttemptRecord(
                        deliveryId: deliveries[index].id,
                        number: deliveries[index].attemptCount,
                        channel: deliveries[index].channel,
                        url: requests[index].url.absoluteString,
                        startedAt: Date(),
                        outcome: .started
                    )
                    try attempt.insert(db)
                    try deliveries[index].update(db)
                    attempts[index] = attempt
                }
            }
            if let onEvent { events[recorded...].forEach(onEvent) }
        }
        return events
    }

    private func request(for item: PlannedDelivery) throws -> HTTPRequest {
        guard let url = item.channel.url, let secret = item.channel.secret, let signer = WebhookSigner(secret: secret)
        else {
            throw TransportError(.other, "channel \(item.channel.id) has no usable url or secret")
        }
        let sentAt = Date()
        let payload = WebhookPayload(
            deliveryID: item.delivery.id,
            announcement: item.announcement,
            variant: item.variant,
            dueAt: item.delivery.dueAt,
            sentAt: sentAt
        )
        let body = try payload.encoded()
        let timestamp = Int(sentAt.timeIntervalSince1970)
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"),
            ("webhook-id", item.delivery.id),
            ("webhook-timestamp", String(timestamp)),
            ("webhook-signature", signer.signature(id: item.delivery.id, timestamp: timestamp, body: body)),
            ("Idempotency-Key", item.delivery.id),
        ]
        if let token = item.channel.token { headers.append(("Authorization", "Bearer \(token.reveal())")) }
        return HTTPRequest(
            method: .post,
            url: url,
            headers: headers,
            body: body,
            timeout: item.channel.timeout,
            group: item.channel.id,
            groupLimit: item.channel.concurrency
        )
    }

    private func finish(
        _ attempt: inout AttemptRecord,
        _ delivery: inout DeliveryRecord,
        _ item: PlannedDelivery,
        _ received: HTTPResponse,
        _ generator: inout SystemRandomNumberGenerator
    ) -> RunEvent {
        var response = received
        response.body = redact(received.body)
        response.headers = received.headers.map { ($0.name, redact($0.value)) }
        response.error = received.error.map { TransportError($0.kind, redact($0.message)) }
        attempt.finishedAt = Date()
        attempt.durationMs = response.duration * 1000
        attempt.httpStatus = response.status
        attempt.responseHeaders = Self.headersJSON(response.headers)
        attempt.responseBody = response.body.isEmpty ? nil : String(decoding: response.body, as: UTF8.self)
        attempt.errorClass = response.error?.kind.rawValue
        attempt.errorMessage = response.error?.message
        delivery.updatedAt = now
        let verdict = policy.verdict(
            for: response,
            failuresInARow: delivery.backoffStep + 1,
            now: now,
            using: &generator
        )
        let milliseconds = Int((response.duration * 1000).rounded())
        switch verdict {
        case .success:
            let remote = Self.remote(from: response.body)
            attempt.outcome = .sent
            attempt.remoteId = remote.id
            attempt.remoteUrl = remote.url
            delivery.status = .sent
            delivery.sentAt = now
            delivery.nextAttemptAt = nil
            delivery.backoffStep = 0
            delivery.remoteId = remote.id
            delivery.remoteUrl = remote.url
            delivery.text = item.variant.text
            delivery.contentHash = ContentHash.of(item.announcement)
            delivery.note = nil
            let address = remote.url ?? remote.id.map { "id \($0)" } ?? "no id"
            return RunEvent(
                .sent,
                announcement: delivery.announcementId,
                channel: delivery.channel,
                detail: "\(response.status), \(address), \(milliseconds) ms"
            )
        case .retry(let delay, let reason):
            attempt.outcome = .retry
            attempt.errorClass = attempt.errorClass ?? "http"
            if response.error == nil { attempt.errorMessage = reason }
            let next = now.addingTimeInterval(delay)
            attempt.nextAttemptAt = next
            delivery.status = .retrying
            delivery.nextAttemptAt = next
            delivery.backoffStep += 1
            delivery.note = reason
            return RunEvent(
                .retrying,
                announcement: delivery.announcementId,
                channel: delivery.channel,
                detail: "\(reason); next try in \(DurationText.format(delay))"
            )
        case .fail(let reason):
            attempt.outcome = .failed
            attempt.errorClass = attempt.errorClass ?? "http"
            if response.error == nil { attempt.errorMessage = reason }
            delivery.status = .failed
            delivery.nextAttemptAt = nil
            delivery.backoffStep += 1
            delivery.note = reason
            return RunEvent(.failed, announcement: delivery.announcementId, channel: delivery.channel, detail: reason)
        }
    }

    /// The remote post's id and address from a bridge's JSON answer, when it gives them.
    static func remote(from body: Data) -> (id: String?, url: String?) {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return (nil, nil) }
        func text(_ key: String) -> String? {
            switch object[key] {
            case let value as String: value.isEmpty ? nil : value
            case let value as NSNumber: value.stringValue
            default: nil
            }
        }
        return (text("id"), text("url"))
    }

    static func headersJSON(_ headers: [(name: String, value: String)]) -> String? {
        guard !headers.isEmpty else { return nil }
        var object: [String: String] = [:]
        for (name, value) in headers {
            let key = name.lowercased()
            object[key] = object[key].map { "\($0), \(value)" } ?? value
        }
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return data.map { String(decoding: $0, as: UTF8.self) }
    }
}
