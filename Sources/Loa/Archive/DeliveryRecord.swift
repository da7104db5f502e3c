import Foundation
import GRDB

/// Where a delivery of one announcement to one channel stands.
public enum DeliveryStatus: String, Sendable, Hashable, Codable, CaseIterable, DatabaseValueConvertible {
    /// Waiting for its time, quiet hours or the channel's minimum gap.
    case pending
    /// An attempt has started and not finished; after a crash the next run sends it again with the same id.
    case sending
    case sent
    /// An attempt failed in a way worth retrying; `next_attempt_at` says when.
    case retrying
    /// Given up: a 4xx or 3xx answer, or retries exhausted.
    case failed
    /// Not sent within `missed_after` of its `publish_at`.
    case missed
    /// Not sent before its `expires_at`.
    case expired
    /// Cancelled by an operator, or its file left the queue before it was sent.
    case cancelled
    /// Kept back for a person to decide: the same content was already delivered under another id.
    case held
    /// Written to the outbox; waiting for `loa confirm` with the post's address.
    case awaitingConfirmation = "awaiting_confirmation"

    /// Whether `loa run` has nothing more to do for it.
    public var isSettled: Bool {
        switch self {
        case .pending, .sending, .retrying: false
        default: true
        }
    }

    /// How `loa status` writes it.
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// One row of `deliveries`: an announcement's revision on one channel.
public struct DeliveryRecord: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "deliveries"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// The stable delivery id, sent as `webhook-id` and `Idempotency-Key` on every attempt.
    public var id: String
    public var announcementId: String
    public var revision: Int
    public var channel: String
    public var platform: Platform
    public var transport: TransportKind
    public var status: DeliveryStatus
    /// When it became due: its `publish_at`, or when Loa first saw it.
    public var dueAt: Date
    public var nextAttemptAt: Date?
    public var attemptCount: Int
    /// Failed attempts in a row since the last success or `loa retry`; it picks the next backoff delay.
    public var backoffStep: Int
    /// The content hash of what was last sent.
    public var contentHash: String?
    /// The variant last sent.
    public var text: String?
    public var remoteId: String?
    public var remoteUrl: String?
    /// Why it is in its status, in words a person can act on.
    public var note: String?
    public var sentAt: Date?
    public var createdAt: Date
    public var updatedAt: Date
}

extension Platform: DatabaseValueConvertible {}
extension TransportKind: DatabaseValueConvertible {}

/// One row of `attempts`: one try at a delivery, recorded as started before the request goes out.
public struct AttemptRecord: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "attempts"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// What became of an attempt.
    public enum Outcome: String, Sendable, Hashable, Codable, DatabaseValueConvertible {
        /// Started, not yet finished; left so by a crash, it reads as `interrupted` to the next run.
        case started
        case sent
        /// Written to the outbox.
        case written
        case retry
        case failed
        /// The run stopped (crash, kill) before the attempt finished.
        case interrupted
    }

    public var id: Int64?
    public var deliveryId: String
    /// 1 for the first attempt of the delivery.
    public var number: Int
    public var channel: String
    /// The bridge URL, or the outbox file.
    public var url: String?
    public var startedAt: Date
    public var finishedAt: Date?
    public var durationMs: Double?
    /// The HTTP status, 0 when no response arrived.
    public var httpStatus: Int?
    /// Response headers as a JSON object.
    public var responseHeaders: String?
    /// The response body, cut at 64 KiB.
    public var responseBody: String?
    public var remoteId: String?
    public var remoteUrl: String?
    public var outcome: Outcome
    /// `http`, `timeout`, `connection`, `dns`, `tls`, `protocol`, `render`, `io` or `other`.
    public var errorClass: String?
    public var errorMessage: String?
    public var nextAttemptAt: Date?

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
