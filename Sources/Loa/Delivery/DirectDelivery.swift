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
    /// On a shared archive, the lease token of each channel this run sends on: a failure, a retry time or an
    /// unconfirmed send is written only while the lease is still this run's; a post that went out always is
    /// (``ArchiveWriting/recordOutcomes(_:fencedBy:)``).
    var fence: [String: Int64]? = nil
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
        var post = DirectPost(
            text: item.variant.text,
            link: item.announcement.link,
            images: item.announcement.imageEntries,
            title: item.announcement.title
        )
        var delivery = item.delivery
        // What earlier tries uploaded, from the archive where the transport keeps it between runs.
        var kept: [UploadedMedia] =
            transport.keepsMediaBetweenRuns ? try archive.read { try $0.uploadedMedia(of: delivery.id) } : []
        var media = kept
        let attempts = try archive.read { try $0.attempts(of: delivery.id) }
        // A step that left part of the post (an attempt with a remote id that did not settle it) is resumed from.
        post.made = attempts.last { $0.remoteId != nil && $0.outcome != .sent && $0.outcome != .reconciled }?.remoteId
        var lookSince = unsettledSince(delivery, attempts: attempts)
        // A person who ran `loa retry` on an unconfirmed post looked and did not find it: a look that cannot settle
        // it no longer stops the send.
        let retried = delivery.note == OperatorActions.retryNote
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
                var decision = DirectRules.afterLook(
                    look,
                    sendsAfterLook: sendsAfterLook,
                    delivery: delivery,
                    policy: policy,
                    operatorRetried: retried
                )
                // Credentials that stopped working cannot look either: the channel stops for a person at once,
                // and the post stays unsettled (looked for again once the channel resumes).
                let credentialsFailed: Bool
                if case .failed = look, case .credentials(let reason)? = step?.outcome {
                    decision = DirectRules.afterSend(
                        .credentials(reason: reason),
                        delivery: delivery,
                        policy: policy
                    )
                    credentialsFailed = true
                } else {
                    credentialsFailed = false
                }
                let event = apply(decision, to: &delivery, attempt: &attempt, item: item, redact: redact)
                if credentialsFailed { attempt.outcome = .unknown }
                let stop = stopping(decision, item, delivery, redact: redact)
                try archive.write { archive in
                    try record(attempt, delivery, archive)
                    if delivery.status == .sent, !kept.isEmpty {
                        try archive.keepUploadedMedia([], of: delivery.id, at: now)
                    }
                    if let stop { try archive.stopChannel(stop) }
                }
                if case .send = decision {
                    sendsAfterLook += 1
                    lookSince = nil
                } else {
                    return (event, stop)
                }
            }
            let journal = try archive.write {
                try $0.recordStarting([(delivery.id, delivery.attemptCount)], at: Date())
            }
            let started = Date()
            let step = transport.publish(post, media: &media, client: client)
            if let made = step.made { post.made = made }
            var attempt = attemptRow(delivery, step, startedAt: started, redact: redact)
            let decision = DirectRules.afterSend(
                step.outcome,
                delivery: delivery,
                policy: policy
            )
            let event = apply(decision, to: &delivery, attempt: &attempt, item: item, redact: redact)
            // Photos of a post made are attached: nothing is kept for it any more.
            let keep = transport.keepsMediaBetweenRuns && delivery.status != .sent ? media : []
            let stop = stopping(decision, item, delivery, redact: redact)
            try archive.write { archive in
                try record(attempt, delivery, archive)
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

    /// The channel's stop, when `decision` stops it: its credentials no longer work.
    private func stopping(
        _ decision: DirectRules.Decision,
        _ item: PlannedDelivery,
        _ delivery: DeliveryRecord,
        redact: Redactor
    ) -> StoppedChannel? {
        guard case .stop(let reason) = decision else { return nil }
        return StoppedChannel(
            channel: item.channel.id,
            announcement: delivery.announcementId,
            reason: redact(reason),
            credentials: item.channel.credentialFingerprint,
            stoppedAt: now
        )
    }

    /// Records an attempt and what it left of its delivery, fenced by the channel's lease on a shared archive.
    private func record(_ attempt: AttemptRecord, _ delivery: DeliveryRecord, _ archive: any ArchiveWriting) throws {
        if let fence {
            try archive.recordOutcomes([(attempt, delivery)], fencedBy: fence)
        } else {
            try archive.recordOutcomes([(attempt, delivery)])
        }
    }

    /// When the send whose answer was lost started, if the delivery's last word is such a send: an attempt
    /// recorded as unknown, or one a killed run left `interrupted` (the planner records it so).
    private func unsettledSince(_ delivery: DeliveryRecord, attempts: [AttemptRecord]) -> Date? {
        guard delivery.status == .retrying || delivery.status == .sending else { return nil }
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
        attempt.remoteId = step?.made.map { redact($0) }
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
            delivery.note = found ? Message.directFound() : nil
            kind = .sent
            detail =
                (found ? Message.directFoundAfter() : "") + (attempt.remoteUrl ?? "id \(attempt.remoteId ?? "")")
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
            detail = Message.noteNextTry(["reason": text, "delay": DurationText.format(after)])
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
            delivery.note = Message.directLost(["reason": text])
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
            attempt.errorMessage = Message.directNotFound()
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
            delivery.note = Message.directUnconfirmed([
                "reason": text, "id": delivery.announcementId, "channel": delivery.channel,
            ])
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
    static func afterSend(
        _ outcome: DirectOutcome,
        delivery: DeliveryRecord,
        policy: RetryPolicy
    ) -> Decision {
        switch outcome {
        case .published(let id, let url):
            return .sent(id: id, url: url, found: false)
        case .notSent(let reason, let notBefore):
            guard let delay = policy.delay(afterFailures: delivery.backoffStep + 1) else {
                return .fail(reason: Message.noteGaveUp(["n": "\(delivery.backoffStep + 1)", "reason": reason]))
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
    static func afterLook(
        _ look: DirectLook,
        sendsAfterLook: Int,
        delivery: DeliveryRecord,
        policy: RetryPolicy,
        operatorRetried: Bool = false
    ) -> Decision {
        switch look {
        case .found(let id, let url):
            return .sent(id: id, url: url, found: true)
        case .absent:
            return sendsAfterLook < Self.sendsAfterLook
                ? .send : .unconfirmed(reason: Message.directLostAgain())
        case .failed(let reason):
            guard let delay = policy.delay(afterFailures: delivery.backoffStep + 1) else {
                return .unconfirmed(reason: Message.directLookFailing(["reason": reason]))
            }
            return .lookLater(reason: Message.directLookFailed(["reason": reason]), after: delay)
        case .cannotLook:
            if operatorRetried, sendsAfterLook < Self.sendsAfterLook { return .send }
            return .unconfirmed(reason: Message.directCannotLook())
        case .uncertain(let reason):
            if operatorRetried, sendsAfterLook < Self.sendsAfterLook { return .send }
            return .unconfirmed(reason: reason)
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
