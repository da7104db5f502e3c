import Foundation
import PostgresNIO

extension PostgresTransaction {
    func hosts() throws -> [HostRecord] {
        try rows("SELECT name, loa_version, config_hash, first_seen_at, last_seen_at FROM hosts ORDER BY name").map {
            let (name, version, hash, first, last) = try $0.decode((String, String, String, Date, Date).self)
            return HostRecord(name: name, loaVersion: version, configHash: hash, firstSeenAt: first, lastSeenAt: last)
        }
    }

    func recordHost(_ host: HostRecord) throws {
        try rows(
            """
            INSERT INTO hosts (name, loa_version, config_hash, first_seen_at, last_seen_at)
            VALUES (\(host.name), \(host.loaVersion), \(host.configHash), \(host.firstSeenAt), \(host.lastSeenAt))
            ON CONFLICT (name) DO UPDATE SET loa_version = excluded.loa_version, config_hash = excluded.config_hash,
                last_seen_at = excluded.last_seen_at
            """
        )
    }

    func contentHash(announcement: String, revision: Int) throws -> String? {
        try rows(
            "SELECT content_hash FROM announcements WHERE id = \(announcement) AND revision = \(revision)"
        ).first?.decode(String.self)
    }

    func startedDeliveries() throws -> [StartedDelivery] {
        try rows(
            """
            SELECT entry.value ->> 0, run_starts.started_at
            FROM run_starts, jsonb_array_elements(run_starts.deliveries) WITH ORDINALITY AS entry(value, position)
            ORDER BY run_starts.started_at, run_starts.id, entry.position
            """
        ).map {
            let (delivery, startedAt) = try $0.decode((String, Date).self)
            return StartedDelivery(delivery: delivery, startedAt: startedAt)
        }
    }
}
