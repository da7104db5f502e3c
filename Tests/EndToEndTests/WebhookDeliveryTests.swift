import Crypto
import Foundation
import GRDB
import Testing

/// `loa run` against real HTTP bridges on 127.0.0.1, with a real SQLite archive, through the built binary.
@Suite("loa run: webhook delivery and faults")
struct WebhookDeliveryTests {
    /// The Standard Webhooks signature, computed here independently of Loa's code.
    static func expectedSignature(id: String, timestamp: String, body: Data) -> String {
        var message = Data("\(id).\(timestamp).".utf8)
        message.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: DeliveryWorkspace.secretKey))
        return "v1," + Data(mac).base64EncodedString()
    }

    @Test("each delivery is one signed POST with the contract's headers and body, archived, and never sent twice")
    func signedDelivery() throws {
        let bridge = try TestBridge { _, count in .ok(id: "p\(count)") }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb-thanhdoan", url: bridge.url("/fb"))
        )
        try workspace.announce("2026-12-01-a", "publish_at: 01/12/2026 08:00\nimages: [https://x.example/anh.jpg]")
        // Saved in NFD, as macOS editors do: the bridge must still get NFC.
        try workspace.write(
            "queue/2026-12-01-b.md",
            "---\ntitle: Tuổi trẻ Cần Thơ ra quân\ncategory: policy-update\nunit: Thành đoàn Cần Thơ\n---\nNội dung.\n"
                .decomposedStringWithCanonicalMapping
        )
        let before = Date()
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 0, "\(run.all)")
        #expect(run.standardOutput.isEmpty, "cron etiquette: nothing to say when all went well")
        let requests = bridge.received
        #expect(requests.count == 2)
        let deliveries = try workspace.rows("SELECT * FROM deliveries ORDER BY announcement_id")
        for request in requests {
            let id = try #require(request.headers["webhook-id"])
            let timestamp = try #require(request.headers["webhook-timestamp"])
            #expect(request.method == "POST")
            #expect(request.path == "/fb")
            #expect(
                request.headers["webhook-signature"]
                    == Self.expectedSignature(id: id, timestamp: timestamp, body: request.body)
            )
            #expect(request.headers["idempotency-key"] == id)
            #expect(request.headers["authorization"] == "Bearer \(DeliveryWorkspace.token)")
            #expect(request.headers["user-agent"] == "loa/0.1.0")
            #expect(request.headers["content-type"] == "application/json")
            #expect(request.headers["expect"] == nil)
            // The signature's time is the real clock, never --now.
            let seconds = try #require(Double(timestamp))
            #expect(abs(seconds - before.timeIntervalSince1970) < 60)
            let json = try #require(request.json)
            #expect(json["type"] as? String == "post.create")
            let data = try #require(json["data"] as? [String: Any])
            #expect(data["delivery_id"] as? String == id)
            #expect(deliveries.contains { $0["id"] == id })
            #expect(data["channel"] as? String == "fb-thanhdoan")
            #expect(data["platform"] as? String == "facebook")
            #expect(data["revision"] as? Int == 1)
            let text = try #require(data["text"] as? String)
            #expect(Array(text.utf8) == Array(text.precomposedStringWithCanonicalMapping.utf8))
            if data["announcement_id"] as? String == "2026-12-01-a" {
                #expect(data["category"] as? String == "activity-news")
                #expect(data["unit"] as? String == "Đoàn phường An Hòa")
                #expect(data["title"] as? String == "Tin hoạt động 2026-12-01-a")
                #expect(data["link"] as? String == "https://thanhdoancantho.example/tin/2026-12-01-a")
                let images = try #require(data["images"] as? [[String: Any]])
                #expect(images.count == 1)
                #expect(images.first?.keys.sorted() == ["url"])
                #expect(images.first?["url"] as? String == "https://x.example/anh.jpg")
                #expect(data["hashtags"] as? [String] == ["#TuoiTreCanTho"])
                #expect(data["publish_at"] as? String == "2026-12-01T01:00:00Z")
                #expect(text.hasPrefix("📸 Tin hoạt động 2026-12-01-a\n📍 Đoàn phường An Hòa · 01/12/2026"))
            } else {
                #expect(data["title"] as? String == "Tuổi trẻ Cần Thơ ra quân")
                #expect(Array(text.utf8).starts(with: Array("📢 Tuổi trẻ Cần Thơ ra quân".utf8)))
            }
        }
        for delivery in deliveries {
            #expect(delivery["status"] == "sent")
            #expect((delivery["remote_url"] as String?)?.hasPrefix("https://bridge.test/p/") == true)
        }
        let attempts = try workspace.rows("SELECT * FROM attempts")
        #expect(attempts.count == 2)
        for attempt in attempts {
            #expect(attempt["http_status"] == 200)
            #expect(attempt["outcome"] == "sent")
            #expect((attempt["duration_ms"] as Double?).map { $0 > 0 } == true)
            #expect((attempt["response_body"] as String?)?.contains("bridge.test") == true)
        }
        let again = try workspace.loa("run", "--now", Date.vietnam(9, 5))
        #expect(again.status == 0)
        #expect(bridge.received.count == 2, "a delivery that succeeded is never sent again")
    }

    @Test("500, then success at the next run after the backoff, with the same webhook-id")
    func serverErrorThenSuccess() throws {
        let bridge = try TestBridge { _, count in
            count == 0 ? .respond(status: 500, body: "database down") : .ok(id: "x")
        }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("tin-1")
        let first = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(first.status == 0, "a retry owed is success")
        #expect(first.all.isEmpty)
        #expect(try workspace.statuses() == ["tin-1": "retrying"])
        let row = try #require(try workspace.rows("SELECT next_attempt_at, note FROM deliveries").first)
        let note: String = row["note"]
        #expect(note.contains("500") && note.contains("database down"))
        let early = try workspace.loa("run", "--now", Date.vietnam(9, 0, plus: 2))
        #expect(early.status == 0)
        #expect(bridge.received.count == 1, "not before the backoff")
        let later = try workspace.loa("run", "--now", Date.vietnam(9, 0, plus: 7))
        #expect(later.status == 0)
        #expect(try workspace.statuses() == ["tin-1": "sent"])
        let ids = Set(bridge.received.compactMap { $0.headers["webhook-id"] })
        #expect(bridge.received.count == 2)
        #expect(ids.count == 1)
        let outcomes = try workspace.rows("SELECT outcome, http_status FROM attempts ORDER BY number").map {
            $0["outcome"] as String
        }
        #expect(outcomes == ["retry", "sent"])
    }

    @Test("429 with Retry-After: the next try waits at least as long as asked")
    func retryAfter() throws {
        let bridge = try TestBridge { _, count in
            count == 0 ? .respond(status: 429, headers: ["Retry-After": "120"]) : .ok(id: "x")
        }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("tin-1")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        _ = try workspace.loa("run", "--now", Date.vietnam(9, 1))
        #expect(bridge.received.count == 1)
        #expect(try workspace.statuses() == ["tin-1": "retrying"])
        let run = try workspace.loa("run", "--now", Date.vietnam(9, 2, plus: 1))
        #expect(run.status == 0)
        #expect(bridge.received.count == 2)
        #expect(try workspace.statuses() == ["tin-1": "sent"])
    }

    @Test("a response slower than the timeout is a timeout, retried; the run does not wait for it")
    func timeout() throws {
        let bridge = try TestBridge { _, _ in .delay(4, .ok(id: "late")) }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb", url: bridge.url(), extra: ["timeout: 1s"])
        )
        try workspace.announce("tin-1")
        let started = Date()
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(Date().timeIntervalSince(started) < 3.5)
        #expect(run.status == 0)
        #expect(try workspace.statuses() == ["tin-1": "retrying"])
        let attempt = try #require(try workspace.rows("SELECT * FROM attempts").first)
        #expect(attempt["error_class"] == "timeout")
        #expect(attempt["http_status"] == 0)
        #expect(attempt["outcome"] == "retry")
    }

    @Test("a connection closed without a response is retried")
    func hangUp() throws {
        let bridge = try TestBridge { _, _ in .hangUp }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("tin-1")
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 0)
        #expect(try workspace.statuses() == ["tin-1": "retrying"])
        let attempt = try #require(try workspace.rows("SELECT * FROM attempts").first)
        #expect(attempt["error_class"] == "connection")
    }

    @Test("400 fails for good: exit 1, the reason on standard output for cron and in loa status, no retry")
    func badRequest() throws {
        let bridge = try TestBridge { _, _ in .respond(status: 400, body: #"{"error":"page token expired"}"#) }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("tin-1")
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 1)
        #expect(
            run.standardOutput.contains(
                "failed      tin-1 → fb: the bridge refused the post with 400: {\"error\":\"page token expired\"}"
            )
        )
        let status = try workspace.loa("status")
        #expect(status.standardOutput.contains("failed"))
        #expect(status.standardOutput.contains("page token expired"))
        let again = try workspace.loa("run", "--now", Date.vietnam(12))
        #expect(again.status == 0)
        #expect(bridge.received.count == 1)
        // An operator can send it again once the bridge is fixed.
        let retry = try workspace.loa("retry", "tin-1", "--now", Date.vietnam(12))
        #expect(retry.status == 0)
        #expect(retry.standardOutput.contains("retry tin-1 → fb: now retrying"))
        _ = try workspace.loa("run", "--now", Date.vietnam(12, 1))
        #expect(bridge.received.count == 2)
    }

    @Test("301 is a failure: redirects are not followed")
    func redirect() throws {
        let bridge = try TestBridge { _, _ in .respond(status: 301, headers: ["Location": "https://elsewhere.example/"])
        }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("tin-1")
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("redirect to https://elsewhere.example/"))
        #expect(bridge.received.count == 1)
        #expect(try workspace.statuses() == ["tin-1": "failed"])
    }

    @Test("one channel down never holds back the others")
    func oneChannelDown() throws {
        let bridge = try TestBridge { _, count in .ok(id: "ok\(count)") }
        let dead = try TestBridge { _, _ in .hangUp }
        let deadURL = dead.url()
        dead.stop()
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb-up", url: bridge.url()) + "\n"
                + DeliveryWorkspace.webhook("fb-down", url: deadURL)
        )
        for index in 1...3 { try workspace.announce("tin-\(index)") }
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 0)
        let rows = try workspace.rows("SELECT channel, status FROM deliveries")
        #expect(rows.filter { $0["channel"] == "fb-up" }.allSatisfy { $0["status"] == "sent" })
        #expect(rows.filter { $0["channel"] == "fb-down" }.allSatisfy { $0["status"] == "retrying" })
        #expect(bridge.received.count == 3)
        let classes = try workspace.rows("SELECT error_class FROM attempts WHERE channel = 'fb-down'").map {
            $0["error_class"] as String?
        }
        #expect(classes == ["connection", "connection", "connection"])
    }

    @Test("the secret and the token appear nowhere: output, status, the archive file")
    func secretsStayHidden() throws {
        // The bridge echoes the request headers back, as a careless bridge might.
        let bridge = try TestBridge { request, _ in
            .respond(status: 500, body: "\(request.headers)")
        }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("tin-1")
        var printed = try workspace.loa("run", "--now", Date.vietnam(9), "--verbose").all
        printed += try workspace.loa("status").all
        printed += try workspace.loa("status", "--json").all
        printed += try workspace.loa("run", "--now", Date.vietnam(9, 1), "--dry-run").all
        printed += try workspace.loa("check").all
        let archive = try FileManager.default.contentsOfDirectory(
            atPath: workspace.root.appendingPathComponent("archive").path
        )
        .compactMap {
            FileManager.default.contents(atPath: workspace.root.appendingPathComponent("archive/\($0)").path)
        }
        let secrets = [
            DeliveryWorkspace.secret, DeliveryWorkspace.secretKey.base64EncodedString(), DeliveryWorkspace.token,
        ]
        for secret in secrets {
            #expect(!printed.contains(secret))
            for file in archive { #expect(file.range(of: Data(secret.utf8)) == nil) }
        }
        #expect(!archive.isEmpty)
        // The bridge did get the token: it is hidden by Loa, not missing.
        #expect(bridge.received.first?.headers["authorization"]?.contains(DeliveryWorkspace.token) == true)
    }
}
