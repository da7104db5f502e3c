import Foundation
import PostgresNIO

/// The PostgreSQL archive's writes (its reads are in PostgresTransaction.swift), statement for statement as
/// SQLite's (SQLiteTransaction+Writes.swift, SQLiteHotPath.swift).
extension PostgresTransaction {
    // MARK: Writes: announcements and deliveries

    func recordAnnouncement(_ announcement: Announcement, contentHash: String, at now: Date) throws {
        let category = announcement.category.rawValue
        let link = announcement.link?.absoluteString
        let file = DisplayPath.of(announcement.file)
        try rows(
            """
            INSERT INTO announcements (id, revision, content_hash, title, category, unit, publish_at, expires_at,
                                       link, file, first_seen_at, updated_at)
            VALUES (\(announcement.id), \(announcement.revision), \(contentHash), \(announcement.title), \(category),
                    \(announcement.unit), \(announcement.publishAt), \(announcement.expiresAt), \(link), \(file),
                    \(now), \(now))
            ON CONFLICT (id, revision) DO UPDATE SET
                content_hash = excluded.content_hash, title = excluded.title, category = excluded.category,
                unit = excluded.unit, publish_at = excluded.publish_at, expires_at = excluded.expires_at,
                link = excluded.link, file = excluded.file, updated_at = excluded.updated_at
            """
        )
    }

    func updateDelivery(_ delivery: DeliveryRecord) throws {
        try rows(
            """
            UPDATE deliveries SET announcement_id = \(delivery.announcementId), revision = \(delivery.revision),
                channel = \(delivery.channel), platform = \(delivery.platform.rawValue),
                transport = \(delivery.transport.rawValue), status = \(delivery.status.rawValue),
                due_at = \(delivery.dueAt), next_attempt_at = \(delivery.nextAttemptAt),
                attempt_count = \(delivery.attemptCount), backoff_step = \(delivery.backoffStep),
                content_hash = \(delivery.contentHash), variant_id = \(delivery.variantId),
                remote_id = \(delivery.remoteId), remote_url = \(delivery.remoteUrl), note = \(delivery.note),
                sent_at = \(delivery.sentAt), created_at = \(delivery.createdAt), updated_at = \(delivery.updatedAt),
                window_start = \(delivery.windowStart)
            WHERE id = \(delivery.id)
            """
        )
    }

    func markDeliveries(
        announcement: String,
        revisionsBelow: Int?,
        statuses: Set<DeliveryStatus>,
        status: DeliveryStatus?,
        note: String,
        at now: Date
    ) throws {
        try rows(
            """
            UPDATE deliveries SET status = coalesce(\(status?.rawValue), status), note = \(note), updated_at = \(now)
            WHERE announcement_id = \(announcement) AND (\(revisionsBelow)::bigint IS NULL OR revision < \(revisionsBelow))
              AND status IN \(unescaped: DeliveryStatus.sqlList(statuses))
            """
        )
    }

    func recordReminder(delivery: String, at time: Date) throws {
        try rows(
            """
            INSERT INTO reminders (delivery_id, reminded_at) VALUES (\(delivery), \(time))
            ON CONFLICT (delivery_id) DO UPDATE SET reminded_at = excluded.reminded_at
            """
        )
    }

    func removeDelivery(_ delivery: String) throws {
        try rows("DELETE FROM engagement_polls WHERE delivery_id = \(delivery)")
        try rows("DELETE FROM deliveries WHERE id = \(delivery)")
    }

    func storeVariant(id: String, text: String, length: Int) throws {
        try rows("INSERT INTO variants (id, text, length) VALUES (\(id), \(text), \(length)) ON CONFLICT DO NOTHING")
    }

    // MARK: Writes: the run's hot path

    func recoverInterruptedStarts() throws {
        guard try rows("SELECT EXISTS (SELECT 1 FROM run_starts)").first?.decode(Bool.self) == true else { return }
        try rows(
            """
            UPDATE deliveries SET status = \(unescaped: "'\(DeliveryStatus.sending.rawValue)'"),
                attempt_count = attempt_count + 1, updated_at = started.at
            FROM (
                SELECT entry ->> 0 AS id, (entry ->> 1)::integer AS count, run_starts.started_at AS at
                FROM run_starts, jsonb_array_elements(run_starts.deliveries) AS entry
            ) AS started
            WHERE deliveries.id = started.id AND deliveries.attempt_count = started.count
              AND deliveries.status IN \(unescaped: DeliveryStatus.sqlList([.pending, .retrying]))
            """
        )
        try rows("DELETE FROM run_starts")
    }

