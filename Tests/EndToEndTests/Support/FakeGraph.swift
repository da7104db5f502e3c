import Foundation

/// A fake Facebook Graph API on 127.0.0.1 that keeps a Page's posts and photos and answers as the real API does,
/// including its failures, scripted per test.
///
/// It serves `POST /{v}/{page}/photos` (multipart, `published=false`), `POST /{v}/{page}/feed` (form, with
/// `attached_media[i]`, refused with code 100 when a photo is not held), `GET /{v}/{page}/published_posts?since=`,
/// `GET /{v}/{post}?fields=…`, `GET /{v}/me` and `GET /{v}/debug_token`, checks the `Authorization: Bearer` token,
/// and answers a wrong one with Graph's code 190.
final class FakeGraph: @unchecked Sendable {
    /// What the fake does with the next feed post, instead of answering it normally.
    enum Fault: Sendable {
        /// Publish the post, then answer 500 `{"error":{"code":2,"is_transient":true}}`.
        case ghost500
        /// Publish the post, then close the connection without a word.
        case ghostHangUp
        /// Answer 500 code 2 without publishing.
        case lost500
        /// Publish the post, then wait this long before answering (for a run killed while it waits).
        case ghostSlow(TimeInterval)
        /// Answer this status, headers and body without publishing.
        case answer(status: Int, headers: [String: String], body: String)
    }

    struct Post {
        var id: String
        var message: String
        var link: String?
        var attachedMedia: [String]
        var createdAt: Date
        var permalink: String
    }

