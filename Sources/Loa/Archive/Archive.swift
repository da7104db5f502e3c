import Foundation

/// The archive: delivery state, every attempt, engagement snapshots, and the run's own settings.
///
/// This is the seam between Loa's stages and the store that keeps their records. The stages never write SQL:
/// they open a transaction and call named operations in their own words (record an announcement, the deliveries
/// due now, record these answers). A store is one implementation of ``ArchiveReading`` and ``ArchiveWriting``;
/// ``SQLiteArchive`` is the embedded one, and every implementation must pass the same conformance suite
/// (`ArchiveConformanceTests`), which states the contract below as tests.
///
/// Every transaction is all or nothing: a throw inside `write` leaves the archive as it was, so a run killed at
/// any instant leaves a consistent archive behind.
public protocol Archive: AnyObject, Sendable {
    /// Runs `work` in one read-only transaction: everything it reads is one consistent snapshot.
    func read<T>(_ work: (any ArchiveReading) throws -> T) throws -> T
    /// Runs `work` in one transaction, committed when it returns and rolled back when it throws.
    func write<T>(_ work: (any ArchiveWriting) throws -> T) throws -> T
}

/// A file of the queue as the archive last saw it: the run reads it again only when these change.
public struct QueueFileRecord: Sendable, Hashable {
    public var path: String
    public var size: Int64
    public var modifiedNanoseconds: Int64
    /// The announcement it held, when it parsed.
    public var announcementID: String?
    public var revision: Int?
    /// When a run last parsed it.
    public var checkedAt: Date

    public init(
        path: String,
        size: Int64,
        modifiedNanoseconds: Int64,
        announcementID: String? = nil,
        revision: Int? = nil,
        checkedAt: Date
    ) {
        self.path = path
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.announcementID = announcementID
        self.revision = revision
        self.checkedAt = checkedAt
    }
}

/// A post written to the outbox and not yet confirmed, with when it was written and when a person was last
/// reminded of it.
public struct AwaitingPost: Sendable, Hashable {
    public var delivery: DeliveryRecord
    public var writtenAt: Date
    public var remindedAt: Date?
}

/// A delivered post whose figures a bridge can be asked for, with how its reads went so far.
public struct EngagementTarget: Sendable, Hashable {
    public var delivery: DeliveryRecord
    /// When its figures were last read; nil when never.
    public var lastPolledAt: Date?
    /// How many reads in a row found the same figures.
    public var unchangedReads: Int
}

/// The reads every store offers, in a transaction.
public protocol ArchiveReading {
    // MARK: Settings

    /// A value the runs keep for themselves (`first_run`, the queue's fingerprint, …); nil when never set.
    func setting(_ key: String) throws -> String?

    // MARK: Deliveries

    /// Every delivery, newest due first (then by announcement, revision and channel); or, given `announcement`,
    /// that announcement's deliveries by revision and channel.
    func deliveries(announcement: String?) throws -> [DeliveryRecord]
    /// The deliveries of one revision of an announcement.
    func deliveries(announcement: String, revision: Int) throws -> [DeliveryRecord]
    /// The deliveries with these ids, in the order given; ids with none are left out.
    func deliveries(ids: [String]) throws -> [DeliveryRecord]
    /// Every delivery recorded on `channel`.
    func deliveries(channel: String) throws -> [DeliveryRecord]
    /// The delivery of one revision of an announcement to one channel.
    func delivery(announcement: String, revision: Int, channel: String) throws -> DeliveryRecord?
    /// The delivery of the newest revision of an announcement to one channel.
    func newestDelivery(announcement: String, channel: String) throws -> DeliveryRecord?
    /// Whether any delivery was ever recorded.
    func hasDeliveries() throws -> Bool
    /// What a run may act on now: pending and due, retrying and its time has come, or `sending` (left by a run
    /// that stopped mid-attempt). In no particular order.
    func dueDeliveries(at now: Date) throws -> [DeliveryRecord]
    /// The announcements with a delivery ``dueDeliveries(at:)`` would return.
    func announcementsWithDeliveriesDue(at now: Date) throws -> Set<String>
    /// Delivered deliveries of an announcement's revision whose content differs from `contentHash`.
    func deliveriesEdited(announcement: String, revision: Int, contentHash: String) throws -> [DeliveryRecord]
    /// Another announcement with the same content (`contentHash`) that was delivered somewhere: its id and time.
    func deliveredTwin(contentHash: String, otherThan announcement: String) throws
        -> (announcement: String, publishAt: Date?)?
    /// One of `channels` on which this revision of the announcement was delivered; nil when none.
    func deliveredChannel(announcement: String, revision: Int, among channels: [String]) throws -> String?
    /// When the channel's last post was sent; nil when it has none.
    func lastSent(channel: String) throws -> Date?

