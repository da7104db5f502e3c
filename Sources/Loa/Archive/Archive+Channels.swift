import Foundation

/// Why a channel's records cannot be moved to another id.
public struct ChannelRenameRefusal: Error, CustomStringConvertible {
    public var description: String
}

/// What ``Archive/renameChannel(from:to:now:)`` moved.
public struct ChannelRename: Sendable {
    /// Deliveries now recorded under the new id.
    public var moved = 0
    /// Deliveries the new id had been given and held, replaced by the old id's records of the same posts.
    public var replaced = 0
    /// Deliveries cancelled only because the old id left loa.yml, owed again under the new id.
    public var restored = 0
}

extension DeliveryRecord {
    /// The note of a delivery cancelled because its announcement no longer names its channel: such a delivery
    /// is owed again when the channel turns out to have been renamed. Written in the run's language.
    static var channelLeftNote: String { Message.noteChannelLeft() }

    /// Whether `note` is ``channelLeftNote`` in any language: the run that wrote it may have spoken another.
    static func isChannelLeftNote(_ note: String?) -> Bool {
        Language.allCases.contains { note == Message.noteChannelLeft.text(in: $0) }
    }
}

extension Archive {
    /// Moves every record of channel `old` to `new`: the channel was renamed in loa.yml. Deliveries keep their ids
    /// (the `webhook-id` a bridge has seen), so a retry after the rename is still deduplicated. Deliveries the
    /// new id was given for posts the old one already has are replaced by the old records; a post delivered under
    /// both ids is refused, naming it, since history is never dropped.
    public func renameChannel(from old: String, to new: String, now: Date) throws -> ChannelRename {
        try write { archive in
            let oldRows = try archive.deliveries(channel: old)
            guard !oldRows.isEmpty else {
                throw ChannelRenameRefusal(description: Message.renameNoDeliveries(["old": old]))
            }
            var rename = ChannelRename()
            for var delivery in oldRows {
                if let twin = try archive.delivery(
                    announcement: delivery.announcementId,
                    revision: delivery.revision,
                    channel: new
                ) {
                    guard try !archive.hasAttempts(twin.id), !DeliveryStatus.delivered.contains(twin.status) else {
                        throw ChannelRenameRefusal(
                            description: Message.renameBoth([
                                "id": delivery.announcementId, "revision": "\(delivery.revision)", "old": old,
                                "new": new,
                            ])
                        )
                    }
                    try archive.removeDelivery(twin.id)
                    rename.replaced += 1
                }
                delivery.channel = new
                if delivery.status == .cancelled, DeliveryRecord.isChannelLeftNote(delivery.note) {
                    delivery.status = .pending
                    delivery.note = Message.noteOwedAgain(["old": old, "new": new])
                    rename.restored += 1
                }
                delivery.updatedAt = now
                try archive.updateDelivery(delivery)
                rename.moved += 1
            }
            try archive.moveChannelRecords(from: old, to: new, at: now)
            return rename
        }
    }
}
