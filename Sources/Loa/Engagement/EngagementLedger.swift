import Foundation
import GRDB

/// The engagement snapshots in the archive: reading the latest figures, and recording new ones.
public enum EngagementLedger {
    /// The latest value of each metric of a delivery.
    static func latest(for deliveryID: String, _ db: Database) throws -> [String: Int] {
        var figures: [String: Int] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT metric, value FROM engagement_snapshots s
                WHERE delivery_id = ? AND taken_at = (
                    SELECT max(taken_at) FROM engagement_snapshots WHERE delivery_id = s.delivery_id AND metric = s.metric
                )
                """,
            arguments: [deliveryID]
        )
        for row in rows { figures[row["metric"]] = row["value"] }
        return figures
    }

    static func insert(_ figures: [String: Int], delivery: String, at time: Date, source: String, _ db: Database) throws
    {
        for (metric, value) in figures.sorted(by: { $0.key < $1.key }) {
            try db.execute(
                sql:
                    "INSERT INTO engagement_snapshots (delivery_id, metric, value, taken_at, source) VALUES (?, ?, ?, ?, ?)",
                arguments: [delivery, metric, value, time, source]
            )
        }
    }

    /// Why figures typed by hand were not recorded.
    public enum Refusal: Error, Sendable, CustomStringConvertible {
        case noDelivery(announcement: String, channel: String)
        case notPosted(status: DeliveryStatus)

        public var description: String {
            switch self {
            case .noDelivery(let announcement, let channel):
                "no delivery of '\(announcement)' to '\(channel)' in the archive (see `loa status`)"
            case .notPosted(let status):
                "the post is \(status.label), not posted; figures are recorded for posts that went out"
            }
        }
    }

    /// Records figures an officer read off a post by hand (Zalo groups, outbox channels), as source `manual`.
    public static func record(
        _ figures: [String: Int],
        announcement: String,
        channel: String,
        at time: Date,
        in archive: Archive
    ) throws -> DeliveryRecord {
        try archive.writer.write { db in
            guard
                let delivery = try DeliveryRecord.fetchOne(
                    db,
                    sql:
                        "SELECT * FROM deliveries WHERE announcement_id = ? AND channel = ? ORDER BY revision DESC LIMIT 1",
                    arguments: [announcement, channel]
                )
            else { throw Refusal.noDelivery(announcement: announcement, channel: channel) }
            guard delivery.status == .sent || delivery.status == .awaitingConfirmation else {
                throw Refusal.notPosted(status: delivery.status)
            }
            try insert(figures, delivery: delivery.id, at: time, source: "manual", db)
            return delivery
        }
    }
}
