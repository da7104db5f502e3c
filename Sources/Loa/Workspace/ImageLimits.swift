/// What a platform accepts of a post's images: how many, and how large.
///
/// Facebook Pages take at most 10 photos in one post (Mixpost's limit; the Graph API attaches them one by one),
/// recommend under 4 MB each and refuse large ones; Loa refuses over 10 MB. Telegram takes photos up to 10 MB and 10 in an album
/// (`sendMediaGroup`). Zalo and other bridges have no
/// published figures, so Loa applies the same count and ceiling. A channel's `max_image_bytes` replaces the
/// ceiling. Sizes are in bytes; an MB is 1,000,000 bytes, so a figure in a message matches a file manager's.
public struct ImageLimits: Sendable, Hashable {
    /// The most images one post carries.
    public var maxCount: Int
    /// The largest image, in bytes: a larger one is an error.
    public var maxBytes: Int
    /// The size above which the platform advises against an image (a warning), when it says.
    public var recommendedBytes: Int?
    /// Whether the channel takes photos only by their web address, so a local file needs `media_base_url` (a
    /// `zalo-bot` channel without one).
    public var webAddressOnly = false
    /// Whether every post needs an image (a `zalo-oa` article's cover is its first image).
    public var requiresImage = false

    /// The largest image Zalo takes in an OA article (1 MB): its `max_image_bytes` may only lower it.
    public static let zaloArticleBytes = 1_000_000

    public init(maxCount: Int, maxBytes: Int, recommendedBytes: Int? = nil) {
        self.maxCount = maxCount
        self.maxBytes = maxBytes
        self.recommendedBytes = recommendedBytes
    }

    /// The largest `max_image_bytes` a channel may set (100 MB): past it, no platform takes the photo, and a
    /// bridge request carrying it inline would hold the run's memory.
    public static let maximumOverride = 100_000_000

    /// The limits of a platform.
    public static func `for`(_ platform: Platform) -> ImageLimits {
        switch platform {
        case .facebook: ImageLimits(maxCount: 10, maxBytes: 10_000_000, recommendedBytes: 4_000_000)
        case .zalo: ImageLimits(maxCount: 10, maxBytes: 10_000_000)
        case .telegram: ImageLimits(maxCount: 10, maxBytes: 10_000_000)
        case .plain: ImageLimits(maxCount: 10, maxBytes: 10_000_000)
        }
    }

    /// A size in words: `183,204 bytes`, or `4 MB` and `4.5 MB` from a million bytes on.
    public static func describe(_ bytes: Int) -> String {
        guard bytes >= 1_000_000 else { return "\(grouped(bytes)) bytes" }
        let tenths = (bytes + 50_000) / 100_000
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }

    /// A number of bytes with thousands separated by commas, as `10,000,001 bytes`.
    public static func exact(_ bytes: Int) -> String {
        "\(grouped(bytes)) bytes"
    }

    private static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
