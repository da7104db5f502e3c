import Foundation

/// Deliveries a run could not send because something on this machine failed (a photo moved or deleted since the
/// queue was read): each gets an `io` attempt and is tried again in a minute, within the usual windows, as an
/// outbox write that fails is.
struct UnsentDeliveries {
    let archive: any Archive
    /// The run's clock.
    let now: Date

    /// How long such a delivery waits before the next try.
    static let retryDelay: TimeInterval = 60

    /// Records each of `planned` as retrying, with the reason of its announcement in `reasons`.
    func retry(
        _ planned: [PlannedDelivery],
        reasons: [String: String],
        onEvent: (@Sendable (RunEvent) -> Void)?
    ) throws -> [RunEvent] {
        try planned.map { item in
            let reason = reasons[item.announcement.id] ?? Message.noteImagesUnreadable()
            var delivery = item.delivery
            let started = Date()
            var attempt = AttemptRecord(
                deliveryId: delivery.id,
                number: delivery.attemptCount + 1,
                channel: delivery.channel,
                startedAt: started,
                outcome: .retry
            )
            attempt.errorClass = "io"
            attempt.errorMessage = reason
            attempt.finishedAt = Date()
            attempt.durationMs = attempt.finishedAt.map { $0.timeIntervalSince(started) * 1000 }
            let next = now.addingTimeInterval(Self.retryDelay)
            attempt.nextAttemptAt = next
            delivery.attemptCount += 1
            delivery.updatedAt = now
            delivery.status = .retrying
            delivery.nextAttemptAt = next
            delivery.note = reason
            try archive.write { try $0.recordOutcomes([(attempt, delivery)]) }
            let event = RunEvent(
                .retrying,
                announcement: delivery.announcementId,
                channel: delivery.channel,
                detail: reason
            )
            onEvent?(event)
            return event
        }
    }
}
