import Foundation

/// A fake Zalo Official Account API and OAuth server on 127.0.0.1 that keeps an OA's articles and answers as the
/// real ones do, failures included: errors as HTTP 200 with `error` ≠ 0, refresh tokens that work once, `-214`
/// while an article's media are processed.
///
/// OAuth: `POST /v4/oa/access_token` (header `secret_key`, form `app_id`, `grant_type=refresh_token`,
/// `refresh_token`) answers a new access token, a new refresh token and `expires_in` as a string; the refresh token
/// used is dead from then on. OA API (header `access_token`): `POST /v2.0/article/create`, `POST
/// /v2.0/article/verify`, `GET /v2.0/article/getslice`, `POST /v2.0/oa/message`, `GET /v2.0/oa/getoa`.
final class FakeZaloOA: @unchecked Sendable {
    /// What the fake does with the next call of a path, instead of answering it normally.
    enum Fault: Sendable {
        /// Answer HTTP 200 with this JSON body, doing nothing.
        case answer(String)
        /// Do the work, then close the connection without a word.
        case ghostHangUp
    }

    struct Article {
        var id: String
        var token: String
        var title: String
        var description: String
        var cover: String
        var body: [[String: Any]]
        var createdAt: Date
        var views = 0
        var shares = 0
    }

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var refreshTokens: Set<String> = []
        var accessTokens: Set<String> = []
        var issued = 0
        var articles: [Article] = []
        var broadcasts: [[String: Any]] = []
        var faults: [String: [Fault]] = [:]
        /// How many `verify` calls answer -214 before the id.
        var processing = 0
        /// Whether answers echo the tokens they were sent (a debugging proxy's habit).
        var echo = false
    }

    static let appID = "1234567890"
    static let appSecret = "zalo-app-secret-Qm9pZ2h0"

    private let state = State()
    private(set) var bridge: TestBridge!

    /// A fake that accepts `refreshToken` as its one valid refresh token.
    init(refreshToken: String) throws {
        state.refreshTokens = [refreshToken]
        let state = self.state
        bridge = try TestBridge { request, _ in Self.answer(request, state: state) }
    }

    var base: String { bridge.url("") }
    var requests: [TestBridge.Request] { bridge.received }
    func requests(_ path: String) -> [TestBridge.Request] {
        requests.filter { $0.path.split(separator: "?").first.map(String.init) == path }
    }
    var articles: [Article] { state.lock.withLock { state.articles } }
    var broadcasts: [[String: Any]] { state.lock.withLock { state.broadcasts } }
    /// Every refresh and access token the fake handed out or accepted.
    var allTokens: [String] {
        state.lock.withLock { (0...state.issued).flatMap { ["rt-rotated-\($0)-c29tZXRva2Vu", "at-\($0)-YWNjZXNz"] } }
    }

    func fail(_ path: String, _ faults: Fault...) { state.lock.withLock { state.faults[path, default: []] += faults } }
    func setProcessing(_ count: Int) { state.lock.withLock { state.processing = count } }
    func setEcho(_ echo: Bool) { state.lock.withLock { state.echo = echo } }
    /// A new refresh token, as a person gets one from Zalo's consent page.
    func issueRefreshToken(_ token: String) { state.lock.withLock { _ = state.refreshTokens.insert(token) } }
    /// Every access token stops working (Zalo revoked them, or they expired early).
    func revokeAccessTokens() { state.lock.withLock { state.accessTokens = [] } }
    func setFigures(article: String, views: Int, shares: Int) {
        state.lock.withLock {
            if let index = state.articles.firstIndex(where: { $0.id == article }) {
                state.articles[index].views = views
                state.articles[index].shares = shares
            }
        }
    }
    /// The refresh tokens that would work now.
    var validRefreshTokens: Set<String> { state.lock.withLock { state.refreshTokens } }

    /// A `zalo-oa` channel's YAML pointed at this fake.
    func channel(_ id: String = "zalo-oa", extra: [String] = []) -> String {
        ([
            "  \(id):", "    platform: zalo", "    transport: zalo-oa", "    app_id: \"\(Self.appID)\"",
            "    app_secret: ${LOA_TEST_ZALO_APP_SECRET}", "    refresh_token: ${LOA_TEST_ZALO_REFRESH_TOKEN}",
            "    api_base: \(base)", "    oauth_base: \(base)",
        ] + extra.map { "    \($0)" }).joined(separator: "\n")
    }

    private static func json(_ body: String) -> TestBridge.Answer {
        .respond(status: 200, headers: ["Content-Type": "application/json"], body: body)
    }

    private static func json(_ object: [String: Any]) -> TestBridge.Answer {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return json(String(decoding: data, as: UTF8.self))
    }

    private static func form(_ body: Data) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }

    private static func answer(_ request: TestBridge.Request, state: State) -> TestBridge.Answer {
        let path = request.path.split(separator: "?").first.map(String.init) ?? request.path
        return state.lock.withLock {
            let fault = state.faults[path]?.isEmpty == false ? state.faults[path]?.removeFirst() : nil
            if case .answer(let body) = fault { return json(body) }
            if path == "/v4/oa/access_token" { return refresh(request, state: state) }
            let token = request.headers["access_token"] ?? ""
            guard state.accessTokens.contains(token) else {
                let echoed = state.echo ? " (\(token))" : ""
                return json(#"{"error":-216,"message":"Access token is invalid\#(echoed)"}"#)
            }
            let answer: TestBridge.Answer
            switch path {
            case "/v2.0/article/create": answer = create(request, state: state)
            case "/v2.0/article/verify": answer = verify(request, state: state)
            case "/v2.0/article/getslice": answer = list(request, state: state)
            case "/v2.0/oa/message": answer = broadcast(request, state: state)
            case "/v2.0/oa/getoa":
                answer = json(
                    #"{"error":0,"message":"Success","data":{"oa_id":"579745863508352884","name":"Thành đoàn Cần Thơ"}}"#
                )
            default: return .respond(status: 404, body: "Not Found")
            }
            if case .ghostHangUp = fault { return .hangUp }
            return answer
        }
    }

    private static func refresh(_ request: TestBridge.Request, state: State) -> TestBridge.Answer {
        let fields = form(request.body)
        guard request.headers["secret_key"] == appSecret, fields["app_id"] == appID else {
            return json(
                #"{"error":-14003,"error_name":"Invalid app","error_description":"Invalid app id or secret key"}"#
            )
        }
        guard fields["grant_type"] == "refresh_token", let used = fields["refresh_token"],
            state.refreshTokens.contains(used)
        else {
            let echoed = state.echo ? ": \(fields["refresh_token"] ?? "")" : ""
            return json(
                #"{"error":-14014,"error_name":"Invalid refresh token","error_description":"Invalid refresh token\#(echoed)"}"#
            )
        }
        state.refreshTokens.remove(used)
        state.issued += 1
        let refresh = "rt-rotated-\(state.issued)-c29tZXRva2Vu"
        let access = "at-\(state.issued)-YWNjZXNz"
        state.refreshTokens.insert(refresh)
        state.accessTokens.insert(access)
        return json(#"{"access_token":"\#(access)","refresh_token":"\#(refresh)","expires_in":"90000"}"#)
    }

    private static func create(_ request: TestBridge.Request, state: State) -> TestBridge.Answer {
        guard let object = request.json, object["type"] as? String == "normal" else {
            return json(#"{"error":-201,"message":"type is invalid"}"#)
        }
        let title = object["title"] as? String ?? ""
        guard (1...150).contains(title.count) else {
            return json(#"{"error":-201,"message":"title allow 1 to 150 characters"}"#)
        }
        let description = object["description"] as? String ?? ""
        guard description.count <= 300 else {
            return json(#"{"error":-201,"message":"description allow 0 to 300 characters"}"#)
        }
        guard let cover = (object["cover"] as? [String: Any])?["photo_url"] as? String, cover.hasPrefix("http") else {
            return json(#"{"error":-201,"message":"cover value is invalid"}"#)
        }
        let number = state.articles.count + 1
        let token = "tok-\(number)-fake"
        state.articles.append(
            Article(
                id: "a1b2c3d4e5f6\(number)",
                token: token,
                title: title,
                description: description,
                cover: cover,
                body: object["body"] as? [[String: Any]] ?? [],
                createdAt: Date()
            )
        )
        let echoed = state.echo ? " for \(request.headers["access_token"] ?? "")" : ""
        return json(#"{"error":0,"message":"Success\#(echoed)","data":{"token":"\#(token)"}}"#)
    }

    private static func verify(_ request: TestBridge.Request, state: State) -> TestBridge.Answer {
        guard let token = request.json?["token"] as? String,
            let article = state.articles.first(where: { $0.token == token })
        else { return json(#"{"error":-201,"message":"token is invalid"}"#) }
        if state.processing > 0 {
            state.processing -= 1
            return json(#"{"error":-214,"message":"Media is being processed"}"#)
        }
        let echoed = state.echo ? " for \(request.headers["access_token"] ?? "")" : ""
        return json(#"{"error":0,"message":"Success\#(echoed)","data":{"id":"\#(article.id)"}}"#)
    }

    private static func list(_ request: TestBridge.Request, state: State) -> TestBridge.Answer {
        let query = URLComponents(string: request.path)?.queryItems ?? []
        let offset = Int(query.first { $0.name == "offset" }?.value ?? "0") ?? 0
        let limit = Int(query.first { $0.name == "limit" }?.value ?? "10") ?? 10
        guard limit <= 10 else { return json(#"{"error":-201,"message":"maximum limit is 10"}"#) }
        guard query.first(where: { $0.name == "type" })?.value == "normal" else {
            return json(#"{"error":-201,"message":"type accept only 2 value normal and video."}"#)
        }
        let newest = Array(state.articles.reversed().dropFirst(offset).prefix(limit))
        let medias: [[String: Any]] = newest.map {
            [
                "id": $0.id, "title": $0.title, "status": "show", "total_view": $0.views, "total_share": $0.shares,
                "create_date": Int($0.createdAt.timeIntervalSince1970 * 1000), "type": "normal",
            ]
        }
        return json(["error": 0, "message": "Success", "data": ["medias": medias, "total": state.articles.count]])
    }

    private static func broadcast(_ request: TestBridge.Request, state: State) -> TestBridge.Answer {
        guard let object = request.json,
            let elements =
                (((object["message"] as? [String: Any])?["attachment"] as? [String: Any])?["payload"]
                as? [String: Any])?["elements"] as? [[String: Any]],
            let id = elements.first?["attachment_id"] as? String,
            state.articles.contains(where: { $0.id == id })
        else { return json(#"{"error":-201,"message":"attachment_id is invalid"}"#) }
        state.broadcasts.append(object)
        return json(#"{"error":0,"message":"Success","data":{"message_id":"bc-\#(state.broadcasts.count)"}}"#)
    }
}
