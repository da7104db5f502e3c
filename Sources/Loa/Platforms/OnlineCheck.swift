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
            let reconnect = Message.onlineReconnect()
            let me = GraphAnswer(
                client.send(
                    graph.request(.get, graph.endpoint("me", query: [URLQueryItem(name: "fields", value: "id,name")]))
                )
            )
            switch me.classify(publishing: false, now: Date()) {
            case .published:
                break
            case .credentials(let reason):
                problem(Message.onlineTokenFails(["reason": reason]), hint: reconnect)
                continue
            case .notSent(let reason, _), .unknown(let reason), .refused(let reason):
                problem(
                    Message.onlineCannotAsk(["service": "Facebook", "reason": reason]),
                    hint: Message.onlineCheckNetwork()
                )
                continue
            }
            let id = me.object?["id"] as? String
            let name = me.object?["name"] as? String ?? ""
            guard id == channel.pageID else {
                problem(
                    Message.onlineNotPageToken([
                        "page": channel.pageID ?? "?", "name": name.isEmpty ? Message.onlineSomeoneElse() : "'\(name)'",
                        "id": id ?? Message.onlineNoID(),
                    ]),
                    hint: Message.onlineUserToken(["reconnect": reconnect])
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
                    Message.onlineCannotReadPosts(["reason": posts.errorText]),
                    hint: Message.onlineReadEngagementHint(["reconnect": reconnect])
                )
                continue
            }
            report.ready.append(
                Message.onlinePageReady(["channel": channel.id, "name": redact(name), "id": id ?? ""])
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
