import Foundation

/// `loa check --online`: asks each direct channel's platform, without posting, whether the channel can post and
/// read its figures, and says what to fix.
///
/// For a `facebook-page` channel: the token works (Graph does not answer 190), it is a Page token for the
/// channel's Page (`GET /me` answers with the Page's id: a user token answers with a person's), it may post there
/// (`GET /debug_token`: its `scopes`, and `granular_scopes` for the Page, hold `pages_manage_posts`), and it may
/// read the Page's posts (`GET /{page_id}/published_posts`, which reconciling a lost answer and engagement need).
/// `debug_token` is the one Graph call that tells a Page token's permissions, and it takes the token as
/// `input_token` in the address: that address goes to Facebook alone over HTTPS, and Loa never prints or keeps it.
/// The CREATE_CONTENT task of the person who made the token is not visible to a Page token: a token without it is
/// refused at its first post with code 200, which stops the channel with a message naming the task. For
/// `telegram` and `zalo-bot` channels, see ``checkBot(_:configFile:client:into:)``; for `zalo-oa` ones,
/// ``checkZaloOA(_:configFile:client:into:)``.
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
            func problem(_ message: String, hint: String, severity: Diagnostic.Severity = .error) {
                report.diagnostics.append(
                    Diagnostic(
                        severity,
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
            let permissions = Self.pagePermissions(channel, graph: graph, client: client)
            switch permissions {
            case .unknown(let reason):
                problem(
                    Message.onlinePermissionsUnknown(["reason": reason]),
                    hint: Message.onlinePermissionsUnknownHint(),
                    severity: .warning
                )
            case .known(let granted, let onPage):
                let missing = ["pages_manage_posts", "pages_read_engagement"].filter { !granted.contains($0) }
                guard missing.isEmpty else {
                    let values = ["missing": missing.joined(separator: ", "), "reconnect": reconnect]
                    problem(
                        missing.contains("pages_manage_posts")
                            ? Message.onlineLacksPosting(values) : Message.onlineLacksReading(values),
                        hint: Message.onlineLacksHint(values)
                    )
                    continue
                }
                guard onPage else {
                    problem(
                        Message.onlineNotThisPage(["page": channel.pageID ?? "?"]),
                        hint: Message.onlineNotThisPageHint(["reconnect": reconnect])
                    )
                    continue
                }
                if !granted.contains("read_insights") {
                    problem(
                        Message.onlineNoInsights(),
                        hint: Message.onlineNoInsightsHint(),
                        severity: .warning
                    )
                }
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
            let values = ["channel": channel.id, "name": redact(name), "id": id ?? ""]
            report.ready.append(
                permissions.mayPost ? Message.onlinePageReadyToPost(values) : Message.onlinePageReady(values)
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

extension OnlineCheck {
    /// What `debug_token` says of a Page token.
    enum PagePermissions {
        /// Its `scopes`, and whether `pages_manage_posts` covers the channel's Page (`granular_scopes`' `target_ids`
        /// name it, or name no Page at all).
        case known(granted: Set<String>, onPage: Bool)
        /// The answer could not be read; the reason says why.
        case unknown(String)

        var mayPost: Bool {
            if case .known(let granted, let onPage) = self { return granted.contains("pages_manage_posts") && onPage }
            return false
        }
    }

    /// Asks `GET /debug_token?input_token=…` (the token debugging itself, also in `Authorization: Bearer`).
    static func pagePermissions(_ channel: Channel, graph: GraphAPI, client: DirectClient) -> PagePermissions {
        let url = graph.endpoint(
            "debug_token",
            query: [URLQueryItem(name: "input_token", value: channel.token?.reveal() ?? "")]
        )
        let answer = GraphAnswer(client.send(graph.request(.get, url)))
        guard case .published = answer.classify(publishing: false, now: Date()),
            let data = answer.object?["data"] as? [String: Any]
        else { return .unknown(answer.errorText) }
        if (data["is_valid"] as? Bool) == false {
            let error = (data["error"] as? [String: Any])?["message"] as? String
            return .unknown("Facebook says the token is not valid" + (error.map { ": \($0)" } ?? ""))
        }
        let granted = Set(data["scopes"] as? [String] ?? [])
        let granular = (data["granular_scopes"] as? [[String: Any]] ?? []).first {
            $0["scope"] as? String == "pages_manage_posts"
        }
        let targets = granular?["target_ids"] as? [String] ?? []
        return .known(granted: granted, onPage: targets.isEmpty || targets.contains(channel.pageID ?? ""))
    }
}
