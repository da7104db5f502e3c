import Foundation
import GRDB
import Testing

/// `loa engagement` through the built binary, against a test bridge that serves figures good and bad.
@Suite("loa engagement")
struct EngagementTests {
    @Test("figures are read on the schedule, stored as dated rows, and read less once they stop changing")
    func cadence() throws {
        let bridge = try TestBridge { request, count in
            if request.method == "POST" { return .ok(id: "p\(count)") }
            return .respond(
                status: 200,
                body: #"{"reactions": 12, "comments": 3, "shares": 1, "views": 480, "id": "x"}"#
            )
        }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook(
                "fb",
                url: bridge.url(),
                extra: ["stats_url: \(bridge.url("/stats/{remote_id}"))"]
            )
        )
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        func reads() -> Int { bridge.received.filter { $0.method == "GET" }.count }
        let first = try workspace.loa("engagement", "--now", Date.vietnam(9, 30))
        #expect(first.status == 0, "\(first.all)")
        #expect(first.all.isEmpty, "nothing to say to cron")
        #expect(reads() == 1)
        let get = try #require(bridge.received.last)
        #expect(get.path.hasPrefix("/stats/p"))
        #expect(get.headers["authorization"] == "Bearer \(DeliveryWorkspace.token)")
        let rows = try workspace.rows("SELECT metric, value, source FROM engagement_snapshots ORDER BY metric")
        #expect(rows.map { $0["metric"] as String } == ["comments", "reactions", "shares", "views"])
        #expect(rows.map { $0["value"] as Int } == [3, 12, 1, 480])
        #expect(rows.allSatisfy { $0["source"] == "bridge" })
        _ = try workspace.loa("engagement", "--now", Date.vietnam(10, 0))
        #expect(reads() == 1, "hourly while fresh")
        _ = try workspace.loa("engagement", "--now", Date.vietnam(10, 31))
        #expect(reads() == 2)
        // Unchanged figures: the next read waits twice as long.
        _ = try workspace.loa("engagement", "--now", Date.vietnam(11, 45))
        #expect(reads() == 2)
        _ = try workspace.loa("engagement", "--now", Date.vietnam(12, 32))
        #expect(reads() == 3)
        // Past 30 days, never.
        _ = try workspace.loa("engagement", "--now", "2027-01-15T09:00:00+07:00")
        #expect(reads() == 3)
        let count = try workspace.rows("SELECT count(*) AS n FROM engagement_snapshots").first?["n"] as Int?
        #expect(count == 12)
    }

    @Test(
        "a bridge that answers badly leaves a clear warning and no rows",
        arguments: [
            ("not json at all", "is not a JSON object"),
            (#"{"reactions": -3, "views": 10}"#, "reactions is -3; figures cannot be negative"),
            (#"{"id": "1_2", "status": "ok"}"#, "has no figures"),
            (#"{"views": 10.5}"#, "views is 10.5; figures are whole numbers"),
            (#"[1, 2, 3]"#, "is not a JSON object"),
        ]
    )
    func badAnswers(body: String, warning: String) throws {
        let bridge = try TestBridge { request, count in
            request.method == "POST" ? .ok(id: "p\(count)") : .respond(status: 200, body: body)
        }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook(
                "fb",
                url: bridge.url(),
                extra: ["stats_url: \(bridge.url("/stats/{remote_id}"))"]
            )
        )
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let run = try workspace.loa("engagement", "--now", Date.vietnam(9, 30))
        #expect(run.status == 1)
        #expect(run.standardError.hasPrefix("warning: tin → fb: "), "\(run.standardError)")
        #expect(run.standardError.contains(warning), "\(run.standardError)")
        #expect(try workspace.rows("SELECT * FROM engagement_snapshots").isEmpty)
    }

    @Test("a bridge that is down is read again at the next run, silently")
    func unreachable() throws {
        let bridge = try TestBridge { request, count in
            request.method == "POST"
                ? .ok(id: "p\(count)")
                : (count < 2 ? .respond(status: 503) : .respond(status: 200, body: #"{"views": 7}"#))
        }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook(
                "fb",
                url: bridge.url(),
                extra: ["stats_url: \(bridge.url("/stats/{remote_id}"))"]
            )
        )
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let first = try workspace.loa("engagement", "--now", Date.vietnam(9, 30))
        #expect(first.status == 0)
        #expect(first.all.isEmpty)
        _ = try workspace.loa("engagement", "--now", Date.vietnam(9, 31))
        #expect(try workspace.rows("SELECT value FROM engagement_snapshots").map { $0["value"] as Int } == [7])
    }

    @Test("figures read by hand are recorded as manual snapshots")
    func manual() throws {
        let workspace = try DeliveryWorkspace(channels: "  zalo-nhom:\n    platform: zalo\n    transport: outbox")
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let record = try workspace.loa(
            "engagement",
            "record",
            "tin",
            "--channel",
            "zalo-nhom",
            "reactions=12",
            "comments=3",
            "shares=1",
            "views=480",
            "--now",
            Date.vietnam(20)
        )
        #expect(record.status == 0, "\(record.all)")
        #expect(record.standardOutput == "recorded tin → zalo-nhom: reactions=12 comments=3 shares=1 views=480\n")
        let rows = try workspace.rows(
            "SELECT metric, value, source, taken_at FROM engagement_snapshots ORDER BY metric"
        )
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0["source"] == "manual" })
        #expect(rows.first?["taken_at"] == "2026-12-01 13:00:00.000")
        let bad = try workspace.loa("engagement", "record", "tin", "--channel", "zalo-nhom", "reactions=-1")
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("must be a whole number from 0 to 1000000000000"))
        let unknown = try workspace.loa("engagement", "record", "khong-co", "--channel", "zalo-nhom", "views=1")
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("no delivery of 'khong-co' to 'zalo-nhom'"))
    }
}
