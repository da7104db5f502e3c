import Foundation
import GRDB

/// The sync's writes: announcements and their deliveries, the channels' destinations, files that left the queue.
extension QueueSync {
    /// Records an announcement and creates the deliveries it is owed.
    ///
    /// `renamed` names, for a channel, the ids that left loa.yml with its destination: a delivery those delivered
    /// is held rather than posted again under the new id. `firstRun`: the first run on a new archive.
    func record(
        _ announcement: Announcement,
        renamed: [String: [String]],
        firstRun: Bool,
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
        let holds = HoldRules(
            isNewArchive: firstRun && !catchUp,
            catchUp: configuration.catchUp,
            missedAfter: configuration.missedAfter,
            timeZone: configuration.timeZone,
            now: now
        )
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
            // The old ids' deliveries of this revision, looked up only for a channel that was renamed.
            let renamedFrom = try renamed[channel.id].flatMap { oldIDs in
                try String.fetchOne(
                    db,
                    sql: """
                        SELECT channel FROM deliveries
                        WHERE announcement_id = ? AND revision = ? AND channel IN (SELECT value FROM json_each(?))
                          AND status IN \(DeliveryStatus.sqlList(DeliveryStatus.delivered))
                        LIMIT 1
                        """,
                    arguments: [announcement.id, announcement.revision, JSONText.array(oldIDs)]
                )
            }
            let hold = holds.decide(
                announcement,
                channel: channel.id,
                renamedFrom: renamedFrom,
                twin: twin.map { ($0["announcement_id"], $0["publish_at"]) }
            )
            if let hold {
                delivery.status = .held
                delivery.note = hold.note
                if hold.isCatchUp { catchUpHeld.append(delivery.id) }
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

    /// Records where each configured channel's posts land; returns, for each channel, the ids that left loa.yml
    /// and had the same destination: the channel under its old names.
    func recordChannels(_ db: Database) throws -> [String: [String]] {
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
    func forgetRemovedFiles(present: Set<String>, cache: [String: CachedFile], _ db: Database) throws {
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

    static func cache(_ db: Database) throws -> [String: CachedFile] {
        var cache: [String: CachedFile] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT path, size, modified_ns, announcement_id FROM queue_files")
        while let row = try rows.next() {
            cache[row[0]] = CachedFile(size: row[1], modifiedNanoseconds: row[2], announcementID: row[3])
        }
        return cache
    }
}
