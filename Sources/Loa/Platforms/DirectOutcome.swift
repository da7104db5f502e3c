import Foundation

/// What one step on a platform came to, in words that do not depend on the platform.
enum DirectOutcome: Sendable, Equatable {
    /// The post is out: its id and address.
    case published(id: String, url: String?)
    /// Certainly not published (refused before it was sent, or a rate limit); worth trying again, no earlier than
    /// `notBefore` seconds from now when the platform said.
    case notSent(reason: String, notBefore: TimeInterval?)
    /// The channel's credentials no longer work, or lack a permission: the channel stops until a person mends
    /// them (``StoppedChannel``); its posts wait.
    case credentials(reason: String)
    /// Refused for good; the reason is the platform's, in words a person can act on.
    case refused(reason: String)
    /// Sent, and the answer lost or meaningless: the post may be out. Never sent again before looking.
    case unknown(reason: String)
}
