import Foundation

/// A photo uploaded to a platform for a post not made yet: which image it is, and the id the platform gave it.
///
/// Facebook keeps an unpublished photo invisible until a post attaches it, so a retry of the post (in this run or
/// a later one) attaches the photos uploaded before instead of uploading them again.
public struct UploadedMedia: Sendable, Hashable {
    /// The image it was made from, as ``AnnouncementImage/fingerprint()`` gives it: a file's path and the
    /// SHA-256 of its bytes, or an address. A photo replaced in the queue no longer matches, and is uploaded anew.
    public var image: String
    /// The platform's id of the uploaded photo.
    public var id: String

    public init(image: String, id: String) {
        self.image = image
        self.id = id
    }
}

/// A direct channel that stopped because its credentials no longer work or lack a permission: no run posts on it
/// until a person mends them.
///
/// The stop is kept in the archive, so that later runs leave the channel alone too, instead of failing each of
/// its posts one by one. Credentials that differ from ``credentials`` (a new token in the credentials file) lift
/// it at the next run; `loa channel resume` lifts it by hand (a permission granted to the same token).
public struct StoppedChannel: Sendable, Hashable {
    public var channel: String
    /// The announcement whose attempt met the refusal.
    public var announcement: String
    /// The platform's refusal, in words a person can act on (secrets masked).
    public var reason: String
    /// A fingerprint of the credentials and destination the channel had when it stopped (never the
    /// credentials themselves): ``Channel/credentialFingerprint``.
    public var credentials: String
    public var stoppedAt: Date

    public init(channel: String, announcement: String, reason: String, credentials: String, stoppedAt: Date) {
        self.channel = channel
        self.announcement = announcement
        self.reason = reason
        self.credentials = credentials
        self.stoppedAt = stoppedAt
    }
}
