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
        var hasher = SHA256()
        hasher.update(data: Array(announcement.utf8))
        hasher.update(data: [0])
        hasher.update(data: Array(String(revision).utf8))
        hasher.update(data: [0])
        hasher.update(data: Array(channel.utf8))
        return "msg_" + Hex.string(hasher.finalize().prefix(16))
    }
}
