import Foundation

/// Figures an officer records by hand (`loa engagement record`), kept in the archive as snapshots.
public enum EngagementLedger {
    /// Why figures typed by hand were not recorded.
    public enum Refusal: Error, Sendable, CustomStringConvertible {
        case noDelivery(announcement: String, channel: String)
        case notPosted(status: DeliveryStatus)

        public var description: String {
            switch self {
            case .noDelivery(let announcement, let channel):
                Message.ledgerNoDelivery(["id": announcement, "channel": channel])
            case .notPosted(let status):
                Message.ledgerNotPosted(["status": status.label])
            }
        }
    }

    /// Records figures an officer read off a post by hand (Zalo groups, outbox channels), as source `manual`.
    public static func record(
        _ figures: [String: Int],
        announcement: String,
        channel: String,
        at time: Date,
        in archive: any Archive
    ) throws -> DeliveryRecord {
        try archive.write { archive in
            guard let delivery = try archive.newestDelivery(announcement: announcement, channel: channel)
            else { throw Refusal.noDelivery(announcement: announcement, channel: channel) }
            guard DeliveryStatus.delivered.contains(delivery.status) else {
                throw Refusal.notPosted(status: delivery.status)
            }
            try archive.recordFigures(figures, delivery: delivery.id, at: time, source: "manual")
            return delivery
        }
    }
}
