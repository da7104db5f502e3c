import Foundation

/// A post an officer made by hand and confirmed, as `confirmations` keeps it, with what the delivery was before
/// so that `loa confirm --undo` can put it back.
public struct Confirmation: Sendable, Equatable {
    /// When the confirmation was recorded.
    public var confirmedAt: Date
    /// When the post was made (`--at`, else the time of the confirmation).
    public var postedAt: Date
    /// The post's address, when it has one (a message in a Zalo group has none).
    public var url: String?
    /// Where or how it was posted, in the officer's words (`--note`).
    public var note: String?
    /// Whether `--force` confirmed a delivery that was not awaiting confirmation.
    public var forced: Bool
    /// The delivery before the confirmation.
    public var before: Before

    /// The fields of a delivery a confirmation changes, as they were.
    public struct Before: Sendable, Equatable {
        public var status: DeliveryStatus
        public var note: String?
        public var nextAttemptAt: Date?
        public var sentAt: Date?
        public var remoteUrl: String?

        public init(of delivery: DeliveryRecord) {
            status = delivery.status
            note = delivery.note
            nextAttemptAt = delivery.nextAttemptAt
            sentAt = delivery.sentAt
            remoteUrl = delivery.remoteUrl
        }
    }

    public init(confirmedAt: Date, postedAt: Date, url: String?, note: String?, forced: Bool, before: Before) {
        self.confirmedAt = confirmedAt
        self.postedAt = postedAt
        self.url = url
        self.note = note
        self.forced = forced
        self.before = before
    }
}

/// What ``Archive/undoConfirmations(announcement:channel:_:)`` tells its caller about one delivery.
public struct ConfirmedDelivery: Sendable {
    /// The confirmation on record; nil for a post confirmed by a Loa that kept none, or never confirmed.
    public var confirmation: Confirmation?
    /// Whether a run wrote the post to the outbox (an attempt with the outcome `written`).
    public var wasWritten: Bool
}

extension Confirmation.Before {
    /// The fields as they were, from their parts.
    init(status: DeliveryStatus, note: String?, nextAttemptAt: Date?, sentAt: Date?, remoteUrl: String?) {
        self.status = status
        self.note = note
        self.nextAttemptAt = nextAttemptAt
        self.sentAt = sentAt
        self.remoteUrl = remoteUrl
    }
}

/// The archive's side of the operator actions (`loa confirm` and its undo, and the names `loa engagement record`
/// and `--channel` check), composed of the seam's operations.
extension Archive {
    /// Confirms posts made by hand: `decide` edits each delivery of the announcement's newest revision on
    /// `channel` and returns the confirmation to keep, or nil to leave it as it was. A delivery and its
    /// confirmation are written in one transaction. Returns the deliveries confirmed.
    public func recordConfirmations(
        announcement: String,
        channel: String,
        _ decide: (inout DeliveryRecord) -> Confirmation?
    ) throws -> [DeliveryRecord] {
        try write { archive in
            var confirmed: [DeliveryRecord] = []
            for var delivery in try Self.newestDeliveries(of: announcement, on: [channel], archive) {
                guard let confirmation = decide(&delivery) else { continue }
                try archive.updateDelivery(delivery)
                try archive.recordConfirmation(confirmation, of: delivery.id)
                confirmed.append(delivery)
            }
            return confirmed
        }
    }

    /// Undoes confirmations: `restore` edits each delivery of the announcement's newest revision on `channel`,
    /// given what the archive knows of its confirmation, and returns whether it did. The confirmation of a
    /// delivery restored is forgotten in the same transaction. Returns the deliveries restored.
    public func undoConfirmations(
        announcement: String,
        channel: String,
        _ restore: (inout DeliveryRecord, ConfirmedDelivery) -> Bool
    ) throws -> [DeliveryRecord] {
        try write { archive in
            var restored: [DeliveryRecord] = []
            for var delivery in try Self.newestDeliveries(of: announcement, on: [channel], archive) {
                let known = ConfirmedDelivery(
                    confirmation: try archive.confirmation(of: delivery.id),
                    wasWritten: try archive.attempts(of: delivery.id).contains { $0.outcome == .written }
                )
                guard restore(&delivery, known) else { continue }
                try archive.updateDelivery(delivery)
                try archive.forgetConfirmation(of: delivery.id)
                restored.append(delivery)
            }
            return restored
        }
    }

    /// The confirmation kept for a delivery, if any.
    public func confirmation(of deliveryID: String) throws -> Confirmation? {
        try read { try $0.confirmation(of: deliveryID) }
    }

    /// The channels the archive has deliveries on, for telling an operator which names exist.
    public func channelsWithDeliveries() throws -> [String] {
        try read { try $0.channelsWithDeliveries() }
    }

    /// The metric names figures were ever recorded under (from a bridge or by hand), in name order.
    public func recordedMetrics() throws -> [String] {
        try read { try $0.recordedMetrics() }
    }

    /// The deliveries of an announcement's newest revision (older ones are history) on the channels `patterns`
    /// name (ids or globs), in channel order.
    private static func newestDeliveries(
        of announcement: String,
        on patterns: [String],
        _ archive: any ArchiveReading
    ) throws -> [DeliveryRecord] {
        let rows = try archive.deliveries(announcement: announcement)
        let newest = rows.map(\.revision).max()
        return rows.filter { row in
            row.revision == newest && patterns.contains { Glob.matches($0, row.channel) }
        }
    }
}
