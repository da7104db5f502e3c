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
    }

    private struct FileState {
        var path: String
        var size: Int64
        var modifiedNanoseconds: Int64
    }

    private struct CachedFile {
        var size: Int64
        var modifiedNanoseconds: Int64
        var announcementID: String?
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
            // Announcement id, lower-cased (ids that differ only in case name the same outbox file on a
            // case-insensitive file system) → path.
            var owners: [String: String] = [:]
            func process(_ file: FileState, _ parsed: AnnouncementParser.Outcome, changed: Bool) throws {
                let url = URL(fileURLWithPath: file.path)
                outcome.parsedCount += 1
                var announcementID = parsed.announcement?.id
                if changed { outcome.diagnostics += parsed.diagnostics }
                if var announcement = parsed.announcement {
                    if let owner = owners[announcement.id.lowercased()], owner != file.path {
                        outcome.diagnostics.append(
                            Diagnostic(
                                area: .queue,
                                file: DisplayPath.of(url),
                                line: 1,
                                field: "id",
                                message:
                                    "'\(announcement.id)' is already the id of \(DisplayPath.of(URL(fileURLWithPath: owner))) "
                                    + "(ids that differ only in case are the same id)",
                                hint: "give it another `id:`; it is not posted until then"
                            )
                        )
                        announcementID = nil
                    } else {
                        owners[announcement.id.lowercased()] = file.path
                        announcement.file = url
                        try record(announcement, db)
                        outcome.announcements[announcement.id] = announcement
                    }
                }
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO queue_files (path, size, modified_ns, announcement_id, revision, checked_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        file.path, file.size, file.modifiedNanoseconds, announcementID,
                        parsed.announcement?.revision, now,
                    ]
                )
            }

            if !configurationChanged, settings["queue_listing"] == listing {
                // No file came, went or changed since the last run: only those with deliveries due are read, and
                // the 10,000 rows of a full queue's cache are not.
                guard !due.isEmpty else { return }
                let rows = try Row.fetchAll(
                    db,
                    sql:
                        "SELECT path, announcement_id FROM queue_files WHERE announcement_id IN (SELECT value FROM json_each(?))",
                    arguments: [WebhookDelivery.jsonArray(due)]
                )
                for row in rows { owners[(row[1] as String).lowercased()] = row[0] }
                let names = Set(
                    rows.compactMap { row in
                        (row[0] as String).hasPrefix(prefix) ? String((row[0] as String).dropFirst(prefix.count)) : nil
                    }
                )
                let dueFiles = fileStates(queue.files(named: names))
                try dueFiles.concurrentForEach({ parser.parse(file: URL(fileURLWithPath: $0.path)) }) { file, parsed in
                    try process(file, parsed, changed: false)
                }
                return
            }

            let files = fileStates(queue.sortedFiles())
            let cache = try Self.cache(db)
            var toParse: [FileState] = []
            for file in files {
                let cached = cache[file.path]
                let unchanged =
                    !configurationChanged && cached?.size == file.size
                    && cached?.modifiedNanoseconds == file.modifiedNanoseconds
                if unchanged, let cached {
                    if let id = cached.announcementID {
                        owners[id.lowercased()] = file.path
                        if due.contains(id) { toParse.append(file) }
                    }
                } else {
                    toParse.append(file)
                }
            }
            // Files are parsed on every core while the ones parsed already are recorded, in the queue's order.
            try toParse.concurrentForEach({ parser.parse(file: URL(fileURLWithPath: $0.path)) }) { file, parsed in
                let fileChanged =
                    cache[file.path].map {
                        $0.size != file.size || $0.modifiedNanoseconds != file.modifiedNanoseconds
                    } ?? true
                try process(file, parsed, changed: fileChanged || configurationChanged)
            }
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

    /// Records an announcement and creates the deliveries it is owed.
    private func record(_ announcement: Announcement, _ db: Database) throws {
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
                UPDATE deliveries SET status = 'cancelled', note = :note, updated_at = :now
                WHERE announcement_id = :id AND revision < :revision AND status IN ('pending', 'retrying', 'sending')
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
            if !wanted.contains(delivery.channel), !delivery.status.isSettled {
                delivery.status = .cancelled
                delivery.note = "the announcement no longer names this channel"
                delivery.updatedAt = now
                try delivery.update(db)
            } else if delivery.status == .sent || delivery.status == .awaitingConfirmation,
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
                    SELECT d.announcement_id, d.sent_at FROM deliveries d
                    JOIN announcements a ON a.id = d.announcement_id AND a.revision = d.revision
                    WHERE a.content_hash = ? AND d.announcement_id != ? AND d.status IN ('sent', 'awaiting_confirmation')
                    LIMIT 1
                    """
            ),
            arguments: [hash, announcement.id]
        )
        let insert = try DeliveryRecord.insertStatement(db)
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
            if let twin {
                let other: String = twin["announcement_id"]
                delivery.status = .held
                delivery.note =
                    "the same content was already delivered as '\(other)' (renamed file?); "
                    + "`loa cancel \(announcement.id)` to drop it, or change the text or revision to post it"
            }
            try delivery.insertFast(using: insert)
        }
    }

    /// Unsettled deliveries of files that left the queue are cancelled, so their status says why.
    private func forgetRemovedFiles(present: Set<String>, cache: [String: CachedFile], _ db: Database) throws {
        for (path, cached) in cache where !present.contains(path) {
            if let id = cached.announcementID {
                try db.execute(
                    sql: """
                        UPDATE deliveries SET status = 'cancelled', note = :note, updated_at = :now
                        WHERE announcement_id = :id AND status IN ('pending', 'retrying', 'sending', 'held')
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
        let channels = configuration.channels.map { "\($0.id):\($0.platform.rawValue):\($0.transport.rawValue)" }
        return ([configuration.timeZone.identifier] + channels).joined(separator: ",")
    }
}
