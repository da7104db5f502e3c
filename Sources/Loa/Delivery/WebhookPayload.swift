import Foundation

/// The JSON body of a bridge request, as the README's bridge protocol gives it.
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

    /// The payload for sending `variant` of `announcement`; the times are ISO 8601 texts.
    public init(deliveryID: String, announcement: Announcement, variant: Variant, publishAt: String, sentAt: String) {
        type = "post.create"
        timestamp = sentAt
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
            publishAt: publishAt
        )
    }

    /// The body's bytes: compact, keys sorted, slashes and non-ASCII text unescaped.
    ///
    /// Written by hand rather than by `JSONEncoder`, which took a tenth of a fan-out's CPU; a test holds the
    /// output to `JSONEncoder`'s byte for byte.
    public func encoded() throws -> Data {
        let parts = fragments()
        let channel = JSONText.string(data.channel)
        let id = JSONText.string(data.deliveryId)
        let middle = "\"channel\":\(channel),\"delivery_id\":\(id),"
        let end =
            "},\"timestamp\":\(JSONText.string(timestamp)),\"type\":\(JSONText.string(type))}"
        return Data((parts.head + middle + parts.tail + end).utf8)
    }

    /// The JSON before `"channel"` and from `"hashtags"` to the end of `data`: the parts many deliveries share.
    func fragments() -> (head: String, tail: String) {
        func string(_ text: String) -> String { JSONText.string(text) }
        func list(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ",") + "]" }
        let head =
            "{\"data\":{\"announcement_id\":\(string(data.announcementId)),\"category\":\(string(data.category)),"
        let tail =
            [
                "\"hashtags\":\(list(data.hashtags))",
                "\"images\":\(list(data.images))",
            ] + (data.link.map { ["\"link\":\(string($0))"] } ?? []) + [
                "\"platform\":\(string(data.platform))",
                "\"publish_at\":\(string(data.publishAt))",
                "\"revision\":\(data.revision)",
                "\"text\":\(string(data.text))",
                "\"title\":\(string(data.title))",
                "\"unit\":\(string(data.unit))",
            ]
        return (head, tail.joined(separator: ","))
    }
}

/// Formats times as ISO 8601 in UTC (`2026-01-05T01:00:00Z`), remembering the last few: a fan-out formats the
/// same second thousands of times, and Foundation's formatter is costly.
struct TimestampCache {
    private var cache: [Int: String] = [:]

    mutating func iso8601(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        if let text = cache[seconds] { return text }
        if cache.count > 256 { cache.removeAll(keepingCapacity: true) }
        let text = UTCTime.iso8601(seconds: seconds)
        cache[seconds] = text
        return text
    }
}
