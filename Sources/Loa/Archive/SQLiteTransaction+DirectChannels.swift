import Foundation
import GRDB

/// The SQLite archive's photos uploaded for posts not made yet, and channels stopped for their credentials.
extension SQLiteTransaction {
    func uploadedMedia(of delivery: String) throws -> [UploadedMedia] {
        try Row.fetchAll(
            db,
            sql: "SELECT image, media_id FROM uploaded_media WHERE delivery_id = ? ORDER BY position",
            arguments: [delivery]
        )
        .map { UploadedMedia(image: $0["image"], id: $0["media_id"]) }
    }

    func keepUploadedMedia(_ media: [UploadedMedia], of delivery: String, at time: Date) throws {
        try db.execute(sql: "DELETE FROM uploaded_media WHERE delivery_id = ?", arguments: [delivery])
        for (position, photo) in media.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO uploaded_media (delivery_id, position, image, media_id, uploaded_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [delivery, position, photo.image, photo.id, time]
            )
        }
    }

    func stoppedChannels() throws -> [StoppedChannel] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT channel, announcement_id, reason, credentials, stopped_at FROM stopped_channels
                ORDER BY channel
                """
        )
        .map { row in
            StoppedChannel(
                channel: row["channel"],
                announcement: row["announcement_id"],
                reason: row["reason"],
                credentials: row["credentials"],
                stoppedAt: row["stopped_at"]
            )
        }
    }

    func stopChannel(_ stop: StoppedChannel) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO stopped_channels (channel, announcement_id, reason, credentials, stopped_at)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [stop.channel, stop.announcement, stop.reason, stop.credentials, stop.stoppedAt]
        )
    }

    @discardableResult
    func resumeChannel(_ channel: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM stopped_channels WHERE channel = ?", arguments: [channel])
        return db.changesCount > 0
    }
}
