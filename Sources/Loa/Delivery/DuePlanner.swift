import Foundation

/// A delivery that goes out this run, with the text it carries.
struct PlannedDelivery: Sendable {
    var delivery: DeliveryRecord
    /// Shared by every delivery to the channel.
    private let sharedChannel: Shared<Channel>
    /// Shared by every delivery of the same text: a fan-out holds one copy, not one per channel.
    let text: PlannedText

    init(delivery: DeliveryRecord, channel: Shared<Channel>, text: PlannedText) {
        self.delivery = delivery
        self.sharedChannel = channel
        self.text = text
    }

    var channel: Channel { sharedChannel.value }

    var announcement: Announcement { text.announcement }
    /// ``ContentHash`` of the announcement, kept with what was sent.
    var contentHash: String { text.contentHash }
    /// The row of `variants` holding the text.
    var variantID: String { text.variantID }

    /// The variant, as sent to this delivery's channel.
    var variant: Variant {
        var variant = text.variant
        variant.channel = channel.id
        return variant
    }
}

/// A value held once and referred to by many: a fan-out plans thousands of deliveries to a few channels.
final class Shared<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// An announcement's text for the channels that share it, rendered once a run.
final class PlannedText: Sendable {
    let announcement: Announcement
    let variant: Variant
    let contentHash: String
    let variantID: String

    init(announcement: Announcement, variant: Variant, contentHash: String, variantID: String) {
        self.announcement = announcement
        self.variant = variant
        self.contentHash = contentHash
        self.variantID = variantID
    }
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

    /// Plans the due deliveries of `announcements`; `changed` names those whose files changed this run, whose
    /// problems are reported again even when they are the same as before.
    func plan(
        _ archive: any ArchiveWriting,
        announcements: [String: Announcement],
        changed: Set<String> = [],
        channels leased: Set<String>? = nil
    ) throws -> (planned: [PlannedDelivery], events: [RunEvent]) {
        let rules = DueRules(
            missedAfter: configuration.missedAfter,
            dates: LocalDateFormat(timeZone: configuration.timeZone),
            now: now
        )
        var owed = try archive.dueDeliveries(at: now)
        // On a shared archive, only the channels this run leased.
        if let leased { owed.removeAll { !leased.contains($0.channel) } }
        let due = Self.ordered(owed)
        let channelsByID = Dictionary(configuration.channels.map { ($0.id, $0) }) { first, _ in first }
        let (keys, renderings) = prerender(due, announcements: announcements, channels: channelsByID)
        var pass = Pass(archive: archive, renderer: renderer, renderings: renderings, changed: changed, now: now)
        pass.stopped = Dictionary(uniqueKeysWithValues: try archive.stoppedChannels().map { ($0.channel, $0.reason) })
        pass.planned.reserveCapacity(due.count)
        for (position, delivery) in due.enumerated() {
            guard let announcement = announcements[delivery.announcementId],
                announcement.revision == delivery.revision, announcement.status == .ready,
                let channel = channelsByID[delivery.channel]
            else { continue }
            try pass.take(delivery, of: announcement, to: channel, key: keys[position], rules: rules)
        }
        return (pass.planned, pass.events)
    }

    /// Oldest first (its retry time, or when it became due), then by announcement and channel. Sorted here rather
    /// than by SQL, which sorted every column of every row through a temporary table.
    static func ordered(_ due: [DeliveryRecord]) -> [DeliveryRecord] {
        due.sorted { one, other in
            let oneTime = one.nextAttemptAt ?? one.dueAt
            let otherTime = other.nextAttemptAt ?? other.dueAt
            if oneTime != otherTime { return oneTime < otherTime }
            if one.announcementId != other.announcementId {
                return one.announcementId.utf8.lexicographicallyPrecedes(other.announcementId.utf8)
            }
            return one.channel.utf8.lexicographicallyPrecedes(other.channel.utf8)
        }
    }

    /// One planning pass: each due delivery taken in order, with what the pass learns on the way (each channel's
    /// last post, the texts rendered, the channels given a post) and what it decides.
    private struct Pass {
        let archive: any ArchiveWriting
        let renderer: Renderer
        let renderings: [String: Result<Variant, RenderFailure>]
        let changed: Set<String>
        let now: Date
        var planned: [PlannedDelivery] = []
        var events: [RunEvent] = []
        private var lastSent: [String: Date] = [:]
        private var rendered: [String: PlannedText] = [:]
        private var channels: [String: Shared<Channel>] = [:]
        private var hashes: [String: String] = [:]
        private var gapTaken: Set<String> = []
        /// Each webhook channel's address as the archive keeps it, secrets masked.
        private var addresses: [String: String] = [:]
        /// The reasons of the channels stopped for their credentials (``ChannelStops``), by channel id.
        var stopped: [String: String] = [:]

