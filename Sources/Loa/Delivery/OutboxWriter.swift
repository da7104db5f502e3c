import Foundation
import GRDB

/// Delivers to channels posted by hand: writes the copy-ready variant to `outbox/<channel>/<date>-<id>.txt`.
///
/// The file holds exactly the text to paste. The delivery then waits in `awaiting confirmation` until an officer
/// records the post with `loa confirm ID --channel C --url URL`. Writing is atomic (a temporary file renamed into
/// place), and a run that dies before recording it simply writes the same file again.
struct OutboxWriter {
    let directory: URL
    let archive: Archive
    let now: Date
    let timeZone: TimeZone

    func deliver(_ planned: PlannedDelivery) throws -> RunEvent {
        var delivery = planned.delivery
        let day = LocalDateFormat(timeZone: timeZone).sortableDay(planned.announcement.publishAt ?? delivery.dueAt)
        let file = directory.appendingPathComponent(planned.channel.id)
            .appendingPathComponent("\(day)-\(planned.announcement.id).txt")
        let started = Date()
        var attempt = AttemptRecord(
            deliveryId: delivery.id,
            number: delivery.attemptCount + 1,
            channel: delivery.channel,
            url: DisplayPath.of(file),
            startedAt: started,
            outcome: .written
        )
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data((planned.variant.text + "\n").utf8).write(to: file, options: .atomic)
        } catch {
            attempt.outcome = .retry
            attempt.errorClass = "io"
            attempt.errorMessage =
                "cannot write \(DisplayPath.of(file)): \(ErrorWords.describe(error, path: file.path))"
        }
        attempt.finishedAt = Date()
        attempt.durationMs = attempt.finishedAt.map { $0.timeIntervalSince(started) * 1000 }
        delivery.attemptCount += 1
        delivery.updatedAt = now
        let event: RunEvent
        if attempt.outcome == .written {
            delivery.status = .awaitingConfirmation
            delivery.variantId = planned.variantID
            delivery.contentHash = planned.contentHash
            delivery.note =
                "post it by hand from \(DisplayPath.of(file)), then run `loa confirm \(delivery.announcementId) --channel \(delivery.channel) --url <address of the post>` (or `--note <where it was posted>` for a post with no address)"
            event = RunEvent(
                .written,
                announcement: delivery.announcementId,
                channel: delivery.channel,
                detail: DisplayPath.of(file)
            )
        } else {
            // A disk problem is worth another try next minute, within the usual windows.
            delivery.status = .retrying
            delivery.nextAttemptAt = now.addingTimeInterval(60)
            delivery.note = attempt.errorMessage
            event = RunEvent(
                .retrying,
                announcement: delivery.announcementId,
                channel: delivery.channel,
                detail: attempt.errorMessage ?? ""
            )
        }
        try archive.writer.write { db in
            try attempt.insert(db)
            try delivery.update(db)
        }
        return event
    }
}