    struct Photo {
        var id: String
        var published: Bool
        var bytes: Int
    }

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var posts: [Post] = []
        var photos: [Photo] = []
        var feedFaults: [Fault] = []
        var photoFaults: [Int: Fault] = [:]
        var photoRequests = 0
        /// Insights metrics Graph no longer knows (answered with code 100).
        var removedMetrics: Set<String> = []
        var metricValues: [String: Int] = [:]
        /// Reactions, comments and shares (nil: no `shares` field, as Graph leaves it out at 0).
        var counts: (reactions: Int, comments: Int, shares: Int?) = (0, 0, nil)
        var meID: String?
        /// What `debug_token` says the token was granted, and the Pages `pages_manage_posts` covers.
        var scopes = ["pages_show_list", "pages_manage_posts", "pages_read_engagement", "read_insights"]
        var postTargets: [String]?
    }

    let pageID: String
    let token: String
    private let state = State()
    private(set) var bridge: TestBridge!

    init(pageID: String = "104857600123456", token: String) throws {
        self.pageID = pageID
        self.token = token
        let state = self.state
        bridge = try TestBridge { [pageID, token] request, _ in
            Self.answer(request, pageID: pageID, token: token, state: state)
        }
    }

    /// The `api_base` of this fake.
    var base: String { bridge.url("") }

    var posts: [Post] { state.lock.withLock { state.posts } }
    var photos: [Photo] { state.lock.withLock { state.photos } }
    var requests: [TestBridge.Request] { bridge.received }
    var feedRequests: [TestBridge.Request] { requests.filter { $0.method == "POST" && $0.path.hasSuffix("/feed") } }

    /// Faults for the next feed posts, in order; once used up, feed posts are answered normally.
    func failFeed(_ faults: Fault...) {
        state.lock.withLock { state.feedFaults += faults }
    }

    /// A fault for the `number`-th photo upload (from 1).
    func failPhoto(_ number: Int, _ fault: Fault) {
        state.lock.withLock { state.photoFaults[number] = fault }
    }

    /// What the fake's posts' engagement reads answer.
    func setEngagement(
        reactions: Int,
        comments: Int,
        shares: Int?,
        metrics: [String: Int],
        removed: Set<String>
    ) {
        state.lock.withLock {
            state.counts = (reactions, comments, shares)
            state.metricValues = metrics
            state.removedMetrics = removed
        }
    }

    /// Forgets every uploaded photo, as Facebook does with unpublished photos after a while: a feed post attaching
    /// one is refused with code 100.
    func forgetPhotos() {
        state.lock.withLock { state.photos = [] }
    }

    /// What `debug_token` answers: the token's scopes, and the Pages its `pages_manage_posts` covers (nil: this
    /// fake's Page).
    func grant(_ scopes: [String], postingOn targets: [String]? = nil) {
        state.lock.withLock {
            state.scopes = scopes
            state.postTargets = targets
        }
    }

    /// Makes the token a person's rather than the Page's: `GET /me` answers with this id.
    func tokenBelongs(to id: String) {
        state.lock.withLock { state.meID = id }
    }

    /// A channel's YAML for this fake.
    func channel(_ id: String, extra: [String] = []) -> String {
        DirectChannelTesting.channel(
            id,
            platform: "facebook",
            transport: "facebook-page",
            fields: ["page_id: \"\(pageID)\""],
            tokenVariable: "LOA_TEST_FB_TOKEN",
            apiBase: base,
            extra: ["reconcile_after: 0s"] + extra
        )
    }

    static func graphError(_ code: Int, subcode: Int? = nil, transient: Bool = false, message: String) -> String {
        let sub = subcode.map { #","error_subcode":\#($0)"# } ?? ""
        return
            #"{"error":{"message":"\#(message)","type":"OAuthException","code":\#(code)\#(sub),"is_transient":\#(transient),"fbtrace_id":"AbCdEf"}}"#
    }

    private static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> TestBridge.Answer {
        .respond(status: status, headers: headers.merging(["Content-Type": "application/json"]) { $1 }, body: body)
    }

    private static func form(_ body: Data) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard let name = parts.first?.removingPercentEncoding else { continue }
            fields[name] =
                parts.count > 1 ? parts[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding : ""
        }
        return fields
    }

    private static func answer(_ request: TestBridge.Request, pageID: String, token: String, state: State)
        -> TestBridge.Answer
    {
        guard request.headers["authorization"] == "Bearer \(token)" else {
            return json(400, graphError(190, subcode: 460, message: "Error validating access token"))
        }
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path
        let query = request.path.contains("?") ? String(request.path.split(separator: "?")[1]) : ""
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return json(404, graphError(100, message: "Unknown path")) }
        switch (request.method, parts.count == 3 ? parts[2] : "") {
        case ("POST", "photos"):
            return state.lock.withLock {
                state.photoRequests += 1
                if let fault = state.photoFaults[state.photoRequests],
                    case .answer(let status, let headers, let body) = fault
                {
                    return json(status, body, headers: headers)
                }
                let text = String(decoding: request.body, as: UTF8.self)
                let published = !text.contains("name=\"published\"\r\n\r\nfalse")
                let id = "90000\(state.photoRequests)"
                state.photos.append(Photo(id: id, published: published, bytes: request.body.count))
                return json(200, #"{"id":"\#(id)"}"#)
            }
        case ("POST", "feed"):
            let fields = form(request.body)
            var media: [String] = []
            var index = 0
            while let value = fields["attached_media[\(index)]"] {
                if let object = try? JSONSerialization.jsonObject(with: Data(value.utf8)) as? [String: String],
                    let id = object["media_fbid"]
                {
                    media.append(id)
                }
                index += 1
            }
            return state.lock.withLock {
                // Graph refuses a post attaching a photo it does not hold (never uploaded, or forgotten).
                let held = Set(state.photos.filter { !$0.published }.map(\.id))
                if let index = media.firstIndex(where: { !held.contains($0) }) {
                    return json(
                        400,
                        graphError(100, message: "(#100) param attached_media[\(index)] must be a valid media_fbid")
                    )
                }
                let fault = state.feedFaults.isEmpty ? nil : state.feedFaults.removeFirst()
                if case .lost500 = fault {
                    return json(500, graphError(2, transient: true, message: "(#2) Service temporarily unavailable"))
                }
                if case .answer(let status, let headers, let body) = fault {
                    return .respond(status: status, headers: headers, body: body)
                }
                let number = state.posts.count + 1
                let post = Post(
                    id: "\(pageID)_\(number)",
                    message: fields["message"] ?? "",
                    link: fields["link"],
                    attachedMedia: media,
                    createdAt: Date(),
                    permalink: "https://www.facebook.com/\(pageID)/posts/\(number)"
                )
                state.posts.append(post)
                switch fault {
                case .ghost500:
                    return json(500, graphError(2, transient: true, message: "An unexpected error has occurred."))
                case .ghostHangUp:
                    return .hangUp
                case .ghostSlow(let seconds):
                    return .delay(seconds, json(200, #"{"id":"\#(post.id)","permalink_url":"\#(post.permalink)"}"#))
                default:
                    return json(200, #"{"id":"\#(post.id)","permalink_url":"\#(post.permalink)"}"#)
                }
            }
        case ("GET", "published_posts"):
            let since =
                query.split(separator: "&").first { $0.hasPrefix("since=") }
                .flatMap { Double($0.dropFirst(6)) }
                .map(Date.init(timeIntervalSince1970:)) ?? .distantPast
            let formatter = ISO8601DateFormatter()
            return state.lock.withLock {
                let data = state.posts.filter { $0.createdAt >= since }.reversed().map { post -> [String: Any] in
                    [
                        "id": post.id, "message": post.message, "permalink_url": post.permalink,
                        "created_time": formatter.string(from: post.createdAt),
                    ]
                }
                let body = try? JSONSerialization.data(
                    withJSONObject: [
                        "data": data,
                        // Graph puts the token in its paging links; Loa must never keep it.
                        "paging": [
                            "next":
                                "https://graph.facebook.com/v27.0/\(pageID)/published_posts?access_token=\(token)&after=x"
                        ],
                    ]
                )
                return json(200, String(decoding: body ?? Data(), as: UTF8.self))
            }
        case ("GET", "") where parts[1] == "debug_token":
            return state.lock.withLock {
                let data: [String: Any] = [
                    "app_id": "1234567890", "type": state.meID == nil ? "PAGE" : "USER",
                    "application": "Loa Thành đoàn",
                    "expires_at": 0, "is_valid": true, "profile_id": state.meID ?? pageID, "scopes": state.scopes,
                    "granular_scopes": [
                        ["scope": "pages_manage_posts", "target_ids": state.postTargets ?? [pageID]],
                        ["scope": "pages_read_engagement", "target_ids": [pageID]],
                    ],
                ]
                let body = try? JSONSerialization.data(withJSONObject: ["data": data])
                return json(200, String(decoding: body ?? Data(), as: UTF8.self))
            }
        case ("GET", "") where parts[1] == "me":
            // A Page token speaks for its Page; `meID` stands for a person's token.
            let id = state.lock.withLock { state.meID } ?? pageID
            return json(200, #"{"id":"\#(id)","name":"Thành đoàn Cần Thơ"}"#)
        case ("GET", ""):
            return state.lock.withLock {
                guard state.posts.contains(where: { $0.id == parts[1] }) else {
                    return json(400, graphError(100, subcode: 33, message: "Object does not exist"))
                }
                var body =
                    #"{"id":"\#(parts[1])","reactions":{"data":[],"summary":{"total_count":\#(state.counts.reactions)}},"comments":{"data":[],"summary":{"order":"ranked","total_count":\#(state.counts.comments),"can_comment":true}}"#
                if let shares = state.counts.shares { body += #","shares":{"count":\#(shares)}"# }
                return json(200, body + "}")
            }
        case ("GET", "insights"):
            let metric =
                query.split(separator: "&").first { $0.hasPrefix("metric=") }.map { String($0.dropFirst(7)) } ?? ""
            return state.lock.withLock {
                if state.removedMetrics.contains(metric) {
                    return json(400, graphError(100, message: "(#100) The value must be a valid insights metric"))
                }
                guard let value = state.metricValues[metric] else { return json(200, #"{"data":[]}"#) }
                return json(
                    200,
                    #"{"data":[{"name":"\#(metric)","period":"lifetime","values":[{"value":\#(value)}],"id":"\#(parts[1])/insights/\#(metric)/lifetime"}]}"#
                )
            }
        default:
            return json(400, graphError(100, message: "Unsupported request"))
        }
    }
}
