import Foundation

/// The JSON body of a bridge request, as DESIGN.md's Bridge protocol gives it.
public struct WebhookPayload: Sendable, Codable, Equatable {
    /// The delivery's content.
    public struct Post: Sendable, Codable, Equatable {
        public var deliveryId: String
        public var announcementId: String
        public var revision: Int
        public var channel: String
        public var platform: String
        public var category: String
        public var unit: String
        public var title: String
        public var text: String
        public var link: String?
        public var images: [String]
        public var hashtags: [String]
        public var publishAt: String

        enum CodingKeys: String, CodingKey {
            case deliveryId = "delivery_id"
            case announcementId = "announcement_id"
            case revision, channel, platform, category, unit, title, text, link, images, hashtags
            case publishAt = "publish_at"
        }
    }

    public var type: String
    /// When this attempt was made, ISO 8601.
    public var timestamp: String
    public var data: Post

    /// The payload for sending `variant` of `announcement` now.
    public init(deliveryID: String, announcement: Announcement, variant: Variant, dueAt: Date, sentAt: Date) {
        type = "post.create"
        timestamp = Self.iso8601(sentAt)
        data = Post(
            deliveryId: deliveryID,
            announcementId: announcement.id,
            revision: announcement.revision,
            channel: variant.channel,
            platform: variant.platform.rawValue,
            category: announcement.category.rawValue,
            unit: announcement.unit,
            title: announcement.title,
            text: variant.text,
            link: announcement.link?.absoluteString,
            images: announcement.images,
            hashtags: variant.hashtags,
            publishAt: Self.iso8601(announcement.publishAt ?? dueAt)
        )
    }

    /// The body's bytes: compact, keys sorted, slashes and non-ASCII text unescaped.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// `2026-01-05T01:00:00Z`.
    static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
