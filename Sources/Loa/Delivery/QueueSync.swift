import Foundation
import GRDB

/// Brings the archive up to date with `queue/`: records announcements and creates their deliveries.
///
/// A cron run every minute must be cheap when nothing changed, so a file whose size and modification time match
/// the archive's record is not parsed again, unless one of its deliveries is due now. A file that failed to
/// parse is reported the run it changed, not every minute after.
struct QueueSync {
    let configuration: Configuration
    let archive: Archive
    let now: Date
    /// `loa run --catch-up`: a new archive holds nothing back.
    var catchUp = false
    private var dates: LocalDateFormat { LocalDateFormat(timeZone: configuration.timeZone) }

    /// What the queue holds this run.
    struct Outcome {
        /// Parsed announcements by id: the changed files, and the unchanged ones with deliveries due.
        var announcements: [String: Announcement] = [:]
        /// Problems in files that changed since the last run.
        var diagnostics: [Diagnostic] = []
        /// How many files the queue holds.
        var fileCount = 0
        /// How many were parsed this run.
        var parsedCount = 0
        /// Deliveries held for a person as they were created: printed once, in this run.
        var events: [RunEvent] = []
        /// The announcements whose files changed since the last run.
        var changed: Set<String> = []
    }

    /// The setting listing the deliveries held because a new archive found them long past their time.
    static let catchUpSetting = "catch_up_held"

    struct FileState: Equatable {
        var path: String
        var size: Int64
        var modifiedNanoseconds: Int64
    }

    struct CachedFile: Equatable {
        var size: Int64
        var modifiedNanoseconds: Int64
        var announcementID: String?
    }

    /// Which files a run reads, decided from the listing and the archive's record of it without touching either.
    struct Reading: Equatable {
        /// The files to parse, and whether each changed since it was last parsed (its problems are then reported).
        var parse: [(file: FileState, changed: Bool)] = []
        /// The files not parsed, with the id each held when it was: their claims still count for duplicate ids.
        var unread: [String: String] = [:]

        static func == (one: Reading, other: Reading) -> Bool {
            one.unread == other.unread && one.parse.map(\.file) == other.parse.map(\.file)
                && one.parse.map(\.changed) == other.parse.map(\.changed)
        }
    }

    /// What to read when the listing changed: every new or changed file, and the unchanged ones whose
    /// announcement has a delivery due (`due`) or shared its id with a file that changed or left (so an id that
    /// two files claimed is recorded again once one of them is renamed); with `configurationChanged`, every file.
    static func reading(
        _ files: [FileState],
        cache: [String: CachedFile],
        due: Set<String>,
        configurationChanged: Bool
    ) -> Reading {
        func isUnchanged(_ file: FileState, _ cached: CachedFile?) -> Bool {
            cached?.size == file.size && cached?.modifiedNanoseconds == file.modifiedNanoseconds
        }
        let present = Dictionary(files.map { ($0.path, $0) }) { first, _ in first }
        var touched: Set<String> = []
        for (path, cached) in cache {
            guard let id = cached.announcementID else { continue }
            if let file = present[path], isUnchanged(file, cached) { continue }
            touched.insert(id)
        }
        var reading = Reading()
        for file in files {
            let cached = cache[file.path]
            if isUnchanged(file, cached), !configurationChanged, let cached {
                guard let id = cached.announcementID else { continue }
                if due.contains(id) || touched.contains(id) {
                    reading.parse.append((file, false))
                } else {
                    reading.unread[file.path] = id
                }
            } else {
                reading.parse.append((file, true))
            }
        }
        return reading
    }