        init(
            archive: any ArchiveWriting,
            renderer: Renderer,
            renderings: [String: Result<Variant, RenderFailure>],
            changed: Set<String>,
            now: Date
        ) {
            self.archive = archive
            self.renderer = renderer
            self.renderings = renderings
            self.changed = changed
            self.now = now
        }

        /// Decides one due delivery: settled, waiting, unrenderable, or planned to go out with its text.
        mutating func take(
            _ delivery: DeliveryRecord,
            of announcement: Announcement,
            to channel: Channel,
            key: String?,
            rules: DueRules
        ) throws {
            var delivery = delivery
            if delivery.status == .sending { try recordInterrupted(&delivery, channel: channel) }
            if channel.minGap != nil, lastSent[channel.id] == nil {
                lastSent[channel.id] = try archive.lastSent(channel: channel.id) ?? .distantPast
            }
            let decision = rules.decide(
                publish: announcement.publishAt ?? delivery.dueAt,
                expires: announcement.expiresAt,
                channel: channel,
                lastSent: lastSent[channel.id],
                gapTaken: gapTaken.contains(channel.id),
                windowStart: delivery.windowStart,
                stopped: stopped[channel.id]
            )
            switch decision {
            case .expire(let note):
                try settle(&delivery, .expired, note, .expired)
            case .miss(let note):
                try settle(&delivery, .missed, note, .missed)
            case .wait(let reason):
                if delivery.note != reason {
                    delivery.note = reason
                    try archive.updateDelivery(delivery)
                }
                events.append(
                    RunEvent(.waiting, announcement: delivery.announcementId, channel: channel.id, detail: reason)
                )
            case .send:
                switch try text(of: announcement, for: channel, key: key) {
                case .failure(let failure):
                    try noteUnrenderable(&delivery, failure, announcement: announcement)
                case .success(let text):
                    if channel.minGap != nil { gapTaken.insert(channel.id) }
                    let shared = channels[channel.id] ?? Shared(channel)
                    channels[channel.id] = shared
                    planned.append(PlannedDelivery(delivery: delivery, channel: shared, text: text))
                }
            }
        }

        /// The last run stopped mid-attempt: the bridge may have the post, and dedupes the resend by id. The
        /// attempt is recorded as interrupted, and the delivery is due again now.
        private mutating func recordInterrupted(_ delivery: inout DeliveryRecord, channel: Channel) throws {
            let attempt = AttemptRecord(
                deliveryId: delivery.id,
                number: delivery.attemptCount,
                channel: delivery.channel,
                url: address(of: channel),
                startedAt: delivery.updatedAt,
                outcome: .interrupted,
                errorClass: AttemptRecord.Outcome.interrupted.rawValue,
                errorMessage: Message.noteInterrupted()
            )
            try archive.insertAttempt(attempt)
            delivery.status = .retrying
            delivery.nextAttemptAt = now
            delivery.note =
                channel.transport.isDirect
                ? Message.noteInterruptedDirect() : Message.noteInterruptedBridge()
            try archive.updateDelivery(delivery)
        }

        private mutating func settle(
            _ delivery: inout DeliveryRecord,
            _ status: DeliveryStatus,
            _ note: String,
            _ kind: RunEvent.Kind
        ) throws {
            delivery.status = status
            delivery.note = note
            delivery.nextAttemptAt = nil
            delivery.updatedAt = now
            try archive.updateDelivery(delivery)
            events.append(
                RunEvent(kind, announcement: delivery.announcementId, channel: delivery.channel, detail: note)
            )
        }

        /// The text for the channel, rendered once for every channel that shares it, and stored once.
        private mutating func text(
            of announcement: Announcement,
            for channel: Channel,
            key: String?
        ) throws -> Result<PlannedText, RenderFailure> {
            let key = key ?? renderer.sharingKey(for: announcement, channel: channel)
            if let shared = rendered[key] { return .success(shared) }
            switch renderings[key] ?? renderer.render(announcement, for: channel) {
            case .success(let variant):
                let variantID = variant.archiveID
                try archive.storeVariant(id: variantID, text: variant.text, length: variant.length)
                let hash = hashes[announcement.id] ?? ContentHash.of(announcement)
                hashes[announcement.id] = hash
                let text = PlannedText(
                    announcement: announcement,
                    variant: variant,
                    contentHash: hash,
                    variantID: variantID
                )
                rendered[key] = text
                return .success(text)
            case .failure(let failure):
                return .failure(failure)
            }
        }

