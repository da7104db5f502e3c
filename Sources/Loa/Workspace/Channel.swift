import Crypto
import Foundation

/// The social platform a channel posts to; it decides the variant's template, length limit and style.
public enum Platform: String, Sendable, Hashable, CaseIterable, Codable {
    case facebook
    case zalo
    /// A Telegram channel or group: text ≤ 4,096 UTF-16 code units, a photo's caption ≤ 1,024.
    case telegram
    case plain
}

/// How a channel's posts leave Loa.
public enum TransportKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A signed HTTPS POST to a bridge that posts for us.
    case webhook
    /// Copy-ready text in `outbox/`, posted by a person who then runs `loa confirm`.
    case outbox
    /// Straight to a Facebook Page through the Graph API (`page_id`, a Page `token`).
    case facebookPage = "facebook-page"
    /// Straight to a Telegram channel or group through the Bot API (`chat_id`, a bot `token`).
    case telegram
    /// Straight to a Zalo group or chat through the Zalo Bot Platform (`chat_id`, a bot `token`); experimental.
    case zaloBot = "zalo-bot"
    /// Straight to a Zalo Official Account as an article, optionally broadcast to its followers (`app_id`,
    /// `app_secret`, `refresh_token`, `broadcast`).
    case zaloOA = "zalo-oa"

    /// Whether Loa talks to the platform itself (no bridge, no person): posts are made by a `DirectTransport`.
    public var isDirect: Bool { self == .facebookPage || self == .zaloOA || isBot }

    /// Whether the channel posts through a Telegram-like bot API, whose token sits in the request's address.
    public var isBot: Bool { self == .telegram || self == .zaloBot }
}

/// One place announcements are posted to, as configured under `channels:` in loa.yml.
public struct Channel: Sendable, Identifiable {
    public var id: String
    /// What reports call it (`name:`, such as "Fanpage Thành đoàn Cần Thơ"); nil to show the id.
    public var name: String?
    public var platform: Platform
    public var transport: TransportKind
    /// The bridge's endpoint, for webhook channels.
    public var url: URL?
    /// The Page posted to, for `facebook-page` channels (`page_id`).
    public var pageID: String?
    /// The chat posted to, for `telegram` and `zalo-bot` channels (`chat_id`): `@channelname`, `-100…`, or a
    /// Zalo group's id.
    public var chatID: String?
    /// The Graph API version of a `facebook-page` channel (`api_version`).
    public var apiVersion = Channel.newestGraphVersion
    /// Where the Graph API answers (`api_base`); nil for `https://graph.facebook.com`. Tests point it at a fake
    /// server on 127.0.0.1.
    public var apiBase: URL?
    /// How long a direct channel waits after an answer was lost before it looks on the platform for the post
    /// (`reconcile_after`): a post can take a few seconds to be listed.
    public var reconcileAfter: TimeInterval = 20

    /// The Zalo app of a `zalo-oa` channel (`app_id`), its secret (`app_secret`) and the first refresh token
    /// (`refresh_token`); Loa keeps the rotated tokens in ``tokenFile``.
    public var appID: String?
    public var appSecret: Secret?
    public var refreshToken: Secret?
    /// Whether a `zalo-oa` channel also sends each article to the OA's followers (`broadcast`).
    public var broadcast = false
    /// Where Zalo's OAuth server answers (`oauth_base`); nil for `https://oauth.zaloapp.com`.
    public var oauthBase: URL?
    /// Where a `zalo-oa` channel keeps its rotated tokens: `credentials.d/<channel id>.json` beside the
    /// credentials file, mode 0600.
    public var tokenFile: URL?

    /// The newest Graph API version Loa was tested against, the default `api_version`.
    public static let newestGraphVersion = "v27.0"

