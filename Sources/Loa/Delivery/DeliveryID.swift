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
                    buffer[4 + 2 * index] = Hex.digits[Int(digest[index] >> 4)]
                    buffer[5 + 2 * index] = Hex.digits[Int(digest[index] & 0x0F)]
                }
                return 36
            }
        }
    }
}
