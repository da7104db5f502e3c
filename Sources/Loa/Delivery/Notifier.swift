import Foundation

/// What a run tells the `notify:` channel: one short message listing what needs a person, sent as a delivery of
/// its own (signed, archived and retried like a post), never telling of an event twice.
///
/// The events are the run's posts to make by hand, reminders, failures, missed and expired posts, held and
/// unrenderable posts, channels stopped for their credentials, and its rejected queue files. A notice's own delivery is left out of the next notice, so
/// a broken `notify:` channel does not feed on itself; `loa status` and cron's mail still show it.
struct Notifier {
    let configuration: Configuration
    let channel: Channel
    let now: Date

    /// The notifier of a workspace that names a `notify:` channel; nil for one that does not.
    init?(configuration: Configuration, now: Date) {
        guard let id = configuration.notify, let channel = configuration.channel(id) else { return nil }
        self.configuration = configuration
        self.channel = channel
        self.now = now
    }

    /// The notices still owed an attempt, as announcements the planner can render and send (they have no
    /// queue file).
    static func unsent(_ archive: any Archive, configuration: Configuration) throws -> [String: Announcement] {
        var announcements: [String: Announcement] = [:]
        for notice in try archive.read({ try $0.unsentNotices() }) {
            announcements[notice.id] = announcement(of: notice, configuration: configuration)
        }
        return announcements
    }

    /// The notice of a run's `events` and `diagnostics`, recorded with its delivery and the events it tells of;
    /// nil when nothing new needs a person. The delivery is pending: the caller plans and sends it.
    func record(
        events: [RunEvent],
        diagnostics: [Diagnostic],
        in archive: any Archive
    ) throws -> Announcement? {
        let told = told(events: events, diagnostics: diagnostics)
        guard !told.isEmpty else { return nil }
        return try archive.write { archive -> Announcement? in
            let known = try archive.notifiedEvents(among: told.map(\.key))
            let fresh = told.filter { !known.contains($0.key) }
            guard !fresh.isEmpty else { return nil }
            let dates = LocalDateFormat(timeZone: configuration.timeZone)
            let workspace = configuration.organisation ?? configuration.root.lastPathComponent
            let notice = Notice(
                id: Notice.idPrefix + Self.stamp(now),
                channel: channel.id,
                title: Message.notifyTitle.count(
                    fresh.count,
                    ["workspace": "\(workspace), \(dates.dayAndTime(now))"]
                ),
                body: (fresh.map { "- " + $0.line } + ["", Message.notifySeeStatus()]).joined(separator: "\n"),
                createdAt: now
            )
            try archive.recordNotice(notice, events: fresh.map(\.key))
            try archive.insertDeliveries([
                DeliveryRecord(
                    id: DeliveryID.make(announcement: notice.id, revision: 1, channel: channel.id),
                    announcementId: notice.id,
                    revision: 1,
                    channel: channel.id,
                    platform: channel.platform,
                    transport: channel.transport,
                    status: .pending,
                    dueAt: now,
                    attemptCount: 0,
                    backoffStep: 0,
                    createdAt: now,
                    updatedAt: now
                )
            ])
            return Self.announcement(of: notice, configuration: configuration)
        }
    }

    /// One line of a notice, and the key that says it was told.
    struct Told: Hashable {
        var key: String
        var line: String
    }

    /// What of a run needs a person, in the notice's words, each with its key.
    ///
    /// A key (a JSON array, so no id can run into the next part) names one event: the kind, post and channel, with the run's time for the events a run decides once
    /// (written, failed, missed, expired, unconfirmed, unrenderable), the day for a reminder (at most one a day), and the words
    /// for what a run may say again (held posts, rejected files), so that saying it again tells no one twice.
    func told(events: [RunEvent], diagnostics: [Diagnostic]) -> [Told] {
        let dates = LocalDateFormat(timeZone: configuration.timeZone)
        let stamp = Self.stamp(now)
        var told: [Told] = []
        for event in events where !event.announcement.hasPrefix(Notice.idPrefix) {
            let values = ["id": event.announcement, "channel": event.channel, "detail": event.detail]
            let key = { (what: String) in
                JSONText.array([event.kind.rawValue, event.announcement, event.channel, what])
            }
            switch event.kind {
            case .written: told.append(Told(key: key(stamp), line: Message.notifyWritten(values)))
            case .failed: told.append(Told(key: key(stamp), line: Message.notifyFailed(values)))
            case .missed: told.append(Told(key: key(stamp), line: Message.notifyMissed(values)))
            case .expired: told.append(Told(key: key(stamp), line: Message.notifyExpired(values)))
            case .unconfirmed: told.append(Told(key: key(stamp), line: Message.notifyUnconfirmed(values)))
            case .stopped: told.append(Told(key: key(stamp), line: Message.notifyStopped(values)))
            case .unrenderable: told.append(Told(key: key(stamp), line: Message.notifyUnrenderable(values)))
            case .reminder:
                told.append(Told(key: key(dates.sortableDay(now)), line: Message.notifyReminder(values)))
            case .held: told.append(Told(key: key(event.detail), line: Message.notifyHeld(values)))
            case .sent, .retrying, .waiting, .wouldSend, .caughtUp: continue
            }
        }
        var files: [String: [String]] = [:]
        for diagnostic in diagnostics where diagnostic.severity == .error {
            files[diagnostic.file, default: []].append(diagnostic.description)
        }
        for (file, problems) in files.sorted(by: { $0.key < $1.key }) {
            told.append(
                Told(
                    key: JSONText.array(["rejected", file, problems.joined(separator: "\n")]),
                    line: Message.notifyRejected(["file": file])
                )
            )
        }
        var seen: Set<String> = []
        return told.filter { seen.insert($0.key).inserted }
    }

    /// The run's time in the notice's id and keys: `20261130-213005` in UTC.
    static func stamp(_ date: Date) -> String {
        let (year, month, day, hour, minute, second) = UTCTime.components(seconds: Int(date.timeIntervalSince1970))
        return "\(year)" + [month, day].map(UTCTime.pad).joined() + "-"
            + [hour, minute, second].map(UTCTime.pad).joined()
    }

    /// A notice as an announcement for its channel: the channel's template lays out its title and lines.
    static func announcement(of notice: Notice, configuration: Configuration) -> Announcement {
        Announcement(
            id: notice.id,
            title: notice.title,
            category: .policyUpdate,
            unit: configuration.organisation ?? "Loa",
            publishAt: notice.createdAt,
            channelPatterns: [notice.channel],
            body: notice.body,
            file: configuration.file
        )
    }
}
