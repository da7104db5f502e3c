import Foundation
import PostgresNIO

/// The PostgreSQL archive's photos uploaded for posts not made yet, and channels stopped for their credentials.
extension PostgresTransaction {
    func uploadedMedia(of delivery: String) throws -> [UploadedMedia] {
        try rows("SELECT image, media_id FROM uploaded_media WHERE delivery_id = \(delivery) ORDER BY position")
            .map { row in
                let (image, id) = try row.decode((String, String).self)
                return UploadedMedia(image: image, id: id)
            }
    }

    func keepUploadedMedia(_ media: [UploadedMedia], of delivery: String, at time: Date) throws {
        try rows("DELETE FROM uploaded_media WHERE delivery_id = \(delivery)")
        for (position, photo) in media.enumerated() {
            try rows(
                """
                INSERT INTO uploaded_media (delivery_id, position, image, media_id, uploaded_at)
                VALUES (\(delivery), \(position), \(photo.image), \(photo.id), \(time))
                """
            )
        }
    }

    func stoppedChannels() throws -> [StoppedChannel] {
        try rows(
            """
            SELECT channel, announcement_id, reason, credentials, stopped_at FROM stopped_channels ORDER BY channel
            """
        )
        .map { row in
            let (channel, announcement, reason, credentials, stoppedAt) = try row.decode(
                (String, String, String, String, Date).self
            )
            return StoppedChannel(
                channel: channel,
                announcement: announcement,
                reason: reason,
                credentials: credentials,
                stoppedAt: stoppedAt
            )
        }
    }

    func stopChannel(_ stop: StoppedChannel) throws {
        try rows(
            """
            INSERT INTO stopped_channels (channel, announcement_id, reason, credentials, stopped_at)
            VALUES (\(stop.channel), \(stop.announcement), \(stop.reason), \(stop.credentials), \(stop.stoppedAt))
            ON CONFLICT (channel) DO UPDATE SET announcement_id = excluded.announcement_id,
                reason = excluded.reason, credentials = excluded.credentials, stopped_at = excluded.stopped_at
            """
        )
    }

    @discardableResult
    func resumeChannel(_ channel: String) throws -> Bool {
        try rows("DELETE FROM stopped_channels WHERE channel = \(channel) RETURNING channel").first != nil
    }
}
