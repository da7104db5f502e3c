import Foundation

/// One line of `loa agenda`: a post expected on a channel, a draft, or a post waiting for a person.
public struct AgendaEntry: Sendable, Hashable, Encodable {
    public enum Kind: String, Sendable, Hashable, Encodable {
        /// Expected to go out at `at`.
        case scheduled
        /// A draft: shown at its time, never sent until its file says `status: ready`.
        case draft
        /// Written to the outbox or held: a person must act (since `at`).
        case waiting
    }

    public var channel: String
    public var announcement: String
    public var title: String
    public var kind: Kind
    /// When it is expected to go out; for a post waiting for a person, since when it waits.
    public var at: Date
    /// Why it goes out later than its time (quiet hours, the minimum gap), or what the person must do.
    public var note: String?
}

/// What is coming over the next days, per channel, decided from the queue, the archive's deliveries and the
/// channels' rules alone (no file or archive is written).
///
/// A ready post is expected at its `publish_at` (or its retry time; the next run when that has passed), moved
/// past the channel's quiet hours and kept its minimum gap after the post before it. Posts past `expires_at` or
/// `missed_after` are left out, as are those already delivered or settled. Drafts are shown at their time and
/// take no place in a channel's gaps.
public struct Agenda: Sendable {
    public var configuration: Configuration
    public var now: Date
    public var days: Int

    public init(configuration: Configuration, now: Date, days: Int) {
        self.configuration = configuration
        self.now = now
        self.days = days
    }

    /// The entries, by channel (in loa.yml's order) and then by time. A post on a channel in `stopped` (stopped for
    /// its credentials) is not expected: it is listed as waiting for a person, with the stop's reason.
    public func entries(
        announcements: [Announcement],
        deliveries: [DeliveryRecord],
        stopped: [StoppedChannel] = []
    ) -> [AgendaEntry] {
        let stops = Dictionary(stopped.map { ($0.channel, $0.reason) }) { first, _ in first }
        let end = now.addingTimeInterval(TimeInterval(days) * 86_400)
        let dates = LocalDateFormat(timeZone: configuration.timeZone)
        var recorded: [String: DeliveryRecord] = [:]
        for delivery in deliveries {
            recorded["\(delivery.announcementId)\u{0}\(delivery.revision)\u{0}\(delivery.channel)"] = delivery
        }
        let titles = Dictionary(announcements.map { ($0.id, $0.title) }) { first, _ in first }
        var byChannel: [String: [AgendaEntry]] = [:]
        for announcement in announcements {
            for channel in configuration.channels(matching: announcement.channelPatterns) {
                let delivery = recorded["\(announcement.id)\u{0}\(announcement.revision)\u{0}\(channel.id)"]
                if let delivery, !DeliveryStatus.owed.contains(delivery.status) { continue }
                let publish = announcement.publishAt ?? delivery?.dueAt ?? now
                let at = max(delivery?.status == .retrying ? delivery?.nextAttemptAt ?? publish : publish, now)
                if at > end { continue }
                if let expires = announcement.expiresAt, expires <= at { continue }
                if at.timeIntervalSince(publish) > configuration.missedAfter { continue }
                var kind: AgendaEntry.Kind = announcement.status == .draft ? .draft : .scheduled
                var note = kind == .draft ? Message.draftNote() : nil
                if kind == .scheduled, let reason = stops[channel.id] {
                    kind = .waiting
                    note = ChannelStops.waitingNote(reason: reason)
                }
                byChannel[channel.id, default: []].append(
                    AgendaEntry(
                        channel: channel.id,
                        announcement: announcement.id,
                        title: announcement.title,
                        kind: kind,
                        at: at,
                        note: note
                    )
                )
            }
        }
        for delivery in deliveries
        where [.awaitingConfirmation, .held, .unconfirmed].contains(delivery.status) {
            byChannel[delivery.channel, default: []].append(
                AgendaEntry(
                    channel: delivery.channel,
                    announcement: delivery.announcementId,
                    title: titles[delivery.announcementId] ?? delivery.announcementId,
                    kind: .waiting,
                    at: delivery.updatedAt,
                    note: delivery.note
                )
            )
        }
        var result: [AgendaEntry] = []
        for channel in configuration.channels {
            guard let entries = byChannel.removeValue(forKey: channel.id) else { continue }
            let lastSent = deliveries.filter { $0.channel == channel.id && $0.status == .sent }.compactMap(\.sentAt)
                .max()
            result += Self.spaced(entries, channel: channel, after: lastSent, dates: dates)
        }
        // Waiting posts on channels no longer in loa.yml still need a person.
        for channel in byChannel.keys.sorted() {
            result += byChannel[channel, default: []].sorted { $0.at < $1.at }
        }
        return result
    }

    /// A channel's entries in time order, each scheduled post moved past quiet hours and kept its gap after the
    /// one before (the first, after the channel's last post, `lastSent`).
    static func spaced(
        _ entries: [AgendaEntry],
        channel: Channel,
        after lastSent: Date?,
        dates: LocalDateFormat
    ) -> [AgendaEntry] {
        var previous = lastSent
        return entries.sorted { ($0.at, $0.announcement) < ($1.at, $1.announcement) }.map { entry in
            guard entry.kind == .scheduled else { return entry }
            var entry = entry
            var reasons: [String] = []
            if let gap = channel.minGap, let previous, entry.at < previous.addingTimeInterval(gap) {
                entry.at = previous.addingTimeInterval(gap)
                reasons.append(Message.agendaWaitGap(["gap": DurationText.format(gap)]))
            }
            if let quiet = channel.quietHours {
                let minute = dates.minuteOfDay(entry.at)
                if quiet.contains(minuteOfDay: minute) {
                    let wait = (quiet.end - minute + 1440) % 1440
                    entry.at = entry.at.addingTimeInterval(TimeInterval(wait * 60))
                    reasons.append(Message.agendaWaitQuiet(["hours": "\(quiet)"]))
                }
            }
            if !reasons.isEmpty {
                entry.note = Message.agendaWaitsFor(["reasons": reasons.joined(separator: Message.exportAnd())])
            }
            previous = entry.at
            return entry
        }
    }
}
