import Foundation

/// Delivers to platforms Loa posts to itself (``DirectTransport``), one post at a time, never twice blindly.
///
/// No platform offers an idempotency key, and an answer can be lost after the post went out (a 500 that still
/// published, a timeout, a dropped connection). So a send whose outcome is unknown is never repeated as it is:
/// Loa first looks on the platform for the post (``DirectTransport/find(_:since:client:)``). Found, the delivery
/// is sent with that post's id; not found, it is sent once more; still not settled, or impossible to look, it
/// becomes `unconfirmed` and waits for a person. A run killed with a send in flight leaves the delivery `sending`
/// (the start journal, as for webhooks); the next run looks before it sends. Each send and each look is an attempt
/// row. Webhook channels never come here: their fan-out keeps its own fast path.
struct DirectDelivery {
    let archive: any Archive
    let exchange: any HTTPExchange
    let policy: RetryPolicy
    /// The run's clock: what is due, and when to retry.
    let now: Date
    /// Told of each outcome once it is recorded.
    let onEvent: (@Sendable (RunEvent) -> Void)?
    /// Waits between a lost answer and the look; a test's fake clock can skip it.
    var wait: @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }

    /// How far before an uncertain send Loa looks for its post: the platform's clock and Loa's may differ.
    static let lookMargin: TimeInterval = 120

    func deliver(_ planned: [PlannedDelivery]) throws -> [RunEvent] {
        var events: [RunEvent] = []
        // A channel whose credentials stopped working is not asked again in this run (nor in later ones: the
        // planner leaves it alone while the archive says it is stopped); its other posts wait.
        var stopped: [String: String] = [:]
        for item in planned {
            guard let transport = DirectTransports.transport(for: item.channel) else { continue }
            if let note = stopped[item.channel.id] {
                let event = RunEvent(
                    .waiting,
                    announcement: item.announcement.id,
                    channel: item.channel.id,
                    detail: note
                )
                onEvent?(event)
                events.append(event)
                continue
            }
            let (event, stop) = try deliver(item, with: transport)
            if let stop { stopped[item.channel.id] = ChannelStops.waitingNote(reason: stop.reason) }
            onEvent?(event)
            events.append(event)
        }
        return events
    }

    /// Delivers one post: looks first when an earlier answer was lost, then sends, looking again after a lost
    /// answer. Returns the last event, and the channel's stop when its credentials failed.
    private func deliver(_ item: PlannedDelivery, with transport: any DirectTransport) throws
        -> (RunEvent, StoppedChannel?)
    {
        let client = DirectClient(exchange: exchange)
        let redact = Redactor(channels: [item.channel])
        let post = DirectPost(
            text: item.variant.text,
            link: item.announcement.link,
            images: item.announcement.imageEntries
        )
        var delivery = item.delivery
        // What earlier tries uploaded, from the archive where the transport keeps it between runs.
        var kept: [UploadedMedia] =
            transport.keepsMediaBetweenRuns ? try archive.read { try $0.uploadedMedia(of: delivery.id) } : []
        var media = kept
        var lookSince = try unsettledSince(delivery)
        var sendsAfterLook = 0
        while true {
            if let since = lookSince {
                let started = Date()
                let (look, step) = transport.find(
                    post,
                    since: since.addingTimeInterval(-Self.lookMargin),
                    client: client
                )
                var attempt = attemptRow(delivery, step, startedAt: started, redact: redact)
                if look == .absent { attempt.outcome = .absent }
                let decision = DirectRules.afterLook(
                    look,
                    sendsAfterLook: sendsAfterLook,
                    delivery: delivery,
                    policy: policy
                )
                let event = apply(decision, to: &delivery, attempt: &attempt, item: item, redact: redact)
                try archive.write { archive in
                    try archive.recordOutcomes([(attempt, delivery)])
                    if delivery.status == .sent, !kept.isEmpty {
                        try archive.keepUploadedMedia([], of: delivery.id, at: now)
                    }
                }
                if case .send = decision {
                    sendsAfterLook += 1
                    lookSince = nil
                } else {
                    return (event, nil)
                }
            }
            let journal = try archive.write {
                try $0.recordStarting([(delivery.id, delivery.attemptCount)], at: Date())
            }
            let started = Date()
            let step = transport.publish(post, media: &media, client: client)
            var attempt = attemptRow(delivery, step, startedAt: started, redact: redact)
            let decision = DirectRules.afterSend(step.outcome, delivery: delivery, policy: policy)
            let event = apply(decision, to: &delivery, attempt: &attempt, item: item, redact: redact)
            // Photos of a post made are attached: nothing is kept for it any more.
            let keep = transport.keepsMediaBetweenRuns && delivery.status != .sent ? media : []
            var stop: StoppedChannel?
            if case .stop(let reason) = decision {
                stop = StoppedChannel(
                    channel: item.channel.id,
                    announcement: delivery.announcementId,
                    reason: redact(reason),
                    credentials: item.channel.credentialFingerprint,
                    stoppedAt: now
                )
            }
            try archive.write { archive in
                try archive.recordOutcomes([(attempt, delivery)])
                try archive.forgetStarts([journal])
                if keep != kept {
                    try archive.keepUploadedMedia(keep, of: delivery.id, at: now)
                }
                if let stop { try archive.stopChannel(stop) }
            }
            kept = keep
            guard case .look = decision else { return (event, stop) }
            onEvent?(event)
            wait(item.channel.reconcileAfter)
            lookSince = started
        }
    }

    /// When the send whose answer was lost started, if the delivery's last word is such a send: an attempt
    /// recorded as unknown, or one a killed run left `interrupted` (the planner records it so).
    private func unsettledSince(_ delivery: DeliveryRecord) throws -> Date? {
        guard delivery.status == .retrying || delivery.status == .sending else { return nil }
        let attempts = try archive.read { try $0.attempts(of: delivery.id) }
        let uncertain: Set<AttemptRecord.Outcome> = [.unknown, .interrupted]
        guard let last = attempts.last, uncertain.contains(last.outcome) else {
            return delivery.status == .sending ? delivery.updatedAt : nil
        }
        // The first of the uncertain sends in a row: the post may be from any of them.
        let chain = attempts.reversed().prefix { uncertain.contains($0.outcome) || $0.outcome == .absent }
        return chain.last?.startedAt ?? last.startedAt
    }

    /// The attempt row of a step, every secret masked in what the platform answered.
    private func attemptRow(_ delivery: DeliveryRecord, _ step: DirectStep?, startedAt: Date, redact: Redactor)
        -> AttemptRecord
    {
        var attempt = AttemptRecord(
            deliveryId: delivery.id,
            number: delivery.attemptCount + 1,
            channel: delivery.channel,
            url: step.map { redact.address($0.url) },
            startedAt: startedAt,
            outcome: .interrupted
        )
        attempt.finishedAt = Date()
        attempt.durationMs = (step?.response.duration ?? Date().timeIntervalSince(startedAt)) * 1000
        guard let response = step?.response else { return attempt }
        attempt.httpStatus = response.status
        attempt.responseHeaders = WebhookDelivery.headersJSON(response, redact: redact)
        let body = redact(response.body)
        attempt.responseBody = body.isEmpty ? nil : String(decoding: body, as: UTF8.self)
        attempt.errorClass = response.error?.kind.rawValue
        attempt.errorMessage = response.error.map { redact($0.message) }
        return attempt
    }

    /// Writes a decision into the delivery and its attempt; returns the event that tells of it.
    private func apply(
        _ decision: DirectRules.Decision,
        to delivery: inout DeliveryRecord,
        attempt: inout AttemptRecord,
        item: PlannedDelivery,
        redact: Redactor
    ) -> RunEvent {
        delivery.attemptCount += 1
        delivery.updatedAt = now
        let kind: RunEvent.Kind
        let detail: String
        switch decision {
        case .sent(let id, let url, let found):
            attempt.outcome = found ? .reconciled : .sent
            attempt.remoteId = redact(id)
            attempt.remoteUrl = url.map { redact($0) }
            delivery.status = .sent
            delivery.sentAt = now
            delivery.nextAttemptAt = nil
            delivery.backoffStep = 0
            delivery.remoteId = attempt.remoteId
            delivery.remoteUrl = attempt.remoteUrl
            delivery.variantId = item.variantID
            delivery.contentHash = item.contentHash
            delivery.note = found ? "its answer was lost; found on the platform" : nil
            kind = .sent
            detail =
                (found ? "found after a lost answer: " : "") + (attempt.remoteUrl ?? "id \(attempt.remoteId ?? "")")
        case .retry(let after, let reason):
            let text = redact(reason)
            attempt.outcome = .retry
            attempt.errorClass = attempt.errorClass ?? "http"
            attempt.errorMessage = text
            let next = now.addingTimeInterval(after)
            attempt.nextAttemptAt = next
            delivery.status = .retrying
            delivery.nextAttemptAt = next
            delivery.backoffStep += 1
            delivery.note = text
            kind = .retrying
            detail = "\(text); next try in \(DurationText.format(after))"
        case .fail(let reason):
            let text = redact(reason)
            attempt.outcome = .failed
            attempt.errorClass = attempt.errorClass ?? "http"
            attempt.errorMessage = text
            delivery.status = .failed
            delivery.nextAttemptAt = nil
            delivery.backoffStep += 1
            delivery.note = text
            kind = .failed
            detail = text
        case .look(let reason), .lookLater(let reason, _):
            // The post may be out: the delivery stays owed, and the next step is a look, never a send.
            let text = redact(reason)
            attempt.outcome = .unknown
            attempt.errorClass = attempt.errorClass ?? "unknown"
            attempt.errorMessage = text
            var after = item.channel.reconcileAfter
            if case .lookLater(_, let later) = decision {
                after = later
                delivery.backoffStep += 1
            }
            let next = now.addingTimeInterval(after)
            attempt.nextAttemptAt = next
            delivery.status = .retrying
            delivery.nextAttemptAt = next
            delivery.note = "the answer was lost (\(text)); Loa looks on the platform before sending again"
            kind = .retrying
            detail = delivery.note ?? text
        case .stop(let reason):
            // Not sent, and no post of the channel will be until its credentials are mended: the delivery is owed
            // as soon as the channel resumes, and the run says once what to do.
            let text = redact(reason)
            attempt.outcome = .retry
            attempt.errorClass = "credentials"
            attempt.errorMessage = text
            attempt.nextAttemptAt = nil
            delivery.status = .retrying
            delivery.nextAttemptAt = now
            delivery.note = ChannelStops.waitingNote(reason: text)
            kind = .stopped
            detail = ChannelStops.message(reason: text, channel: item.channel)
        case .send:
            attempt.outcome = .absent
            attempt.errorMessage = "not found on the platform; sending once more"
            delivery.status = .retrying
            delivery.nextAttemptAt = now
            delivery.note = attempt.errorMessage
            kind = .retrying
            detail = attempt.errorMessage ?? ""
        case .unconfirmed(let reason):
            let text = redact(reason)
            if attempt.outcome == .interrupted { attempt.outcome = .unknown }
            attempt.errorMessage = attempt.errorMessage ?? text
            delivery.status = .unconfirmed
            delivery.nextAttemptAt = nil
            delivery.note =
                "\(text); look on the platform, then run `loa confirm \(delivery.announcementId) --channel "
                + "\(delivery.channel) --url <address of the post>` if it is there, or `loa retry "
                + "\(delivery.announcementId) --channel \(delivery.channel)` if it is not"
            kind = .unconfirmed
            detail = delivery.note ?? text
        }
        return RunEvent(kind, announcement: delivery.announcementId, channel: delivery.channel, detail: detail)
    }
}

