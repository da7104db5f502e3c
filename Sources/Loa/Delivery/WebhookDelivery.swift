import Foundation

/// What the requests of one run share: each channel's signer, and the JSON of each announcement's variant.
///
/// A fan-out sends the same text to many channels; its escaped JSON is built once and only the per-delivery
/// fields (channel, delivery id, timestamp) are spliced in. A test holds the result to `WebhookPayload`'s.
struct RequestCache {
    private var signers: [String: WebhookSigner] = [:]
    /// The JSON around the per-delivery fields, per shared text (by identity: one `PlannedText` per variant).
    private var fragments: [ObjectIdentifier: (head: [UInt8], tail: [UInt8])] = [:]
    /// The same for texts whose announcement has images, also per `media_base_url`, which changes how they are
    /// given; kept apart so that posts without images are looked up exactly as before.
    private var imageFragments: [FragmentKey: (head: [UInt8], tail: [UInt8])] = [:]

    private struct FragmentKey: Hashable {
        var text: ObjectIdentifier
        var mediaBaseURL: String?
    }
    private var stamps = TimestampCache()
    private var bytes: [UInt8] = []

    mutating func signer(for channel: Channel) -> WebhookSigner? {
        if let signer = signers[channel.id] { return signer }
        let signer = channel.secret.flatMap(WebhookSigner.init(secret:))
        signers[channel.id] = signer
        return signer
    }

    mutating func body(for item: PlannedDelivery, sentAt: Date, images: WebhookImages) -> Data {
        let text = ObjectIdentifier(item.text)
        let parts: (head: [UInt8], tail: [UInt8])
        if let cached = fragments[text] {
            parts = cached
        } else if item.announcement.images.isEmpty {
            parts = payloadFragments(for: item, images: [])
            fragments[text] = parts
        } else {
            let key = FragmentKey(text: text, mediaBaseURL: item.channel.mediaBaseURL)
            if let cached = imageFragments[key] {
                parts = cached
            } else {
                parts = payloadFragments(
                    for: item,
                    images: images.payload(for: item.announcement, channel: item.channel)
                )
                imageFragments[key] = parts
            }
        }
        // Laid out in a buffer kept from one request to the next, then copied whole.
        bytes.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(parts.head.count + parts.tail.count + 160)
        bytes += parts.head
        bytes += #""channel":"#.utf8
        JSONText.appendString(item.channel.id, to: &bytes)
        bytes += #","delivery_id":"#.utf8
        JSONText.appendString(item.delivery.id, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        bytes += parts.tail
        bytes += #"},"timestamp":"#.utf8
        JSONText.appendString(stamps.iso8601(sentAt), to: &bytes)
        bytes += #","type":"post.create"}"#.utf8
        return Data(bytes)
    }

    /// The JSON before and after the per-delivery fields of `item`'s payload.
    private mutating func payloadFragments(
        for item: PlannedDelivery,
        images: [WebhookPayload.Image]
    ) -> (head: [UInt8], tail: [UInt8]) {
        let payload = WebhookPayload(
            deliveryID: "",
            announcement: item.announcement,
            variant: item.variant,
            images: images,
            publishAt: stamps.iso8601(item.announcement.publishAt ?? item.delivery.dueAt),
            sentAt: ""
        )
        let (head, tail) = payload.fragments()
        return (Array(head.utf8), Array(tail.utf8))
    }
}

/// Delivers to bridges: one signed POST per delivery, many in flight, every attempt archived.
///
/// Each attempt is recorded as started before its request leaves (a row of the start journal, `run_starts`, per
/// batch, a few batches ahead of the transfers); it is recorded as finished after the answer arrives (its attempt
/// row, and the delivery's status and count), many answers to a transaction. The next run after a kill in between
/// finds the journaled delivery's count unchanged, writes the attempt as interrupted and sends it again with the
/// same `webhook-id`. All archive writes of the exchange happen on the recorder's thread, so the transfers never
/// wait for the disk.
struct WebhookDelivery {
    let archive: any Archive
    let exchange: any HTTPExchange
    let policy: RetryPolicy
    /// The run's clock: what is due, and when to retry. Signatures always use the real time.
    let now: Date
    /// The most requests in flight at once, over all channels.
    let concurrency: Int
    /// Masks secrets a bridge might echo in its answer: a bridge can only echo its own channel's.
    let redactors: [String: Redactor]
    /// Told of each outcome once it is recorded.
    let onEvent: (@Sendable (RunEvent) -> Void)?
    /// The images of the announcements sent, read once each (see `deliver`).
    var images = WebhookImages()
    /// On a shared archive, the lease token of each channel this run sends on: answers other than successes are
    /// written only while the lease is still this run's (``ArchiveWriting/recordOutcomes(_:fencedBy:)``).
    var fence: [String: Int64]? = nil