        /// Reported once, when first found or when the file changed: cron must not mail it every minute.
        private mutating func noteUnrenderable(
            _ delivery: inout DeliveryRecord,
            _ failure: RenderFailure,
            announcement: Announcement
        ) throws {
            let note = "\(failure) — \(failure.hint)"
            let isNews = delivery.note != note || changed.contains(announcement.id)
            if delivery.note != note {
                delivery.note = note
                delivery.updatedAt = now
                try archive.updateDelivery(delivery)
            }
            if isNews {
                events.append(
                    RunEvent(
                        .unrenderable,
                        announcement: delivery.announcementId,
                        channel: delivery.channel,
                        detail: note
                    )
                )
            }
        }

        private mutating func address(of channel: Channel) -> String? {
            guard channel.transport == .webhook, let url = channel.url else { return nil }
            if let known = addresses[channel.id] { return known }
            let address = Redactor(channels: [channel]).address(url)
            addresses[channel.id] = address
            return address
        }
    }

    /// The text of every announcement and channel that may share one, rendered on every core: rendering (Markdown
    /// to plain text, templates, hashtags) is most of planning a fan-out's first run. Returns each due delivery's
    /// `Renderer.sharingKey` (nil when it has nothing to render) and the renderings by key; a delivery that turns
    /// out not to go out this run just leaves its text unused.
    private func prerender(
        _ due: [DeliveryRecord],
        announcements: [String: Announcement],
        channels: [String: Channel]
    ) -> (keys: [String?], renderings: [String: Result<Variant, RenderFailure>]) {
        var keys: [String?] = []
        keys.reserveCapacity(due.count)
        var jobs: [(key: String, announcement: Announcement, channel: Channel)] = []
        var seen: Set<String> = []
        for delivery in due {
            guard let announcement = announcements[delivery.announcementId],
                announcement.revision == delivery.revision, announcement.status == .ready,
                let channel = channels[delivery.channel]
            else {
                keys.append(nil)
                continue
            }
            let key = renderer.sharingKey(for: announcement, channel: channel)
            keys.append(key)
            if seen.insert(key).inserted { jobs.append((key, announcement, channel)) }
        }
        let renderer = self.renderer
        let results = jobs.concurrentMap { renderer.render($0.announcement, for: $0.channel) }
        return (keys, Dictionary(zip(jobs.map(\.key), results)) { first, _ in first })
    }
}

/// What becomes of one due delivery this run.
enum DueDecision: Equatable {
    /// Past the announcement's `expires_at`: settled as expired, with the note.
    case expire(note: String)
    /// More than `missed_after` past its time: settled as missed, with the note.
    case miss(note: String)
    /// Not now (quiet hours, the minimum gap): still owed, with the reason.
    case wait(reason: String)
    case send
}

/// The schedule's rules for one due delivery, decided from its times, its channel and the clock alone, so they
/// are tested without an archive: expiry first, then `missed_after`, then a stopped channel, then quiet hours,
/// then the channel's gap.
struct DueRules {
    let missedAfter: TimeInterval
    let dates: LocalDateFormat
    let now: Date

    /// `lastSent` is the channel's last post (`distantPast` when none); `gapTaken`, whether this run already
    /// sends a post on the channel; `windowStart`, when an operator's `loa retry` gave the delivery a fresh window,
    /// from which `missed_after` then counts; `stopped`, the reason its channel stopped for its credentials, if it
    /// did (the post waits for it, as for quiet hours).
    func decide(
        publish: Date,
        expires: Date?,
        channel: Channel,
        lastSent: Date?,
        gapTaken: Bool,
        windowStart: Date? = nil,
        stopped: String? = nil
    ) -> DueDecision {
        if let expires, expires <= now {
            return .expire(note: Message.noteExpired(["when": dates.dayAndTime(expires)]))
        }
        if let windowStart, windowStart > publish {
            if now.timeIntervalSince(windowStart) > missedAfter {
                return .miss(
                    note: Message.noteMissedAfterRetry([
                        "window": DurationText.format(missedAfter), "when": dates.dayAndTime(windowStart),
                    ])
                )
            }
        } else if now.timeIntervalSince(publish) > missedAfter {
            return .miss(
                note: Message.noteMissed([
                    "window": DurationText.format(missedAfter), "when": dates.dayAndTime(publish),
                ])
            )
        }
        if let stopped { return .wait(reason: ChannelStops.waitingNote(reason: stopped)) }
        if let quiet = channel.quietHours, quiet.contains(minuteOfDay: dates.minuteOfDay(now)) {
            return .wait(reason: Message.waitQuietHours(["hours": "\(quiet)"]))
        }
        if let gap = channel.minGap {
            let last = lastSent ?? .distantPast
            if gapTaken || now.timeIntervalSince(last) < gap {
                let next = gapTaken ? now.addingTimeInterval(gap) : last.addingTimeInterval(gap)
                return .wait(
                    reason: Message.waitMinimumGap(["gap": DurationText.format(gap), "until": dates.time(next)])
                )
            }
        }
        return .send
    }
}