    /// The posts awaiting confirmation, oldest written first.
    func awaitingConfirmation() throws -> [AwaitingPost]
    /// The notices to `notify:` channels that are still owed an attempt (pending, sending or retrying).
    func unsentNotices() throws -> [Notice]
    /// Which of `keys` name events a notice already told of.
    func notifiedEvents(among keys: [String]) throws -> Set<String>

    // MARK: Attempts

    /// The attempts of one delivery, in order.
    func attempts(of delivery: String) throws -> [AttemptRecord]
    /// Whether a delivery was ever attempted.
    func hasAttempts(_ delivery: String) throws -> Bool
    /// Each delivery's tries (attempts answered or failed to connect) and interrupted attempts, by delivery id;
    /// deliveries with no attempt are left out.
    func tryCounts() throws -> [String: (tries: Int, interrupted: Int)]

    // MARK: Queue files and channels

    /// Every queue file the archive has seen, by path.
    func queueFiles() throws -> [String: QueueFileRecord]
    /// The paths of the queue files that held one of `announcements` (ids compared without case).
    func queueFilePaths(holding announcements: Set<String>) throws -> [String]
    /// The channel ids recorded with `destination`, other than `channel`.
    func channels(destination: String, otherThan channel: String) throws -> [String]

    // MARK: Operators

    /// The confirmation kept for a delivery confirmed by hand, if any.
    func confirmation(of delivery: String) throws -> Confirmation?
    /// The channels the archive has deliveries on, in name order.
    func channelsWithDeliveries() throws -> [String]

    // MARK: Reports

    /// The units and channels reports can be filtered by: this archive's and imported ones.
    func reportNames() throws -> ReportNames
    /// Every metric figures were recorded under, this archive's and imported ones, in report order.
    func reportMetrics() throws -> [String]
    /// How many deliveries a filter covers, imported ones included.
    func reportCount(_ filter: ReportFilter, timeZone: TimeZone) throws -> Int
    /// The deliveries a filter covers, in report order, each with its latest figures; with `history`, every
    /// figure snapshot too.
    func reportRows(_ filter: ReportFilter, timeZone: TimeZone, history: Bool) throws -> [ReportRow]
    /// Calls `body` with each delivery a filter covers, in report order (announcements by publish time, then id
    /// and revision; deliveries by channel; imported ones merged in), without holding them all.
    func forEachReportRow(_ filter: ReportFilter, timeZone: TimeZone, _ body: (ReportRow) throws -> Void) throws

    // MARK: Engagement

    /// The metric names figures were ever recorded under, in name order.
    func recordedMetrics() throws -> [String]
    /// The latest value of each metric of a delivery.
    func latestFigures(of delivery: String) throws -> [String: Int]
    /// Sent posts with a remote id that Loa delivered itself (webhook and direct channels, not outbox ones), oldest
    /// first, with how their reads went.
    func engagementTargets() throws -> [EngagementTarget]

    // MARK: Direct channels

    /// The photos uploaded for a delivery's post and not attached yet (``UploadedMedia``), in the post's order.
    func uploadedMedia(of delivery: String) throws -> [UploadedMedia]
    /// The channels stopped for their credentials (``StoppedChannel``), by channel id.
    func stoppedChannels() throws -> [StoppedChannel]

    // MARK: Hosts

    /// Every host that registered on the archive (``HostRecord``), by name.
    func hosts() throws -> [HostRecord]
    /// Every channel lease ever given (``ChannelLease``), by channel, expired ones included.
    func channelLeases() throws -> [ChannelLease]
    /// Every delivery the start journal holds (``recordStarting(_:at:)`` with no outcome since), oldest first.
    func startedDeliveries() throws -> [StartedDelivery]
    /// The content hash recorded for an announcement's revision (the first one recorded, on a shared archive);
    /// nil when that revision is not recorded.
    func contentHash(announcement: String, revision: Int) throws -> String?
}

/// The writes every store offers, in a transaction.
public protocol ArchiveWriting: ArchiveReading {
    func setSetting(_ key: String, _ value: String) throws
    func removeSetting(_ key: String) throws

    // MARK: Announcements and deliveries

