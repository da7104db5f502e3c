import Foundation

/// When a post waiting in the outbox is worth telling a person about again, decided from its times and the clock
/// alone: once `remind_after` after it was written, then once a day while it still waits.
struct ReminderRules {
    let remindAfter: TimeInterval
    let now: Date

    /// A day between reminders: cron's mail once a day, not every minute.
    static let interval: TimeInterval = 86_400

    /// Whether a post written at `writtenAt`, last reminded at `remindedAt` (nil: never), is reminded now. A
    /// reminder from before the post was last written (cancelled, retried and written again) does not count.
    func isDue(writtenAt: Date, remindedAt: Date?) -> Bool {
        guard let remindedAt, remindedAt >= writtenAt else { return now.timeIntervalSince(writtenAt) >= remindAfter }
        return now.timeIntervalSince(remindedAt) >= Self.interval
    }
}

/// The reminders of one run: each post the rules say is due is told once, and the reminder recorded.
struct Reminders {
    let archive: any Archive
    let rules: ReminderRules
    let dates: LocalDateFormat

    /// Tells of each post due a reminder, and records it. One transaction on the run's own connection (a
    /// transaction that changes nothing writes nothing).
    func remind() throws -> [RunEvent] {
        try archive.write { archive in
            var events: [RunEvent] = []
            for post in try archive.awaitingConfirmation()
            where rules.isDue(writtenAt: post.writtenAt, remindedAt: post.remindedAt) {
                let delivery = post.delivery
                let waiting = Message.reminderWaiting(["when": dates.dayAndTime(post.writtenAt)])
                let detail = delivery.note.map { "\(waiting); \($0)" } ?? waiting
                events.append(
                    RunEvent(
                        .reminder,
                        announcement: delivery.announcementId,
                        channel: delivery.channel,
                        detail: detail
                    )
                )
                try archive.recordReminder(delivery: delivery.id, at: rules.now)
            }
            return events
        }
    }
}
