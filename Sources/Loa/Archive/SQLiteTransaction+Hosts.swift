import Foundation
import GRDB

extension SQLiteTransaction {
    func hosts() throws -> [HostRecord] {
        try Row.fetchAll(
            db,
            sql: "SELECT name, loa_version, config_hash, first_seen_at, last_seen_at FROM hosts ORDER BY name"
        ).map { HostRecord(name: $0[0], loaVersion: $0[1], configHash: $0[2], firstSeenAt: $0[3], lastSeenAt: $0[4]) }
    }

    func recordHost(_ host: HostRecord) throws {
        try db.execute(
            sql: """
                INSERT INTO hosts (name, loa_version, config_hash, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET loa_version = excluded.loa_version,
                    config_hash = excluded.config_hash, last_seen_at = excluded.last_seen_at
                """,
            arguments: [host.name, host.loaVersion, host.configHash, host.firstSeenAt, host.lastSeenAt]
        )
    }

    func contentHash(announcement: String, revision: Int) throws -> String? {
        try String.fetchOne(
            db,
            sql: "SELECT content_hash FROM announcements WHERE id = ? AND revision = ?",
            arguments: [announcement, revision]
        )
    }

    func startedDeliveries() throws -> [StartedDelivery] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT entry.value ->> 0, run_starts.started_at FROM run_starts, json_each(run_starts.deliveries) AS entry
                ORDER BY run_starts.started_at, run_starts.id, entry.key
                """
        ).map { StartedDelivery(delivery: $0[0], startedAt: $0[1]) }
    }
}