    func deliver(_ planned: [PlannedDelivery]) throws -> [RunEvent] {
        guard !planned.isEmpty else { return [] }
        guard planned.contains(where: { !$0.announcement.images.isEmpty }) else { return try send(planned) }
        // Images are read before any request is built, so that a file gone since the queue was read holds back
        // its announcement's deliveries (retried, as an outbox write that fails is), not the whole exchange.
        let (images, unreadable) = WebhookImages.load(planned)
        var delivery = self
        delivery.images = images
        var events =
            try unreadable.isEmpty
            ? []
            : UnsentDeliveries(archive: archive, now: now).retry(
                planned.filter { unreadable[$0.announcement.id] != nil },
                reasons: unreadable,
                onEvent: onEvent
            )
        events += try delivery.send(
            unreadable.isEmpty ? planned : planned.filter { unreadable[$0.announcement.id] == nil }
        )
        return events
    }

    private func send(_ planned: [PlannedDelivery]) throws -> [RunEvent] {
        guard !planned.isEmpty else { return [] }
        let jobs = planned.map { HTTPJob(group: $0.channel.id, groupLimit: $0.channel.concurrency) }
        let recorder = OutcomeRecorder(delivery: self, planned: planned)
        defer {
            Profile.note(
                "recording starts, building requests, recording answers (own thread): "
                    + "\(recorder.busyNanoseconds / 1_000_000) ms in \(recorder.transactions) transactions"
            )
        }
        do {
            try exchange.exchange(jobs, concurrency: concurrency, request: recorder.takeRequest) { step in
                try recorder.rethrow()
                if !step.finished.isEmpty { recorder.record(step.finished) }
                guard !step.starting.isEmpty else { return nil }
                return recorder.recordStarts(step.starting)
            }
        } catch {
            // Transfers abandoned in flight keep their journal rows, so the next run records them as interrupted.
            _ = try? recorder.finish(complete: false)
            // What failed on the recorder's thread is the cause; the exchange only stopped because of it.
            try recorder.rethrow()
            throw error
        }
        return try recorder.finish(complete: true)
    }

    /// The redactor of a channel's secrets: a bridge can only echo its own channel's.
    func redactor(for channel: Channel) -> Redactor {
        redactors[channel.id] ?? Redactor(channels: [channel])
    }

    func request(for item: PlannedDelivery, _ cache: inout RequestCache) throws -> HTTPRequest {
        guard let url = item.channel.url, let signer = cache.signer(for: item.channel) else {
            throw TransportError(.other, "channel \(item.channel.id) has no usable url or secret")
        }
        let sentAt = Date()
        let body = cache.body(for: item, sentAt: sentAt, images: images)
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

    func finish(
        _ attempt: inout AttemptRecord,
        _ delivery: inout DeliveryRecord,
        _ item: PlannedDelivery,
        _ received: HTTPResponse,
        _ generator: inout SystemRandomNumberGenerator
    ) -> RunEvent {
        let redact = redactor(for: item.channel)
        // Headers are masked as they are written; what the verdict quotes of them (`Location`) is masked in its
        // reason, below, with everything else it says.
        var response = received
        response.body = redact(received.body)
        response.error = received.error.map { TransportError($0.kind, redact($0.message)) }
        attempt.finishedAt = Date()
        attempt.durationMs = response.duration * 1000
        attempt.httpStatus = response.status
        attempt.responseHeaders = Self.headersJSON(received, redact: redact)
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
            // Read from the masked body, and masked again as decoded: JSON's escapes could spell a secret anew.
            let found = Self.remote(from: response.body)
            let remote = (id: found.id.map { redact($0) }, url: found.url.map { redact($0) })
            attempt.outcome = .sent
            attempt.remoteId = remote.id
            attempt.remoteUrl = remote.url
            delivery.status = .sent
            delivery.sentAt = now
            delivery.nextAttemptAt = nil
            delivery.backoffStep = 0
            delivery.remoteId = remote.id
            delivery.remoteUrl = remote.url
            delivery.variantId = item.variantID
            delivery.contentHash = item.contentHash
            delivery.note = nil
            let address = remote.url ?? remote.id.map { "id \($0)" } ?? Message.onlineNoID()
            return RunEvent(
                .sent,
                announcement: delivery.announcementId,
                channel: delivery.channel,
                detail: "\(response.status), \(address), \(milliseconds) ms"
            )
        case .retry(let delay, let quoted):
            let reason = redact(quoted)
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
                detail: Message.noteNextTry(["reason": reason, "delay": DurationText.format(delay)])
            )
        case .fail(let quoted):
            let reason = redact(quoted)
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
}
