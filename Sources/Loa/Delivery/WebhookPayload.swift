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
        let channel = WebhookDelivery.jsonString(data.channel)
        let id = WebhookDelivery.jsonString(data.deliveryId)
        let middle = "\"channel\":\(channel),\"delivery_id\":\(id),"
        let end =
            "},\"timestamp\":\(WebhookDelivery.jsonString(timestamp)),\"type\":\(WebhookDelivery.jsonString(type))}"
        return Data((parts.head + middle + parts.tail + end).utf8)
    }

    /// The JSON before `"channel"` and from `"hashtags"` to the end of `data`: the parts many deliveries share.
    func fragments() -> (head: String, tail: String) {
        func string(_ text: String) -> String { WebhookDelivery.jsonString(text) }
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

/// Civil dates from Unix time by arithmetic (Howard Hinnant's days-from-civil, inverted), for the hot paths.
enum UTCTime {
    /// `2026-01-05T01:00:00Z`.
    static func iso8601(seconds: Int) -> String {
        let (year, month, day, hour, minute, second) = components(seconds: seconds)
        return "\(year)-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))Z"
    }

    static func components(seconds: Int) -> (Int, Int, Int, Int, Int, Int) {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
