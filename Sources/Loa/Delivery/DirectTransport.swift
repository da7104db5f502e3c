import Foundation

/// A platform Loa posts to itself, with no bridge: the seam between `DirectDelivery` (attempts, statuses,
/// reconciling a lost answer) and one platform's API.
///
/// A transport only speaks its platform's protocol: it builds the requests, sends them through the client, and
/// says what each answer means in the platform-neutral words of ``DirectOutcome``. Everything that makes delivery
/// safe (the start journal, one attempt row per step, backoff, never sending twice blindly) is
/// `DirectDelivery`'s, written once for every platform. A second platform is a new file with a type conforming to
/// this protocol, and a case in ``DirectTransports/transport(for:)``.
protocol DirectTransport: Sendable {
    /// Where posts go, for people: "Facebook Page 104857600123456".
    var destination: String { get }

    /// Publishes `post`: every request it takes, up to the one that makes the post public. `media` holds what
    /// earlier tries of this delivery uploaded (a platform's ids for the photos), so that a retry of the final step
    /// does not upload again; the transport appends what it uploads, and drops what it can no longer use.
    func publish(_ post: DirectPost, media: inout [UploadedMedia], client: DirectClient) -> DirectStep

    /// Whether `media` outlives the run: kept in the archive, so that a later run's retry reuses it. True where
    /// uploads are invisible until the post (Facebook's unpublished photos); false where each upload is a message
    /// already shown (the bots), whose retries the operator decides.
    var keepsMediaBetweenRuns: Bool { get }

    /// Looks on the platform for a post of this text made since `since`, after an answer was lost. A platform
    /// that offers no way to look answers ``DirectLook/cannotLook``: the delivery then waits for a person.
    func find(_ post: DirectPost, since: Date, client: DirectClient) -> (look: DirectLook, step: DirectStep?)
}

/// One post as a direct transport sends it.
struct DirectPost: Sendable {
    /// The variant's text: exactly what is posted, NFC.
    var text: String
    /// The announcement's link, for platforms that show a preview of it.
    var link: URL?
    /// The announcement's photos, in order.
    var images: [AnnouncementImage]
    /// The announcement's title, for platforms whose posts have one (a Zalo OA article).
    var title = ""
    /// The platform's id of the part of this post an earlier step already made, when the post is not complete (a
    /// Zalo article not yet sent to followers): the next step starts from it instead of making it again.
    var made: String?
}

/// A step's outcome and the answer it came from, for the attempt row.
struct DirectStep: Sendable {
    var outcome: DirectOutcome
    /// The request's address, without secrets (Loa never puts a token in an address).
    var url: URL
    /// The answer that decided the outcome.
    var response: HTTPResponse
    /// What this step left on the platform when the post is not complete (see ``DirectPost/made``), kept as the
    /// attempt's remote id so that a later run resumes from it.
    var made: String?
}

/// What looking for a post on its platform found.
enum DirectLook: Sendable, Equatable {
    case found(id: String, url: String?)
    case absent
    /// The look itself failed; the reason says why.
    case failed(String)
    /// The platform offers no way to look.
    case cannotLook
    /// The look found part of the post and cannot tell whether the rest went out (a Zalo article found, its
    /// broadcast to followers unknown): a person must look; the reason says what was found.
    case uncertain(String)
}

extension DirectTransport {
    var keepsMediaBetweenRuns: Bool { false }
}

/// The one place that knows which direct transport serves a channel.
enum DirectTransports {
    /// The transport of a direct channel; nil for webhook and outbox channels.
    static func transport(for channel: Channel) -> (any DirectTransport)? {
        switch channel.transport {
        case .facebookPage: return FacebookPageTransport(channel: channel)
        case .telegram: return TelegramTransport(channel: channel)
        case .zaloBot: return ZaloBotTransport(channel: channel)
        case .zaloOA: return ZaloOATransport(channel: channel)
        case .webhook, .outbox: return nil
        }
    }
}