    /// Records (or updates) an announcement's revision, with its content hash, as seen at `now`.
    func recordAnnouncement(_ announcement: Announcement, contentHash: String, at now: Date) throws
    /// Inserts new deliveries, as they are: each of a recorded announcement, or of a recorded notice.
    func insertDeliveries(_ deliveries: [DeliveryRecord]) throws
    /// Writes a delivery's row as it is now.
    func updateDelivery(_ delivery: DeliveryRecord) throws
    /// Gives the deliveries of `announcement` whose status is in `statuses` (and, with `revisionsBelow`, only
    /// older revisions) the note, and `status` when it is given.
    func markDeliveries(
        announcement: String,
        revisionsBelow: Int?,
        statuses: Set<DeliveryStatus>,
        status: DeliveryStatus?,
        note: String,
        at now: Date
    ) throws
    /// Records that a person was reminded of a post awaiting confirmation.
    func recordReminder(delivery: String, at time: Date) throws
    /// Records a notice to the `notify:` channel, and the events it tells of, so that none is told twice.
    func recordNotice(_ notice: Notice, events: [String]) throws
    /// Removes a delivery that was never attempted, with its engagement reads.
    func removeDelivery(_ delivery: String) throws
    /// Stores a rendered text once, however many deliveries share it.
    func storeVariant(id: String, text: String, length: Int) throws

    // MARK: The run's hot path

    /// Turns what a killed run left in the start journal into `sending` deliveries, their attempt counted.
    ///
    /// Only while no other run works on these deliveries: on SQLite, under the run lock. A store shared by
    /// several hosts must first own the deliveries it recovers (a lease), or it would resend another host's
    /// requests in flight.
    func recoverInterruptedStarts() throws
    /// Records that attempts are starting, before their requests leave: the deliveries with their attempt count
    /// before the attempt. Returns the journal entry's id, for ``forgetStarts(_:)``.
    func recordStarting(_ deliveries: [(id: String, attemptCount: Int)], at time: Date) throws -> Int64
    /// Removes a run's journal entries once every outcome they name is recorded.
    func forgetStarts(_ entries: [Int64]) throws
    /// Records finished attempts and the deliveries as their answers left them. A delivery an operator cancelled
    /// while its request was in flight stays cancelled, unless the answer was a success (then it is `sent`, with
    /// a note that the cancel came too late).
    func recordOutcomes(_ outcomes: [(attempt: AttemptRecord, delivery: DeliveryRecord)]) throws
    /// Records one attempt as it is (an interrupted one found by the planner).
    func insertAttempt(_ attempt: AttemptRecord) throws

    // MARK: Queue files and channels

    func recordQueueFile(_ file: QueueFileRecord) throws
    func forgetQueueFile(_ path: String) throws
    /// Records where a channel's posts land (a hash of its address; nil when it has none).
    func recordChannel(_ channel: String, destination: String?) throws
    /// Moves the records of channel `old` to `new`: its deliveries, its attempts, and forgets `old`.
    func moveChannelRecords(from old: String, to new: String, at now: Date) throws

    // MARK: Imports

    /// Takes other units' report rows into the archive as imported records (keyed by unit and delivery id),
    /// never delivered, retried or polled; returns what each file's rows did.
    func importRows(_ files: [(file: String, rows: [ReportRow])], now: Date) throws -> [ImportCount]

    // MARK: Operators

    /// Keeps a confirmation by hand, with what the delivery was before (replacing an earlier one).
    func recordConfirmation(_ confirmation: Confirmation, of delivery: String) throws
    /// Forgets a delivery's confirmation (`loa confirm --undo`).
    func forgetConfirmation(of delivery: String) throws

    // MARK: Engagement

    /// Stores one snapshot per metric.
    func recordFigures(_ figures: [String: Int], delivery: String, at time: Date, source: String) throws
    /// Records a read of a delivery's figures: when, how many reads in a row found them unchanged, and the
    /// problem, if any.
    func recordPoll(delivery: String, at time: Date, unchangedReads: Int, error: String?) throws
    /// Records a read that failed for now (to be tried again next run): the time and count of the last good read
    /// are kept.
    func recordPollFailure(delivery: String, error: String) throws

    // MARK: Channel leases: an archive shared by several hosts

    /// Waits until no other host is syncing its queue into the archive, and keeps the others waiting until this
    /// transaction ends: hosts planning the same files at once would otherwise lock the same rows in different
    /// orders. Nothing to do where one run at a time writes (SQLite, under the run lock).
    func excludeOtherQueueSyncs() throws

