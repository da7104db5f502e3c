import Foundation
import GRDB

/// Dates as GRDB stores them (`2026-12-01 01:00:00.000`, UTC), formatted by arithmetic: on the hot path,
/// GRDB's own date formatting cost more than the SQL it was part of.
enum DatabaseDate {
    static func text(_ date: Date?) -> String? {
        guard let date else { return nil }
        return text(milliseconds: Int((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// The archive's text for an instant given in milliseconds since 1970.
    static func text(milliseconds: Int) -> String {
        let seconds = Int((Double(milliseconds) / 1000).rounded(.down))
        let fraction = milliseconds - seconds * 1000
        let (year, month, day, hour, minute, second) = UTCTime.components(seconds: seconds)
        guard (0...9999).contains(year) else {
            let pad = UTCTime.pad
            let millis = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : String(fraction)
            return "\(year)-\(pad(month))-\(pad(day)) \(pad(hour)):\(pad(minute)):\(pad(second)).\(millis)"
        }
        // Digit by digit into the string's own storage: a run writes several dates per delivery, and
        // interpolation allocated for every part.
        return String(unsafeUninitializedCapacity: 23) { bytes in
            func put(_ value: Int, at end: Int, digits: Int, then separator: UInt8?) {
                var value = value
                for offset in 0..<digits {
                    bytes[end - offset] = UInt8(48 + value % 10)
                    value /= 10
                }
                if let separator { bytes[end + 1] = separator }
            }
            put(year, at: 3, digits: 4, then: UInt8(ascii: "-"))
            put(month, at: 6, digits: 2, then: UInt8(ascii: "-"))
            put(day, at: 9, digits: 2, then: UInt8(ascii: " "))
            put(hour, at: 12, digits: 2, then: UInt8(ascii: ":"))
            put(minute, at: 15, digits: 2, then: UInt8(ascii: ":"))
            put(second, at: 18, digits: 2, then: UInt8(ascii: "."))
            put(fraction, at: 22, digits: 3, then: nil)
            return 23
        }
    }

    /// Reads `2026-12-01 01:00:00.000` (the milliseconds and seconds optional) as a UTC instant.
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes in
            milliseconds(UnsafeRawBufferPointer(bytes)).map { Date(timeIntervalSince1970: Double($0) / 1000) }
        }
    }

    /// Milliseconds since 1970 of `2026-12-01 01:00:00.000` (UTC; seconds and milliseconds optional), read off
    /// the bytes without a `String` or a formatter.
    static func milliseconds(_ bytes: UnsafeRawBufferPointer) -> Int? {
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for index in start..<(start + count) {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2)
        else { return nil }
        let second = number(17, 2) ?? 0
        let milliseconds = number(20, 3) ?? 0
        // Days from civil (Howard Hinnant).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return (days * 86_400 + hour * 3600 + minute * 60 + second) * 1000 + milliseconds
    }
}

/// The writes on a run's hot path, as prepared statements kept for the whole run.
///
/// A fan-out run writes four rows per delivery (an attempt started and finished, the delivery twice); the generic
/// record methods rebuild their SQL each time, which cost more than the HTTP exchange itself.
extension DeliveryRecord {
    /// The statement of ``insertFast(using:)``, prepared once per connection; a caller writing many rows asks
    /// for it once (looking it up hashes its text).
    static func insertStatement(_ db: Database) throws -> Statement {
        try db.cachedStatement(
            sql: """
                INSERT INTO deliveries (id, announcement_id, revision, channel, platform, transport, status, due_at,
                    next_attempt_at, attempt_count, backoff_step, content_hash, variant_id, remote_id, remote_url, note,
                    sent_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
    }

    /// Inserts a new delivery with ``insertStatement(_:)``.
    func insertFast(using statement: Statement) throws {
        try statement.run(
            .text(id),
            .text(announcementId),
            .integer(revision),
            .text(channel),
            .text(platform.rawValue),
            .text(transport.rawValue),
            .text(status.rawValue),
            .text(DatabaseDate.text(dueAt)),
            .text(DatabaseDate.text(nextAttemptAt)),
            .integer(attemptCount),
            .integer(backoffStep),
            .text(contentHash),
            .text(variantId),
            .text(remoteId),
            .text(remoteUrl),
            .text(note),
            .text(DatabaseDate.text(sentAt)),
            .text(DatabaseDate.text(createdAt)),
            .text(DatabaseDate.text(updatedAt))
        )
    }

    /// Records that attempts are starting: one row of `run_starts` for a whole batch, naming each delivery with
    /// its attempt count before the attempt; returns the row's id.
    ///
    /// The journal is the record that a request may have left: a delivery whose outcome is recorded has a higher
    /// count, and what a killed run leaves in the journal with the same count is turned into `sending` by the
    /// next run (``recoverInterruptedStarts(_:)``), which records the attempt as interrupted and sends again with
    /// the same id. One row per batch instead of an update per delivery: a fan-out wrote each delivery twice.
    static func recordStarting(_ deliveries: [(id: String, attemptCount: Int)], at time: Date, _ db: Database)
        throws -> Int64
    {
        var json: [UInt8] = [UInt8(ascii: "[")]
        json.reserveCapacity(deliveries.count * 48)
        for (id, attemptCount) in deliveries {
            if json.count > 1 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "["))
            JSONText.appendString(id, to: &json)
            json += ",\(attemptCount)]".utf8
        }
        json.append(UInt8(ascii: "]"))
        let statement = try db.cachedStatement(sql: "INSERT INTO run_starts (started_at, deliveries) VALUES (?, ?)")
        try statement.run(.text(DatabaseDate.text(time)), .text(String(decoding: json, as: UTF8.self)))
        return db.lastInsertedRowID
    }

    /// Removes a run's journal rows once every outcome they name is recorded.
    static func forgetStarts(_ ids: [Int64], _ db: Database) throws {
        guard !ids.isEmpty else { return }
        try db.execute(
            sql: "DELETE FROM run_starts WHERE id IN (SELECT value FROM json_each(?))",
            arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"]
        )
    }

    /// Turns what a killed run left in the journal into `sending` deliveries, their attempt counted: those whose
    /// count has not moved since their start was recorded and that nobody has settled since. Runs only under the
    /// run lock, where no other run can be writing the journal.
    static func recoverInterruptedStarts(_ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM run_starts)") == true else { return }
        try db.execute(
            sql: """
                UPDATE deliveries SET status = '\(DeliveryStatus.sending.rawValue)', attempt_count = attempt_count + 1, updated_at = started.at
                FROM (
                    SELECT entry.value ->> 0 AS id, entry.value ->> 1 AS count, run_starts.started_at AS at
                    FROM run_starts, json_each(run_starts.deliveries) AS entry
                ) AS started
                WHERE deliveries.id = started.id AND deliveries.attempt_count = started.count
                  AND deliveries.status IN \(DeliveryStatus.sqlList([.pending, .retrying]))
                """
        )
        try db.execute(sql: "DELETE FROM run_starts")
    }

    /// The statement of ``recordOutcome(using:)``, prepared once per connection.
    ///
    /// An operator may cancel a delivery while its request is in flight (`loa cancel` during a run). The cancel
    /// survives whatever answer arrives: the attempt and its count are recorded, but a post that went out changes
    /// the status (the archive must say it exists): a success, whose note then says the cancel came too late, or a
    /// post written to the outbox, which keeps the note telling a person what to do with the file.
    static func outcomeStatement(_ db: Database) throws -> Statement {
        let cancelled = "'\(DeliveryStatus.cancelled.rawValue)'"
        let sent = "'\(DeliveryStatus.sent.rawValue)'"
        let kept = "status = \(cancelled) AND ?1 NOT IN \(DeliveryStatus.sqlList(DeliveryStatus.delivered))"
        return try db.cachedStatement(
            sql: """
                UPDATE deliveries SET
                    status = CASE WHEN \(kept) THEN status ELSE ?1 END,
                    attempt_count = ?2,
                    next_attempt_at = CASE WHEN \(kept) THEN NULL ELSE ?3 END,
                    backoff_step = ?4, content_hash = ?5, variant_id = ?6, remote_id = ?7, remote_url = ?8,
                    note = CASE
                        WHEN \(kept) THEN note
                        WHEN status = \(cancelled) AND ?1 = \(sent) THEN '\(cancelledTooLate)'
                        ELSE ?9 END,
                    sent_at = ?10, updated_at = ?11, tries = tries + ?13
                WHERE id = ?12
                """
        )
    }

    /// The note of a delivery cancelled while its request was in flight, and then accepted by the bridge.
    static let cancelledTooLate = "sent: the cancel came after the request had left, and the bridge accepted it"

    /// Records the outcome of `attempt` with ``outcomeStatement(_:)``, counting it among the delivery's tries
    /// unless it was interrupted (``AttemptRecord/countsAsTry``).
    func recordOutcome(of attempt: AttemptRecord, using statement: Statement) throws {
        try statement.run(
            .text(status.rawValue),
            .integer(attemptCount),
            .text(DatabaseDate.text(nextAttemptAt)),
            .integer(backoffStep),
            .text(contentHash),
            .text(variantId),
            .text(remoteId),
            .text(remoteUrl),
            .text(note),
            .text(DatabaseDate.text(sentAt)),
            .text(DatabaseDate.text(updatedAt)),
            .text(id),
            .integer(attempt.countsAsTry ? 1 : 0)
        )
    }

    /// Counts `attempt` among the tries of its delivery when its outcome is not written with it (fenced by a
    /// lease, or found by the planner).
    static func countTry(_ attempt: AttemptRecord, _ db: Database) throws {
        guard attempt.countsAsTry else { return }
        try db.execute(sql: "UPDATE deliveries SET tries = tries + 1 WHERE id = ?", arguments: [attempt.deliveryId])
    }
}

extension AttemptRecord {
    /// Whether this attempt is one of its delivery's tries: answered or failed to connect. An `interrupted` one
    /// (a run killed with the request maybe in flight) is not, so tries say what reached the bridge.
    var countsAsTry: Bool { outcome != .interrupted }

    /// The statement of ``insertFinished(using:)``, prepared once per connection.
    static func insertFinishedStatement(_ db: Database) throws -> Statement {
        try db.cachedStatement(
            sql: """
                INSERT INTO attempts (delivery_id, number, channel, url, started_at, finished_at, duration_ms, http_status,
                    response_headers, response_body, remote_id, remote_url, outcome, error_class, error_message,
                    next_attempt_at, host)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
    }

    /// Records a finished attempt, whole, with ``insertFinishedStatement(_:)``.
    func insertFinished(using statement: Statement) throws {
        try statement.run(
            .text(deliveryId),
            .integer(number),
            .text(channel),
            .text(url),
            .text(DatabaseDate.text(startedAt)),
            .text(DatabaseDate.text(finishedAt)),
            .real(durationMs),
            .integer(httpStatus),
            .text(responseHeaders),
            .text(responseBody),
            .text(remoteId),
            .text(remoteUrl),
            .text(outcome.rawValue),
            .text(errorClass),
            .text(errorMessage),
            .text(DatabaseDate.text(nextAttemptAt)),
            .text(host)
        )
    }
}
