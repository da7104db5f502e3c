import Foundation
import Testing

@testable import Loa

@Suite("Zalo OA: answers, articles and kept tokens")
struct ZaloOAUnitTests {
    static func answer(_ body: String, status: Int = 200, error: TransportError? = nil) -> ZaloAnswer {
        ZaloAnswer(HTTPResponse(status: status, body: Data(body.utf8), error: error))
    }

    @Test("a 200 is a success only with error 0; codes inside a 200 are classified")
    func classes() {
        #expect(
            Self.answer(#"{"error":0,"data":{"token":"t"}}"#).classify(publishing: true) == .published(id: "", url: nil)
        )
        #expect(
            Self.answer(#"{"data":{"token":"t"}}"#).classify(publishing: true)
                == .unknown(reason: "Zalo answered 200 without an error code: no message")
        )
        #expect(
            Self.answer(#"{"error":-224,"message":"upgrade"}"#).classify(publishing: true)
                == .refused(reason: "Zalo answered 200 (error -224): upgrade")
        )
        guard case .notSent(_, let wait) = Self.answer(#"{"error":-218,"message":"quota"}"#).classify(publishing: true)
        else {
            Issue.record("-218 is not sent")
            return
        }
        #expect(wait == ZaloAnswer.quotaWait)
        #expect(Self.answer(#"{"error":-216,"message":"Access token is invalid"}"#).isInvalidToken)
        #expect(Self.answer(#"{"error":-124,"message":"expired"}"#).isInvalidToken)
        #expect(Self.answer(#"{"error":-214,"message":"processing"}"#).isStillProcessing)
        // No answer to a create may hide an article; to a read it is only not sent.
        let hangUp = TransportError(.connection, "closed")
        #expect(
            {
                if case .unknown = Self.answer("", status: 0, error: hangUp).classify(publishing: true) { return true }
                return false
            }()
        )
        #expect(
            {
                if case .notSent = Self.answer("", status: 0, error: hangUp).classify(publishing: false) { return true }
                return false
            }()
        )
        #expect(
            {
                if case .unknown = Self.answer("<html>502</html>", status: 502).classify(publishing: true) {
                    return true
                }
                return false
            }()
        )
    }

    @Test("the article: title cut to 150, description to 300, paragraphs escaped, cover first, images after")
    func article() throws {
        var channel = Channel(id: "zalo-oa", platform: .zalo, transport: .zaloOA)
        channel.mediaBaseURL = "https://media.example/q/"
        let long = String(repeating: "Tuổi trẻ ", count: 30)
        let post = DirectPost(
            text: "Dòng <một> & \"hai\"\ndòng ba.\n\n" + String(repeating: "x", count: 10) + "\n\n",
            link: nil,
            images: [
                .file(path: "images/bìa.jpg", file: URL(fileURLWithPath: "/q/images/bìa.jpg")), .web("https://a/b.jpg"),
            ],
            title: long
        )
        guard case .success(let body) = ZaloOATransport.article(for: post, channel: channel) else {
            Issue.record("no article")
            return
        }
        let title = try #require(body["title"] as? String)
        #expect(title.count <= 150 && title.count > 140 && title.hasSuffix("…"))
        #expect((body["description"] as? String) == "Dòng <một> & \"hai\" dòng ba.")
        let cover = try #require(body["cover"] as? [String: Any])
        #expect(cover["photo_url"] as? String == "https://media.example/q/images/b%C3%ACa.jpg")
        let blocks = try #require(body["body"] as? [[String: Any]])
        #expect(blocks.count == 3)
        #expect(blocks[0]["content"] as? String == "<p>Dòng &lt;một&gt; &amp; &quot;hai&quot;<br>dòng ba.</p>")
        #expect(blocks[2]["url"] as? String == "https://a/b.jpg")
        channel.mediaBaseURL = nil
        guard case .failure(let problem) = ZaloOATransport.article(for: post, channel: channel) else {
            Issue.record("a local image without media_base_url made an article")
            return
        }
        #expect(problem.reason.contains("media_base_url"))
        let bare = DirectPost(text: "x", link: nil, images: [], title: "t")
        guard case .failure = ZaloOATransport.article(for: bare, channel: channel) else {
            Issue.record("an article without a cover")
            return
        }
    }

    @Test("kept tokens: written 0600 in a 0700 folder; a new refresh_token in loa.yml wins over the file")
    func keptTokens() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loa-zalo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = ZaloTokenStore.file(channel: "zalo-oa", credentials: folder.appendingPathComponent("credentials"))
        #expect(file.path.hasSuffix("/credentials.d/zalo-oa.json"))
        var channel = Channel(id: "zalo-oa", platform: .zalo, transport: .zaloOA)
        channel.tokenFile = file
        channel.refreshToken = Secret("first")
        let tokens = ZaloTokens(channel: channel, client: DirectClient(exchange: CurlExchange()))
        let fresh = try tokens.current()
        #expect(fresh.refreshToken == "first" && fresh.accessToken == nil)
        var kept = fresh
        kept.refreshToken = "rotated"
        kept.accessToken = "access"
        kept.accessExpiresAt = Date().addingTimeInterval(3 * 3600)
        try ZaloTokenStore(file: file).write(kept)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: file.deletingLastPathComponent().path)
        #expect((folderMode[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        #expect(try tokens.current().refreshToken == "rotated")
        // With more than an hour left, the kept access token is used without asking Zalo.
        #expect(tokens.accessToken() == .success("access"))
        channel.refreshToken = Secret("from-a-new-consent")
        let replaced = ZaloTokens(channel: channel, client: DirectClient(exchange: CurlExchange()))
        #expect(try replaced.current().refreshToken == "from-a-new-consent")
        #expect(ZaloTokens.seconds("90000") == 90_000)
        #expect(ZaloTokens.seconds(NSNumber(value: 3600)) == 3600)
    }

    @Test("check warns 14 days before the kept refresh token expires, and after")
    func expiryWarning() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loa-zalo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var channel = Channel(id: "zalo-oa", platform: .zalo, transport: .zaloOA)
        channel.tokenFile = folder.appendingPathComponent("credentials.d/zalo-oa.json")
        channel.refreshToken = Secret("first")
        let now = Date()
        func warnings(issuedDaysAgo days: Double) throws -> [Diagnostic] {
            let state = ZaloTokenStore.State(
                refreshToken: "r",
                refreshIssuedAt: now.addingTimeInterval(-days * 86_400),
                seed: ZaloTokenStore.seed(of: Secret("first"))
            )
            try ZaloTokenStore(file: try #require(channel.tokenFile)).write(state)
            return ZaloTokenStore.diagnostics(for: channel, configFile: "loa.yml", now: now, timeZone: .current)
        }
        #expect(try warnings(issuedDaysAgo: 70).isEmpty)
        #expect(try warnings(issuedDaysAgo: 77).first?.message.contains("expires on") == true)
        #expect(try warnings(issuedDaysAgo: 91).first?.message.contains("expired on") == true)
        #expect(try warnings(issuedDaysAgo: 91).first?.severity == .warning)
    }

    @Test("a look that finds an article whose broadcast is unknown asks a person, unless a person retried")
    func uncertainLook() {
        let policy = RetryPolicy(delays: [5, 60], jitter: 0)
        let delivery = GraphAnswerTests.delivery()
        #expect(
            DirectRules.afterLook(.uncertain("why"), sendsAfterLook: 0, delivery: delivery, policy: policy)
                == .unconfirmed(reason: "why")
        )
        #expect(
            DirectRules.afterLook(
                .uncertain("why"),
                sendsAfterLook: 0,
                delivery: delivery,
                policy: policy,
                operatorRetried: true
            ) == .send
        )
        // The bot transports cannot look at all: after an operator's retry the post is sent once, not left again.
        #expect(
            DirectRules.afterLook(
                .cannotLook,
                sendsAfterLook: 0,
                delivery: delivery,
                policy: policy,
                operatorRetried: true
            )
                == .send
        )
        guard
            case .unconfirmed = DirectRules.afterLook(
                .cannotLook,
                sendsAfterLook: 1,
                delivery: delivery,
                policy: policy,
                operatorRetried: true
            )
        else {
            Issue.record("a second send after an operator's retry")
            return
        }
    }
}
