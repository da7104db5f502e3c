import Foundation
import PostgresNIO

/// Channel leases on PostgreSQL: several hosts share the work of one archive a channel at a time. A claim is
/// one short transaction, committed before anything is sent: it locks free lease rows with `FOR UPDATE SKIP
/// LOCKED`, so hosts claiming at the same instant take different channels and never wait for each other, and
/// at READ COMMITTED a row another host has just leased is read again and found taken.
extension PostgresTransaction {
    func excludeOtherQueueSyncs() throws {
        try rows("SELECT pg_advisory_xact_lock(\(PostgresSchema.queueSyncLock))")
    }

    func channelLeases() throws -> [ChannelLease] {
        try rows("SELECT channel, coalesce(holder, ''), token, until FROM channel_leases ORDER BY channel").map {
            let (channel, holder, token, until) = try $0.decode((String, String, Int64, Date).self)
            return ChannelLease(channel: channel, holder: holder, token: token, until: until)
        }
    }

    func claimChannels(host: String, at now: Date, for duration: TimeInterval, limit: Int) throws -> [ChannelLease] {
        guard limit > 0 else { return [] }
        var binds = PostgresBindings()
        binds.append(now)
        // Every channel with work owed gets a lease row (ended long ago) the first time.
        try rows(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO channel_leases (channel, until)
                    SELECT DISTINCT channel, '-infinity'::timestamptz FROM (\(Self.dueSQL(columns: "channel"))) AS due
                    ON CONFLICT DO NOTHING
                    """,
                binds: binds
            )
        )
        binds.append(limit)
        binds.append(host)
        binds.append(now.addingTimeInterval(duration))
        let leased = try rows(
            PostgresQuery(
                unsafeSQL: """
                    WITH free AS (
                        SELECT l.channel FROM channel_leases l
                        WHERE l.until <= $1 AND l.channel IN (SELECT channel FROM (\(Self.dueSQL(columns: "channel"))) AS due)
                        ORDER BY l.channel LIMIT $2 FOR UPDATE OF l SKIP LOCKED
                    )
                    UPDATE channel_leases l SET holder = $3, token = nextval('lease_tokens'), until = $4
                    FROM free WHERE l.channel = free.channel
                    RETURNING l.channel, l.holder, l.token, l.until
                    """,
                binds: binds
            )
        )
        return try leased.map {
            let (channel, holder, token, until) = try $0.decode((String, String, Int64, Date).self)
            return ChannelLease(channel: channel, holder: holder, token: token, until: until)
        }
        .sorted { $0.channel.utf8.lexicographicallyPrecedes($1.channel.utf8) }
    }

    func renewLeases(_ leases: [ChannelLease], at now: Date, for duration: TimeInterval) throws -> [ChannelLease] {
        guard !leases.isEmpty else { return [] }
        let until = now.addingTimeInterval(duration)
        let channels = leases.map(\.channel)
        let tokens = leases.map(\.token)
        let kept = Set(
            try rows(
                """
                UPDATE channel_leases l SET until = \(until)
                FROM unnest(\(channels)::text[], \(tokens)::int8[]) AS k(channel, token)
                WHERE l.channel = k.channel AND l.token = k.token AND l.until > \(now)
                RETURNING l.channel
                """
            ).map { try $0.decode(String.self) }
        )
        return leases.filter { kept.contains($0.channel) }.map { lease in
            var lease = lease
            lease.until = until
            return lease
        }
    }

    func releaseLeases(_ leases: [ChannelLease], at now: Date) throws {
        guard !leases.isEmpty else { return }
        let channels = leases.map(\.channel)
        let tokens = leases.map(\.token)
        try rows(
            """
            UPDATE channel_leases l SET until = \(now)
            FROM unnest(\(channels)::text[], \(tokens)::int8[]) AS k(channel, token)
            WHERE l.channel = k.channel AND l.token = k.token AND l.until > \(now)
            """
        )
    }

    func recoverInterruptedStarts(on channels: Set<String>) throws {
        guard !channels.isEmpty else { return }
        let list = Array(channels)
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
              AND deliveries.channel = ANY(\(list))
            """
        )
    }

    func recordOutcomes(
        _ outcomes: [(attempt: AttemptRecord, delivery: DeliveryRecord)],
        fencedBy leases: [String: Int64]
    ) throws {
        guard !outcomes.isEmpty else { return }
        try insertAttempts(outcomes.map(\.attempt))
        try recordOutcomes(
            outcomes.map { _, delivery in
                (delivery, DeliveryStatus.delivered.contains(delivery.status) ? nil : leases[delivery.channel] ?? -1)
            }
        )
    }

    func claimPolls(_ polls: [(delivery: String, lastPolledAt: Date?)], at now: Date) throws -> Set<String> {
        let first = polls.filter { $0.lastPolledAt == nil }.map(\.delivery)
        let again = polls.compactMap { poll in poll.lastPolledAt.map { (poll.delivery, $0) } }
        var claimed: Set<String> = []
        if !first.isEmpty {
            // At READ COMMITTED, a host that meets another's row waits for it, then finds it read: not claimed.
            claimed.formUnion(
                try rows(
                    """
                    INSERT INTO engagement_polls (delivery_id, last_polled_at, unchanged_count)
                    SELECT id, \(now), 0 FROM unnest(\(first)::text[]) AS k(id)
                    ON CONFLICT (delivery_id) DO UPDATE SET last_polled_at = excluded.last_polled_at
                    WHERE engagement_polls.last_polled_at IS NULL
                    RETURNING delivery_id
                    """
                ).map { try $0.decode(String.self) }
            )
        }
        if !again.isEmpty {
            // One statement for every post read before: each is taken only if its last read is still the one this
            // run saw (another host's read since then moved it on).
            let ids = again.map(\.0)
            let seen = again.map(\.1)
            claimed.formUnion(
                try rows(
                    """
                    UPDATE engagement_polls AS p SET last_polled_at = \(now)
                    FROM unnest(\(ids)::text[], \(seen)::timestamptz[]) AS k(id, seen)
                    WHERE p.delivery_id = k.id AND p.last_polled_at = k.seen
                    RETURNING p.delivery_id
                    """
                ).map { try $0.decode(String.self) }
            )
        }
        return claimed
    }

    func releasePoll(delivery: String, takenAt: Date, lastPolledAt: Date?) throws {
        try rows(
            """
            UPDATE engagement_polls SET last_polled_at = \(lastPolledAt)
            WHERE delivery_id = \(delivery) AND last_polled_at = \(takenAt)
            """
        )
    }
}
