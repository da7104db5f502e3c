import Crypto
import Foundation

/// A fingerprint of what an announcement says, to notice an edit after delivery or a file renamed after it.
///
/// It covers the text and where it points (title, category, unit, body, link, images, hashtags, variants), not
/// the schedule, the status or the id, so moving `publish_at` is not an edit and a renamed file keeps its hash.
public enum ContentHash {
    public static func of(_ announcement: Announcement) -> String {
        var parts = [
            announcement.title, announcement.category.rawValue, announcement.unit, announcement.body,
            announcement.link?.absoluteString ?? "",
        ]
        parts += announcement.images + ["\u{1}"] + announcement.hashtags + ["\u{1}"]
        for key in announcement.variants.keys.sorted() { parts += [key, announcement.variants[key] ?? ""] }
        let digest = SHA256.hash(data: Data(parts.joined(separator: "\u{0}").utf8))
        return Hex.string(digest.prefix(16))
    }
}
