import Foundation
import GRDB

/// Channel leases on SQLite. Runs on one host are kept apart by the run lock, so `loa run` does not lease on an
/// SQLite archive; the operations are here so that the seam's contract holds for every store (and an archive
/// copied between stores keeps them). SQLite's writer lock serialises claims: nothing can lease between a
/// claim's read and its write.
extension SQLiteTransaction {
    /// SQLite's writer lock already keeps every other writer out.
    func excludeOtherQueueSyncs() throws {}

    func channelLeases() throws -> [ChannelLease] {
        try Row.fetchAll(db, sql: "SELECT channel, holder, token, until FROM channel_leases ORDER BY channel").map {
            ChannelLease(channel: $0[0], holder: $0[1] ?? "", token: $0[2], until: $0[3])
        }
    }

    func claimChannels(host: String, at now: Date, for duration: TimeInterval, limit: Int) throws -> [ChannelLease] {
        guard limit > 0 else { return [] }
        let due = try String.fetchAll(
            db,
            sql: "SELECT DISTINCT channel FROM (\(Self.dueSQL(columns: "channel"))) ORDER BY channel",
            arguments: ["now": now]
        )
        var token = try Int64.fetchOne(db, sql: "SELECT coalesce(max(token), 0) FROM channel_leases") ?? 0
        let until = now.addingTimeInterval(duration)
        var leases: [ChannelLease] = []
        for channel in due {
            let held = try Date.fetchOne(
                db,
                sql: "SELECT until FROM channel_leases WHERE channel = ?",
                arguments: [channel]
            )
            if let held, held > now { continue }
            token += 1
            try db.execute(
                sql: """
                    INSERT INTO channel_leases (channel, holder, token, until) VALUES (?, ?, ?, ?)
                    ON CONFLICT (channel) DO UPDATE SET holder = excluded.holder, token = excluded.token,
                        until = excluded.until
                    """,
                arguments: [channel, host, token, until]
            )
            leases.append(ChannelLease(channel: channel, holder: host, token: token, until: until))
            if leases.count == limit { break }
        }
        return leases
    }

    func renewLeases(_ leases: [ChannelLease], at now: Date, for duration: TimeInterval) throws -> [ChannelLease] {
        let until = now.addingTimeInterval(duration)
        var kept: [ChannelLease] = []
        for var lease in leases {
            try db.execute(
                sql: "UPDATE channel_leases SET until = ? WHERE channel = ? AND token = ? AND until > ?",
                arguments: [until, lease.channel, lease.token, now]
            )
            guard db.changesCount > 0 else { continue }
            lease.until = until
            kept.append(lease)
        }
        return kept
    }

    func releaseLeases(_ leases: [ChannelLease], at now: Date) throws {
        for lease in leases {
            try db.execute(
                sql: "UPDATE channel_leases SET until = ? WHERE channel = ? AND token = ? AND until > ?",
                arguments: [now, lease.channel, lease.token, now]
            )
        }
    }

    func recoverInterruptedStarts(on channels: Set<String>) throws {
        guard !channels.isEmpty else { return }
        try db.execute(
            sql: """
                UPDATE deliveries SET status = '\(DeliveryStatus.sending.rawValue)', attempt_count = attempt_count + 1, updated_at = started.at
                FROM (
                    SELECT entry.value ->> 0 AS id, entry.value ->> 1 AS count, run_starts.started_at AS at
                    FROM run_starts, json_each(run_starts.deliveries) AS entry
                ) AS started
                WHERE deliveries.id = started.id AND deliveries.attempt_count = started.count
                  AND deliveries.status IN \(DeliveryStatus.sqlList([.pending, .retrying]))
                  AND deliveries.channel IN (SELECT value FROM json_each(?))
                """,
            arguments: [JSONText.array(channels)]
        )
    }

    func recordOutcomes(
        _ outcomes: [(attempt: AttemptRecord, delivery: DeliveryRecord)],
        fencedBy leases: [String: Int64]
    ) throws {
        guard !outcomes.isEmpty else { return }
        let insertAttempt = try AttemptRecord.insertFinishedStatement(db)
        let updateDelivery = try DeliveryRecord.outcomeStatement(db)
        for (attempt, delivery) in outcomes {
            try attempt.insertFinished(using: insertAttempt)
            if !DeliveryStatus.delivered.contains(delivery.status) {
                let token = try Int64.fetchOne(
                    db,
                    sql: "SELECT token FROM channel_leases WHERE channel = ?",
                    arguments: [delivery.channel]
                )
                let status = try String.fetchOne(
                    db,
                    sql: "SELECT status FROM deliveries WHERE id = ?",
                    arguments: [delivery.id]
                ).flatMap(DeliveryStatus.init(rawValue:))
                guard let token, token == leases[delivery.channel], let status,
                    !DeliveryStatus.delivered.contains(status)
                else {
                    try DeliveryRecord.countTry(attempt, db)
                    continue
                }
            }
            try delivery.recordOutcome(of: attempt, using: updateDelivery)
        }
    }

    func claimPolls(_ polls: [(delivery: String, lastPolledAt: Date?)], at now: Date) throws -> Set<String> {
        var claimed: Set<String> = []
        for (delivery, seen) in polls {
            if let seen {
                try db.execute(
                    sql: "UPDATE engagement_polls SET last_polled_at = ? WHERE delivery_id = ? AND last_polled_at = ?",
                    arguments: [now, delivery, seen]
                )
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO engagement_polls (delivery_id, last_polled_at, unchanged_count) VALUES (?, ?, 0)
                        ON CONFLICT (delivery_id) DO UPDATE SET last_polled_at = excluded.last_polled_at
                        WHERE engagement_polls.last_polled_at IS NULL
                        """,
                    arguments: [delivery, now]
                )
            }
            if db.changesCount > 0 { claimed.insert(delivery) }
        }
        return claimed
    }

    func releasePoll(delivery: String, takenAt: Date, lastPolledAt: Date?) throws {
        try db.execute(
            sql: "UPDATE engagement_polls SET last_polled_at = ? WHERE delivery_id = ? AND last_polled_at = ?",
            arguments: [lastPolledAt, delivery, takenAt]
        )
    }
}
