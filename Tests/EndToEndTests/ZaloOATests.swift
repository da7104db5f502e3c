import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The `zalo-oa` transport: the real `loa` against a fake Zalo OA API and OAuth server on 127.0.0.1 that rotates
/// refresh tokens, answers errors inside HTTP 200, and keeps the OA's articles.
@Suite("Posting to a Zalo Official Account", .serialized)
struct ZaloOATests {
    static let firstRefresh = "rt-first-from-consent-Zmlyc3Q"
    static let environment = [
        "LOA_TEST_ZALO_APP_SECRET": FakeZaloOA.appSecret, "LOA_TEST_ZALO_REFRESH_TOKEN": firstRefresh,
    ]

    static func workspace(_ zalo: FakeZaloOA, extra: [String] = []) throws -> DeliveryWorkspace {
        try DeliveryWorkspace(
            channels: zalo.channel(extra: ["media_base_url: https://media.thanhdoan.example/queue/"] + extra)
        )
    }

    static func run(_ workspace: DeliveryWorkspace, at hour: Int = 9, environment: [String: String] = [:]) throws
        -> LoaProcess.Output
    {
        try workspace.loa(
            ["run", "--now", Date.vietnam(hour)],
            environment: Self.environment.merging(environment) { $1 }
        )
    }

    /// An announcement with a local cover photo and a second photo by address.
    static func announce(_ workspace: DeliveryWorkspace, _ id: String, body: String = "Đoàn viên ra quân.") throws {
        try workspace.write("queue/images/bìa \(id).jpg", data: TestImages.jpeg)
        try workspace.announce(
            id,
            "images: [\"images/bìa \(id).jpg\", https://thanhdoancantho.example/hai.jpg]",
            body: body
        )
    }

    static func tokenFile(_ workspace: DeliveryWorkspace) -> URL {
        workspace.root.appendingPathComponent("credentials.d/zalo-oa.json")
    }