/// What a direct delivery does after each step: the pure part of ``DirectDelivery``, tested without a network.
enum DirectRules {
    enum Decision: Equatable {
        /// The post is out (`found` when a look found it after a lost answer).
        case sent(id: String, url: String?, found: Bool)
        /// Not sent; try again after this many seconds.
        case retry(after: TimeInterval, reason: String)
        case fail(reason: String)
        /// The answer was lost: look on the platform in this run, after the channel's `reconcile_after`.
        case look(reason: String)
        /// The look could not be made; look again in a later run, after this many seconds.
        case lookLater(reason: String, after: TimeInterval)
        /// A look found nothing: send once more.
        case send
        /// Loa cannot tell whether the post is out: a person must look.
        case unconfirmed(reason: String)
        /// The channel's credentials no longer work: the channel stops, and the post waits for it.
        case stop(reason: String)
    }

    /// How many sends a delivery gets in one run after a look found nothing.
    static let sendsAfterLook = 1

    /// After a send.
    static func afterSend(_ outcome: DirectOutcome, delivery: DeliveryRecord, policy: RetryPolicy) -> Decision {
        switch outcome {
        case .published(let id, let url):
            return .sent(id: id, url: url, found: false)
        case .notSent(let reason, let notBefore):
            guard let delay = policy.delay(afterFailures: delivery.backoffStep + 1) else {
                return .fail(reason: "gave up after \(delivery.backoffStep + 1) attempts; the last: \(reason)")
            }
            return .retry(after: max(delay, notBefore ?? 0), reason: reason)
        case .credentials(let reason):
            return .stop(reason: reason)
        case .refused(let reason):
            return .fail(reason: reason)
        case .unknown(let reason):
            return .look(reason: reason)
        }
    }

