import Foundation
import GRDB

/// The SQLite archive's writes (its reads are in SQLiteTransaction.swift).
extension SQLiteTransaction {
    // MARK: Writes: announcements and deliveries

    func recordAnnouncement(_ announcement: Announcement, contentHash: String, at now: Date) throws {
        wroteMuch = true
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
                "id": announcement.id, "revision": announcement.revision, "hash": contentHash,
                "title": announcement.title, "category": announcement.category.rawValue, "unit": announcement.unit,
                "publish": announcement.publishAt, "expires": announcement.expiresAt,
                "link": announcement.link?.absoluteString, "file": DisplayPath.of(announcement.file), "now": now,
            ]
        )
    }

    func insertDeliveries(_ deliveries: [DeliveryRecord]) throws {
        guard !deliveries.isEmpty else { return }
        wroteMuch = true
        let statement = try DeliveryRecord.insertStatement(db)
        for delivery in deliveries { try delivery.insertFast(using: statement) }
    }

    func updateDelivery(_ delivery: DeliveryRecord) throws {
        try delivery.update(db)
    }

    func markDeliveries(
        announcement: String,
        revisionsBelow: Int?,
        statuses: Set<DeliveryStatus>,
        status: DeliveryStatus?,
        note: String,
        at now: Date
    ) throws {
        let revisions = revisionsBelow == nil ? "" : " AND revision < :revision"
        let setStatus = status == nil ? "" : "status = :status, "
        var arguments: [String: (any DatabaseValueConvertible)?] = ["id": announcement, "note": note, "now": now]
        if let revisionsBelow { arguments["revision"] = revisionsBelow }
        if let status { arguments["status"] = status.rawValue }
        try db.cachedStatement(
            sql: """
                UPDATE deliveries SET \(setStatus)note = :note, updated_at = :now
                WHERE announcement_id = :id\(revisions) AND status IN \(DeliveryStatus.sqlList(statuses))
                """
        )
        .execute(arguments: StatementArguments(arguments))
    }

    func recordReminder(delivery: String, at time: Date) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO reminders (delivery_id, reminded_at) VALUES (?, ?)",
            arguments: [delivery, time]
        )
    }

    func removeDelivery(_ delivery: String) throws {
        try db.execute(sql: "DELETE FROM engagement_polls WHERE delivery_id = ?", arguments: [delivery])
        try db.execute(sql: "DELETE FROM deliveries WHERE id = ?", arguments: [delivery])
    }

    func storeVariant(id: String, text: String, length: Int) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO variants (id, text, length) VALUES (?, ?, ?)")
            .execute(arguments: [id, text, length])
    }

    // MARK: Writes: the run's hot path

    func recoverInterruptedStarts() throws {
        try DeliveryRecord.recoverInterruptedStarts(db)
    }

    func recordStarting(_ deliveries: [(id: String, attemptCount: Int)], at time: Date) throws -> Int64 {
        try DeliveryRecord.recordStarting(deliveries, at: time, db)
    }

    func forgetStarts(_ entries: [Int64]) throws {
        try DeliveryRecord.forgetStarts(entries, db)
    }

    func recordOutcomes(_ outcomes: [(attempt: AttemptRecord, delivery: DeliveryRecord)]) throws {
        guard !outcomes.isEmpty else { return }
        // A fan-out's batch of answers, not one outbox post.
        if outcomes.count > 16 { wroteMuch = true }
        let insertAttempt = try AttemptRecord.insertFinishedStatement(db)
        let updateDelivery = try DeliveryRecord.outcomeStatement(db)
        for (attempt, delivery) in outcomes {
            try attempt.insertFinished(using: insertAttempt)
            try delivery.recordOutcome(of: attempt, using: updateDelivery)
        }
    }

    func insertAttempt(_ attempt: AttemptRecord) throws {
        var attempt = attempt
        try attempt.insert(db)
        try DeliveryRecord.countTry(attempt, db)
    }

    // MARK: Writes: queue files and channels

    func recordQueueFile(_ file: QueueFileRecord) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO queue_files (path, size, modified_ns, announcement_id, revision, checked_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        )
        .execute(
            arguments: [
                file.path, file.size, file.modifiedNanoseconds, file.announcementID, file.revision, file.checkedAt,
            ]
        )
    }

    func forgetQueueFile(_ path: String) throws {
        try db.execute(sql: "DELETE FROM queue_files WHERE path = ?", arguments: [path])
    }

    func recordChannel(_ channel: String, destination: String?) throws {
        try db.execute(
            sql: """
                INSERT INTO channels (id, destination) VALUES (?, ?)
                ON CONFLICT (id) DO UPDATE SET destination = excluded.destination
                """,
            arguments: [channel, destination]
        )
    }

    func moveChannelRecords(from old: String, to new: String, at now: Date) throws {
        try db.execute(
            sql: "UPDATE deliveries SET channel = ?, updated_at = ? WHERE channel = ?",
            arguments: [new, now, old]
        )
        try db.execute(sql: "UPDATE attempts SET channel = ? WHERE channel = ?", arguments: [new, old])
        try db.execute(sql: "DELETE FROM channels WHERE id = ?", arguments: [old])
    }

    // MARK: Writes: engagement

    func recordFigures(_ figures: [String: Int], delivery: String, at time: Date, source: String) throws {
        for (metric, value) in figures.sorted(by: { $0.key < $1.key }) {
            try db.execute(
                sql:
                    "INSERT INTO engagement_snapshots (delivery_id, metric, value, taken_at, source) VALUES (?, ?, ?, ?, ?)",
                arguments: [delivery, metric, value, time, source]
            )
        }
    }

    func recordPoll(delivery: String, at time: Date, unchangedReads: Int, error: String?) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO engagement_polls (delivery_id, last_polled_at, unchanged_count, last_error)
                VALUES (?, ?, ?, ?)
                """,
            arguments: [delivery, time, unchangedReads, error]
        )
    }

    func recordPollFailure(delivery: String, error: String) throws {
        try db.execute(
            sql: """
                INSERT INTO engagement_polls (delivery_id, unchanged_count, last_error) VALUES (?, 0, ?)
                ON CONFLICT (delivery_id) DO UPDATE SET last_error = excluded.last_error
                """,
            arguments: [delivery, error]
        )
    }
}
