import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The `facebook-page` transport: the real `loa` against a fake Graph API on 127.0.0.1.
@Suite("Posting straight to a Facebook Page", .serialized)
struct FacebookPageTests {
    static let token = "EAAGfakePageToken0123456789abcdefZZ"
    static let environment = ["LOA_TEST_FB_TOKEN": token]

    /// A workspace with one facebook-page channel `fb-page` on `graph`, plus `extra` channels.
    static func workspace(_ graph: FakeGraph, extra: String = "", channelOptions: [String] = []) throws
        -> DeliveryWorkspace
    {
        try DeliveryWorkspace(
            channels: graph.channel("fb-page", extra: channelOptions) + (extra.isEmpty ? "" : "\n" + extra)
        )
    }

    static func run(_ workspace: DeliveryWorkspace, _ arguments: String...) throws -> LoaProcess.Output {
        try workspace.runAtNine(arguments, environment: environment)
    }

    static func attempts(_ workspace: DeliveryWorkspace) throws -> [Row] {
        try workspace.attempts()
    }

    /// A queue file without a link.
    static func announceText(_ workspace: DeliveryWorkspace, _ id: String, body: String, extra: String = "") throws {
        try workspace.announceDue(id, body: body, extra: extra)
    }

    @Test("a text post is one feed post with the token in the header; its id and address are archived")
    func textPost() throws {
        let graph = try FakeGraph(token: Self.token)
        let workspace = try Self.workspace(graph)
        try Self.announceText(workspace, "2026-12-01-ra-quan", body: "Đoàn viên ra quân làm sạch bờ kè.")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        #expect(graph.posts.count == 1)
        let request = try #require(graph.feedRequests.first)
        #expect(request.path == "/v27.0/\(graph.pageID)/feed")
        #expect(request.headers["authorization"] == "Bearer \(Self.token)")
        let body = String(decoding: request.body, as: UTF8.self)
        #expect(body.contains("fields=id%2Cpermalink_url"))
        #expect(!body.contains("link="), "no link for an announcement without one")
        #expect(graph.posts.first?.message.contains("Đoàn viên ra quân làm sạch bờ kè.") == true)
        let delivery = try #require(try workspace.rows("SELECT * FROM deliveries").first)
        #expect(delivery["status"] as String == "sent")
        #expect(delivery["remote_id"] as String == "\(graph.pageID)_1")
        #expect(delivery["remote_url"] as String == "https://www.facebook.com/\(graph.pageID)/posts/1")
        let attempts = try Self.attempts(workspace)
        #expect(attempts.map { $0["outcome"] as String } == ["sent"])
        #expect(attempts.first?["http_status"] as Int? == 200)
        #expect(attempts.first?["url"] as String? == "\(graph.base)/v27.0/\(graph.pageID)/feed")
        // Sent once: the next run has nothing to do.
        let again = try Self.run(workspace)
        #expect(again.status == 0)
        #expect(graph.feedRequests.count == 1)
    }

    @Test("a link post sends the link with the message")
    func linkPost() throws {
        let graph = try FakeGraph(token: Self.token)
        let workspace = try Self.workspace(graph)
        try workspace.announce("2026-12-01-tin", "publish_at: 01/12/2026 08:00")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        #expect(graph.posts.first?.link == "https://thanhdoancantho.example/tin/2026-12-01-tin")
    }

