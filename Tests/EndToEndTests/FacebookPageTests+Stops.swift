import Foundation
import GRDB
import Testing

/// The photos a Page keeps between runs, the channel a token problem stops, and `loa check --online`'s
/// permissions: the real `loa` against the fake Graph API.
extension FacebookPageTests {
    /// Three photos in `queue/images/`, and an announcement `ba-anh` attaching them.
    static func announceThreePhotos(_ workspace: DeliveryWorkspace) throws {
        try workspace.write("queue/images/a.jpg", data: TestImages.jpeg)
        try workspace.write("queue/images/b.png", data: TestImages.png)
        try workspace.write("queue/images/c.jpg", data: TestImages.jpeg)
        try announceText(
            workspace,
            "ba-anh",
            body: "Ba ảnh ngày hội.",
            extra: "images: [images/a.jpg, images/b.png, images/c.jpg]"
        )
    }

    /// A feed post refused with code 4, the app's rate limit, with no usage headers (a 15-minute wait).
    static let rateLimited = FakeGraph.Fault.answer(
        status: 400,
        headers: ["Content-Type": "application/json"],
        body: FakeGraph.graphError(4, message: "(#4) Application request limit reached")
    )

    @Test("photos uploaded in one run are attached by a later run's retry, not uploaded again")
    func photosKeptBetweenRuns() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.failFeed(Self.rateLimited)
        let workspace = try Self.workspace(graph)
        try Self.announceThreePhotos(workspace)
        let first = try Self.run(workspace)
        #expect(first.status == 0, "\(first.all)")
        #expect(graph.photos.count == 3 && graph.posts.isEmpty)
        let kept = try workspace.rows("SELECT media_id FROM uploaded_media ORDER BY position").map {
            $0["media_id"] as String
        }
        #expect(kept == graph.photos.map(\.id), "the photos' ids are in the archive")
        let later = try workspace.loa(["run", "--now", Date.vietnam(9, 20)], environment: Self.environment)
        #expect(later.status == 0, "\(later.all)")
        #expect(graph.requests.filter { $0.path.hasSuffix("/photos") }.count == 3, "no photo uploaded again")
        #expect(graph.posts.count == 1)
        #expect(graph.posts.first?.attachedMedia == kept)
        #expect(try workspace.statuses()["ba-anh"] == "sent")
        #expect(try workspace.rows("SELECT * FROM uploaded_media").isEmpty, "forgotten once attached")
    }

    @Test("photos Facebook forgot between runs are uploaded once more, and the post made once")
    func photosForgotten() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.failFeed(Self.rateLimited)
        let workspace = try Self.workspace(graph)
        try Self.announceThreePhotos(workspace)
        _ = try Self.run(workspace)
        let old = graph.photos.map(\.id)
        graph.forgetPhotos()
        let later = try workspace.loa(["run", "--now", Date.vietnam(9, 20)], environment: Self.environment)
        #expect(later.status == 0, "\(later.all)")
        #expect(graph.requests.filter { $0.path.hasSuffix("/photos") }.count == 6, "uploaded again, once")
        #expect(graph.feedRequests.count == 3, "rate limited, refused for the forgotten photos, then made")
        #expect(graph.posts.count == 1)
        let attached = graph.posts.first?.attachedMedia ?? []
        #expect(attached.count == 3 && Set(attached).isDisjoint(with: old), "\(attached)")
        #expect(try workspace.statuses()["ba-anh"] == "sent")
    }

    @Test("a photo replaced in the queue between runs is uploaded anew; the ones before it are kept")
    func photoReplaced() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.failFeed(Self.rateLimited)
        let workspace = try Self.workspace(graph)
        try Self.announceThreePhotos(workspace)
        _ = try Self.run(workspace)
        let old = graph.photos.map(\.id)
        try workspace.write("queue/images/b.png", data: TestImages.jpeg)
        let later = try workspace.loa(["run", "--now", Date.vietnam(9, 20)], environment: Self.environment)
        #expect(later.status == 0, "\(later.all)")
        let attached = graph.posts.first?.attachedMedia ?? []
        #expect(attached.count == 3 && attached.first == old.first, "\(attached)")
        #expect(Set(attached.dropFirst()).isDisjoint(with: old), "b and the photo after it are new")
    }

    /// A workspace with `fb-page` on `graph` posting with `${PAGE_TOKEN}`, a second Page `fb-other`, and an outbox
    /// channel `ban` that the run notifies.
    static func stoppingWorkspace(_ graph: FakeGraph, _ other: FakeGraph) throws -> DeliveryWorkspace {
        try DeliveryWorkspace(
            channels: graph.channel("fb-page").replacingOccurrences(of: "LOA_TEST_FB_TOKEN", with: "PAGE_TOKEN")
                + "\n" + other.channel("fb-other").replacingOccurrences(of: "LOA_TEST_FB_TOKEN", with: "OTHER_TOKEN")
                + "\n  ban:\n    platform: zalo\n    transport: outbox",
            settings: "notify: ban"
        )
    }

    @Test("code 190 stops the channel for later runs too; status and notify say so; a new token resumes it")
    func stoppedUntilNewToken() throws {
        let graph = try FakeGraph(token: Self.token)
        let other = try FakeGraph(pageID: "200000000000001", token: "other-page-token-4242")
        let workspace = try Self.stoppingWorkspace(graph, other)
        try Self.announceText(workspace, "mot", body: "Bài một.", extra: "channels: [fb-page, fb-other]")
        try Self.announceText(workspace, "hai", body: "Bài hai.", extra: "channels: [fb-page, fb-other]")
        var environment = ["PAGE_TOKEN": "expired-token-1", "OTHER_TOKEN": "other-page-token-4242"]
        let run = try workspace.loa(["run", "--now", Date.vietnam(9)], environment: environment)
        #expect(run.status == 1, "\(run.all)")
        #expect(graph.feedRequests.count == 1 && other.posts.count == 2)
        let notices = try FileManager.default.subpathsOfDirectory(atPath: workspace.root.path + "/outbox/ban")
            .filter { $0.hasSuffix("text.txt") }
        let notice = try notices.map {
            try String(contentsOf: workspace.root.appendingPathComponent("outbox/ban/\($0)"), encoding: .utf8)
        }
        .joined()
        #expect(notice.contains("channel stopped: fb-page"), "\(notice)")
        // A later run leaves the channel alone: no request reaches Facebook, and nothing needs cron's mail.
        let requests = graph.requests.count
        let later = try workspace.loa(["run", "--now", Date.vietnam(9, 5)], environment: environment)
        #expect(later.status == 0 && later.all.isEmpty, "\(later.all)")
        #expect(graph.requests.count == requests)
        let status = try workspace.loa(["status"], environment: environment)
        #expect(status.standardOutput.contains("channel fb-page stopped on 01/12/2026 09:00, at "), "\(status.all)")
        #expect(status.standardOutput.contains("code 190"), "\(status.all)")
        #expect(!status.all.contains("expired-token-1"))
        #expect(
            try workspace.rows("SELECT channel FROM stopped_channels").map { $0["channel"] as String } == ["fb-page"]
        )
        let agenda = try workspace.loa(["agenda", "--now", Date.vietnam(9, 5), "--json"], environment: environment)
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(agenda.standardOutput.utf8)) as? [[String: Any]]
        )
        let onPage = entries.filter { $0["channel"] as? String == "fb-page" }
        #expect(onPage.count == 2, "\(agenda.all)")
        #expect(onPage.allSatisfy { $0["kind"] as? String == "waiting" }, "not expected to go out: \(agenda.all)")
        #expect(onPage.allSatisfy { ($0["note"] as? String)?.contains("the channel is stopped") == true })
        // The Page admin puts a new token in the credentials: status says the next run posts, and it does.
        environment["PAGE_TOKEN"] = Self.token
        let told = try workspace.loa(["status"], environment: environment)
        #expect(told.standardOutput.contains("its credentials changed since: the next run posts again"), "\(told.all)")
        let mended = try workspace.loa(["run", "--now", Date.vietnam(9, 10)], environment: environment)
        #expect(mended.status == 0, "\(mended.all)")
        #expect(graph.posts.count == 2)
        #expect(try workspace.rows("SELECT * FROM stopped_channels").isEmpty)
        let rows = try workspace.rows("SELECT status FROM deliveries WHERE channel = 'fb-page'")
        #expect(rows.map { $0["status"] as String } == ["sent", "sent"])
    }

    @Test("a permission refusal (code 200) stops the channel; `loa channel resume` lifts it for the same token")
    func stoppedUntilResumed() throws {
        let graph = try FakeGraph(token: Self.token)
        graph.failFeed(
            .answer(
                status: 403,
                headers: ["Content-Type": "application/json"],
                body: FakeGraph.graphError(
                    200,
                    message: "(#200) The user must have the CREATE_CONTENT task on the Page"
                )
            )
        )
        let workspace = try Self.workspace(graph)
        try Self.announceText(workspace, "quyen", body: "Bài thiếu quyền.")
        let run = try Self.run(workspace)
        #expect(run.status == 1, "\(run.all)")
        #expect(run.all.contains("CREATE_CONTENT") && run.all.contains("loa channel resume fb-page"), "\(run.all)")
        #expect(try workspace.statuses()["quyen"] == "retrying")
        _ = try workspace.loa(["run", "--now", Date.vietnam(9, 5)], environment: Self.environment)
        #expect(graph.feedRequests.count == 1, "the same token: still stopped")
        let resume = try workspace.loa(["channel", "resume", "fb-page"], environment: Self.environment)
        #expect(resume.status == 0 && resume.standardOutput.contains("channel fb-page resumed"), "\(resume.all)")
        let again = try workspace.loa(["channel", "resume", "fb-page"], environment: Self.environment)
        #expect(again.standardOutput.contains("is not stopped"), "\(again.all)")
        let posted = try workspace.loa(["run", "--now", Date.vietnam(9, 10)], environment: Self.environment)
        #expect(posted.status == 0, "\(posted.all)")
        #expect(graph.posts.count == 1 && graph.feedRequests.count == 2)
        #expect(try workspace.statuses()["quyen"] == "sent")
    }

    @Test(
        "loa check --online reads the token's permissions: without pages_manage_posts, or not on this Page, it says so"
    )
    func checkPermissions() throws {
        let graph = try FakeGraph(token: Self.token)
        let workspace = try Self.workspace(graph)
        graph.grant(["pages_show_list", "pages_read_engagement", "read_insights"])
        let missing = try workspace.loa(["check", "--online"], environment: Self.environment)
        #expect(missing.status == 2, "\(missing.all)")
        #expect(
            missing.standardOutput.contains("channels.fb-page.token: the token lacks pages_manage_posts"),
            "\(missing.all)"
        )
        #expect(missing.standardOutput.contains("CREATE_CONTENT"), "\(missing.all)")
        graph.grant(["pages_manage_posts", "pages_read_engagement", "read_insights"], postingOn: ["999"])
        let elsewhere = try workspace.loa(["check", "--online"], environment: Self.environment)
        #expect(elsewhere.status == 2, "\(elsewhere.all)")
        #expect(elsewhere.standardOutput.contains("does not cover page \(graph.pageID)"), "\(elsewhere.all)")
        graph.grant(["pages_manage_posts", "pages_read_engagement"])
        let noViews = try workspace.loa(["check", "--online"], environment: Self.environment)
        #expect(noViews.status == 0, "a warning only: \(noViews.all)")
        #expect(noViews.standardOutput.contains("lacks read_insights"), "\(noViews.all)")
        let asked = graph.requests.filter { $0.path.contains("/debug_token?") }
        #expect(asked.count == 3 && asked.allSatisfy { $0.headers["authorization"] == "Bearer \(Self.token)" })
        #expect(![missing, elsewhere, noViews].contains { $0.all.contains(Self.token) }, "never printed")
        #expect(graph.feedRequests.isEmpty)
    }
}
