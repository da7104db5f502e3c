import Foundation
import GRDB

/// A delivery that goes out this run, with the text it carries.
struct PlannedDelivery: Sendable {
    var delivery: DeliveryRecord
    let announcement: Announcement
    let channel: Channel
    let variant: Variant
    /// ``ContentHash`` of the announcement, kept with what was sent.
    let contentHash: String
    /// The row of `variants` holding the text.
    let variantID: String
}

/// Works out which deliveries go out now, and settles those that never will.
///
/// A delivery is due when its time has come (`publish_at`, or its next retry) and it is not past `expires_at`
/// (then it is `expired`) nor later than `missed_after` past `publish_at` (then `missed`). It waits, still
/// pending, inside its channel's quiet hours and until the channel's minimum gap since its last post has passed;
/// with a minimum gap, a channel sends at most one post per run.
struct DuePlanner {
    let configuration: Configuration
    let renderer: Renderer
    let now: Date

    func plan(
        _ db: Database,
        announcements: [String: Announcement]
    ) throws -> (planned: [PlannedDelivery], events: [RunEvent]) {
        let dates = LocalDateFormat(timeZone: configuration.timeZone)
        let due = try DeliveryRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM deliveries
                WHERE (status = 'pending' AND due_at <= :now)
                   OR (status = 'retrying' AND next_attempt_at <= :now)
                   OR status = 'sending'
                ORDER BY coalesce(next_attempt_at, due_at), announcement_id, channel
                """,
            arguments: ["now": now]
        )
        var planned: [PlannedDelivery] = []
        var events: [RunEvent] = []
        var lastSent: [String: Date] = [:]
        var rendered: [String: (variant: Variant, id: String)] = [:]
        var hashes: [String: String] = [:]
        var gapTaken: Set<String> = []
        for var delivery in due {
            guard let announcement = announcements[delivery.announcementId],
                announcement.revision == delivery.revision, announcement.status == .ready,
                let channel = configuration.channel(delivery.channel)
            else { continue }
            func settle(_ status: DeliveryStatus, _ note: String, _ kind: RunEvent.Kind) throws {
                delivery.status = status
                delivery.note = note
                delivery.nextAttemptAt = nil
                delivery.updatedAt = now
                try delivery.update(db)
                events.append(
                    RunEvent(kind, announcement: delivery.announcementId, channel: delivery.channel, detail: note)
                )
            }
            if delivery.status == .sending {
                // The last run stopped mid-attempt: the bridge may have the post, and dedupes the resend by id.
                var attempt = AttemptRecord(
                    deliveryId: delivery.id,
                    number: delivery.attemptCount,
                    channel: delivery.channel,
                    url: channel.transport == .webhook ? channel.url?.absoluteString : nil,
                    startedAt: delivery.updatedAt,
                    outcome: .interrupted,
                    errorClass: "interrupted",
                    errorMessage: "the run stopped before the answer was recorded"
                )
                try attempt.insert(db)
                delivery.status = .retrying
                delivery.nextAttemptAt = now
                delivery.note =
                    "the last run stopped before the bridge's answer was recorded; sending again with the same id"
                try delivery.update(db)
            }
            if let expires = announcement.expiresAt, expires <= now {
                try settle(.expired, "not sent before it expired on \(dates.dayAndTime(expires))", .expired)
                continue
            }
            let publish = announcement.publishAt ?? delivery.dueAt
            if now.timeIntervalSince(publish) > configuration.missedAfter {
                let late = DurationText.format(configuration.missedAfter)
                try settle(.missed, "not sent within \(late) of \(dates.dayAndTime(publish))", .missed)
                continue
            }
            var waitReason: String?
            if let quiet = channel.quietHours, quiet.contains(minuteOfDay: dates.minuteOfDay(now)) {
                waitReason = "waiting for the channel's quiet hours (\(quiet)) to end"
            } else if let gap = channel.minGap {
                if lastSent[channel.id] == nil {
                    lastSent[channel.id] =
                        try Date.fetchOne(
                            db,
                            sql: "SELECT max(sent_at) FROM deliveries WHERE channel = ? AND status = 'sent'",
                            arguments: [channel.id]
                        ) ?? .distantPast
                }
                let last = lastSent[channel.id] ?? .distantPast
                if gapTaken.contains(channel.id) || now.timeIntervalSince(last) < gap {
                    let next =
                        gapTaken.contains(channel.id) ? now.addingTimeInterval(gap) : last.addingTimeInterval(gap)
                    waitReason =
                        "waiting for the channel's minimum gap of \(DurationText.format(gap)), until \(dates.time(next))"
                }
            }
            if let waitReason {
                if delivery.note != waitReason {
                    delivery.note = waitReason
                    try delivery.update(db)
                }
                events.append(
                    RunEvent(.waiting, announcement: delivery.announcementId, channel: channel.id, detail: waitReason)
                )
                continue
            }
            let key = renderer.sharingKey(for: announcement, channel: channel)
            let result: Result<Variant, RenderFailure>
            var variantID = ""
            if let shared = rendered[key] {
                var variant = shared.variant
                variant.channel = channel.id
                variant.transport = channel.transport
                variantID = shared.id
                result = .success(variant)
            } else {
                result = renderer.render(announcement, for: channel)
                if case .success(let variant) = result {
                    variantID = variant.archiveID
                    try variant.store(id: variantID, db)
                    rendered[key] = (variant, variantID)
                }
            }
            switch result {
            case .failure(let failure):
                let note = "\(failure) — \(failure.hint)"
                if delivery.note != note {
                    delivery.note = note
                    delivery.updatedAt = now
                    try delivery.update(db)
                }
                events.append(
                    RunEvent(.unrenderable, announcement: delivery.announcementId, channel: channel.id, detail: note)
                )
            case .success(let variant):
                if channel.minGap != nil { gapTaken.insert(channel.id) }
                let hash = hashes[announcement.id] ?? ContentHash.of(announcement)
                hashes[announcement.id] = hash
                planned.append(
                    PlannedDelivery(
                        delivery: delivery,
                        announcement: announcement,
                        channel: channel,
                        variant: variant,
                        contentHash: hash,
                        variantID: variantID
                    )
                )
            }
        }
        return (planned, events)
    }
}
