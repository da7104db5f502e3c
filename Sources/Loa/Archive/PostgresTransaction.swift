import Foundation
import PostgresNIO

/// One transaction of the PostgreSQL archive: every named operation of the seam, as SQL for PostgreSQL.
///
/// The statements mirror ``SQLiteTransaction``'s, one for one, so that the two stores keep the same contract
/// (the conformance suite checks it); values are bound as parameters (`\(value)` in a `PostgresQuery`), lists
/// as arrays (`= ANY(…)`).
final class PostgresTransaction: ArchiveWriting {
    let session: PostgresSession

    init(_ session: PostgresSession) {
        self.session = session
    }

    /// The rows of one statement.
    @discardableResult
    func rows(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try session.query(query)
    }

    func deliveryRows(_ query: PostgresQuery) throws -> [DeliveryRecord] {
        try rows(query).map { try DeliveryRecord(postgres: $0.makeRandomAccess()) }
    }

    // MARK: Settings

    func setting(_ key: String) throws -> String? {
        try rows("SELECT value FROM settings WHERE key = \(key)").first?.decode(String.self)
    }

    func setSetting(_ key: String, _ value: String) throws {
        try rows(
            "INSERT INTO settings (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )
    }

    func removeSetting(_ key: String) throws {
        try rows("DELETE FROM settings WHERE key = \(key)")
    }

    // MARK: Deliveries

    func deliveries(announcement: String?) throws -> [DeliveryRecord] {
        if let announcement {
            return try deliveryRows(
                "SELECT * FROM deliveries WHERE announcement_id = \(announcement) ORDER BY revision, channel"
            )
        }
        return try deliveryRows("SELECT * FROM deliveries ORDER BY due_at DESC, announcement_id, revision, channel")
    }

    func deliveries(announcement: String, revision: Int) throws -> [DeliveryRecord] {
        try deliveryRows("SELECT * FROM deliveries WHERE announcement_id = \(announcement) AND revision = \(revision)")
    }

    func deliveries(ids: [String]) throws -> [DeliveryRecord] {
        guard !ids.isEmpty else { return [] }
        let found = try deliveryRows("SELECT * FROM deliveries WHERE id = ANY(\(ids))")
        let byID = Dictionary(found.map { ($0.id, $0) }) { first, _ in first }
        return ids.compactMap { byID[$0] }
    }

    func deliveries(channel: String) throws -> [DeliveryRecord] {
        try deliveryRows("SELECT * FROM deliveries WHERE channel = \(channel)")
    }

    func delivery(announcement: String, revision: Int, channel: String) throws -> DeliveryRecord? {
        try deliveryRows(
            """
            SELECT * FROM deliveries
            WHERE announcement_id = \(announcement) AND revision = \(revision) AND channel = \(channel)
            """
        ).first
    }

    func newestDelivery(announcement: String, channel: String) throws -> DeliveryRecord? {
        try deliveryRows(
            """
            SELECT * FROM deliveries WHERE announcement_id = \(announcement) AND channel = \(channel)
            ORDER BY revision DESC LIMIT 1
            """
        ).first
    }

    func hasDeliveries() throws -> Bool {
        try rows("SELECT EXISTS (SELECT 1 FROM deliveries)").first?.decode(Bool.self) ?? false
    }

    /// The deliveries a run owes an attempt at `now`, with the columns `columns` (as SQLite's ``dueSQL``).
    static func dueSQL(columns: String) -> String {
        """
        SELECT \(columns) FROM deliveries WHERE status = '\(DeliveryStatus.pending.rawValue)' AND due_at <= $1
        UNION ALL SELECT \(columns) FROM deliveries
            WHERE status = '\(DeliveryStatus.retrying.rawValue)' AND next_attempt_at <= $1
        UNION ALL SELECT \(columns) FROM deliveries WHERE status = '\(DeliveryStatus.sending.rawValue)'
        """
    }

    func dueDeliveries(at now: Date) throws -> [DeliveryRecord] {
        var binds = PostgresBindings()
        binds.append(now)
        return try deliveryRows(PostgresQuery(unsafeSQL: Self.dueSQL(columns: "*"), binds: binds))
    }

    func announcementsWithDeliveriesDue(at now: Date) throws -> Set<String> {
        var binds = PostgresBindings()
        binds.append(now)
        let sql = "SELECT DISTINCT announcement_id FROM (\(Self.dueSQL(columns: "announcement_id"))) AS due"
        return Set(try rows(PostgresQuery(unsafeSQL: sql, binds: binds)).map { try $0.decode(String.self) })
    }

    func deliveriesEdited(announcement: String, revision: Int, contentHash: String) throws -> [DeliveryRecord] {
        try deliveryRows(
            """
            SELECT * FROM deliveries
            WHERE announcement_id = \(announcement) AND revision = \(revision)
              AND status IN \(unescaped: DeliveryStatus.sqlList(DeliveryStatus.delivered))
              AND content_hash IS NOT NULL AND content_hash != \(contentHash)
            ORDER BY channel
            """
        )
    }

    func deliveredTwin(contentHash: String, otherThan announcement: String) throws
        -> (announcement: String, publishAt: Date?)?
    {
        guard
            let row = try rows(
                """
                SELECT d.announcement_id, a.publish_at FROM deliveries d
                JOIN announcements a ON a.id = d.announcement_id AND a.revision = d.revision
                WHERE a.content_hash = \(contentHash) AND d.announcement_id != \(announcement)
                  AND d.status IN \(unescaped: DeliveryStatus.sqlList(DeliveryStatus.delivered))
                LIMIT 1
                """
            ).first
        else { return nil }
        let (id, publishAt) = try row.decode((String, Date?).self)
        return (id, publishAt)
    }

    func deliveredChannel(announcement: String, revision: Int, among channels: [String]) throws -> String? {
        try rows(
            """
            SELECT channel FROM deliveries
            WHERE announcement_id = \(announcement) AND revision = \(revision) AND channel = ANY(\(channels))
              AND status IN \(unescaped: DeliveryStatus.sqlList(DeliveryStatus.delivered))
            ORDER BY channel LIMIT 1
            """
        ).first?.decode(String.self)
    }

    func lastSent(channel: String) throws -> Date? {
        try rows(
            """
            SELECT max(sent_at) FROM deliveries
            WHERE channel = \(channel) AND status = \(unescaped: "'\(DeliveryStatus.sent.rawValue)'")
            """
        ).first?.decode(Date?.self)
    }

    func awaitingConfirmation() throws -> [AwaitingPost] {
        let written = "'\(AttemptRecord.Outcome.written.rawValue)'"
        return try rows(
            """
            SELECT d.*, r.reminded_at AS reminded,
                (SELECT max(finished_at) FROM attempts a WHERE a.delivery_id = d.id AND a.outcome = \(unescaped: written))
                    AS written
            FROM deliveries d LEFT JOIN reminders r ON r.delivery_id = d.id
            WHERE d.status = \(unescaped: "'\(DeliveryStatus.awaitingConfirmation.rawValue)'")
            """
        )
        .map { row in
            let cells = row.makeRandomAccess()
            let delivery = try DeliveryRecord(postgres: cells)
            return AwaitingPost(
                delivery: delivery,
                writtenAt: try cells["written"].decode(Date?.self) ?? delivery.updatedAt,
                remindedAt: try cells["reminded"].decode(Date?.self)
            )
        }
        .sorted { $0.writtenAt < $1.writtenAt }
    }

    // MARK: Attempts

    func attempts(of delivery: String) throws -> [AttemptRecord] {
        try rows("SELECT * FROM attempts WHERE delivery_id = \(delivery) ORDER BY number").map {
            try AttemptRecord(postgres: $0.makeRandomAccess())
        }
    }

    func hasAttempts(_ delivery: String) throws -> Bool {
        try rows("SELECT EXISTS (SELECT 1 FROM attempts WHERE delivery_id = \(delivery))").first?.decode(Bool.self)
            ?? false
    }

    func tryCounts() throws -> [String: (tries: Int, interrupted: Int)] {
        let interrupted = "'\(AttemptRecord.Outcome.interrupted.rawValue)'"
        var result: [String: (tries: Int, interrupted: Int)] = [:]
        for row in try rows(
            """
            SELECT delivery_id, count(*) FILTER (WHERE outcome != \(unescaped: interrupted)),
                count(*) FILTER (WHERE outcome = \(unescaped: interrupted))
            FROM attempts GROUP BY delivery_id
            """
        ) {
            let (id, tries, interruptedCount) = try row.decode((String, Int, Int).self)
            result[id] = (tries, interruptedCount)
        }
        return result
    }

    // MARK: Queue files and channels

    func queueFiles() throws -> [String: QueueFileRecord] {
        var files: [String: QueueFileRecord] = [:]
        for row in try rows(
            "SELECT path, size, modified_ns, announcement_id, revision, checked_at FROM queue_files"
        ) {
            let (path, size, modified, announcement, revision, checked) = try row.decode(
                (String, Int64, Int64, String?, Int?, Date).self
            )
            files[path] = QueueFileRecord(
                path: path,
                size: size,
                modifiedNanoseconds: modified,
                announcementID: announcement,
                revision: revision,
                checkedAt: checked
            )
        }
        return files
    }

    func queueFilePaths(holding announcements: Set<String>) throws -> [String] {
        let lowered = announcements.map { $0.lowercased() }
        return try rows("SELECT path FROM queue_files WHERE lower(announcement_id) = ANY(\(lowered))").map {
            try $0.decode(String.self)
        }
    }

    func channels(destination: String, otherThan channel: String) throws -> [String] {
        try rows("SELECT id FROM channels WHERE destination = \(destination) AND id != \(channel) ORDER BY id").map {
            try $0.decode(String.self)
        }
    }

    // MARK: Operators

    func confirmation(of delivery: String) throws -> Confirmation? {
        guard let row = try rows("SELECT * FROM confirmations WHERE delivery_id = \(delivery)").first else {
            return nil
        }
        let cells = row.makeRandomAccess()
        return Confirmation(
            confirmedAt: try cells["confirmed_at"].decode(Date.self),
            postedAt: try cells["posted_at"].decode(Date.self),
            url: try cells["url"].decode(String?.self),
            note: try cells["note"].decode(String?.self),
            forced: try cells["forced"].decode(Bool.self),
            before: .init(
                status: try Self.value(cells["previous_status"], DeliveryStatus.self),
                note: try cells["previous_note"].decode(String?.self),
                nextAttemptAt: try cells["previous_next_attempt_at"].decode(Date?.self),
                sentAt: try cells["previous_sent_at"].decode(Date?.self),
                remoteUrl: try cells["previous_remote_url"].decode(String?.self)
            )
        )
    }

    func channelsWithDeliveries() throws -> [String] {
        try rows("SELECT DISTINCT channel FROM deliveries ORDER BY channel").map { try $0.decode(String.self) }
    }

    // MARK: Engagement

    func recordedMetrics() throws -> [String] {
        try rows("SELECT metric FROM engagement_metrics ORDER BY metric").map { try $0.decode(String.self) }
    }

    func latestFigures(of delivery: String) throws -> [String: Int] {
        var figures: [String: Int] = [:]
        for row in try rows(
            """
            SELECT metric, value FROM engagement_snapshots s
            WHERE delivery_id = \(delivery) AND taken_at = (
                SELECT max(taken_at) FROM engagement_snapshots WHERE delivery_id = s.delivery_id AND metric = s.metric
            )
            """
        ) {
            let (metric, value) = try row.decode((String, Int).self)
            figures[metric] = value
        }
        return figures
    }

    func engagementTargets() throws -> [EngagementTarget] {
        try rows(
            """
            SELECT d.*, p.last_polled_at AS polled, coalesce(p.unchanged_count, 0) AS unchanged
            FROM deliveries d LEFT JOIN engagement_polls p ON p.delivery_id = d.id
            WHERE d.status = \(unescaped: "'\(DeliveryStatus.sent.rawValue)'")
              AND d.transport != \(unescaped: "'\(TransportKind.outbox.rawValue)'")
              AND d.remote_id IS NOT NULL
            ORDER BY d.sent_at
            """
        )
        .map { row in
            let cells = row.makeRandomAccess()
            return EngagementTarget(
                delivery: try DeliveryRecord(postgres: cells),
                lastPolledAt: try cells["polled"].decode(Date?.self),
                unchangedReads: try cells["unchanged"].decode(Int.self)
            )
        }
    }

    /// A value of one of Loa's string enumerations, or an error naming the column.
    static func value<T: RawRepresentable>(_ cell: PostgresCell, _ type: T.Type) throws -> T
    where T.RawValue == String {
        let text = try cell.decode(String.self)
        guard let value = T(rawValue: text) else {
            throw ArchiveRowError(column: cell.columnName, value: text)
        }
        return value
    }
}

/// A row holding a value Loa does not write (a status of a newer Loa, or one written by hand).
struct ArchiveRowError: Error, CustomStringConvertible {
    var column: String
    var value: String
    var description: String { "the archive's column '\(column)' holds '\(value)', which this Loa does not know" }
}

extension DeliveryRecord {
    /// A delivery from a row of `deliveries` in PostgreSQL, read by column name.
    init(postgres cells: PostgresRandomAccessRow) throws {
        self.init(
            id: try cells["id"].decode(String.self),
            announcementId: try cells["announcement_id"].decode(String.self),
            revision: try cells["revision"].decode(Int.self),
            channel: try cells["channel"].decode(String.self),
            platform: try PostgresTransaction.value(cells["platform"], Platform.self),
            transport: try PostgresTransaction.value(cells["transport"], TransportKind.self),
            status: try PostgresTransaction.value(cells["status"], DeliveryStatus.self),
            dueAt: try cells["due_at"].decode(Date.self),
            nextAttemptAt: try cells["next_attempt_at"].decode(Date?.self),
            attemptCount: try cells["attempt_count"].decode(Int.self),
            backoffStep: try cells["backoff_step"].decode(Int.self),
            contentHash: try cells["content_hash"].decode(String?.self),
            variantId: try cells["variant_id"].decode(String?.self),
            remoteId: try cells["remote_id"].decode(String?.self),
            remoteUrl: try cells["remote_url"].decode(String?.self),
            note: try cells["note"].decode(String?.self),
            sentAt: try cells["sent_at"].decode(Date?.self),
            createdAt: try cells["created_at"].decode(Date.self),
            updatedAt: try cells["updated_at"].decode(Date.self),
            windowStart: try cells["window_start"].decode(Date?.self)
        )
    }
}

extension AttemptRecord {
    /// An attempt from a row of `attempts` in PostgreSQL, read by column name.
    init(postgres cells: PostgresRandomAccessRow) throws {
        self.init(
            id: try cells["id"].decode(Int64.self),
            deliveryId: try cells["delivery_id"].decode(String.self),
            number: try cells["number"].decode(Int.self),
            channel: try cells["channel"].decode(String.self),
            url: try cells["url"].decode(String?.self),
            startedAt: try cells["started_at"].decode(Date.self),
            finishedAt: try cells["finished_at"].decode(Date?.self),
            durationMs: try cells["duration_ms"].decode(Double?.self),
            httpStatus: try cells["http_status"].decode(Int?.self),
            responseHeaders: try cells["response_headers"].decode(String?.self),
            responseBody: try cells["response_body"].decode(String?.self),
            remoteId: try cells["remote_id"].decode(String?.self),
            remoteUrl: try cells["remote_url"].decode(String?.self),
            outcome: try PostgresTransaction.value(cells["outcome"], AttemptRecord.Outcome.self),
            errorClass: try cells["error_class"].decode(String?.self),
            errorMessage: try cells["error_message"].decode(String?.self),
            nextAttemptAt: try cells["next_attempt_at"].decode(Date?.self),
            host: try cells["host"].decode(String?.self)
        )
    }
}