    func run() throws -> Outcome {
        var outcome = Outcome()
        let directory = configuration.queueDirectory.path
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let queue = try Queue.Listing(directory: directory)
        outcome.fileCount = queue.count
        func fileStates(_ files: [Queue.StampedFile]) -> [FileState] {
            files.map { FileState(path: prefix + $0.name, size: $0.size, modifiedNanoseconds: $0.modifiedNanoseconds) }
        }
        let parser = AnnouncementParser(timeZone: configuration.timeZone, channelIDs: configuration.channels.map(\.id))
        let fingerprint = Self.fingerprint(configuration)
        // A fingerprint of the whole listing (the folder, and each file's name, size and modification time): equal
        // to the last run's, nothing in the queue changed, and the per-file cache need not be read.
        let listing = queue.fingerprint + " " + prefix
        try archive.writer.write { db in
            // Attempts a killed run started become `sending` first, so that they count as due below.
            try DeliveryRecord.recoverInterruptedStarts(db)
            var settings: [String: String] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT key, value FROM settings WHERE key IN ('queue_fingerprint', 'queue_listing')"
            ) {
                settings[row[0]] = row[1]
            }
            let configurationChanged = settings["queue_fingerprint"] != fingerprint
            let due = Set(
                try String.fetchAll(
                    db,
                    sql: "SELECT DISTINCT announcement_id FROM (\(DeliveryRecord.dueSQL(columns: "announcement_id")))",
                    arguments: ["now": now]
                )
            )
            if !configurationChanged, settings["queue_listing"] == listing {
                // No file came, went or changed since the last run: only those with deliveries due are read (every
                // file claiming such an id, so a duplicate id is still seen), and the 10,000 rows of a full queue's
                // cache are not.
                guard !due.isEmpty else { return }
                let rows = try Row.fetchAll(
                    db,
                    sql:
                        "SELECT path, announcement_id FROM queue_files WHERE announcement_id IN (SELECT value FROM json_each(?))",
                    arguments: [JSONText.array(due)]
                )
                let names = Set(
                    rows.compactMap { row in
                        (row[0] as String).hasPrefix(prefix) ? String((row[0] as String).dropFirst(prefix.count)) : nil
                    }
                )
                let reading = Reading(parse: fileStates(queue.files(named: names)).map { ($0, false) })
                try read(reading, parser: parser, renamed: [:], into: &outcome, db)
                return
            }
            let renamed = configurationChanged ? try recordChannels(db) : [:]
            let files = fileStates(queue.sortedFiles())
            let cache = try Self.cache(db)
            let reading = Self.reading(files, cache: cache, due: due, configurationChanged: configurationChanged)
            try read(reading, parser: parser, renamed: renamed, into: &outcome, db)
            try forgetRemovedFiles(present: Set(files.map(\.path)), cache: cache, db)
            if configurationChanged {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO settings (key, value) VALUES ('queue_fingerprint', ?)",
                    arguments: [fingerprint]
                )
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO settings (key, value) VALUES ('queue_listing', ?)",
                arguments: [listing]
            )
        }
        // Files recorded can make a log of thousands of pages, which the run's end must sync.
        if outcome.parsedCount > 0 { archive.startLogWriteback() }
        return outcome
    }

    /// Parses the files `reading` names (on every core) and records what they hold: each announcement and its
    /// deliveries, unless its id is claimed by another file too, and each file's stamps.
    private func read(
        _ reading: Reading,
        parser: AnnouncementParser,
        renamed: [String: [String]],
        into outcome: inout Outcome,
        _ db: Database
    ) throws {
        let parsed = reading.parse.concurrentMap { parser.parse(file: URL(fileURLWithPath: $0.file.path)) }
        let display = { (path: String) in DisplayPath.of(URL(fileURLWithPath: path)) }
        var claims = reading.unread.map { (file: display($0.key), id: $0.value) }
        var changedIDs: Set<String> = []
        for (entry, result) in zip(reading.parse, parsed) {
            guard let id = result.announcement?.id else { continue }
            claims.append((display(entry.file.path), id))
            if entry.changed { changedIDs.insert(id) }
        }
        let duplicates = DuplicateIDs(claims)
        for (entry, result) in zip(reading.parse, parsed) {
            let file = entry.file
            outcome.parsedCount += 1
            if entry.changed { outcome.diagnostics += result.diagnostics }
            if var announcement = result.announcement, !duplicates.contains(announcement.id) {
                announcement.file = URL(fileURLWithPath: file.path)
                try record(announcement, renamed: renamed, db, events: &outcome.events)
                outcome.announcements[announcement.id] = announcement
                if entry.changed { outcome.changed.insert(announcement.id) }
            }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO queue_files (path, size, modified_ns, announcement_id, revision, checked_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    file.path, file.size, file.modifiedNanoseconds, result.announcement?.id,
                    result.announcement?.revision, now,
                ]
            )
        }
        guard !duplicates.isEmpty else { return }
        outcome.diagnostics += duplicates.diagnostics(only: changedIDs)
        for id in changedIDs {
            guard let note = duplicates.note(for: id) else { continue }
            try db.execute(
                sql: """
                    UPDATE deliveries SET note = ?, updated_at = ?
                    WHERE announcement_id = ? AND status IN \(DeliveryStatus.sqlList(DeliveryStatus.owed))
                    """,
                arguments: [note, now, id]
            )
        }
    }

    /// Records an announcement and creates the deliveries it is owed.
    ///
    /// `renamed` names, for a channel, the ids that left loa.yml with its destination: a delivery those delivered
    /// is held rather than posted again under the new id.
    private func record(
        _ announcement: Announcement,
        renamed: [String: [String]],
        _ db: Database,
        events: inout [RunEvent]
    ) throws {
        let hash = ContentHash.of(announcement)
        // Statements prepared once a run: a fan-out's first sync records hundreds of announcements.
        try db.cachedStatement(
            sql: """
                INSERT INTO announcements (id, revision, content_hash, title, category, unit, publish_at, expires_at,
                                           link, file, first_seen_at, updated_at)
                VALUES (:id, :revision, :hash, :title, :category, :unit, :publish, :expires, :link, :file, :now, :now)
                ON CONFLICT (id, revision) DO UPDATE SET
                    content_hash = :hash, title = :title, category = :category, unit = :unit, publish_at = :publish,
                    expires_at = :expires, link = :link, file = :file, updated_at = :now
                """
        )
        .execute(
            arguments: [
                "id": announcement.id, "revision": announcement.revision, "hash": hash, "title": announcement.title,
                "category": announcement.category.rawValue, "unit": announcement.unit,
                "publish": announcement.publishAt, "expires": announcement.expiresAt,
                "link": announcement.link?.absoluteString, "file": DisplayPath.of(announcement.file), "now": now,
            ]
        )
        // A newer revision replaces whatever an older one still owed.
        try db.cachedStatement(
            sql: """
                UPDATE deliveries SET status = '\(DeliveryStatus.cancelled.rawValue)', note = :note, updated_at = :now
                WHERE announcement_id = :id AND revision < :revision
                  AND status IN \(DeliveryStatus.sqlList(DeliveryStatus.owed))
                """
        )
        .execute(
            arguments: [
                "id": announcement.id, "revision": announcement.revision, "now": now,
                "note": "replaced by revision \(announcement.revision)",
            ]
        )
        guard announcement.status == .ready else { return }
        let existing = try DeliveryRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM deliveries WHERE announcement_id = ? AND revision = ?"),
            arguments: [announcement.id, announcement.revision]
        )
        let channels = configuration.channels(matching: announcement.channelPatterns)
        let wanted = Set(channels.map(\.id))
        for var delivery in existing {
            if !wanted.contains(delivery.channel), DeliveryStatus.undelivered.contains(delivery.status) {
                delivery.status = .cancelled
                delivery.note = Self.channelLeftNote
                delivery.updatedAt = now
                try delivery.update(db)
            } else if DeliveryStatus.delivered.contains(delivery.status),
                let sentHash = delivery.contentHash, sentHash != hash
            {
                let note = "edited after it was sent; set `revision: \(announcement.revision + 1)` to post it again"
                if delivery.note != note {
                    delivery.note = note
                    delivery.updatedAt = now
                    try delivery.update(db)
                }
            }
        }
        let have = Set(existing.map(\.channel))
        let twin = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT d.announcement_id, d.sent_at, a.publish_at FROM deliveries d
                    JOIN announcements a ON a.id = d.announcement_id AND a.revision = d.revision
                    WHERE a.content_hash = ? AND d.announcement_id != ? AND d.status IN \(DeliveryStatus.sqlList(DeliveryStatus.delivered))
                    LIMIT 1
                    """
            ),
            arguments: [hash, announcement.id]
        )
        let insert = try DeliveryRecord.insertStatement(db)
        var catchUpHeld: [String] = []
        for channel in channels where !have.contains(channel.id) {
            var delivery = DeliveryRecord(
                id: DeliveryID.make(
                    announcement: announcement.id,
                    revision: announcement.revision,
                    channel: channel.id
                ),
                announcementId: announcement.id,
                revision: announcement.revision,
                channel: channel.id,
                platform: channel.platform,
                transport: channel.transport,
                status: .pending,
                dueAt: announcement.publishAt ?? now,
                attemptCount: 0,
                backoffStep: 0,
                createdAt: now,
                updatedAt: now
            )
            if let oldIDs = renamed[channel.id],
                let old = try String.fetchOne(
                    db,
                    sql: """
                        SELECT channel FROM deliveries
                        WHERE announcement_id = ? AND revision = ? AND channel IN (SELECT value FROM json_each(?))
                          AND status IN \(DeliveryStatus.sqlList(DeliveryStatus.delivered))
                        LIMIT 1
                        """,
                    arguments: [announcement.id, announcement.revision, JSONText.array(oldIDs)]
                )
            {
                delivery.status = .held
                delivery.note =
                    "channel '\(channel.id)' has the address of '\(old)', which posted this already: if you renamed "
                    + "it, `loa channel rename \(old) \(channel.id)` moves its records; if not, "
                    + "`loa retry \(announcement.id) --channel \(channel.id)` posts it"
            } else if let twin {
                delivery.status = .held
                delivery.note = Self.twinNote(
                    announcement,
                    twin: twin["announcement_id"],
                    twinPublish: twin["publish_at"]
                )
            } else if archive.isNew, !catchUp, let publish = announcement.publishAt,
                now.timeIntervalSince(publish) > configuration.catchUp,
                now.timeIntervalSince(publish) <= configuration.missedAfter,
                announcement.expiresAt.map({ $0 > now }) ?? true
            {
                // Only what would go out now: a post already missed or expired is settled as such by the planner.
                delivery.status = .held
                delivery.note =
                    "this archive is new, and the post was due \(dates.dayAndTime(publish)), more than "
                    + "\(DurationText.format(configuration.catchUp)) ago: it may be out already (a lost archive?); "
                    + "`loa run --catch-up` sends every such post, `loa retry \(announcement.id)` this one, "
                    + "`loa cancel \(announcement.id)` drops it"
                catchUpHeld.append(delivery.id)
            }
            try delivery.insertFast(using: insert)
            if delivery.status == .held, let note = delivery.note {
                events.append(RunEvent(.held, announcement: announcement.id, channel: channel.id, detail: note))
            }
        }
        if !catchUpHeld.isEmpty {
            let listed = try String.fetchOne(
                db,
                sql: "SELECT value FROM settings WHERE key = ?",
                arguments: [Self.catchUpSetting]
            )
            let ids =
                (listed.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []) + catchUpHeld
            try db.execute(
                sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                arguments: [Self.catchUpSetting, JSONText.array(ids)]
            )
        }
    }

    /// Why a delivery is held whose text was delivered already under another id: the same file renamed, or a
    /// copy meant as a repeat with a new publish time. Either way a person decides.
    static func twinNote(_ announcement: Announcement, twin: String, twinPublish: Date?) -> String {
        let id = announcement.id
        if let publish = announcement.publishAt, let twinPublish, publish != twinPublish {
            return "the same text was already delivered as '\(twin)', due at another time: if this copy is a "
                + "repeat, `loa retry \(id)` posts it; otherwise `loa cancel \(id)` drops it"
        }
        return "the same content was already delivered as '\(twin)' (renamed file?); `loa cancel \(id)` drops it, "
            + "`loa retry \(id)` posts it anyway"
    }

    /// Records where each configured channel's posts land; returns, for each channel, the ids that left loa.yml
    /// and had the same destination: the channel under its old names.
    private func recordChannels(_ db: Database) throws -> [String: [String]] {
        let configured = Set(configuration.channels.map(\.id))
        var renamed: [String: [String]] = [:]
        for channel in configuration.channels {
            if let destination = channel.destination {
                let others = try String.fetchAll(
                    db,
                    sql: "SELECT id FROM channels WHERE destination = ? AND id != ?",
                    arguments: [destination, channel.id]
                )
                .filter { !configured.contains($0) }
                if !others.isEmpty { renamed[channel.id] = others.sorted() }
            }
            try db.execute(
                sql: """
                    INSERT INTO channels (id, destination) VALUES (?, ?)
                    ON CONFLICT (id) DO UPDATE SET destination = excluded.destination
                    """,
                arguments: [channel.id, channel.destination]
            )
        }
        return renamed
    }

    /// The note of a delivery cancelled because its announcement no longer names its channel.
    static let channelLeftNote = "the announcement no longer names this channel"

    /// Unsettled deliveries of files that left the queue are cancelled, so their status says why.
    private func forgetRemovedFiles(present: Set<String>, cache: [String: CachedFile], _ db: Database) throws {
        for (path, cached) in cache where !present.contains(path) {
            if let id = cached.announcementID {
                try db.execute(
                    sql: """
                        UPDATE deliveries SET status = '\(DeliveryStatus.cancelled.rawValue)', note = :note, updated_at = :now
                        WHERE announcement_id = :id
                          AND status IN \(DeliveryStatus.sqlList(DeliveryStatus.undelivered))
                        """,
                    arguments: [
                        "id": id, "now": now,
                        "note":
                            "its file \(DisplayPath.of(URL(fileURLWithPath: path))) left the queue before it was sent",
                    ]
                )
            }
            try db.execute(sql: "DELETE FROM queue_files WHERE path = ?", arguments: [path])
        }
    }

    private static func cache(_ db: Database) throws -> [String: CachedFile] {
        var cache: [String: CachedFile] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT path, size, modified_ns, announcement_id FROM queue_files")
        while let row = try rows.next() {
            cache[row[0]] = CachedFile(size: row[1], modifiedNanoseconds: row[2], announcementID: row[3])
        }
        return cache
    }

    /// What, in the configuration, changes how files parse or which deliveries they are owed.
    static func fingerprint(_ configuration: Configuration) -> String {
        let channels = configuration.channels.map {
            "\($0.id):\($0.platform.rawValue):\($0.transport.rawValue):\($0.destination ?? "")"
        }
        return ([configuration.timeZone.identifier] + channels).joined(separator: ",")
    }
}
