import Foundation

/// Where a delivery of one announcement to one channel stands, and every rule about statuses.
///
/// This is the one home of those rules: which status may follow which, and which statuses a run still owes an
/// attempt, count as delivered, or need a person. The archive's queries take their status lists from here
/// (`sqlList` in the SQLite archive), so a query and a Swift `switch` can never disagree about, say, whether `held` is settled.
public enum DeliveryStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting for its time, quiet hours or the channel's minimum gap.
    case pending
    /// An attempt has started and not finished; after a crash the next run records that attempt as interrupted
    /// and sends again with the same id.
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
    /// Kept back for a person to decide: the same content was already delivered under another id, or it would go
    /// out long after its time in a new archive.
    case held
    /// Written to the outbox; waiting for `loa confirm` with the post's address.
    case awaitingConfirmation = "awaiting_confirmation"
    /// Sent straight to a platform whose answer was lost (a timeout, a dropped connection, a 5xx), and Loa could
    /// not tell whether the post went out: never sent again by a run. A person looks on the platform and records
    /// what they find: `loa confirm ID --channel C --url URL` (it was posted) or `loa retry` (it was not).
    case unconfirmed

    /// The statuses `loa run` still owes an attempt: it sends them when they are due.
    public static let owed: Set<DeliveryStatus> = [.pending, .sending, .retrying]

    /// The statuses of a post that is out (or handed to a person to post): never sent again for this revision.
    public static let delivered: Set<DeliveryStatus> = [.sent, .awaitingConfirmation]

    /// The statuses of a delivery that has not gone out and still may: owed, or held for a person. These are the
    /// ones cancelled when their file leaves the queue or their channel is no longer named.
    public static let undelivered: Set<DeliveryStatus> = owed.union([.held])

    /// The statuses a person must act on; cron prints a delivery when it enters one of them.
    public static let needingAPerson: Set<DeliveryStatus> = [
        .failed, .missed, .expired, .held, .awaitingConfirmation, .unconfirmed,
    ]

    /// Which status may follow which. A run moves deliveries along the first rows; operators (`loa retry`,
    /// `loa cancel`, `loa confirm`) along the others. `cancelled` is only left by an operator's retry, and by a
    /// `sent` that arrives for a request that had left before the cancel. `missed` and `expired` are left only by
    /// an operator: a retry of a missed post (a fresh window), or `loa confirm --force` of a post made by hand.
    /// `loa confirm --undo` is not a move in this table: it puts a confirmed delivery back as it was before, from
    /// the record the archive keeps of the confirmation. `unconfirmed` is entered only by a run, from an attempt
    /// whose outcome is unknown, and left only by an operator: `loa confirm` (sent), `loa retry` or `loa cancel`.
    public static let transitions: [DeliveryStatus: Set<DeliveryStatus>] = [
        .pending: [
            .sending, .sent, .retrying, .failed, .missed, .expired, .cancelled, .held, .awaitingConfirmation,
            .unconfirmed,
        ],
        .sending: [.sent, .retrying, .failed, .missed, .expired, .cancelled, .awaitingConfirmation, .unconfirmed],
        .retrying: [
            .sending, .sent, .retrying, .failed, .missed, .expired, .cancelled, .awaitingConfirmation, .unconfirmed,
        ],
        .unconfirmed: [.sent, .retrying, .cancelled],
        .held: [.retrying, .cancelled, .sent],
        .failed: [.retrying, .cancelled, .sent],
        .cancelled: [.retrying, .sent],
        .awaitingConfirmation: [.sent, .cancelled],
        .sent: [],
        .missed: [.retrying, .sent],
        .expired: [.sent],
    ]

    /// Whether a delivery in this status may move to `next`.
    public func canBecome(_ next: DeliveryStatus) -> Bool {
        Self.transitions[self]?.contains(next) ?? false
    }

    /// Whether `loa run` has nothing more to do for it.
    public var isSettled: Bool { !Self.owed.contains(self) }

    /// How `loa status` and the operator commands write it, in the process's language.
    public var label: String { message() }

    /// Its words in the catalog: `awaiting confirmation`, `Chờ xác nhận`.
    public var message: Message {
        switch self {
        case .pending: .statusPending
        case .sending: .statusSending
        case .sent: .statusSent
        case .retrying: .statusRetrying
        case .failed: .statusFailed
        case .missed: .statusMissed
        case .expired: .statusExpired
        case .cancelled: .statusCancelled
        case .held: .statusHeld
        case .awaitingConfirmation: .statusAwaitingConfirmation
        case .unconfirmed: .statusUnconfirmed
        }
    }
}
