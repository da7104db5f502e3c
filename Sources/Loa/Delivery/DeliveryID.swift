import Crypto
import Foundation

/// The stable id of a delivery, derived from (announcement id, revision, channel id).
///
/// Every attempt of a delivery carries it as `webhook-id` and `Idempotency-Key`, so a bridge that deduplicates
/// by it posts once however often Loa retries. The parts are hashed rather than joined, because ids may contain
/// the characters a separator would use.
public enum DeliveryID {
    /// `msg_` and 32 hex digits of SHA-256 over the three parts separated by NUL bytes.
    public static func make(announcement: String, revision: Int, channel: String) -> String {
        // Fed to the hash part by part, and written into one string: a fan-out's first sync makes thousands.
        var hasher = SHA256()
        for part in [announcement, String(revision), channel].enumerated() {
            if part.offset > 0 { withUnsafeBytes(of: UInt8(0)) { hasher.update(bufferPointer: $0) } }
            var text = part.element
            text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hasher.finalize().withUnsafeBytes { digest in
            String(unsafeUninitializedCapacity: 36) { buffer in
                for (offset, byte) in "msg_".utf8.enumerated() { buffer[offset] = byte }
                for index in 0..<16 {
                    buffer[4 + 2 * index] = hexDigits[Int(digest[index] >> 4)]
                    buffer[5 + 2 * index] = hexDigits[Int(digest[index] & 0x0F)]
                }
                return 36
            }
        }
    }
}

extension DeliveryID {
    /// Lower-case hexadecimal digits of some bytes.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            result.append(hexDigits[Int(byte >> 4)])
            result.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

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
        return DeliveryID.hex(digest.prefix(16))
    }
}
