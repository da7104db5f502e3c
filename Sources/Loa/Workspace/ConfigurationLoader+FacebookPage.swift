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
                "is \(platform.rawValue); a facebook-page channel posts to Facebook",
                hint: "write `platform: facebook`"
            )
        }
        if pageEntry == nil {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).page_id",
                "is missing; a facebook-page channel needs the id of the Page it posts to",
                hint: "add `page_id: \"104857600123456\"` (the Page's About section shows it)"
            )
        }
        if channel.token == nil {
            reader.report(
                at: entry.keyNode,
                field: "\(entry.field).token",
                "is missing; a facebook-page channel posts with a Page access token",
                hint: "add `token: ${\(Self.tokenName(for: channel.id))}` and put the token in the credentials file; "
                    + "the README's \"Posting straight to a Facebook Page\" says how to get one that never expires"
            )
        }
    }

    /// The conventional credentials name for a channel's token: `fb-page` → `FB_PAGE_TOKEN`.
    static func tokenName(for channelID: String) -> String {
        channelID.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined() + "_TOKEN"
    }
}
