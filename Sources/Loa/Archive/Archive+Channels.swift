import Foundation
import GRDB

extension Archive {
    /// Why a channel's records cannot be moved to another id.
    public struct RenameRefusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// What ``renameChannel(from:to:now:)`` moved.
    public struct ChannelRename: Sendable {
        /// Deliveries now recorded under the new id.
        public var moved = 0
        /// Deliveries the new id had been given and held, replaced by the old id's records of the same posts.
        public var replaced = 0
        /// Deliveries cancelled only because the old id left loa.yml, owed again under the new id.
        public var restored = 0
    }

    /// Moves every record of channel `old` to `new`: the channel was renamed in loa.yml. Deliveries keep their ids
    /// (the `webhook-id` a bridge has seen), so a retry after the rename is still deduplicated. Deliveries the
    /// new id was given for posts the old one already has are replaced by the old records; a post delivered under
    /// both ids is refused, naming it, since history is never dropped.
    public func renameChannel(from old: String, to new: String, now: Date) throws -> ChannelRename {
        try writer.write { db in
            let oldRows = try DeliveryRecord.fetchAll(
                db,
                sql: "SELECT * FROM deliveries WHERE channel = ?",
                arguments: [old]
            )
            guard !oldRows.isEmpty else {
                throw RenameRefusal(description: "the archive has no deliveries on channel '\(old)'")
            }
            var rename = ChannelRename()
            for var delivery in oldRows {
                if let twin = try DeliveryRecord.fetchOne(
                    db,
                    sql: "SELECT * FROM deliveries WHERE announcement_id = ? AND revision = ? AND channel = ?",
                    arguments: [delivery.announcementId, delivery.revision, new]
                ) {
                    let hasAttempts =
                        try Bool.fetchOne(
                            db,
                            sql: "SELECT EXISTS (SELECT 1 FROM attempts WHERE delivery_id = ?)",
                            arguments: [twin.id]
                        ) ?? false
                    guard !hasAttempts, !DeliveryStatus.delivered.contains(twin.status) else {
                        throw RenameRefusal(
                            description: "'\(delivery.announcementId)' (revision \(delivery.revision)) has records "
                                + "under both '\(old)' and '\(new)'; nothing was moved"
                        )
                    }
                    try db.execute(sql: "DELETE FROM engagement_polls WHERE delivery_id = ?", arguments: [twin.id])
                    try db.execute(sql: "DELETE FROM deliveries WHERE id = ?", arguments: [twin.id])
                    rename.replaced += 1
                }
                delivery.channel = new
                if delivery.status == .cancelled, delivery.note == QueueSync.channelLeftNote {
                    delivery.status = .pending
                    delivery.note = "owed again: channel '\(old)' was renamed '\(new)'"
                    rename.restored += 1
                }
                delivery.updatedAt = now
                try delivery.update(db)
                rename.moved += 1
            }
            try db.execute(sql: "UPDATE attempts SET channel = ? WHERE channel = ?", arguments: [new, old])
            try db.execute(sql: "DELETE FROM channels WHERE id = ?", arguments: [old])
            return rename
        }
    }
}
