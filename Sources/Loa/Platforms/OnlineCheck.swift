import Foundation

/// `loa check --online`: asks each direct channel's platform, without posting, whether the channel can post and
/// read its figures, and says what to fix.
///
/// For a `facebook-page` channel: the token works (Graph does not answer 190), it is a Page token for the
/// channel's Page (`GET /me` answers with the Page's id: a user token answers with a person's), and it may read the
/// Page's posts (`GET /{page_id}/published_posts`, which reconciling a lost answer and engagement need). Whether it
/// may publish is only known by publishing; a Page token made as the README says carries `pages_manage_posts`.
/// Loa does not call `debug_token`, which takes the token in the address. For `telegram` and `zalo-bot` channels,
/// see ``checkBot(_:configFile:client:into:)``; for `zalo-oa` ones, ``checkZaloOA(_:configFile:client:into:)``.
public struct OnlineCheck: Sendable {
    public var exchange: any HTTPExchange

    public init(exchange: any HTTPExchange = CurlExchange()) {
        self.exchange = exchange
    }

    /// What the check found: problems, and one line per channel that is ready.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var ready: [String] = []
    }

    public func run(_ configuration: Configuration, configFile: String) -> Report {
        var report = Report()
        let client = DirectClient(exchange: exchange)
        for channel in configuration.channels where channel.transport == .facebookPage {
            let redact = Redactor(channels: [channel])
            func problem(_ message: String, hint: String) {
                report.diagnostics.append(
                    Diagnostic(
                        area: .configuration,
                        file: configFile,
                        line: channel.line,
                        field: "channels.\(channel.id).token",
                        message: redact(message),
                        hint: hint
                    )
                )
            }
            let graph = GraphAPI(channel: channel)
            let reconnect =
                "make a new Page token as the README's \"Posting straight to a Facebook Page\" says, and put it in "
                + "the credentials file"
            let me = GraphAnswer(
                client.send(
                    graph.request(.get, graph.endpoint("me", query: [URLQueryItem(name: "fields", value: "id,name")]))
                )
            )
            switch me.classify(publishing: false, now: Date()) {
            case .published:
                break
            case .credentials(let reason):
                problem("the token does not work: \(reason)", hint: reconnect)
                continue
            case .notSent(let reason, _), .unknown(let reason), .refused(let reason):
                problem(
                    "cannot ask Facebook about the token: \(reason)",
                    hint: "check the network and api_base, then try again"
                )
                continue
            }
            let id = me.object?["id"] as? String
            let name = me.object?["name"] as? String ?? ""
            guard id == channel.pageID else {
                problem(
                    "the token is not a Page token for page \(channel.pageID ?? "?"): it speaks for \(name.isEmpty ? "someone else" : "'\(name)'") (\(id ?? "no id"))",
                    hint: "a user token cannot post as the Page; " + reconnect
                )
                continue
            }
            let posts = GraphAnswer(
                client.send(
                    graph.request(
                        .get,
                        graph.endpoint(
                            "\(channel.pageID ?? "")/published_posts",
                            query: [URLQueryItem(name: "fields", value: "id"), URLQueryItem(name: "limit", value: "1")]
                        )
                    )
                )
            )
            guard case .published = posts.classify(publishing: false, now: Date()) else {
                problem(
                    "the token cannot read the Page's posts (\(posts.errorText)); Loa needs that to find a post whose answer was lost and to read engagement",
                    hint: "give the app pages_read_engagement when making the token; " + reconnect
                )
                continue
            }
            report.ready.append(
                "\(channel.id): a working Page token for '\(redact(name))' (\(id ?? "")), able to read its posts"
            )
        }
        for channel in configuration.channels where channel.transport.isBot {
            checkBot(channel, configFile: configFile, client: client, into: &report)
        }
        for channel in configuration.channels where channel.transport == .zaloOA {
            checkZaloOA(channel, configFile: configFile, client: client, into: &report)
        }
        return report
    }
}
