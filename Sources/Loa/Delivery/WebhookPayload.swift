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
        public var images: [Image]
        public var hashtags: [String]
        public var publishAt: String

        enum CodingKeys: String, CodingKey {
            case deliveryId = "delivery_id"
            case announcementId = "announcement_id"
            case revision, channel, platform, category, unit, title, text, link, images, hashtags
            case publishAt = "publish_at"
        }
    }

    /// One of the post's images: a web address (`url` only), a file carried whole (`data`, base64), or a file the
    /// bridge downloads from the channel's `media_base_url` (`url` with the file's facts, no `data`).
    public struct Image: Sendable, Codable, Equatable {
        public var url: String?
        /// The file's name, as `tu-sach.jpg`.
        public var name: String?
        /// The MIME type read from the file's first bytes, whatever its name says.
        public var contentType: String?
        /// The file's size.
        public var bytes: Int?
        /// SHA-256 of the file, lower-case hexadecimal: the bridge checks `data` (or the download) against it.
        public var sha256: String?
        /// The file's bytes in base64.
        public var data: String?

        enum CodingKeys: String, CodingKey {
            case url, name, bytes, sha256, data
            case contentType = "content_type"
        }

        /// An image at a web address, passed on as written.
        public init(url: String) {
            self.url = url
        }

        /// A local file: carried whole, or, with `mediaBaseURL`, as its address under it (`path` relative to the
        /// queue folder, each part percent-encoded).
        public init(file: ImageFile, mediaBaseURL: String? = nil) {
            name = file.name
            contentType = file.type.contentType
            bytes = file.data.count
            sha256 = file.sha256
            if let mediaBaseURL {
                url = mediaBaseURL + Self.encodedPath(file.path)
            } else {
                data = file.data.base64EncodedString()
            }
        }

        /// A relative path with each part percent-encoded for an address (`ảnh 1.jpg` → `%E1%BA%A3nh%201.jpg`).
        static func encodedPath(_ path: String) -> String {
            var allowed = CharacterSet.urlPathAllowed
            allowed.remove(charactersIn: "/?#;")
            return path.split(separator: "/").map { part in
                String(part).addingPercentEncoding(withAllowedCharacters: allowed) ?? String(part)
            }.joined(separator: "/")
        }

        /// The JSON object, keys sorted, as `JSONEncoder` writes it with sorted keys and unescaped slashes.
        func json() -> String {
            var fields: [String] = []
            if let bytes { fields.append("\"bytes\":\(bytes)") }
            if let contentType { fields.append("\"content_type\":\(JSONText.string(contentType))") }
            if let data { fields.append("\"data\":\(JSONText.string(data))") }
            if let name { fields.append("\"name\":\(JSONText.string(name))") }
            if let sha256 { fields.append("\"sha256\":\(JSONText.string(sha256))") }
            if let url { fields.append("\"url\":\(JSONText.string(url))") }
            return "{" + fields.joined(separator: ",") + "}"
        }
    }

    public var type: String
    /// When this attempt was made, ISO 8601.
    public var timestamp: String
    public var data: Post

    /// The payload for sending `variant` of `announcement` with its `images` as the channel gets them; the times are
    /// ISO 8601 texts.
    public init(
        deliveryID: String,
        announcement: Announcement,
        variant: Variant,
        images: [Image],
        publishAt: String,
        sentAt: String
    ) {
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
            images: images,
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
                "\"images\":[" + data.images.map { $0.json() }.joined(separator: ",") + "]",
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