    /// Leases to `host`, until `now + duration`, up to `limit` channels that have a delivery due at `now`
    /// (``dueDeliveries(at:)``) and no lease running (none, or one that ended): each gets a new token, higher
    /// than any before. A channel another host is leasing at the same instant is skipped, not waited for.
    func claimChannels(host: String, at now: Date, for duration: TimeInterval, limit: Int) throws -> [ChannelLease]
    /// Extends the leases still held (same token, not ended at `now`) to `now + duration`; returns those, the
    /// others were lost (taken over) and must not be sent on.
    func renewLeases(_ leases: [ChannelLease], at now: Date, for duration: TimeInterval) throws -> [ChannelLease]
    /// Ends the leases still held at `now`, so that any host's next run may lease those channels at once.
    func releaseLeases(_ leases: [ChannelLease], at now: Date) throws
    /// ``recoverInterruptedStarts()`` for the deliveries on `channels` only (those this host has just leased),
    /// leaving the rest of the journal to the hosts that wrote it.
    func recoverInterruptedStarts(on channels: Set<String>) throws
    /// ``recordOutcomes(_:)`` fenced by leases (channel → token): every attempt is recorded, and a success
    /// always settles its delivery; any other outcome changes the delivery only while its channel's lease still
    /// has the token given, and never a delivery already delivered, so a paused host that wakes up after a
    /// takeover cannot overwrite what the new holder did.
    func recordOutcomes(
        _ outcomes: [(attempt: AttemptRecord, delivery: DeliveryRecord)],
        fencedBy leases: [String: Int64]
    ) throws

    // MARK: Direct channels

    /// Keeps the photos uploaded for a delivery's post, replacing those kept before; an empty list forgets them.
    func keepUploadedMedia(_ media: [UploadedMedia], of delivery: String, at time: Date) throws
    /// Records that a channel stopped, replacing an earlier stop of it.
    func stopChannel(_ stop: StoppedChannel) throws
    /// Lifts a channel's stop; returns whether it was stopped.
    @discardableResult
    func resumeChannel(_ channel: String) throws -> Bool

    // MARK: Hosts

    /// Takes this slot's read of each post whose last read is still the one given (`lastPolledAt`: none yet, or
    /// that time): its last read becomes `now`, and it is returned. A post another host has read since is left
    /// out, so that several hosts running `loa engagement` at once read each post once per slot (a conditional
    /// update, as pg-boss's `trySetTimestamp`).
    func claimPolls(_ polls: [(delivery: String, lastPolledAt: Date?)], at now: Date) throws -> Set<String>
    /// Gives back a read taken at `takenAt` that learnt nothing (the stats address did not answer): its last read
    /// is `lastPolledAt` again, so the next run tries again, unless another read was recorded since.
    func releasePoll(delivery: String, takenAt: Date, lastPolledAt: Date?) throws
    /// Registers a host as it runs now: its Loa version and workspace hash replace what it had, `lastSeenAt`
    /// moves on, and `firstSeenAt` is kept from its first registration.
    func recordHost(_ host: HostRecord) throws
}

// MARK: - Operations of one transaction, for callers that need only one

extension Archive {
    public func setting(_ key: String) throws -> String? {
        try read { try $0.setting(key) }
    }

    public func setSetting(_ key: String, _ value: String) throws {
        try write { try $0.setSetting(key, value) }
    }

    /// Every delivery, newest due first; or one announcement's.
    public func deliveries(announcement: String? = nil) throws -> [DeliveryRecord] {
        try read { try $0.deliveries(announcement: announcement) }
    }

    public func tries() throws -> [String: (tries: Int, interrupted: Int)] {
        try read { try $0.tryCounts() }
    }

    public func attempts(of delivery: String) throws -> [AttemptRecord] {
        try read { try $0.attempts(of: delivery) }
    }

    public func deliveriesEdited(announcement: String, revision: Int, contentHash: String) throws -> [DeliveryRecord] {
        try read { try $0.deliveriesEdited(announcement: announcement, revision: revision, contentHash: contentHash) }
    }

    /// Applies an operator's change to the deliveries of an announcement's newest revision (older ones are
    /// history), on the channels `channels` match (every channel when nil); returns those it changed.
    public func update(
        announcement: String,
        channels: [String]?,
        _ change: (inout DeliveryRecord) -> Bool
    ) throws -> [DeliveryRecord] {
        try write { archive in
            let rows = try archive.deliveries(announcement: announcement)
            let newest = rows.map(\.revision).max()
            var changed: [DeliveryRecord] = []
            for var row in rows where row.revision == newest {
                if let channels, !channels.contains(where: { Glob.matches($0, row.channel) }) { continue }
                if change(&row) {
                    try archive.updateDelivery(row)
                    changed.append(row)
                }
            }
            return changed
        }
    }
}
