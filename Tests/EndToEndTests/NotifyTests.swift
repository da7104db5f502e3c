import Foundation
import GRDB
import Testing

/// `notify:` names a channel that each run tells, in one short message, what needs a person: through the real
/// binary, a real SQLite archive and webhook bridges on 127.0.0.1.
@Suite("loa run: one message to the notify: channel")
struct NotifyTests {
    /// A workspace whose `fb` bridge refuses every post, with an outbox channel and a notify channel.
    static func workspace(posts: TestBridge, notices: TestBridge, settings: String = "") throws -> DeliveryWorkspace {
        let channels = [
            DeliveryWorkspace.webhook("fb", url: posts.url("/fb")),
            "  zalo-nhom:\n    platform: zalo\n    transport: outbox",
            DeliveryWorkspace.webhook("ban-chi-huy", url: notices.url("/notify"), extra: ["platform: plain"])
                .replacingOccurrences(of: "    platform: facebook\n", with: ""),
        ]
        let workspace = try DeliveryWorkspace(
            channels: channels.joined(separator: "\n"),
            settings: "notify: ban-chi-huy\n\(settings)"
        )
        try workspace.announce("hong", "publish_at: 01/12/2026 08:50\nchannels: [fb]")
        // No channels: named: every channel but the notify one.
        try workspace.announce("tay", "publish_at: 01/12/2026 08:55")
        try workspace.announce("het-han", "publish_at: 01/12/2026 08:10\nexpires_at: 01/12/2026 08:30\nchannels: [fb]")
        try workspace.write("queue/xau.md", "---\ntitle: Thiếu chuyên mục\nunit: Đoàn phường\n---\nNội dung.\n")
        return workspace
    }

    @Test("one signed message lists what needs a person; told once, never again for the same events")
    func oneMessage() throws {
        let posts = try TestBridge { _, _ in .respond(status: 400, body: #"{"error":"bad page"}"#) }
        let notices = try TestBridge { _, count in .ok(id: "n\(count)") }
        let workspace = try Self.workspace(posts: posts, notices: notices)
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 1, "failed and expired need a person: \(run.all)")
        let received = notices.received
        #expect(received.count == 1, "one message per run: \(received.count)")
        let request = try #require(received.first)
        let id = try #require(request.headers["webhook-id"])
        let timestamp = try #require(request.headers["webhook-timestamp"])
        #expect(
            request.headers["webhook-signature"]
                == WebhookDeliveryTests.expectedSignature(id: id, timestamp: timestamp, body: request.body)
        )
        let data = try #require(request.json?["data"] as? [String: Any])
        let text = try #require(data["text"] as? String)
        #expect(data["channel"] as? String == "ban-chi-huy")
        #expect(text.contains("5 things need a person"), "\(text)")
        for line in [
            "post by hand: tay → zalo-nhom", "failed: hong → fb", "failed: tay → fb", "expired: het-han → fb",
            "queue file rejected: queue/xau.md",
        ] {
            #expect(text.contains(line), "\(line) in \(text)")
        }
        #expect(!text.contains("post by hand: hong"), "\(text)")
        // The notice is a delivery of its own, archived with its attempt, and the events it told of are kept.
        let notice = try workspace.rows(
            "SELECT d.id, d.status, d.attempt_count FROM deliveries d WHERE d.announcement_id LIKE 'loa-notify-%'"
        )
        #expect(notice.count == 1)
        #expect(notice.first?["id"] == id && notice.first?["status"] == "sent", "\(notice)")
        #expect(try workspace.rows("SELECT * FROM attempts WHERE delivery_id = '\(id)'").count == 1)
        #expect(try workspace.rows("SELECT key FROM notified_events").count == 5)

        // Later runs say nothing new: no second message. The reminder, hours later, is a new event.
        for minute in [1, 5] {
            let quiet = try workspace.loa("run", "--now", Date.vietnam(9, minute))
            #expect(quiet.status == 0, "\(quiet.all)")
        }
        #expect(notices.received.count == 1)
        let reminded = try workspace.loa("run", "--now", Date.vietnam(12, 1))
        #expect(reminded.standardOutput.contains("reminder"), "\(reminded.all)")
        #expect(notices.received.count == 2)
        let second = try #require(notices.received.last?.json?["data"] as? [String: Any])
        let secondText = try #require(second["text"] as? String)
        #expect(secondText.contains("1 thing needs a person"), "\(secondText)")
        #expect(secondText.contains("still to post by hand: tay → zalo-nhom"), "\(secondText)")
        #expect(!secondText.contains("failed"), "\(secondText)")
        #expect(notices.received.last?.headers["webhook-id"] != id)
        // A queue file that names no channels does not go to the notify channel.
        #expect(
            try workspace.rows(
                "SELECT * FROM deliveries WHERE channel = 'ban-chi-huy' AND announcement_id NOT LIKE 'loa-notify-%'"
            ).isEmpty
        )
    }

    @Test("a message the notify bridge refuses for now is retried with the same webhook-id, not written again")
    func retried() throws {
        let posts = try TestBridge { _, _ in .respond(status: 400) }
        let notices = try TestBridge { _, count in count == 0 ? .respond(status: 503) : .ok(id: "n\(count)") }
        let workspace = try Self.workspace(posts: posts, notices: notices, settings: "language: vi")
        let first = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(first.status == 1)
        #expect(notices.received.count == 1)
        #expect(
            try workspace.rows("SELECT status FROM deliveries WHERE announcement_id LIKE 'loa-notify-%'").first?[
                "status"
            ]
                == "retrying"
        )
        let second = try workspace.loa("run", "--now", Date.vietnam(9, 30))
        #expect(second.status == 0, "\(second.all)")
        let received = notices.received
        #expect(received.count == 2, "the same notice once more, no new one")
        #expect(received[0].headers["webhook-id"] == received[1].headers["webhook-id"])
        #expect(
            (received[0].json?["data"] as? [String: Any])?["text"] as? String
                == (received[1].json?["data"] as? [String: Any])?["text"] as? String
        )
        let text = try #require((received[1].json?["data"] as? [String: Any])?["text"] as? String)
        #expect(text.contains("5 việc cần người làm"), "in loa.yml's language: \(text)")
        #expect(text.contains("thất bại: hong → fb"), "\(text)")
        #expect(text.contains("tệp hàng đợi bị từ chối: queue/xau.md"), "\(text)")
        #expect(
            try workspace.rows("SELECT status FROM deliveries WHERE announcement_id LIKE 'loa-notify-%'").map {
                $0["status"] as String
            } == ["sent"]
        )
    }

    @Test("notify: must name a channel of loa.yml, with the name meant")
    func unknownChannel() throws {
        let workspace = try DeliveryWorkspace(
            channels: "  ban-chi-huy:\n    platform: zalo\n    transport: outbox",
            settings: "notify: ban-chi-hui"
        )
        let check = try workspace.loa("check")
        #expect(check.status == 2, "\(check.all)")
        #expect(
            check.standardOutput.contains("loa.yml:2: error: notify: 'ban-chi-hui' is not a channel"),
            "\(check.all)"
        )
        #expect(check.standardOutput.contains("did you mean 'ban-chi-huy'?"), "\(check.all)")
    }
}
