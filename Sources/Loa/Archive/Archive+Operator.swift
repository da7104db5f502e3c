import Foundation
import GRDB

/// The archive's side of the operator actions (`loa retry`, `loa cancel`, `loa confirm`, `loa run --catch-up`,
/// and the names `loa engagement record` checks).
extension Archive {
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

    /// What ``undoConfirmations(announcement:channel:_:)`` tells its caller about one delivery.
    public struct ConfirmedDelivery: Sendable {
        /// The confirmation on record; nil for a post confirmed by a Loa that kept none, or never confirmed.
        public var confirmation: Confirmation?
        /// Whether a run wrote the post to the outbox (an attempt with the outcome `written`).
        public var wasWritten: Bool
    }

    /// Confirms posts made by hand: `decide` edits each delivery of the announcement's newest revision on
    /// `channel` and returns the confirmation to keep, or nil to leave it as it was. A delivery and its
    /// confirmation are written in one transaction. Returns the deliveries confirmed.
    public func recordConfirmations(
        announcement: String,
        channel: String,
        _ decide: (inout DeliveryRecord) -> Confirmation?
    ) throws -> [DeliveryRecord] {
        try writer.write { db in
            var confirmed: [DeliveryRecord] = []
            for var delivery in try Self.newestDeliveries(of: announcement, on: [channel], db) {
                guard let confirmation = decide(&delivery) else { continue }
                try delivery.update(db)
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO confirmations (delivery_id, confirmed_at, posted_at, url, note, forced,
                            previous_status, previous_note, previous_next_attempt_at, previous_sent_at,
                            previous_remote_url)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        delivery.id, confirmation.confirmedAt, confirmation.postedAt, confirmation.url,
                        confirmation.note, confirmation.forced, confirmation.before.status, confirmation.before.note,
                        confirmation.before.nextAttemptAt, confirmation.before.sentAt, confirmation.before.remoteUrl,
                    ]
                )
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
        try writer.write { db in
            var restored: [DeliveryRecord] = []
            for var delivery in try Self.newestDeliveries(of: announcement, on: [channel], db) {
                let confirmation = try Self.confirmation(of: delivery.id, db)
                let written = try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM attempts WHERE delivery_id = ? AND outcome = ?)",
                    arguments: [delivery.id, AttemptRecord.Outcome.written]
                )
                let known = ConfirmedDelivery(confirmation: confirmation, wasWritten: written ?? false)
                guard restore(&delivery, known) else { continue }
                try delivery.update(db)
                try db.execute(sql: "DELETE FROM confirmations WHERE delivery_id = ?", arguments: [delivery.id])
                restored.append(delivery)
            }
            return restored
        }
    }

    /// The confirmation kept for a delivery, if any.
    public func confirmation(of deliveryID: String) throws -> Confirmation? {
        try writer.read { db in try Self.confirmation(of: deliveryID, db) }
    }

    /// Makes due now the posts a new archive held because they were long past their time (the catch-up list in
    /// `settings`), with `note`, and forgets the list. Returns the deliveries released.
    public func releaseCatchUp(at now: Date, note: String) throws -> [DeliveryRecord] {
        try writer.write { db in
            guard
                let listed = try String.fetchOne(
                    db,
                    sql: "SELECT value FROM settings WHERE key = ?",
                    arguments: [QueueSync.catchUpSetting]
                )
            else { return [] }
            let rows = try DeliveryRecord.fetchAll(
                db,
                sql: "SELECT * FROM deliveries WHERE id IN (SELECT value FROM json_each(?)) AND status = ?",
                arguments: [listed, DeliveryStatus.held]
            )
            var released: [DeliveryRecord] = []
            for var delivery in rows {
                delivery.status = .retrying
                delivery.nextAttemptAt = now
                delivery.note = note
                delivery.updatedAt = now
                try delivery.update(db)
                released.append(delivery)
            }
            try db.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [QueueSync.catchUpSetting])
            return released
        }
    }

    /// The channels the archive has deliveries on, for telling an operator which names exist.
    public func channelsWithDeliveries() throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT channel FROM deliveries ORDER BY channel")
        }
    }

    /// The metric names figures were ever recorded under (from a bridge or by hand), in name order.
    public func recordedMetrics() throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT metric FROM engagement_metrics ORDER BY metric")
        }
    }

    /// The deliveries of an announcement's newest revision (older ones are history) on the channels `patterns`
    /// name (ids or globs), in channel order.
    private static func newestDeliveries(
        of announcement: String,
        on patterns: [String],
        _ db: Database
    ) throws -> [DeliveryRecord] {
        let rows = try DeliveryRecord.fetchAll(
            db,
            sql: "SELECT * FROM deliveries WHERE announcement_id = ? ORDER BY revision DESC, channel",
            arguments: [announcement]
        )
        let newest = rows.map(\.revision).max()
        return rows.filter { row in
            row.revision == newest && patterns.contains { Glob.matches($0, row.channel) }
        }
    }

    private static func confirmation(of deliveryID: String, _ db: Database) throws -> Confirmation? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: "SELECT * FROM confirmations WHERE delivery_id = ?",
                arguments: [deliveryID]
            )
        else { return nil }
        return Confirmation(
            confirmedAt: row["confirmed_at"],
            postedAt: row["posted_at"],
            url: row["url"],
            note: row["note"],
            forced: row["forced"],
            before: .init(
                status: row["previous_status"],
                note: row["previous_note"],
                nextAttemptAt: row["previous_next_attempt_at"],
                sentAt: row["previous_sent_at"],
                remoteUrl: row["previous_remote_url"]
            )
        )
    }
}

extension Archive.Confirmation.Before {
    /// The fields as they were, from their parts.
    init(status: DeliveryStatus, note: String?, nextAttemptAt: Date?, sentAt: Date?, remoteUrl: String?) {
        self.status = status
        self.note = note
        self.nextAttemptAt = nextAttemptAt
        self.sentAt = sentAt
        self.remoteUrl = remoteUrl
    }
}