    func recordStarting(_ deliveries: [(id: String, attemptCount: Int)], at time: Date) throws -> Int64 {
        var json: [UInt8] = [UInt8(ascii: "[")]
        for (id, attemptCount) in deliveries {
            if json.count > 1 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "["))
            JSONText.appendString(id, to: &json)
            json += ",\(attemptCount)]".utf8
        }
        json.append(UInt8(ascii: "]"))
        let text = String(decoding: json, as: UTF8.self)
        return try rows(
            "INSERT INTO run_starts (started_at, deliveries) VALUES (\(time), \(text)::jsonb) RETURNING id"
        ).first?.decode(Int64.self) ?? 0
    }

    func forgetStarts(_ entries: [Int64]) throws {
        guard !entries.isEmpty else { return }
        try rows("DELETE FROM run_starts WHERE id = ANY(\(entries))")
    }

    func recordOutcomes(_ outcomes: [(attempt: AttemptRecord, delivery: DeliveryRecord)]) throws {
        guard !outcomes.isEmpty else { return }
        try insertAttempts(outcomes.map(\.attempt))
        try recordOutcomes(outcomes.map { ($0.delivery, nil) })
    }

    func insertAttempt(_ attempt: AttemptRecord) throws {
        try rows(
            """
            INSERT INTO attempts (delivery_id, number, channel, url, started_at, finished_at, duration_ms, http_status,
                response_headers, response_body, remote_id, remote_url, outcome, error_class, error_message,
                next_attempt_at, host)
            VALUES (\(attempt.deliveryId), \(attempt.number), \(attempt.channel), \(attempt.url), \(attempt.startedAt),
                \(attempt.finishedAt), \(attempt.durationMs), \(attempt.httpStatus), \(attempt.responseHeaders),
                \(attempt.responseBody), \(attempt.remoteId), \(attempt.remoteUrl), \(attempt.outcome.rawValue),
                \(attempt.errorClass), \(attempt.errorMessage), \(attempt.nextAttemptAt), \(attempt.host))
            """
        )
    }

    // MARK: Writes: queue files and channels

    func recordQueueFile(_ file: QueueFileRecord) throws {
        try rows(
            """
            INSERT INTO queue_files (path, size, modified_ns, announcement_id, revision, checked_at)
            VALUES (\(file.path), \(file.size), \(file.modifiedNanoseconds), \(file.announcementID), \(file.revision),
                \(file.checkedAt))
            ON CONFLICT (path) DO UPDATE SET size = excluded.size, modified_ns = excluded.modified_ns,
                announcement_id = excluded.announcement_id, revision = excluded.revision,
                checked_at = excluded.checked_at
            """
        )
    }

    func forgetQueueFile(_ path: String) throws {
        try rows("DELETE FROM queue_files WHERE path = \(path)")
    }

    func recordChannel(_ channel: String, destination: String?) throws {
        try rows(
            """
            INSERT INTO channels (id, destination) VALUES (\(channel), \(destination))
            ON CONFLICT (id) DO UPDATE SET destination = excluded.destination
            """
        )
    }

    func moveChannelRecords(from old: String, to new: String, at now: Date) throws {
        try rows("UPDATE deliveries SET channel = \(new), updated_at = \(now) WHERE channel = \(old)")
        try rows("UPDATE attempts SET channel = \(new) WHERE channel = \(old)")
        try rows("DELETE FROM channels WHERE id = \(old)")
    }

    // MARK: Writes: operators

    func recordConfirmation(_ confirmation: Confirmation, of delivery: String) throws {
        let before = confirmation.before
        try rows(
            """
            INSERT INTO confirmations (delivery_id, confirmed_at, posted_at, url, note, forced, previous_status,
                previous_note, previous_next_attempt_at, previous_sent_at, previous_remote_url)
            VALUES (\(delivery), \(confirmation.confirmedAt), \(confirmation.postedAt), \(confirmation.url),
                \(confirmation.note), \(confirmation.forced), \(before.status.rawValue), \(before.note),
                \(before.nextAttemptAt), \(before.sentAt), \(before.remoteUrl))
            ON CONFLICT (delivery_id) DO UPDATE SET confirmed_at = excluded.confirmed_at,
                posted_at = excluded.posted_at, url = excluded.url, note = excluded.note, forced = excluded.forced,
                previous_status = excluded.previous_status, previous_note = excluded.previous_note,
                previous_next_attempt_at = excluded.previous_next_attempt_at,
                previous_sent_at = excluded.previous_sent_at, previous_remote_url = excluded.previous_remote_url
            """
        )
    }

    func forgetConfirmation(of delivery: String) throws {
        try rows("DELETE FROM confirmations WHERE delivery_id = \(delivery)")
    }

    // MARK: Writes: engagement

    func recordFigures(_ figures: [String: Int], delivery: String, at time: Date, source: String) throws {
        for (metric, value) in figures.sorted(by: { $0.key < $1.key }) {
            try rows(
                """
                INSERT INTO engagement_snapshots (delivery_id, metric, value, taken_at, source)
                VALUES (\(delivery), \(metric), \(value), \(time), \(source))
                """
            )
        }
    }

    func recordPoll(delivery: String, at time: Date, unchangedReads: Int, error: String?) throws {
        try rows(
            """
            INSERT INTO engagement_polls (delivery_id, last_polled_at, unchanged_count, last_error)
            VALUES (\(delivery), \(time), \(unchangedReads), \(error))
            ON CONFLICT (delivery_id) DO UPDATE SET last_polled_at = excluded.last_polled_at,
                unchanged_count = excluded.unchanged_count, last_error = excluded.last_error
            """
        )
    }

    func recordPollFailure(delivery: String, error: String) throws {
        try rows(
            """
            INSERT INTO engagement_polls (delivery_id, unchanged_count, last_error) VALUES (\(delivery), 0, \(error))
            ON CONFLICT (delivery_id) DO UPDATE SET last_error = excluded.last_error
            """
        )
    }
}
