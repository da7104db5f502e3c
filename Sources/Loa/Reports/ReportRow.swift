import Foundation

/// One delivery as reports show it: the announcement, where it went, how it went, and its latest figures.
public struct ReportRow: Sendable, Codable, Equatable {
    /// One engagement snapshot value.
    public struct Snapshot: Sendable, Codable, Equatable {
        public var metric: String
        public var value: Int
        public var takenAt: Date
        public var source: String

        enum CodingKeys: String, CodingKey {
            case metric, value, source
            case takenAt = "taken_at"
        }
    }

    public var deliveryID: String
    public var announcementID: String
    public var revision: Int
    public var title: String
    public var category: Category
    public var unit: String
    public var channel: String
    public var platform: Platform
    public var transport: TransportKind
    /// When it was to be posted: its `publish_at`, or when Loa first saw it.
    public var publishAt: Date
    /// When it went out (or was confirmed posted by hand).
    public var deliveredAt: Date?
    public var status: DeliveryStatus
    public var remoteURL: String?
    public var attempts: Int
    /// The latest value of each metric.
    public var metrics: [String: Int]
    /// Every snapshot, oldest first; filled for JSON Lines only.
    public var history: [Snapshot]
    /// The host that made the delivery's latest attempt (``HostName``), when one recorded it; filled for JSON
    /// Lines only, and not kept by `loa import`.
    public var host: String? = nil
    /// Whether it came from another unit's export (`loa import`) rather than from this archive's own deliveries.
    /// Not part of an export: a unit's export says what its own archive holds.
    public var imported = false

    enum CodingKeys: String, CodingKey {
        case deliveryID = "delivery_id"
        case announcementID = "announcement_id"
        case revision, title, category, unit, channel, platform, transport, status, attempts, metrics, history, host
        case publishAt = "publish_at"
        case deliveredAt = "delivered_at"
        case remoteURL = "remote_url"
    }

    /// Reactions, comments and shares added up: what reports call interactions.
    public var interactions: Int {
        Figures.sum([metrics["reactions"] ?? 0, metrics["comments"] ?? 0, metrics["shares"] ?? 0])
    }

    /// Whether it was posted: sent through a bridge, or confirmed after posting by hand.
    public var isPosted: Bool { status == .sent }
}

extension DeliveryStatus {
    /// The Vietnamese word reports use, whatever language Loa speaks (reports go to the level above).
    public var vietnameseLabel: String { message.text(in: .vi) }
}