    /// After a look, the `sendsAfterLook`-th of this run.
    static func afterLook(_ look: DirectLook, sendsAfterLook: Int, delivery: DeliveryRecord, policy: RetryPolicy)
        -> Decision
    {
        switch look {
        case .found(let id, let url):
            return .sent(id: id, url: url, found: true)
        case .absent:
            return sendsAfterLook < Self.sendsAfterLook
                ? .send : .unconfirmed(reason: "its answer was lost again and the post is not on the platform yet")
        case .failed(let reason):
            guard let delay = policy.delay(afterFailures: delivery.backoffStep + 1) else {
                return .unconfirmed(reason: "its answer was lost and looking for it kept failing (\(reason))")
            }
            return .lookLater(reason: "looking for the post failed: \(reason)", after: delay)
        case .cannotLook:
            return .unconfirmed(reason: "its answer was lost and the platform offers no way to look for it")
        }
    }
}

extension RetryPolicy {
    /// The delay after the `failures`-th failure in a row, varied by the jitter; nil once the steps are used up.
    func delay(afterFailures failures: Int) -> TimeInterval? {
        guard failures >= 1, failures <= delays.count else { return nil }
        var generator = SystemRandomNumberGenerator()
        return delays[failures - 1] * Double.random(in: (1 - jitter)...(1 + jitter), using: &generator)
    }
}
