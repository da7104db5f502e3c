import Foundation
import GRDB
import Testing

/// What is due when, decided with `--now`, through the built binary.
@Suite("loa run: scheduling, outbox, operators")
struct SchedulingTests {
    @Test("due, not yet due, expired and missed")
    func windows() throws {
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("due", "publish_at: 01/12/2026 08:00")
        try workspace.announce("later", "publish_at: 01/12/2026 10:00")
        try workspace.announce("expired", "publish_at: 01/12/2026 06:00\nexpires_at: 01/12/2026 07:00")
        try workspace.announce("missed", "publish_at: 2026-11-28 08:00")
        try workspace.announce("draft", "status: draft")
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 1, "missed and expired need a person: the run that decides them exits 1")
        #expect(
            try workspace.statuses() == ["due": "sent", "later": "pending", "expired": "expired", "missed": "missed"]
        )
        #expect(run.standardOutput.contains("expired     expired → fb: not sent before it expired on 01/12/2026 07:00"))
        #expect(run.standardOutput.contains("missed      missed → fb: not sent within 2d of 28/11/2026 08:00"))
        #expect(!run.standardOutput.contains("due"))
        #expect(bridge.received.count == 1)
        _ = try workspace.loa("run", "--now", Date.vietnam(10))
        #expect(try workspace.statuses()["later"] == "sent")
        #expect(bridge.received.count == 2)
    }

    @Test("quiet hours hold posts until they end; a minimum gap spaces posts on a channel")
    func quietHoursAndGap() throws {
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook(
                "fb",
                url: bridge.url(),
                extra: ["quiet_hours: 22:00-06:00", "min_gap: 15m"]
            )
        )
        try workspace.announce("a", "publish_at: 01/12/2026 05:00")
        try workspace.announce("b", "publish_at: 01/12/2026 05:30")
        let quiet = try workspace.loa("run", "--now", Date.vietnam(5, 45), "--verbose")
        #expect(
            quiet.standardOutput.contains(
                "waiting     a → fb: waiting for the channel's quiet hours (22:00-06:00) to end"
            )
        )
        #expect(bridge.received.isEmpty)
        _ = try workspace.loa("run", "--now", Date.vietnam(6, 0))
        #expect(try workspace.statuses() == ["a": "sent", "b": "pending"])
        let gap = try workspace.loa("run", "--now", Date.vietnam(6, 10), "--verbose")
        #expect(gap.standardOutput.contains("b → fb: waiting for the channel's minimum gap of 15m, until 06:15"))
        _ = try workspace.loa("run", "--now", Date.vietnam(6, 15))
        #expect(try workspace.statuses() == ["a": "sent", "b": "sent"])
        #expect(bridge.received.count == 2)
    }

    @Test("outbox: copy-ready text in outbox/<channel>/, awaiting confirmation until loa confirm")
    func outboxAndConfirm() throws {
        let workspace = try DeliveryWorkspace(channels: "  zalo-nhom:\n    platform: zalo\n    transport: outbox")
        try workspace.announce("2026-12-01-tin", "publish_at: 01/12/2026 08:00")
        let run = try workspace.loa("run", "--now", Date.vietnam(9), "--verbose")
        #expect(run.status == 0)
        let file = workspace.root.appendingPathComponent("outbox/zalo-nhom/2026-12-01-tin/text.txt")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("[Tin hoạt động] Tin hoạt động 2026-12-01-tin\n\nĐoàn viên phường An Hòa"))
        #expect(try workspace.statuses() == ["2026-12-01-tin": "awaiting_confirmation"])
        let bad = try workspace.loa("confirm", "2026-12-01-tin", "--channel", "zalo-nhom", "--url", "zalo nhóm")
        #expect(bad.status == 2)
        let confirm = try workspace.loa(
            "confirm",
            "2026-12-01-tin",
            "--channel",
            "zalo-nhom",
            "--url",
            "https://zalo.me/g/abc/123"
        )
        #expect(confirm.status == 0, "\(confirm.all)")
        #expect(confirm.standardOutput == "confirmed 2026-12-01-tin → zalo-nhom: now sent\n")
        let row = try #require(try workspace.rows("SELECT status, remote_url FROM deliveries").first)
        #expect(row["status"] == "sent")
        #expect(row["remote_url"] == "https://zalo.me/g/abc/123")
        try FileManager.default.removeItem(at: file)
        _ = try workspace.loa("run", "--now", Date.vietnam(10))
        #expect(!FileManager.default.fileExists(atPath: file.path), "a confirmed post is not written again")
    }

    @Test("cancel stops a pending delivery; retry and cancel refuse what they may not change")
    func operators() throws {
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("later", "publish_at: 01/12/2026 10:00")
        try workspace.announce("now", "publish_at: 01/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let cancel = try workspace.loa("cancel", "later")
        #expect(cancel.status == 0)
        #expect(cancel.standardOutput == "cancelled later → fb: now cancelled\n")
        _ = try workspace.loa("run", "--now", Date.vietnam(10, 5))
        #expect(bridge.received.count == 1)
        let refused = try workspace.loa("cancel", "now")
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("it was already sent"))
        let unknown = try workspace.loa("retry", "khong-co")
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("no deliveries of 'khong-co'"))
    }

    @Test("--dry-run shows what would go where and changes nothing")
    func dryRun() throws {
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb", url: bridge.url())
                + "\n  zalo:\n    platform: zalo\n    transport: outbox"
        )
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        let run = try workspace.loa("run", "--now", Date.vietnam(9), "--dry-run")
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("would send  tin → fb: \(bridge.url())"))
        #expect(run.standardOutput.contains("would send  tin → zalo: outbox"))
        #expect(bridge.received.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: workspace.archivePath))
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("outbox").path))
    }

    @Test("an edit after delivery is not re-posted and is pointed out; a new revision is posted")
    func editAfterDelivery() throws {
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00", body: "Nội dung đã sửa.")
        _ = try workspace.loa("run", "--now", Date.vietnam(9, 5))
        #expect(bridge.received.count == 1)
        let status = try workspace.loa("status")
        #expect(status.standardOutput.contains("edited after it was sent; set `revision: 2` to post it again"))
        let check = try workspace.loa("check")
        #expect(check.standardOutput.contains("queue/tin.md: warning: body: edited after it was sent to fb"))
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00\nrevision: 2", body: "Nội dung đã sửa.")
        _ = try workspace.loa("run", "--now", Date.vietnam(9, 10))
        #expect(bridge.received.count == 2)
        let ids = Set(bridge.received.compactMap { $0.headers["webhook-id"] })
        #expect(ids.count == 2, "a new revision is a new delivery")
    }

    @Test("a quiet tick reads no file; a file due later, added or removed after quiet ticks is still noticed")
    func quietTicks() throws {
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("som", "publish_at: 01/12/2026 08:00")
        try workspace.announce("muon", "publish_at: 01/12/2026 10:00")
        var run = try workspace.loa("run", "--verbose", "--now", Date.vietnam(9))
        #expect(run.standardOutput.contains("2 queue files, 2 read: 1 sent"))
        run = try workspace.loa("run", "--verbose", "--now", Date.vietnam(9, 1))
        #expect(run.standardOutput.contains("2 queue files, 0 read: nothing due"))
        // Its file unchanged since it was first read, the later post is read again when it falls due.
        run = try workspace.loa("run", "--verbose", "--now", Date.vietnam(10, 1))
        #expect(run.standardOutput.contains("2 queue files, 1 read: 1 sent"))
        try workspace.announce("moi", "publish_at: 01/12/2026 10:00")
        run = try workspace.loa("run", "--verbose", "--now", Date.vietnam(10, 2))
        #expect(run.standardOutput.contains("3 queue files, 1 read: 1 sent"))
        try workspace.announce("sau", "publish_at: 01/12/2026 11:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(10, 3))
        try FileManager.default.removeItem(at: workspace.root.appendingPathComponent("queue/sau.md"))
        run = try workspace.loa("run", "--verbose", "--now", Date.vietnam(11, 1))
        #expect(run.standardOutput.contains("3 queue files, 0 read: nothing due"))
        #expect(bridge.received.count == 3)
        #expect(try workspace.statuses()["sau"] == "cancelled", "its file left the queue before it was sent")
    }

    @Test("a file renamed after delivery is held, not posted again")
    func renamedFile() throws {
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("ten-cu", "publish_at: 01/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let queue = workspace.root.appendingPathComponent("queue")
        let text = try String(contentsOf: queue.appendingPathComponent("ten-cu.md"), encoding: .utf8)
        try FileManager.default.removeItem(at: queue.appendingPathComponent("ten-cu.md"))
        try workspace.write("queue/ten-moi.md", text)
        let run = try workspace.loa("run", "--now", Date.vietnam(9, 5))
        #expect(bridge.received.count == 1)
        #expect(try workspace.statuses() == ["ten-cu": "sent", "ten-moi": "held"])
        #expect(run.standardOutput.isEmpty || run.standardOutput.contains("held"))
        let status = try workspace.loa("status", "ten-moi")
        #expect(status.standardOutput.contains("already delivered as 'ten-cu'"))
    }

    @Test("a broken queue file is reported once, exit 1, and the other files still go out")
    func brokenFile() throws {
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("tot", "publish_at: 01/12/2026 08:00")
        try workspace.write("queue/hong.md", "---\ntitle: Hỏng\ncategory: tin-tuc\nunit: X\n---\nBody\n")
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 1)
        #expect(run.standardError.contains("queue/hong.md:3: error: category: 'tin-tuc' is not one of"))
        #expect(try workspace.statuses() == ["tot": "sent"])
        let next = try workspace.loa("run", "--now", Date.vietnam(9, 1))
        #expect(next.status == 0, "an unchanged broken file is not reported every minute")
        #expect(next.all.isEmpty)
    }
}