    static func kept(_ workspace: DeliveryWorkspace) throws -> [String: Any] {
        let data = try Data(contentsOf: tokenFile(workspace))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Everything Loa wrote that a person or a report could see: the archive's rows, and the outputs given.
    static func everythingShown(_ workspace: DeliveryWorkspace, _ outputs: [LoaProcess.Output]) throws -> String {
        var text = outputs.map(\.all).joined(separator: "\n")
        for table in ["deliveries", "attempts"] {
            for row in try workspace.rows("SELECT * FROM \(table)") {
                text += row.columnNames.map { "\(row[$0] as DatabaseValue)" }.joined(separator: "|") + "\n"
            }
        }
        let export = try workspace.loa(["export", "--format", "jsonl"], environment: Self.environment)
        return text + export.all
    }

    @Test("an announcement becomes an article: cover by address, -214 waited out, the rotated tokens kept 0600")
    func article() throws {
        let zalo = try FakeZaloOA(refreshToken: Self.firstRefresh)
        zalo.setProcessing(2)
        zalo.setEcho(true)
        let workspace = try Self.workspace(zalo)
        try Self.announce(workspace, "bai-mot", body: "Đoạn một <b>&</b> bờ kè.\n\nĐoạn hai.")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        let article = try #require(zalo.articles.first)
        #expect(zalo.articles.count == 1)
        #expect(article.title == "Tin hoạt động bai-mot")
        #expect(article.cover == "https://media.thanhdoan.example/queue/images/b%C3%ACa%20bai-mot.jpg")
        let texts = article.body.compactMap { $0["content"] as? String }
        #expect(texts.contains { $0.contains("Đoạn một &lt;b&gt;&amp;&lt;/b&gt; bờ kè.") }, "\(texts)")
        #expect(article.body.contains { $0["url"] as? String == "https://thanhdoancantho.example/hai.jpg" })
        #expect(zalo.requests("/v2.0/article/verify").count == 3, "two -214 then the id")
        let delivery = try #require(try workspace.rows("SELECT * FROM deliveries").first)
        #expect(delivery["status"] as String == "sent")
        #expect(delivery["remote_id"] as String == article.id)
        // The token file: the rotated pair, mode 0600, in a folder of 0700.
        let kept = try Self.kept(workspace)
        #expect(kept["refresh_token"] as? String == "rt-rotated-1-c29tZXRva2Vu")
        #expect(kept["access_token"] as? String == "at-1-YWNjZXNz")
        #expect(kept["refreshing_since"] == nil)
        let mode = try FileManager.default.attributesOfItem(atPath: Self.tokenFile(workspace).path)[.posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o600)
        // The fake echoed the access token in its answer: it is masked everywhere.
        let shown = try Self.everythingShown(workspace, [run])
        for secret in zalo.allTokens + [Self.firstRefresh, FakeZaloOA.appSecret] {
            #expect(!shown.contains(secret), "\(secret) shown")
        }
        #expect(!(try String(contentsOfFile: workspace.archivePath, encoding: .isoLatin1)).contains("YWNjZXNz"))
    }

    @Test("a second run uses the kept access token; a refresh token used twice is refused, a new one recovers")
    func tokensKeptAndReplaced() throws {
        let zalo = try FakeZaloOA(refreshToken: Self.firstRefresh)
        let workspace = try Self.workspace(zalo)
        try Self.announce(workspace, "mot")
        #expect(try Self.run(workspace).status == 0)
        try Self.announce(workspace, "hai")
        #expect(try Self.run(workspace, at: 10).status == 0)
        #expect(zalo.requests("/v4/oa/access_token").count == 1, "the access token lives 25 hours")
        #expect(zalo.articles.count == 2)
        // The kept file is lost: the first refresh token, used already, is refused by Zalo.
        try FileManager.default.removeItem(at: Self.tokenFile(workspace))
        try Self.announce(workspace, "ba")
        let refused = try Self.run(workspace, at: 11)
        #expect(refused.status == 1, "\(refused.all)")
        #expect(refused.all.contains("Zalo refused the refresh token"), "\(refused.all)")
        #expect(refused.all.contains("makes a new refresh token"), "\(refused.all)")
        // The stopped channel, told again in Vietnamese by `loa status` (Zalo's reason as the run stored it).
        let status = try workspace.loa(["status"], environment: Self.environment.merging(["LOA_LANG": "vi"]) { $1 })
        #expect(status.all.contains("kênh zalo-oa bị dừng lúc 01/12/2026 11:00"), "\(status.all)")
        #expect(status.all.contains("quản trị viên OA tạo refresh token mới"), "\(status.all)")
        #expect(zalo.articles.count == 2)
        // A person gets a new refresh token from the consent page: it wins over what the file keeps.
        zalo.issueRefreshToken("rt-second-consent-c2Vjb25k")
        _ = try workspace.loa(["retry", "ba", "--now", Date.vietnam(12)], environment: Self.environment)
        let recovered = try Self.run(
            workspace,
            at: 12,
            environment: ["LOA_TEST_ZALO_REFRESH_TOKEN": "rt-second-consent-c2Vjb25k"]
        )
        #expect(recovered.status == 0, "\(recovered.all)")
        #expect(zalo.articles.count == 3)
    }

    @Test("an invalid-token answer renews the token once and asks once more")
    func invalidTokenRenews() throws {
        let zalo = try FakeZaloOA(refreshToken: Self.firstRefresh)
        let workspace = try Self.workspace(zalo)
        try Self.announce(workspace, "mot")
        #expect(try Self.run(workspace).status == 0)
        zalo.revokeAccessTokens()
        try Self.announce(workspace, "hai")
        let run = try Self.run(workspace, at: 10)
        #expect(run.status == 0, "\(run.all)")
        #expect(zalo.requests("/v4/oa/access_token").count == 2)
        #expect(zalo.requests("/v2.0/article/create").count == 3)
        #expect(zalo.articles.count == 2)
        #expect(try Self.kept(workspace)["refresh_token"] as? String == "rt-rotated-2-c29tZXRva2Vu")
    }

    @Test("an error inside an HTTP 200 is never a success: -224 fails with Zalo's words, -218 waits")
    func errorsInside200() throws {
        let zalo = try FakeZaloOA(refreshToken: Self.firstRefresh)
        zalo.fail(
            "/v2.0/article/create",
            .answer(#"{"error":-224,"message":"The OA needs to upgrade OA Tier Package to use this feature"}"#),
            .answer(#"{"error":-218,"message":"Out of quota"}"#)
        )
        let workspace = try Self.workspace(zalo)
        try Self.announce(workspace, "goi")
        let run = try Self.run(workspace)
        #expect(run.status == 1, "\(run.all)")
        #expect(
            run.all.contains("Zalo answered 200 (error -224): The OA needs to upgrade OA Tier Package"),
            "\(run.all)"
        )
        #expect(try workspace.statuses()["goi"] == "failed")
        try Self.announce(workspace, "quota")
        let quota = try Self.run(workspace, at: 10)
        #expect(quota.status == 0, "\(quota.all)")
        #expect(try workspace.statuses()["quota"] == "retrying")
        let next = try #require(
            try workspace.rows("SELECT next_attempt_at FROM deliveries WHERE announcement_id = 'quota'").first
        )
        #expect((next["next_attempt_at"] as String?) != nil)
        #expect(zalo.articles.isEmpty)
    }

    @Test("a create whose answer was lost is found in the OA's article list: one article")
    func createReconciled() throws {
        let zalo = try FakeZaloOA(refreshToken: Self.firstRefresh)
        zalo.fail("/v2.0/article/create", .ghostHangUp)
        let workspace = try Self.workspace(zalo, extra: ["reconcile_after: 1s"])
        try Self.announce(workspace, "mat")
        let run = try Self.run(workspace)
        #expect(run.status == 0, "\(run.all)")
        #expect(zalo.articles.count == 1)
        #expect(zalo.requests("/v2.0/article/getslice").count >= 1)
        let delivery = try #require(try workspace.rows("SELECT * FROM deliveries").first)
        #expect(delivery["status"] as String == "sent")
        #expect(delivery["remote_id"] as String == zalo.articles[0].id)
        let outcomes = try workspace.rows("SELECT outcome FROM attempts ORDER BY number").map {
            $0["outcome"] as String
        }
        #expect(outcomes == ["unknown", "reconciled"])
    }

    @Test("broadcast: true sends the article to followers; a broadcast whose answer was lost is never sent again")
    func broadcast() throws {
        let zalo = try FakeZaloOA(refreshToken: Self.firstRefresh)
        let workspace = try Self.workspace(zalo, extra: ["broadcast: true", "reconcile_after: 1s"])
        try Self.announce(workspace, "mot")
        #expect(try Self.run(workspace).status == 0)
        let sent = try #require(zalo.broadcasts.first)
        let elements =
            ((((sent["message"] as? [String: Any])?["attachment"] as? [String: Any])?["payload"] as? [String: Any])?[
                "elements"
            ] as? [[String: Any]]) ?? []
        #expect(elements.first?["attachment_id"] as? String == zalo.articles[0].id)
        #expect(elements.first?["media_type"] as? String == "article")
        zalo.fail("/v2.0/oa/message", .ghostHangUp)
        try Self.announce(workspace, "hai")
        let lost = try Self.run(workspace, at: 10)
        #expect(lost.status == 1, "\(lost.all)")
        #expect(try workspace.statuses()["hai"] == "unconfirmed")
        #expect(lost.all.contains("cannot tell whether it went to the followers"), "\(lost.all)")
        #expect(zalo.broadcasts.count == 2 && zalo.articles.count == 2)
        // Later runs leave it to a person.
        _ = try Self.run(workspace, at: 11)
        #expect(zalo.requests("/v2.0/oa/message").count == 2)
        // A person looked in OA Manager and did not find the broadcast: a retry sends only the broadcast.
        _ = try workspace.loa(["retry", "hai", "--now", Date.vietnam(12)], environment: Self.environment)
        let retried = try Self.run(workspace, at: 12)
        #expect(retried.status == 0, "\(retried.all)")
        #expect(zalo.articles.count == 2, "the article is not made again")
        #expect(zalo.requests("/v2.0/oa/message").count == 3)
        #expect(try workspace.statuses()["hai"] == "sent")
    }

    @Test("a run killed between Zalo's token answer and the write: the next run says so, a new token recovers")
    func killedDuringRefresh() throws {
        let zalo = try FakeZaloOA(refreshToken: Self.firstRefresh)
        let workspace = try Self.workspace(zalo)
        try Self.announce(workspace, "mot")
        let marker = workspace.root.appendingPathComponent("paused").path
        let process = Process()
        process.executableURL = LoaProcess.binary
        process.arguments = ["run", "--now", Date.vietnam(9)]
        process.currentDirectoryURL = workspace.root
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LOA_") }
            .merging(Self.environment.merging(["LOA_TEST_PAUSE_AFTER_TOKEN_ANSWER": marker]) { $1 }) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: marker), Date() < deadline { usleep(20_000) }
        #expect(FileManager.default.fileExists(atPath: marker), "the run reached the window")
        usleep(100_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // Zalo rotated; the file still holds the used token and the mark of the renewal in flight.
        #expect(zalo.validRefreshTokens == ["rt-rotated-1-c29tZXRva2Vu"])
        let kept = try Self.kept(workspace)
        #expect(kept["refresh_token"] as? String == Self.firstRefresh)
        #expect(kept["refreshing_since"] != nil)
        #expect(zalo.articles.isEmpty)
        let check = try workspace.loa(["check"], environment: Self.environment)
        #expect(check.standardOutput.contains("while Zalo was handing it new tokens"), "\(check.all)")
        let next = try Self.run(workspace, at: 10)
        #expect(next.status == 1, "\(next.all)")
        #expect(next.all.contains("so the token it was given was lost"), "\(next.all)")
        #expect(zalo.articles.isEmpty)
        // The recovery the README gives: a new refresh token from the consent page, then `loa retry`.
        zalo.issueRefreshToken("rt-after-kill-YWZ0ZXI")
        _ = try workspace.loa(["retry", "mot", "--now", Date.vietnam(11)], environment: Self.environment)
        let recovered = try Self.run(
            workspace,
            at: 11,
            environment: ["LOA_TEST_ZALO_REFRESH_TOKEN": "rt-after-kill-YWZ0ZXI"]
        )
        #expect(recovered.status == 0, "\(recovered.all)")
        #expect(zalo.articles.count == 1)
        #expect(try Self.kept(workspace)["refreshing_since"] == nil)
    }

    @Test("loa check: no image, a local image without media_base_url, an image over 1 MB are errors")
    func checkImages() throws {
        let zalo = try FakeZaloOA(refreshToken: Self.firstRefresh)
        let bare = try DeliveryWorkspace(channels: zalo.channel())
        try bare.announce("khong-anh")
        try bare.write("queue/images/a.jpg", data: TestImages.jpeg)
        try bare.announce("anh-may", "images: [images/a.jpg]")
        var large = TestImages.jpeg
        large.append(Data(count: 1_000_001))
        try bare.write("queue/images/lon.jpg", data: large)
        try bare.announce("anh-lon", "images: [images/lon.jpg]")
        let check = try bare.loa(["check"], environment: Self.environment)
        #expect(check.status == 1, "\(check.all)")
        let out = check.standardOutput
        #expect(out.contains("khong-anh.md") && out.contains("images: has no image; channel zalo-oa need"), "\(out)")
        #expect(out.contains("images[0]: 'images/a.jpg' is a local file; channel zalo-oa take photos only"), "\(out)")
        #expect(out.contains("'images/lon.jpg' is 1,000,"), "\(out)")
        #expect(out.contains("take images up to 1 MB"), "\(out)")
        let vietnamese = try bare.loa(["check"], environment: Self.environment.merging(["LOA_LANG": "vi"]) { $1 })
        #expect(
            vietnamese.standardOutput.contains("chưa có ảnh; kênh zalo-oa cần ít nhất một ảnh"),
            "\(vietnamese.all)"
        )
        #expect(vietnamese.standardOutput.contains("là tệp trên máy; kênh zalo-oa chỉ nhận ảnh qua địa chỉ web"))
        let run = try bare.loa(["run", "--now", Date.vietnam(9)], environment: Self.environment)
        #expect(run.status == 1)
        #expect(zalo.articles.isEmpty)
    }

