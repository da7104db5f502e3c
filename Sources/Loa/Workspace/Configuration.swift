import Foundation

/// The settings of a workspace, read from loa.yml with its secrets resolved.
public struct Configuration: Sendable {
    /// The loa.yml file itself.
    public var file: URL
    public var timeZone: TimeZone
    public var queueDirectory: URL
    public var templatesDirectory: URL
    /// A path to the SQLite archive (relative paths are resolved against loa.yml's folder), or the URL of a
    /// PostgreSQL archive without its password (`postgres://loa@db.tinhdoan.vn:5432/loa?sslmode=require`).
    public var archive: String
    /// The PostgreSQL archive's password, from `${NAME}` in its URL or `PGPASSWORD`; nil for an SQLite archive.
    public var archivePassword: Secret?
    public var credentialsFile: URL
    /// A post later than this past its `publish_at` is marked missed rather than sent.
    public var missedAfter: TimeInterval
    /// The channels, in the order loa.yml lists them.
    public var channels: [Channel]
    /// How often `loa engagement` reads a post's figures, by the post's age.
    public var engagementSchedule: EngagementSchedule = .standard
    /// The most requests to bridges in flight at once, over all channels.
    public var concurrency = 64
    /// In the run that creates the archive, a post already this far past its `publish_at` is held for a person
    /// (`loa run --catch-up`) rather than sent: a new archive may be a lost one, and its posts may be out already.
    public var catchUp: TimeInterval = 3600
    /// How long a post written to the outbox may wait for `loa confirm` before a run reminds a person of it
    /// (`remind_after`); then once a day while it waits.
    public var remindAfter: TimeInterval = 3 * 3600
    /// Whose reports these are (`organisation:`), as their titles say; nil when loa.yml has none.
    public var organisation: String?
    /// The units whose posts reports count (`units:`), such as a city's wards: `loa export --by-unit` lists each,
    /// also one that posted nothing or never sent an export; empty when loa.yml names none.
    public var units: [String] = []
    /// The language loa.yml asks Loa to speak (`language: vi|en`); nil when it says none. `LOA_LANG` wins over it.
    public var language: Language?
    /// The channel that gets one message per run listing what needs a person (`notify:`); nil for none.
    public var notify: String?
    /// How long a run on a shared (PostgreSQL) archive holds the channels it leases (`lease:`); nil for the
    /// default, ``effectiveLease``.
    public var lease: TimeInterval?

    /// The lease a run takes: `lease:`, or 60 seconds and at least three times the longest channel timeout.
    public var effectiveLease: TimeInterval {
        lease ?? max(60, 3 * (channels.map(\.timeout).max() ?? 15))
    }

    public init(
        file: URL,
        timeZone: TimeZone = Self.defaultTimeZone,
        queueDirectory: URL? = nil,
        templatesDirectory: URL? = nil,
        archive: String = "archive/loa.sqlite",
        credentialsFile: URL? = nil,
        missedAfter: TimeInterval = 48 * 3600,
        channels: [Channel] = []
    ) {
        let root = file.deletingLastPathComponent()
        self.file = file
        self.timeZone = timeZone
        self.queueDirectory = queueDirectory ?? root.appendingPathComponent("queue")
        self.templatesDirectory = templatesDirectory ?? root.appendingPathComponent("templates")
        self.archive = archive
        self.credentialsFile = credentialsFile ?? root.appendingPathComponent("credentials")
        self.missedAfter = missedAfter
        self.channels = channels
    }

    /// The workspace folder: the one holding loa.yml.
    public var root: URL { file.deletingLastPathComponent() }

    /// The lock file that keeps this host's runs apart: the SQLite archive's path with `.lock` added, or, with a
    /// PostgreSQL archive, `.loa-run-HOST.lock` in the workspace folder (``HostName``). The host's name is in it
    /// because hosts may share the workspace folder (a network share): one host's run, even one paused holding
    /// its lock, must never keep another host from running; the channel leases keep hosts apart.
    public var runLockPath: String {
        guard ArchiveStores.isShared(archive) else { return archive + ".lock" }
        return root.appendingPathComponent(".loa-run-\(Self.fileNamePart(HostName.current)).lock").path
    }

    /// `name` fit for a file name: a `/` or a leading `.` becomes `_`.
    static func fileNamePart(_ name: String) -> String {
        let safe = name.replacingOccurrences(of: "/", with: "_")
        return safe.hasPrefix(".") ? "_" + safe.dropFirst() : safe
    }

    /// Asia/Ho_Chi_Minh, the zone of Loa's users.
    public static let defaultTimeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    /// The channel with this id.
    public func channel(_ id: String) -> Channel? {
        channels.first { $0.id == id }
    }

    /// The channels an announcement's `channels:` patterns name, in loa.yml's order; for nil, every channel but
    /// the `notify:` one, which is for the people behind Loa (a queue file may still name it).
    public func channels(matching patterns: [String]?) -> [Channel] {
        guard let patterns else { return notify.map { notify in channels.filter { $0.id != notify } } ?? channels }
        return channels.filter { channel in patterns.contains { Glob.matches($0, channel.id) } }
    }
}
