import Foundation
import GRDB

/// One transaction of the SQLite archive: every named operation of the seam, as SQL.
///
/// Made for the length of one `read` or `write` and let go after it. Statements are GRDB's cached ones, prepared
/// once per connection: a fan-out's run writes a few rows per delivery, and preparing them again each time cost
/// more than the HTTP exchange.
final class SQLiteTransaction: ArchiveWriting {
    let db: Database
    /// Whether this transaction wrote enough rows that the log is worth handing to the disk early.
    var wroteMuch = false

    init(_ db: Database) {
        self.db = db
    }

    /// Runs `body` on this transaction's connection.
    func inDatabase<T>(_ body: (Database) throws -> T) rethrows -> T {
        try body(db)
    }

    // MARK: Settings

    func setting(_ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key])
    }

    func setSetting(_ key: String, _ value: String) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", arguments: [key, value])
    }

    func removeSetting(_ key: String) throws {
        try db.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [key])
    }

    // MARK: Deliveries

    func deliveries(announcement: String?) throws -> [DeliveryRecord] {
        if let announcement {
            return try DeliveryRecord.fetchAll(
                db,
                sql: "SELECT * FROM deliveries WHERE announcement_id = ? ORDER BY revision, channel",
                arguments: [announcement]
            )
        }
        return try DeliveryRecord.fetchAll(
            db,
            sql: "SELECT * FROM deliveries ORDER BY due_at DESC, announcement_id, revision, channel"
        )
    }

    func deliveries(announcement: String, revision: Int) throws -> [DeliveryRecord] {
        try DeliveryRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM deliveries WHERE announcement_id = ? AND revision = ?"),
            arguments: [announcement, revision]
        )
    }

    func deliveries(ids: [String]) throws -> [DeliveryRecord] {
        let found = try DeliveryRecord.fetchAll(
            db,
            sql: "SELECT * FROM deliveries WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [JSONText.array(ids)]
        )
        let byID = Dictionary(found.map { ($0.id, $0) }) { first, _ in first }
        return ids.compactMap { byID[$0] }
    }

    func deliveries(channel: String) throws -> [DeliveryRecord] {
        try DeliveryRecord.fetchAll(db, sql: "SELECT * FROM deliveries WHERE channel = ?", arguments: [channel])
    }

    func delivery(announcement: String, revision: Int, channel: String) throws -> DeliveryRecord? {
        try DeliveryRecord.fetchOne(
            db,
            sql: "SELECT * FROM deliveries WHERE announcement_id = ? AND revision = ? AND channel = ?",
            arguments: [announcement, revision, channel]
        )
    }

    func newestDelivery(announcement: String, channel: String) throws -> DeliveryRecord? {
        try DeliveryRecord.fetchOne(
            db,
            sql: "SELECT * FROM deliveries WHERE announcement_id = ? AND channel = ? ORDER BY revision DESC LIMIT 1",
            arguments: [announcement, channel]
        )
    }

    func hasDeliveries() throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM deliveries)") ?? false
    }

    /// The deliveries a run owes an attempt at `:now`, with the columns `columns`.
    ///
    /// One query per status, so that each reads its own partial index (SQLite does not use partial indexes for
    /// the terms of an `OR`).
    static func dueSQL(columns: String) -> String {
        """
        SELECT \(columns) FROM deliveries WHERE status = '\(DeliveryStatus.pending.rawValue)' AND due_at <= :now
        UNION ALL SELECT \(columns) FROM deliveries
            WHERE status = '\(DeliveryStatus.retrying.rawValue)' AND next_attempt_at <= :now
        UNION ALL SELECT \(columns) FROM deliveries WHERE status = '\(DeliveryStatus.sending.rawValue)'
        """
    }

    func dueDeliveries(at now: Date) throws -> [DeliveryRecord] {
        // Read through SQLite's C API: a fan-out's first run reads 10,000 rows here.
        let rows = try RawRows(db, sql: Self.dueSQL(columns: DeliveryRecord.columnList), arguments: ["now": now])
        var due: [DeliveryRecord] = []
        while try rows.next() {
            if let delivery = DeliveryRecord(raw: rows) {
                due.append(delivery)
            } else if let id = rows.string(0), let delivery = try DeliveryRecord.fetchOne(db, key: id) {
                // A row the fast reader does not take (a date written by another tool): read the plain way.
                due.append(delivery)
            }
        }
        return due
    }

    func announcementsWithDeliveriesDue(at now: Date) throws -> Set<String> {
        Set(
            try String.fetchAll(
                db,
                sql: "SELECT DISTINCT announcement_id FROM (\(Self.dueSQL(columns: "announcement_id")))",
                arguments: ["now": now]
            )
        )
    }

    func deliveriesEdited(announcement: String, revision: Int, contentHash: String) throws -> [DeliveryRecord] {
        try DeliveryRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM deliveries
                WHERE announcement_id = ? AND revision = ? AND status IN \(DeliveryStatus.sqlList(DeliveryStatus.delivered))
                  AND content_hash IS NOT NULL AND content_hash != ?
                ORDER BY channel
                """,
            arguments: [announcement, revision, contentHash]
        )
    }

    func deliveredTwin(contentHash: String, otherThan announcement: String) throws
        -> (announcement: String, publishAt: Date?)?
    {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT d.announcement_id, a.publish_at FROM deliveries d
                    JOIN announcements a ON a.id = d.announcement_id AND a.revision = d.revision
                    WHERE a.content_hash = ? AND d.announcement_id != ? AND d.status IN \(DeliveryStatus.sqlList(DeliveryStatus.delivered))
                    LIMIT 1
                    """
            ),
            arguments: [contentHash, announcement]
        )
        return row.map { ($0[0], $0[1]) }
    }

    func deliveredChannel(announcement: String, revision: Int, among channels: [String]) throws -> String? {
        try String.fetchOne(
            db,
            sql: """
                SELECT channel FROM deliveries
                WHERE announcement_id = ? AND revision = ? AND channel IN (SELECT value FROM json_each(?))
                  AND status IN \(DeliveryStatus.sqlList(DeliveryStatus.delivered))
                ORDER BY channel LIMIT 1
                """,
            arguments: [announcement, revision, JSONText.array(channels)]
        )
    }

    func lastSent(channel: String) throws -> Date? {
        try Date.fetchOne(
            db,
            sql: "SELECT max(sent_at) FROM deliveries WHERE channel = ? AND status = '\(DeliveryStatus.sent.rawValue)'",
            arguments: [channel]
        )
    }

    func awaitingConfirmation() throws -> [AwaitingPost] {
        let written = "'\(AttemptRecord.Outcome.written.rawValue)'"
        return try Row.fetchAll(
            db,
            sql: """
                SELECT d.*, r.reminded_at AS reminded,
                    (SELECT max(finished_at) FROM attempts a WHERE a.delivery_id = d.id AND a.outcome = \(written))
                        AS written
                FROM deliveries d LEFT JOIN reminders r ON r.delivery_id = d.id
                WHERE d.status = '\(DeliveryStatus.awaitingConfirmation.rawValue)'
                """
        )
        .map { row in
            let delivery = try DeliveryRecord(row: row)
            return AwaitingPost(
                delivery: delivery,
                writtenAt: row["written"] ?? delivery.updatedAt,
                remindedAt: row["reminded"]
            )
        }
        .sorted { $0.writtenAt < $1.writtenAt }
    }

    // MARK: Attempts

    func attempts(of delivery: String) throws -> [AttemptRecord] {
        try AttemptRecord.fetchAll(
            db,
            sql: "SELECT * FROM attempts WHERE delivery_id = ? ORDER BY number",
            arguments: [delivery]
        )
    }

    func hasAttempts(_ delivery: String) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: "SELECT EXISTS (SELECT 1 FROM attempts WHERE delivery_id = ?)",
            arguments: [delivery]
        ) ?? false
    }

    func tryCounts() throws -> [String: (tries: Int, interrupted: Int)] {
        var result: [String: (tries: Int, interrupted: Int)] = [:]
        let interrupted = "'\(AttemptRecord.Outcome.interrupted.rawValue)'"
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT delivery_id, sum(outcome != \(interrupted)), sum(outcome = \(interrupted))
                FROM attempts GROUP BY delivery_id
                """
        )
        while let row = try rows.next() { result[row[0]] = (row[1], row[2]) }
        return result
    }

    // MARK: Queue files and channels

    func queueFiles() throws -> [String: QueueFileRecord] {
        var files: [String: QueueFileRecord] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT path, size, modified_ns, announcement_id, revision, checked_at FROM queue_files"
        )
        while let row = try rows.next() {
            let path: String = row[0]
            files[path] = QueueFileRecord(
                path: path,
                size: row[1],
                modifiedNanoseconds: row[2],
                announcementID: row[3],
                revision: row[4],
                checkedAt: row[5]
            )
        }
        return files
    }

    func queueFilePaths(holding announcements: Set<String>) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT path FROM queue_files
                WHERE lower(announcement_id) IN (SELECT lower(value) FROM json_each(?))
                """,
            arguments: [JSONText.array(announcements)]
        )
    }

    func channels(destination: String, otherThan channel: String) throws -> [String] {
        try String.fetchAll(
            db,
            sql: "SELECT id FROM channels WHERE destination = ? AND id != ? ORDER BY id",
            arguments: [destination, channel]
        )
    }

    // MARK: Operators

    func confirmation(of delivery: String) throws -> Confirmation? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: "SELECT * FROM confirmations WHERE delivery_id = ?",
                arguments: [delivery]
            )
        else { return nil }
        return Confirmation(
            confirmedAt: row["confirmed_at"],
            postedAt: row["posted_at"],
            url: row["url"],
            note: row["note"],
            forced: row["forced"],
            before: .init(
                status: row["previous_status"],
                note: row["previous_note"],
                nextAttemptAt: row["previous_next_attempt_at"],
                sentAt: row["previous_sent_at"],
                remoteUrl: row["previous_remote_url"]
            )
        )
    }

    func channelsWithDeliveries() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT channel FROM deliveries ORDER BY channel")
    }

    func recordConfirmation(_ confirmation: Confirmation, of delivery: String) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO confirmations (delivery_id, confirmed_at, posted_at, url, note, forced,
                    previous_status, previous_note, previous_next_attempt_at, previous_sent_at, previous_remote_url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                delivery, confirmation.confirmedAt, confirmation.postedAt, confirmation.url, confirmation.note,
                confirmation.forced, confirmation.before.status, confirmation.before.note,
                confirmation.before.nextAttemptAt, confirmation.before.sentAt, confirmation.before.remoteUrl,
            ]
        )
    }

    func forgetConfirmation(of delivery: String) throws {
        try db.execute(sql: "DELETE FROM confirmations WHERE delivery_id = ?", arguments: [delivery])
    }

    // MARK: Engagement

    func recordedMetrics() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT metric FROM engagement_metrics ORDER BY metric")
    }

    func latestFigures(of delivery: String) throws -> [String: Int] {
        var figures: [String: Int] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT metric, value FROM engagement_snapshots s
                WHERE delivery_id = ? AND taken_at = (
                    SELECT max(taken_at) FROM engagement_snapshots WHERE delivery_id = s.delivery_id AND metric = s.metric
                )
                """,
            arguments: [delivery]
        )
        for row in rows { figures[row["metric"]] = row["value"] }
        return figures
    }

    func engagementTargets() throws -> [EngagementTarget] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT d.*, p.last_polled_at AS polled, coalesce(p.unchanged_count, 0) AS unchanged
                FROM deliveries d LEFT JOIN engagement_polls p ON p.delivery_id = d.id
                WHERE d.status = '\(DeliveryStatus.sent.rawValue)' AND d.transport != '\(TransportKind.outbox.rawValue)'
                  AND d.remote_id IS NOT NULL
                ORDER BY d.sent_at
                """
        )
        .map { row in
            EngagementTarget(
                delivery: try DeliveryRecord(row: row),
                lastPolledAt: row["polled"],
                unchangedReads: row["unchanged"]
            )
        }
    }

}

extension DeliveryStatus: DatabaseValueConvertible {
    /// A set of statuses as an SQL list, `('pending', 'retrying')`, in a fixed order, for the archive's queries:
    /// the status rules have one home (``DeliveryStatus``), and the queries take their lists from it.
    static func sqlList(_ statuses: Set<DeliveryStatus>) -> String {
        "(" + allCases.filter(statuses.contains).map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    }
}