    @Test("loa check warns 14 days before an unused refresh token expires; config errors name the field")
    func checkTokensAndConfig() throws {
        let zalo = try FakeZaloOA(refreshToken: Self.firstRefresh)
        let workspace = try Self.workspace(zalo)
        try Self.announce(workspace, "mot")
        #expect(try Self.run(workspace).status == 0)
        var kept = try Self.kept(workspace)
        let issued = Date().addingTimeInterval(-80 * 86_400)
        kept["refresh_issued_at"] = issued.formatted(.iso8601)
        try JSONSerialization.data(withJSONObject: kept).write(to: Self.tokenFile(workspace))
        let check = try workspace.loa(["check"], environment: Self.environment)
        #expect(check.status == 0, "\(check.all)")
        #expect(
            check.standardOutput.contains("warning: channels.zalo-oa.refresh_token: the refresh token"),
            "\(check.all)"
        )
        #expect(check.standardOutput.contains("expires on"), "\(check.all)")
        let broken = try DeliveryWorkspace(
            channels: """
                  zalo-oa:
                    platform: facebook
                    transport: zalo-oa
                    app_id: "12ab"
                    broadcast: maybe
                """
        )
        let bad = try broken.loa(["check"], environment: Self.environment)
        #expect(bad.status == 2, "\(bad.all)")
        for expected in [
            "loa.yml:7: error: channels.zalo-oa.app_id: '12ab' is not a Zalo app id",
            "loa.yml:8: error: channels.zalo-oa.broadcast: 'maybe' is not true or false",
            "channels.zalo-oa.platform: is facebook; a zalo-oa channel posts to Zalo",
            "channels.zalo-oa.app_secret: is missing", "channels.zalo-oa.refresh_token: is missing",
        ] {
            #expect(bad.standardOutput.contains(expected), "\(expected) in \(bad.all)")
        }
        let vietnamese = try broken.loa(["check"], environment: Self.environment.merging(["LOA_LANG": "vi"]) { $1 })
        #expect(
            vietnamese.standardOutput.contains("'12ab' không phải mã ứng dụng Zalo"),
            "\(vietnamese.all)"
        )
        #expect(vietnamese.standardOutput.contains("còn thiếu; kênh zalo-oa cần"))
    }

    @Test("loa check --online names the OA and renews the tokens only when they need it")
    func checkOnline() throws {
        let zalo = try FakeZaloOA(refreshToken: Self.firstRefresh)
        let workspace = try Self.workspace(zalo)
        let first = try workspace.loa(["check", "--online"], environment: Self.environment)
        #expect(first.status == 0, "\(first.all)")
        #expect(first.all.contains("zalo-oa: working Zalo tokens for the OA 'Thành đoàn Cần Thơ'"), "\(first.all)")
        let again = try workspace.loa(["check", "--online"], environment: Self.environment)
        #expect(again.status == 0, "\(again.all)")
        #expect(zalo.requests("/v4/oa/access_token").count == 1, "the kept access token still has hours left")
        #expect(try Self.kept(workspace)["refresh_token"] as? String == "rt-rotated-1-c29tZXRva2Vu")
        zalo.revokeAccessTokens()
        try FileManager.default.removeItem(at: Self.tokenFile(workspace))
        let refused = try workspace.loa(["check", "--online"], environment: Self.environment)
        #expect(refused.status == 2, "\(refused.all)")
        #expect(
            refused.all.contains("channels.zalo-oa.refresh_token: the Zalo tokens do not work: Zalo refused"),
            "\(refused.all)"
        )
        #expect(!refused.all.contains(Self.firstRefresh))
    }

    @Test("loa engagement reads total_view and total_share from the OA's article list")
    func engagement() throws {
        let zalo = try FakeZaloOA(refreshToken: Self.firstRefresh)
        let workspace = try Self.workspace(zalo)
        try Self.announce(workspace, "mot")
        #expect(try Self.run(workspace).status == 0)
        zalo.setFigures(article: zalo.articles[0].id, views: 480, shares: 12)
        let read = try workspace.loa(["engagement", "--now", Date.vietnam(11)], environment: Self.environment)
        #expect(read.status == 0, "\(read.all)")
        var figures: [String: Int] = [:]
        for row in try workspace.rows("SELECT metric, value, source FROM engagement_snapshots") {
            figures[row["metric"]] = row["value"]
            #expect(row["source"] as String == "zalo")
        }
        #expect(figures == ["views": 480, "shares": 12])
        #expect(zalo.requests("/v2.0/article/getslice").allSatisfy { $0.path.contains("limit=10") })
    }
}
