import Foundation

/// Whether a new delivery is held for a person rather than sent, decided from what the archive knows of the post
/// and the clock alone, so the rules are tested without an archive. In order:
/// - a renamed channel: the channel's old id (same destination) delivered this revision already;
/// - a twin: the same text was delivered under another announcement id (a renamed file, or a repeat);
/// - catch-up: the archive is new and the post is long past its time (the archive may be a lost one).
struct HoldRules {
    /// The first run on a new archive, and it was not asked to catch up.
    let isNewArchive: Bool
    let catchUp: TimeInterval
    let missedAfter: TimeInterval
    /// For the catch-up note's date; a `LocalDateFormat` is made only then (making one samples the zone's offsets,
    /// too slow for every announcement of a fan-out's first sync).
    let timeZone: TimeZone
    let now: Date

    struct Hold: Equatable {
        var note: String
        /// Held by the catch-up rule: `loa run --catch-up` releases it.
        var isCatchUp = false
    }

    /// `renamedFrom`: an old id of the channel that delivered this revision; `twin`: an announcement that delivered
    /// the same text, with its publish time.
    func decide(
        _ announcement: Announcement,
        channel: String,
        renamedFrom: String?,
        twin: (id: String, publish: Date?)?
    ) -> Hold? {
        let id = announcement.id
        if let old = renamedFrom {
            return Hold(
                note: Message.holdRenamed(["channel": channel, "old": old, "id": id])
            )
        }
        if let twin {
            if let publish = announcement.publishAt, let other = twin.publish, publish != other {
                return Hold(
                    note: Message.holdRepeat(["twin": twin.id, "id": id])
                )
            }
            return Hold(
                note: Message.holdTwin(["twin": twin.id, "id": id])
            )
        }
        // Only what would go out now: a post already missed or expired is settled as such by the planner.
        guard isNewArchive, let publish = announcement.publishAt else { return nil }
        let late = now.timeIntervalSince(publish)
        guard late > catchUp, late <= missedAfter, announcement.expiresAt.map({ $0 > now }) ?? true else {
            return nil
        }
        return Hold(
            note: Message.holdCatchUp([
                "when": LocalDateFormat(timeZone: timeZone).dayAndTime(publish),
                "catch_up": DurationText.format(catchUp), "id": id,
            ]),
            isCatchUp: true
        )
    }
}
