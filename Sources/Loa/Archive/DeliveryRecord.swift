import Foundation
import GRDB

/// One row of `deliveries`: an announcement's revision on one channel.
public struct DeliveryRecord: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "deliveries"

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
    /// The variant last sent: a row of `variants`, shared by the channels that got the same text.
    public var variantId: String?
    public var remoteId: String?
    public var remoteUrl: String?
    /// Why it is in its status, in words a person can act on.
    public var note: String?
    public var sentAt: Date?
    public var createdAt: Date
    public var updatedAt: Date
    /// When `loa retry` gave it a fresh window: `missed_after` counts from the later of this and `publish_at`.
    public var windowStart: Date? = nil
}

// Rows are read and written column by column rather than through Codable: the generic path, with its
// snake_case conversion of every key, cost more CPU than the HTTP exchange itself in the fan-out benchmark.
extension DeliveryRecord {
    public init(row: Row) throws {
        id = row["id"]
        announcementId = row["announcement_id"]
        revision = row["revision"]
        channel = row["channel"]
        platform = row["platform"]
        transport = row["transport"]
        status = row["status"]
        dueAt = row["due_at"]
        nextAttemptAt = row["next_attempt_at"]
        attemptCount = row["attempt_count"]
        backoffStep = row["backoff_step"]
        contentHash = row["content_hash"]
        variantId = row["variant_id"]
        remoteId = row["remote_id"]
        remoteUrl = row["remote_url"]
        note = row["note"]
        sentAt = row["sent_at"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
        windowStart = row["window_start"]
    }

    /// The columns ``init(raw:)`` reads, in its order.
    static let columnList = """
        id, announcement_id, revision, channel, platform, transport, status, due_at, next_attempt_at, attempt_count,
        backoff_step, content_hash, variant_id, remote_id, remote_url, note, sent_at, created_at, updated_at,
        window_start
        """

    /// A delivery from the current row of a query that selects ``columnList``, read by position through SQLite's
    /// C API; nil when a column holds something Loa does not write there (a caller then reads the row through
    /// GRDB, which accepts more date forms).
    init?(raw row: RawRows) {
        guard let id = row.string(0), let announcementId = row.string(1), let channel = row.string(3),
            let platform = row.string(4).flatMap(Platform.init(rawValue:)),
            let transport = row.string(5).flatMap(TransportKind.init(rawValue:)),
            let status = row.string(6).flatMap(DeliveryStatus.init(rawValue:)),
            let dueAt = row.date(7), let createdAt = row.date(17), let updatedAt = row.date(18)
        else { return nil }
        let nextAttemptAt = row.date(8)
        let sentAt = row.date(16)
        let windowStart = row.date(19)
        if (nextAttemptAt == nil && !row.isNull(8)) || (sentAt == nil && !row.isNull(16))
            || (windowStart == nil && !row.isNull(19))
        {
            return nil
        }
        self.init(
            id: id,
            announcementId: announcementId,
            revision: row.int(2),
            channel: channel,
            platform: platform,
            transport: transport,
            status: status,
            dueAt: dueAt,
            nextAttemptAt: nextAttemptAt,
            attemptCount: row.int(9),
            backoffStep: row.int(10),
            contentHash: row.string(11),
            variantId: row.string(12),
            remoteId: row.string(13),
            remoteUrl: row.string(14),
            note: row.string(15),
            sentAt: sentAt,
            createdAt: createdAt,
            updatedAt: updatedAt,
            windowStart: windowStart
        )
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["announcement_id"] = announcementId
        container["revision"] = revision
        container["channel"] = channel
        container["platform"] = platform
        container["transport"] = transport
        container["status"] = status
        container["due_at"] = dueAt
        container["next_attempt_at"] = nextAttemptAt
        container["attempt_count"] = attemptCount
        container["backoff_step"] = backoffStep
        container["content_hash"] = contentHash
        container["variant_id"] = variantId
        container["remote_id"] = remoteId
        container["remote_url"] = remoteUrl
        container["note"] = note
        container["sent_at"] = sentAt
        container["created_at"] = createdAt
        container["updated_at"] = updatedAt
        container["window_start"] = windowStart
    }
}

extension AttemptRecord {
    public init(row: Row) throws {
        id = row["id"]
        deliveryId = row["delivery_id"]
        number = row["number"]
        channel = row["channel"]
        url = row["url"]
        startedAt = row["started_at"]
        finishedAt = row["finished_at"]
        durationMs = row["duration_ms"]
        httpStatus = row["http_status"]
        responseHeaders = row["response_headers"]
        responseBody = row["response_body"]
        remoteId = row["remote_id"]
        remoteUrl = row["remote_url"]
        outcome = row["outcome"]
        errorClass = row["error_class"]
        errorMessage = row["error_message"]
        nextAttemptAt = row["next_attempt_at"]
        host = row["host"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["delivery_id"] = deliveryId
        container["number"] = number
        container["channel"] = channel
        container["url"] = url
        container["started_at"] = startedAt
        container["finished_at"] = finishedAt
        container["duration_ms"] = durationMs
        container["http_status"] = httpStatus
        container["response_headers"] = responseHeaders
        container["response_body"] = responseBody
        container["remote_id"] = remoteId
        container["remote_url"] = remoteUrl
        container["outcome"] = outcome
        container["error_class"] = errorClass
        container["error_message"] = errorMessage
        container["next_attempt_at"] = nextAttemptAt
        container["host"] = host
    }
}

extension Platform: DatabaseValueConvertible {}
extension TransportKind: DatabaseValueConvertible {}

/// One row of `attempts`: one try at a delivery, recorded as started before the request goes out.
public struct AttemptRecord: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "attempts"

    /// What became of an attempt.
    public enum Outcome: String, Sendable, Hashable, Codable, DatabaseValueConvertible {
        case sent
        /// Written to the outbox.
        case written
        case retry
        case failed
        /// The run stopped (crash, kill) before the attempt finished; written by the next run.
        case interrupted
        /// Sent straight to a platform, and the answer lost (a timeout, a dropped connection, a 5xx): the post may
        /// be out. Also a look for such a post that could not be made.
        case unknown
        /// A look on the platform after a lost answer found the post: the delivery is sent.
        case reconciled
        /// A look on the platform after a lost answer did not find the post.
        case absent
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
    /// The host that made the attempt (``HostName/current`` of the process that records it); nil for attempts
    /// recorded before hosts were.
    public var host: String? = HostName.current

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