    /// Where this channel's posts land, as a fingerprint the archive may keep (a hash: a bridge's address can carry
    /// secrets): two channel ids with one destination are one channel renamed. Nil for outbox channels, whose
    /// posts a person makes.
    public var destination: String? {
        let address: String
        switch transport {
        case .webhook:
            guard let url else { return nil }
            address = url.absoluteString
        case .facebookPage:
            guard let pageID else { return nil }
            address = "facebook-page:\(pageID)"
        case .telegram, .zaloBot:
            guard let chatID else { return nil }
            address = "\(transport.rawValue):\(chatID)"
        case .zaloOA:
            guard let appID else { return nil }
            address = "zalo-oa:\(appID)"
        case .outbox:
            return nil
        }
        return Hex.string(SHA256.hash(data: Data(address.utf8)).prefix(16))
    }
    /// The `whsec_…` signing secret, for webhook channels.
    public var secret: Secret?
    /// Sent as `Authorization: Bearer` when set.
    public var token: Secret?
    /// Where engagement figures are read, with `{remote_id}` in it.
    public var statsURL: String?
    /// Overrides the platform's length limit.
    public var maxLength: Int?
    /// Overrides the platform's largest image, in bytes (`max_image_bytes`).
    public var maxImageBytes: Int?
    /// Where the bridge can download the queue's images (`media_base_url`, ending in `/`): the payload then carries
    /// each local image's address (this plus its path relative to `queue/`) instead of its bytes.
    public var mediaBaseURL: String?
    /// At most one post per this many seconds on this channel.
    public var minGap: TimeInterval?
    public var quietHours: QuietHours?
    /// The deadline of one request, in seconds.
    public var timeout: TimeInterval
    /// How many deliveries to this channel may be in flight at once.
    public var concurrency: Int
    /// The line of loa.yml the channel is defined on.
    public var line: Int?
    /// The values its fields took from the environment or the credentials file for `${NAME}`: all are treated as
    /// secrets, wherever they were used (in `url:` too).
    public var substitutions: [Secret] = []

    public init(
        id: String,
        platform: Platform,
        transport: TransportKind,
        url: URL? = nil,
        secret: Secret? = nil,
        token: Secret? = nil,
        statsURL: String? = nil,
        maxLength: Int? = nil,
        minGap: TimeInterval? = nil,
        quietHours: QuietHours? = nil,
        timeout: TimeInterval = 15,
        concurrency: Int = 4,
        line: Int? = nil
    ) {
        self.id = id
        self.platform = platform
        self.transport = transport
        self.url = url
        self.secret = secret
        self.token = token
        self.statsURL = statsURL
        self.maxLength = maxLength
        self.minGap = minGap
        self.quietHours = quietHours
        self.timeout = timeout
        self.concurrency = concurrency
        self.line = line
    }

    /// Every value of this channel that must never be shown: its secret and token, what its fields took for
    /// `${NAME}`, and the user information (`user:password@`) of its addresses.
    public var secretValues: [String] {
        var values = ([secret, token, appSecret, refreshToken].compactMap { $0 } + substitutions).map { $0.reveal() }
        let addresses = [url, statsURL.flatMap { URL(string: $0.replacingOccurrences(of: "{remote_id}", with: "x")) }]
        for address in addresses.compactMap({ $0 }) {
            values += [address.user, address.password].compactMap { $0 }
        }
        return values
    }

    /// The length limit of this channel's variants.
    public var lengthLimit: Int { maxLength ?? PlatformProfile.for(platform).maxLength }

    /// What this channel accepts of a post's images: its platform's limits, with `max_image_bytes` as the
    /// ceiling when set (the platform's advice is then given only below that ceiling).
    public var imageLimits: ImageLimits {
        var limits = ImageLimits.for(platform)
        if let maxImageBytes {
            limits.maxBytes = maxImageBytes
            if let recommended = limits.recommendedBytes, recommended >= maxImageBytes { limits.recommendedBytes = nil }
        }
        limits.webAddressOnly = (transport == .zaloBot || transport == .zaloOA) && mediaBaseURL == nil
        if transport == .zaloOA {
            // An article's cover is its first image, and Zalo refuses images over 1 MB in articles.
            limits.requiresImage = true
            limits.maxBytes = min(limits.maxBytes, ImageLimits.zaloArticleBytes)
            limits.recommendedBytes = nil
        }
        return limits
    }
}
