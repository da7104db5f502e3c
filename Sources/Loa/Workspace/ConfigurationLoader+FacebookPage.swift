import Foundation

extension ConfigurationLoader {
    /// What a `facebook-page` channel needs besides what every channel has: the Facebook platform, a Page id and
    /// a Page token.
    func checkFacebookPage(
        _ channel: Channel,
        entry: YAMLReader.Entry,
        platform: Platform,
        pageEntry: YAMLReader.Entry?,
        _ reader: inout YAMLReader
    ) {
        if platform != .facebook {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).platform",
                Message.cfgPlatformFor([
                    "platform": platform.rawValue, "transport": "facebook-page", "service": "Facebook",
                ]),
                hint: Message.cfgWritePlatform(["platform": "facebook"])
            )
        }
        if pageEntry == nil {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).page_id",
                Message.cfgMissingPageID(),
                hint: Message.cfgMissingPageIDHint()
            )
        }
        if channel.token == nil {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).token",
                Message.cfgMissingPageToken(),
                hint: Message.cfgMissingPageTokenHint(["name": Self.tokenName(for: channel.id)])
            )
        }
    }

    /// The conventional credentials name for a channel's token: `fb-page` → `FB_PAGE_TOKEN`.
    static func tokenName(for channelID: String) -> String {
        channelID.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined() + "_TOKEN"
    }
}