    @Test("photos are uploaded unpublished, then attached to one feed post by exactly their ids")
    func photos() throws {
        let graph = try FakeGraph(token: Self.token)
        let workspace = try Self.workspace(graph)
        try workspace.write("queue/images/tu-sach.jpg", data: TestImages.png)
        try workspace.write("queue/images/b.jpg", data: TestImages.jpeg)
        try workspace.write("queue/images/c.png", data: TestImages.png)
        try workspace.write("queue/images/mot.jpg", data: TestImages.jpeg)
        try Self.announceText(
            workspace,
            "ba-anh",
            body: "Ba ảnh hoạt động.",
            extra: "images:\n  - images/tu-sach.jpg\n  - images/b.jpg\n  - images/c.png"
        )
        try Self.announceText(workspace, "mot-anh", body: "Một ảnh.", extra: "images: [images/mot.jpg]")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        #expect(graph.photos.count == 4)
        #expect(graph.photos.allSatisfy { !$0.published }, "uploads are unpublished")
        let uploads = graph.requests.filter { $0.path.hasSuffix("/photos") }
        let first = String(decoding: uploads[0].body, as: UTF8.self)
        #expect(first.contains(#"name="source"; filename="tu-sach.jpg""#))
        #expect(first.contains("Content-Type: image/png"), "the real type, read from the bytes")
        let posts = Dictionary(
            uniqueKeysWithValues: graph.posts.map { ($0.message.contains("Ba ảnh") ? "ba" : "mot", $0) }
        )
        let ids = Set(graph.photos.map(\.id))
        #expect(posts["ba"]?.attachedMedia.count == 3)
        #expect(posts["mot"]?.attachedMedia.count == 1)
        #expect(Set((posts["ba"]?.attachedMedia ?? []) + (posts["mot"]?.attachedMedia ?? [])) == ids)
        #expect(graph.feedRequests.count == 2)
    }

