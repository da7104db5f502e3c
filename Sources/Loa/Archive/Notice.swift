import Foundation

/// One message to the `notify:` channel: what needed a person after one run, sent as a delivery of its own.
///
/// Kept in the archive with its text, so that a later run can send it again (a notice is retried like a post)
/// without the queue, where it has no file.
public struct Notice: Sendable, Hashable {
    /// The id its delivery carries as an announcement id: `loa-notify-` and the run's time.
    public var id: String
    public var channel: String
    /// The first line: whose workspace, when, how many things.
    public var title: String
    /// One line per thing that needs a person.
    public var body: String
    public var createdAt: Date

    public init(id: String, channel: String, title: String, body: String, createdAt: Date) {
        self.id = id
        self.channel = channel
        self.title = title
        self.body = body
        self.createdAt = createdAt
    }

    /// The prefix of every notice's id, which no queue file's id may take over.
    public static let idPrefix = "loa-notify-"
}
