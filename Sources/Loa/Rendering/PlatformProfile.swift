/// What a platform allows and how its posts look.
public struct PlatformProfile: Sendable, Hashable {
    public let platform: Platform
    /// The longest post, counted by ``TextLength``.
    public let maxLength: Int
    /// The most hashtags a post carries; the rest are dropped, in the order written.
    public let maxHashtags: Int
    /// The character that starts a list item.
    public let bullet: String

    /// The profile of a platform.
    ///
    /// Facebook allows 63,206 characters in a post. Zalo group messages and OA posts are cut near 2,000 and read
    /// on phones, so Zalo variants are short and carry few hashtags. Telegram allows 4,096 UTF-16 code units in a
    /// message (``TextLength`` counts at least that many, so a variant that fits by Loa's count fits Telegram's). `plain` suits any other bridge.
    public static func `for`(_ platform: Platform) -> PlatformProfile {
        switch platform {
        case .facebook: PlatformProfile(platform: .facebook, maxLength: 63_206, maxHashtags: 10, bullet: "•")
        case .zalo: PlatformProfile(platform: .zalo, maxLength: 2_000, maxHashtags: 3, bullet: "-")
        case .telegram: PlatformProfile(platform: .telegram, maxLength: 4_096, maxHashtags: 5, bullet: "•")
        case .plain: PlatformProfile(platform: .plain, maxLength: 63_206, maxHashtags: 10, bullet: "-")
        }
    }
}