    @Test("a refused photo stops its post before the feed call, naming the photo")
    func refusedPhoto() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.failPhoto(
            2,
            .answer(
                status: 400,
                headers: [:],
                body: FakeGraph.graphError(100, subcode: 1_366_046, message: "Photos should be smaller than 4 MB")
            )
        )
        let workspace = try Self.workspace(graph)
        try workspace.write("queue/images/a.jpg", data: TestImages.jpeg)
        try workspace.write("queue/images/b.jpg", data: TestImages.jpeg)
        try Self.announceText(workspace, "hai-anh", body: "Hai ảnh.", extra: "images: [images/a.jpg, images/b.jpg]")
        let run = try Self.run(workspace)
        #expect(run.status == 1)
        #expect(graph.feedRequests.isEmpty)
        #expect(run.all.contains("images/b.jpg") && run.all.contains("1366046"), "\(run.all)")
        #expect(try workspace.statuses().values.first == "failed")
    }

    @Test("a ghost success (500 code 2 after publishing) is found on the Page: one post, sent with its id")
    func ghost500() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.failFeed(.ghost500)
        let workspace = try Self.workspace(graph)
        try Self.announceText(workspace, "ma", body: "Bài đăng ma.")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        #expect(graph.posts.count == 1)
        #expect(graph.feedRequests.count == 1, "never sent again blindly")
        let delivery = try #require(try workspace.rows("SELECT * FROM deliveries").first)
        #expect(delivery["status"] as String == "sent")
        #expect(delivery["remote_id"] as String == "\(graph.pageID)_1")
        #expect(try Self.attempts(workspace).map { $0["outcome"] as String } == ["unknown", "reconciled"])
    }

    @Test("a ghost success whose connection drops is found on the Page too")
    func ghostHangUp() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.failFeed(.ghostHangUp)
        let workspace = try Self.workspace(graph)
        try Self.announceText(workspace, "ma", body: "Bài đăng mất kết nối.")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        #expect(graph.posts.count == 1 && graph.feedRequests.count == 1)
        #expect(try workspace.statuses().values.first == "sent")
        #expect(try Self.attempts(workspace).map { $0["outcome"] as String } == ["unknown", "reconciled"])
    }

    @Test("a 500 that did not publish: after looking, one more send, one post in all")
    func lost500() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.failFeed(.lost500)
        let workspace = try Self.workspace(graph)
        try Self.announceText(workspace, "mat", body: "Bài đăng bị lỗi 500.")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        #expect(graph.posts.count == 1 && graph.feedRequests.count == 2)
        #expect(try Self.attempts(workspace).map { $0["outcome"] as String } == ["unknown", "absent", "sent"])
        #expect(try workspace.statuses().values.first == "sent")
    }

    @Test("an HTML 502 is an unknown outcome, archived, and settled by looking")
    func html502() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.failFeed(
            .answer(status: 502, headers: ["Content-Type": "text/html"], body: "<html><body>Bad Gateway</body></html>")
        )
        let workspace = try Self.workspace(graph)
        try Self.announceText(workspace, "html", body: "Bài đăng gặp 502.")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        let attempts = try Self.attempts(workspace)
        #expect(attempts.map { $0["outcome"] as String } == ["unknown", "absent", "sent"])
        #expect(attempts.first?["http_status"] as Int? == 502)
        #expect((attempts.first?["response_body"] as String?)?.contains("Bad Gateway") == true)
        #expect(graph.posts.count == 1)
    }

    @Test("lost twice and not on the Page: unconfirmed, exit 1, listed; confirmed by a person")
    func unconfirmed() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.failFeed(.lost500, .lost500)
        let workspace = try Self.workspace(graph)
        try Self.announceText(workspace, "chua-ro", body: "Bài đăng chưa rõ.")
        let run = try Self.run(workspace)
        #expect(run.status == 1, "\(run.all)")
        #expect(run.all.contains("unconfirmed") && run.all.contains("loa confirm chua-ro"), "\(run.all)")
        #expect(graph.feedRequests.count == 2, "at most one send after a look")
        #expect(try workspace.statuses().values.first == "unconfirmed")
        #expect(
            try Self.attempts(workspace).map { $0["outcome"] as String } == ["unknown", "absent", "unknown", "absent"]
        )
        // A run leaves it alone.
        let again = try Self.run(workspace)
        #expect(again.status == 0 && graph.feedRequests.count == 2)
        let status = try workspace.loa(["status"], environment: Self.environment)
        #expect(status.standardOutput.contains("unconfirmed"), "\(status.all)")
        let confirm = try workspace.loa(
            ["confirm", "chua-ro", "--channel", "fb-page", "--url", "https://www.facebook.com/p/1"],
            environment: Self.environment
        )
        #expect(confirm.status == 0, "\(confirm.all)")
        #expect(try workspace.statuses().values.first == "sent")
    }

    @Test("an unconfirmed post that a person retries is looked for, then sent")
    func unconfirmedRetried() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.failFeed(.lost500, .lost500)
        let workspace = try Self.workspace(graph)
        try Self.announceText(workspace, "thu-lai", body: "Bài đăng thử lại.")
        _ = try Self.run(workspace)
        let retry = try workspace.loa(["retry", "thu-lai", "--now", Date.vietnam(9)], environment: Self.environment)
        #expect(retry.status == 0, "\(retry.all)")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        #expect(graph.posts.count == 1 && graph.feedRequests.count == 3)
        #expect(try workspace.statuses().values.first == "sent")
    }

    @Test("code 190 stops the channel with a reconnect message; another channel still posts; exit 1")
    func expiredToken() throws {
        let graph = try FakeGraph(token: Self.token)
        let other = try FakeGraph(pageID: "200000000000001", token: "other-page-token-4242")
        let workspace = try DeliveryWorkspace(
            channels: graph.channel("fb-page").replacingOccurrences(of: "LOA_TEST_FB_TOKEN", with: "WRONG_TOKEN")
                + "\n" + other.channel("fb-other").replacingOccurrences(of: "LOA_TEST_FB_TOKEN", with: "OTHER_TOKEN")
        )
        try Self.announceText(workspace, "mot", body: "Bài một.")
        try Self.announceText(workspace, "hai", body: "Bài hai.")
        let run = try workspace.loa(
            ["run", "--now", Date.vietnam(9)],
            environment: ["WRONG_TOKEN": "expired-token-1", "OTHER_TOKEN": "other-page-token-4242"]
        )
        #expect(run.status == 1, "\(run.all)")
        #expect(run.all.contains("token no longer works") && run.all.contains("loa check --online"), "\(run.all)")
        #expect(run.all.contains("the channel fb-page stopped"), "\(run.all)")
        #expect(other.posts.count == 2)
        #expect(graph.feedRequests.count == 1, "the channel stops after the first refusal")
        let rows = try workspace.rows("SELECT channel, status FROM deliveries ORDER BY channel, announcement_id")
        #expect(
            rows.map { "\($0["channel"] as String) \($0["status"] as String)" }.sorted()
                == ["fb-other sent", "fb-other sent", "fb-page pending", "fb-page retrying"],
            "the post that met the refusal waits with the other: neither failed"
        )
    }

    @Test("code 4 with usage headers waits as asked")
    func rateLimited() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.failFeed(
            .answer(
                status: 400,
                headers: [
                    "Content-Type": "application/json",
                    "X-App-Usage": #"{"call_count":100,"total_cputime":12,"total_time":30}"#,
                    "X-Business-Use-Case-Usage":
                        #"{"\#(graph.pageID)":[{"type":"pages","call_count":100,"total_cputime":5,"total_time":9,"estimated_time_to_regain_access":7}]}"#,
                ],
                body: FakeGraph.graphError(4, message: "(#4) Application request limit reached")
            )
        )
        let workspace = try Self.workspace(graph)
        try Self.announceText(workspace, "gioi-han", body: "Bài bị giới hạn.")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        let delivery = try #require(try workspace.rows("SELECT * FROM deliveries").first)
        #expect(delivery["status"] as String == "retrying")
        let now = try #require(ISO8601DateFormatter().date(from: Date.vietnam(9)))
        let next: Date = try #require(delivery["next_attempt_at"])
        #expect(abs(next.timeIntervalSince(now) - 7 * 60) < 2, "\(next)")
        #expect(try Self.attempts(workspace).map { $0["outcome"] as String } == ["retry"])
        // Not before the time Graph asked for; then it goes.
        _ = try workspace.loa(["run", "--now", Date.vietnam(9, 6)], environment: Self.environment)
        #expect(graph.feedRequests.count == 1)
        let later = try workspace.loa(["run", "--now", Date.vietnam(9, 8)], environment: Self.environment)
        #expect(later.status == 0, "\(later.all)")
        #expect(graph.feedRequests.count == 2 && graph.posts.count == 1)
    }

    @Test("368 with subcode 1390008 is tried later; 368 alone fails")
    func policyBlocks() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.failFeed(
            .answer(
                status: 400,
                headers: ["Content-Type": "application/json"],
                body: FakeGraph.graphError(368, subcode: 1_390_008, message: "We limit how often you can post")
            ),
            .answer(
                status: 400,
                headers: ["Content-Type": "application/json"],
                body: FakeGraph.graphError(368, message: "You've already posted this")
            )
        )
        let workspace = try Self.workspace(graph)
        try Self.announceText(workspace, "a-sau", body: "Bài A.")
        try Self.announceText(workspace, "b-sau", body: "Bài B.")
        let run = try Self.run(workspace)
        #expect(run.status == 1, "\(run.all)")
        let statuses = try workspace.statuses()
        #expect(statuses["a-sau"] == "retrying" && statuses["b-sau"] == "failed", "\(statuses)")
    }

    @Test("a refused connection never reached Facebook: retried as usual, with no look")
    func connectionRefused() throws {
        let graph = try FakeGraph(token: Self.token)
        let base = graph.base
        graph.bridge.stop()
        let workspace = try DeliveryWorkspace(
            channels: graph.channel("fb-page").replacingOccurrences(of: base, with: base)
        )
        try Self.announceText(workspace, "tu-choi", body: "Bài không kết nối.")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        #expect(try workspace.statuses().values.first == "retrying")
        #expect(try Self.attempts(workspace).map { $0["outcome"] as String } == ["retry"])
    }

    @Test("the token is found nowhere: not in the archive, its WAL, the outputs or the exports")
    func tokenNowhere() throws {
        let graph = try FakeGraph(token: Self.token)
        // Graph echoes the token in an error message, and puts it in its paging links (read while looking).
        graph.failFeed(
            .lost500,
            .answer(
                status: 400,
                headers: ["Content-Type": "application/json", "X-Echo": "token=\(Self.token)"],
                body: FakeGraph.graphError(100, message: "Invalid parameter for access_token=\(Self.token)")
            )
        )
        let workspace = try Self.workspace(graph)
        try Self.announceText(workspace, "bi-mat", body: "Bài giữ bí mật.")
        var outputs = [try Self.run(workspace, "--verbose")]
        outputs.append(try workspace.loa(["status"], environment: Self.environment))
        outputs.append(try workspace.loa(["check"], environment: Self.environment))
        outputs.append(try workspace.loa(["export", "--format", "jsonl"], environment: Self.environment))
        outputs.append(try workspace.loa(["export", "--format", "csv"], environment: Self.environment))
        #expect(graph.feedRequests.count == 2)
        for output in outputs {
            #expect(!output.all.contains(Self.token), "\(output.all)")
        }
        #expect(outputs[0].all.contains("access_token=•") || outputs[0].all.contains("Invalid parameter"))
        let archive = workspace.root.appendingPathComponent("archive")
        for file in try FileManager.default.contentsOfDirectory(atPath: archive.path) {
            let data = try Data(contentsOf: archive.appendingPathComponent(file))
            #expect(data.range(of: Data(Self.token.utf8)) == nil, "\(file) holds the token")
        }
        let exports = try FileManager.default.subpathsOfDirectory(atPath: workspace.root.path)
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".jsonl") || $0.hasSuffix(".xlsx") }
        for file in exports {
            let data = try Data(contentsOf: workspace.root.appendingPathComponent(file))
            #expect(data.range(of: Data(Self.token.utf8)) == nil, "\(file) holds the token")
        }
        let bodies = try workspace.rows("SELECT response_body FROM attempts").compactMap {
            $0["response_body"] as String?
        }
        #expect(bodies.contains { $0.contains("access_token=") }, "the answers are archived, masked")
    }

    @Test("engagement is read from Graph: post fields and one insights metric per request; a removed one is skipped")
    func engagement() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.setEngagement(
            reactions: 42,
            comments: 7,
            shares: nil,
            metrics: ["post_total_media_view_unique": 310],
            removed: ["post_media_view"]
        )
        let workspace = try Self.workspace(graph)
        try Self.announceText(workspace, "tuong-tac", body: "Bài có tương tác.")
        _ = try Self.run(workspace)
        let first = try workspace.loa(["engagement", "--now", Date.vietnam(9, 30)], environment: Self.environment)
        #expect(first.status == 0, "\(first.all)")
        let rows = try workspace.rows("SELECT metric, value, source FROM engagement_snapshots ORDER BY metric")
        #expect(rows.map { $0["metric"] as String } == ["comments", "reactions", "shares", "views"])
        #expect(rows.map { $0["value"] as Int } == [7, 42, 0, 310], "a missing shares is 0")
        #expect(rows.allSatisfy { $0["source"] == "graph" })
        let reads = graph.requests.filter { $0.method == "GET" }
        #expect(reads.first?.path.contains("reactions.summary(total_count).limit(0)") == true)
        #expect(reads.filter { $0.path.contains("/insights?metric=") }.count == 2, "one metric per request")
        // The removed metric is not asked again.
        _ = try workspace.loa(["engagement", "--now", Date.vietnam(10, 31)], environment: Self.environment)
        let insights = graph.requests.filter { $0.path.contains("/insights?metric=") }.map(\.path)
        #expect(insights.filter { $0.contains("metric=post_media_view") }.count == 1, "\(insights)")
        #expect(insights.filter { $0.contains("metric=post_total_media_view_unique") }.count == 2, "\(insights)")
    }

    @Test("insights not available yet are not an error: the counts are still stored")
    func insightsNotYet() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.setEngagement(reactions: 3, comments: 0, shares: 2, metrics: [:], removed: [])
        let workspace = try Self.workspace(graph)
        try Self.announceText(workspace, "moi", body: "Bài mới đăng.")
        _ = try Self.run(workspace)
        let read = try workspace.loa(["engagement", "--now", Date.vietnam(9, 30)], environment: Self.environment)
        #expect(read.status == 0 && read.all.isEmpty, "\(read.all)")
        let rows = try workspace.rows("SELECT metric, value FROM engagement_snapshots ORDER BY metric")
        #expect(rows.map { $0["metric"] as String } == ["comments", "reactions", "shares"])
        #expect(rows.map { $0["value"] as Int } == [0, 3, 2])
    }

    @Test("loa check --online says whether each Page token works, is the Page's, and can read its posts")
    func checkOnline() throws {
        let graph = try FakeGraph(token: Self.token)
        let workspace = try Self.workspace(graph)
        let good = try workspace.loa(["check", "--online"], environment: Self.environment)
        #expect(good.status == 0, "\(good.all)")
        #expect(good.standardOutput.contains("fb-page: a working Page token for 'Thành đoàn Cần Thơ'"), "\(good.all)")
        #expect(good.standardOutput.contains("able to post (pages_manage_posts)"), "\(good.all)")
        #expect(graph.feedRequests.isEmpty, "nothing is posted")
        // Without --online, Facebook is not asked.
        let before = graph.requests.count
        _ = try workspace.loa(["check"], environment: Self.environment)
        #expect(graph.requests.count == before)
        // An expired token, then a person's token: each says what to fix, exit 2.
        let expired = try workspace.loa(["check", "--online"], environment: ["LOA_TEST_FB_TOKEN": "expired-token-000"])
        #expect(expired.status == 2, "\(expired.all)")
        #expect(expired.standardOutput.contains("loa.yml:"), "\(expired.all)")
        #expect(expired.standardOutput.contains("channels.fb-page.token: the token does not work"), "\(expired.all)")
        #expect(!expired.all.contains("expired-token-000"))
        graph.tokenBelongs(to: "555000111")
        let user = try workspace.loa(["check", "--online"], environment: Self.environment)
        #expect(user.status == 2, "\(user.all)")
        #expect(user.standardOutput.contains("is not a Page token for page \(graph.pageID)"), "\(user.all)")
        // Only debug_token takes the token in its address (to Facebook alone); no output ever shows it.
        #expect(
            graph.requests.filter { !$0.path.contains("/debug_token?") }.allSatisfy { !$0.path.contains(Self.token) }
        )
        #expect(![good, expired, user].contains { $0.all.contains(Self.token) })
    }

    @Test("a run killed while Facebook publishes: the next run finds the post instead of posting it again")
    func killedInFlight() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.failFeed(.ghostSlow(30))
        let workspace = try Self.workspace(graph)
        try Self.announceText(workspace, "giet", body: "Bài đăng khi bị ngắt.")
        let process = Process()
        process.executableURL = LoaProcess.binary
        process.arguments = ["run", "--now", Date.vietnam(9)]
        process.currentDirectoryURL = workspace.root
        process.environment = ProcessInfo.processInfo.environment.merging(Self.environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while graph.posts.isEmpty && Date() < deadline { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(graph.posts.count == 1, "the post went out before the kill")
        let next = try workspace.loa(["run", "--now", Date.vietnam(9, 1)], environment: Self.environment)
        #expect(next.status == 0, "\(next.all)")
        #expect(graph.feedRequests.count == 1 && graph.posts.count == 1, "not posted twice")
        let delivery = try #require(try workspace.rows("SELECT * FROM deliveries").first)
        #expect(delivery["status"] as String == "sent")
        #expect(delivery["remote_id"] as String == "\(graph.pageID)_1")
        #expect(try Self.attempts(workspace).map { $0["outcome"] as String } == ["interrupted", "reconciled"])
    }
}
