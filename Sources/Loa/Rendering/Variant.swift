import Crypto
import Foundation

/// An announcement as one channel will show it: the text, and how it measures against the channel's limit.
///
/// What rendering decides, and nothing of how the text travels: the channel's transport is the channel's.
public struct Variant: Sendable, Hashable, Codable {
    public var announcementID: String
    public var channel: String
    public var platform: Platform
    /// The post, in NFC.
    public var text: String
    /// The length by ``TextLength``.
    public var length: Int
    public var limit: Int
    /// Whether the body was cut to fit, ending with `… Xem thêm: <link>`.
    public var truncated: Bool
    /// The hashtags it carries, as rendered (`#TuoiTreCanTho`).
    public var hashtags: [String]
    /// The template it was rendered with.
    public var template: String

    enum CodingKeys: String, CodingKey {
        case announcementID = "announcement"
        case channel, platform, text, length, limit, truncated, hashtags, template
    }
}

extension Variant {
    /// The id of this text where it is stored once for every delivery that carries it: 32 hex digits of its
    /// SHA-256.
    var archiveID: String {
        Hex.string(SHA256.hash(data: Data(text.utf8)).prefix(16))
    }
}

/// Why an announcement cannot be rendered for a channel.
public enum RenderFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Over the limit with no link to continue at, so it cannot be cut.
    case tooLong(channel: String, length: Int, limit: Int)
    /// The template's own text leaves no room for the body.
    case templateTooLong(channel: String, template: String, limit: Int)
    /// The template produced no text at all.
    case empty(channel: String, template: String)

    public var description: String {
        switch self {
        case .tooLong(let channel, let length, let limit):
            Message.renderTooLong(["channel": channel, "length": "\(length)", "limit": "\(limit)"])
        case .templateTooLong(let channel, let template, let limit):
            Message.renderTemplateTooLong(["channel": channel, "limit": "\(limit)", "template": template])
        case .empty(let channel, let template):
            Message.renderEmpty(["channel": channel, "template": template])
        }
    }

    /// What the officer can do about it.
    public var hint: String {
        switch self {
        case .tooLong(let channel, _, _):
            Message.renderTooLongHint(["channel": channel])
        case .templateTooLong:
            Message.renderTemplateTooLongHint()
        case .empty:
            Message.renderEmptyHint()
        }
    }
}
