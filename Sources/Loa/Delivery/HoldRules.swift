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
                note: "channel '\(channel)' has the address of '\(old)', which posted this already: if you renamed it, "
                    + "`loa channel rename \(old) \(channel)` moves its records; if not, "
                    + "`loa retry \(id) --channel \(channel)` posts it"
            )
        }
        if let twin {
            if let publish = announcement.publishAt, let other = twin.publish, publish != other {
                return Hold(
                    note: "the same text was already delivered as '\(twin.id)', due at another time: if this copy is "
                        + "a repeat, `loa retry \(id)` posts it; otherwise `loa cancel \(id)` drops it"
                )
            }
            return Hold(
                note: "the same content was already delivered as '\(twin.id)' (renamed file?); `loa cancel \(id)` "
                    + "drops it, `loa retry \(id)` posts it anyway"
            )
        }
        // Only what would go out now: a post already missed or expired is settled as such by the planner.
        guard isNewArchive, let publish = announcement.publishAt else { return nil }
        let late = now.timeIntervalSince(publish)
        guard late > catchUp, late <= missedAfter, announcement.expiresAt.map({ $0 > now }) ?? true else {
            return nil
        }
        return Hold(
            note: "this archive is new, and the post was due "
                + "\(LocalDateFormat(timeZone: timeZone).dayAndTime(publish)), more than "
                + "\(DurationText.format(catchUp)) ago: it may be out already (a lost archive?); `loa run --catch-up` "
                + "sends every such post, `loa retry \(id)` this one, `loa cancel \(id)` drops it",
            isCatchUp: true
        )
    }
}
