import Foundation
import PostgresNIO
import Testing

@testable import Loa

#if canImport(Glibc)
    import Glibc
#endif

/// Several hosts running `loa run` on one PostgreSQL archive: they share the work a channel at a time, a host
/// killed or paused mid-run loses and doubles nothing, and a paused host that wakes up cannot overwrite the host
/// that took its channels over. Real processes, a real server, a real bridge on 127.0.0.1.
@Suite("several hosts on one PostgreSQL archive", .enabled(if: PostgresServer.runs), .serialized)
struct SeveralHostsTests {
    /// Starts `loa run` (or `command`) as host `host` in `workspace` at `now`, without waiting for it.
    static func start(
        _ workspace: DeliveryWorkspace,
        host: String,
        now: String,
        password: String,
        command: String = "run",
        extra: [String: String] = [:]
    ) throws -> Process {
        let process = Process()
        process.executableURL = LoaProcess.binary
        process.arguments = [command, "--now", now]
        process.currentDirectoryURL = workspace.root
        process.environment = ProcessInfo.processInfo.environment
            .merging(DeliveryWorkspace.environment) { $1 }
            .merging(["LOA_HOST": host, "LOA_TEST_PG_PASSWORD": password]) { $1 }
            .merging(extra) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The body without `timestamp`, the one field an attempt writes anew (the time it is sent).
    static func content(_ request: TestBridge.Request) -> NSDictionary? {
        guard var json = request.json else { return nil }
        json["timestamp"] = nil
        json["sent_at"] = nil
        if var data = json["data"] as? [String: Any] {
            data["sent_at"] = nil
            json["data"] = data
        }
        return json as NSDictionary
    }

    /// What the archive says, as `psql` would.
    static func query(_ database: PostgresLocation, _ password: String, _ sql: String) throws -> [[String]] {
        let session = try PostgresSession.connect(database, password: Secret(password))
        return try session.query(PostgresQuery(unsafeSQL: sql)).map { row in
            try row.makeRandomAccess().map { try $0.decode(String?.self) ?? "" }
        }
    }

    /// The bridge answers after 100 ms, as a real one does (20–500 ms): with an instant bridge, the first host to
    /// start drains a round of 600 posts in about the time the third takes to start and connect on a busy
    /// two-core machine, and there is nothing left to share. Each run leases 50 channels at a time
    /// (``DeliveryRun/leaseLimit``), so a host that starts while work is left gets some of it.
    @Test("three hosts started together on 600 channels × 5 posts: each sent once, every host worked, min_gap held")
    func threeHosts() throws {
        let (database, password) = try PostgresServer.freshDatabase()
        let bridge = try TestBridge { _, count in .delay(0.1, .ok(id: "p\(count)")) }
        let channels = (0..<600).map { String(format: "kenh-%03d", $0) }
        let workspace = try PostgresArchiveEndToEndTests.workspace(
            channels: channels.map {
                DeliveryWorkspace.webhook($0, url: bridge.url("/\($0)"), extra: ["min_gap: 10m", "concurrency: 1"])
            }.joined(separator: "\n"),
            database: database
        )
        for index in 1...5 { try workspace.announce("tin-\(index)", "publish_at: 01/12/2026 08:00") }
        // Five rounds ten minutes apart on the runs' clock: each round, the three hosts start together.
        var rounds: [[TestBridge.Request]] = []
        for round in 0..<5 {
            let before = bridge.received.count
            let processes = try ["h1", "h2", "h3"].map {
                try Self.start(workspace, host: $0, now: Date.vietnam(9, round * 10), password: password)
            }
            for process in processes { process.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "round \(round)")
            rounds.append(Array(bridge.received[before...]))
        }
        let all = rounds.flatMap { $0 }
        let ids = all.compactMap { $0.headers["webhook-id"] }
        #expect(all.count == 3000 && Set(ids).count == 3000, "\(all.count) requests, \(Set(ids).count) ids")
        // min_gap: each channel got one post a round, never two in a round.
        for (number, round) in rounds.enumerated() {
            let perChannel = Dictionary(grouping: round, by: \.path).mapValues(\.count)
            #expect(perChannel.count == 600 && perChannel.values.allSatisfy { $0 == 1 }, "round \(number)")
        }
        let sent = try Self.query(database, password, "SELECT status, count(*)::text FROM deliveries GROUP BY 1")
        #expect(sent == [["sent", "3000"]])
        let hosts = try Self.query(
            database,
            password,
            "SELECT host, count(*)::text FROM attempts GROUP BY 1 ORDER BY 1"
        )
        #expect(hosts.map(\.[0]) == ["h1", "h2", "h3"], "\(hosts)")
        let leftovers = try Self.query(database, password, "SELECT count(*)::text FROM run_starts")
        #expect(leftovers == [["0"]])
    }

    @Test("kill -9 of a host mid-request: another host takes over after the lease, same webhook-id and body")
    func killedHost() throws {
        let (database, password) = try PostgresServer.freshDatabase()
        let bridge = try TestBridge { _, count in count < 6 ? .delay(3, .ok(id: "slow\(count)")) : .ok(id: "f\(count)")
        }
        let workspace = try PostgresArchiveEndToEndTests.workspace(
            channels: (1...3).map {
                DeliveryWorkspace.webhook(
                    "fb-\($0)",
                    url: bridge.url("/fb-\($0)"),
                    extra: ["concurrency: 2", "timeout: 1s"]
                )
            }.joined(separator: "\n"),
            database: database
        )
        try workspace.write(
            "loa.yml",
            try String(contentsOf: workspace.root.appendingPathComponent("loa.yml"), encoding: .utf8)
                .replacingOccurrences(of: "channels:\n", with: "lease: 3s\nchannels:\n")
        )
        for index in 1...4 { try workspace.announce("tin-\(index)", "publish_at: 01/12/2026 08:00") }
        let h1 = try Self.start(workspace, host: "h1", now: Date.vietnam(9), password: password)
        let deadline = Date().addingTimeInterval(20)
        while bridge.received.count < 6 && Date() < deadline { usleep(20_000) }
        kill(h1.processIdentifier, SIGKILL)
        h1.waitUntilExit()
        #expect(h1.terminationReason == .uncaughtSignal)
        let inFlight = bridge.received
        #expect(inFlight.count == 6, "h1 had 6 requests in flight")
        // Within the lease (on the runs' clock), h2 finds every channel held and sends nothing.
        let early = try Self.start(workspace, host: "h2", now: Date.vietnam(9, plus: 2), password: password)
        early.waitUntilExit()
        #expect(early.terminationStatus == 0 && bridge.received.count == 6)
        // loa status shows h1's leases while they run, and its six requests as orphaned once they have ended.
        let environment = ["LOA_TEST_PG_PASSWORD": password]
        let during = try workspace.loa(["status", "--now", Date.vietnam(9, plus: 2)], environment: environment)
        #expect(during.status == 0 && during.standardOutput.contains("Channel leases running: 3"), "\(during.all)")
        #expect(during.standardOutput.contains("fb-1: h1 until 01/12/2026 09:00\n"), "\(during.all)")
        #expect(!during.standardOutput.contains("Orphaned"), "\(during.all)")
        let after = try workspace.loa(["status", "--now", Date.vietnam(9, 1)], environment: environment)
        #expect(!after.standardOutput.contains("Channel leases running"), "\(after.all)")
        // Every start h1 journaled (its six requests in flight, and the batch's next ones) has no outcome.
        let orphaned = after.standardOutput.components(separatedBy: "\n").filter { $0.contains(": started ") }
        #expect(after.standardOutput.contains("Orphaned sends: \(orphaned.count) deliveries"), "\(after.all)")
        #expect(orphaned.count >= 6, "\(after.all)")
        #expect(after.standardOutput.contains("tin-1 → fb-1: started"), "\(after.all)")
        #expect(after.standardOutput.contains("last lease h1"), "\(after.all)")
        // After it, h2 takes the channels over.
        let h2 = try Self.start(workspace, host: "h2", now: Date.vietnam(9, 1), password: password)
        h2.waitUntilExit()
        #expect(h2.terminationStatus == 0)
        let statuses = try Self.query(database, password, "SELECT status, count(*)::text FROM deliveries GROUP BY 1")
        #expect(statuses == [["sent", "12"]], "\(statuses)")
        // Every repeat carries the same webhook-id and body as h1's request.
        let repeats = bridge.received[inFlight.count...]
        for first in inFlight {
            let id = try #require(first.headers["webhook-id"])
            let again = repeats.filter { $0.headers["webhook-id"] == id }
            #expect(again.count == 1, "\(id) sent again once")
            #expect(again.allSatisfy { Self.content($0) == Self.content(first) })
        }
        #expect(Set(bridge.received.compactMap { $0.headers["webhook-id"] }).count == 12)
        let interrupted = try Self.query(
            database,
            password,
            "SELECT count(*)::text FROM attempts WHERE outcome = 'interrupted' AND host = 'h2'"
        )
        #expect(Int(interrupted.first?.first ?? "") ?? 0 >= 6, "\(interrupted)")
        #expect(
            try Self.query(database, password, "SELECT count(*)::text FROM deliveries WHERE status = 'sending'") == [
                ["0"]
            ]
        )
        let settled = try workspace.loa(["status", "--now", Date.vietnam(9, 2)], environment: environment)
        let quiet = !settled.standardOutput.contains("Orphaned") && !settled.standardOutput.contains("leases")
        #expect(quiet, "\(settled.all)")
    }

    @Test("a host paused with its requests about to go, resumed after a takeover: one post, its failure not written")
    func pausedHost() throws {
        // The host that takes over is answered; the paused host, resumed later, is refused.
        let bridge = try TestBridge { _, count in count == 0 ? .ok(id: "1_2") : .respond(status: 503, body: "Bận") }
        let run = try Self.takeOverFromPausedHost(pausedBy: "LOA_TEST_PAUSE_IN_FLIGHT", bridge: bridge)
        // h1 sent what it had planned, was refused, and its retry was fenced out: the post stays sent.
        #expect(bridge.received.count == 2)
        #expect(Set(bridge.received.compactMap { $0.headers["webhook-id"] }).count == 1)
        let delivery = try Self.query(run.database, run.password, "SELECT status, remote_id FROM deliveries")
        #expect(delivery == [["sent", "1_2"]], "\(delivery)")
        let attempts = try Self.query(run.database, run.password, "SELECT host, outcome FROM attempts ORDER BY id")
        #expect(attempts == [["h2", "sent"], ["h1", "retry"]], "\(attempts)")
    }

    @Test("a host paused after planning, resumed after a takeover: it checks its lease and sends nothing")
    func pausedBeforeSending() throws {
        let bridge = try TestBridge { _, count in .ok(id: "p\(count)") }
        let run = try Self.takeOverFromPausedHost(pausedBy: "LOA_TEST_PAUSE_BEFORE_SENDING", bridge: bridge)
        #expect(run.h1.terminationStatus == 0)
        // h1 found its lease taken when it woke, and sent nothing of what it had planned.
        #expect(bridge.received.count == 1)
        let attempts = try Self.query(run.database, run.password, "SELECT host, outcome FROM attempts ORDER BY id")
        #expect(attempts == [["h2", "sent"]], "\(attempts)")
        let delivery = try Self.query(run.database, run.password, "SELECT status, remote_id FROM deliveries")
        #expect(delivery == [["sent", "p0"]], "\(delivery)")
    }

    /// One channel with a 3 s lease and one post due: h1 runs until the test hook `pausedBy` stops it; h2 runs
    /// after h1's lease has ended (on the runs' clock), takes the channel over and posts once; then h1 is resumed
    /// and runs to its end. The run lock is each host's own, so h1, paused holding its lock in the same workspace
    /// folder, does not keep h2 from running.
    static func takeOverFromPausedHost(pausedBy variable: String, bridge: TestBridge) throws
        -> (database: PostgresLocation, password: String, h1: Process)
    {
        let (database, password) = try PostgresServer.freshDatabase()
        let workspace = try PostgresArchiveEndToEndTests.workspace(
            channels: DeliveryWorkspace.webhook("fb", url: bridge.url(), extra: ["timeout: 1s"]),
            database: database
        )
        try workspace.write(
            "loa.yml",
            try String(contentsOf: workspace.root.appendingPathComponent("loa.yml"), encoding: .utf8)
                .replacingOccurrences(of: "channels:\n", with: "lease: 3s\nchannels:\n")
        )
        try workspace.announce("tin-1", "publish_at: 01/12/2026 08:00")
        let marker = workspace.root.appendingPathComponent("paused").path
        let h1 = try Self.start(
            workspace,
            host: "h1",
            now: Date.vietnam(9),
            password: password,
            extra: [variable: marker]
        )
        try Self.waitUntilPaused(marker)
        let h2 = try Self.start(workspace, host: "h2", now: Date.vietnam(9, 1), password: password)
        h2.waitUntilExit()
        #expect(h2.terminationStatus == 0 && bridge.received.count == 1)
        try Self.resume(paused: marker)
        h1.waitUntilExit()
        return (database, password, h1)
    }

    /// Lets a run paused by a `LOA_TEST_PAUSE_…` variable go on.
    static func resume(paused marker: String) throws {
        try Data().write(to: URL(fileURLWithPath: marker + ".resume"))
    }

    /// Waits for a run started with a `LOA_TEST_PAUSE_…` variable to write `marker` and pause.
    static func waitUntilPaused(_ marker: String) throws {
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: marker) && Date() < deadline { usleep(20_000) }
        usleep(200_000)
        try #require(FileManager.default.fileExists(atPath: marker), "the run paused")
    }

    @Test("two hosts with different copies of one revision: the first recorded text is the one sent, byte for byte")
    func staleCopy() throws {
        let (database, password) = try PostgresServer.freshDatabase()
        let bridge = try TestBridge { _, count in .ok(id: "p\(count)") }
        let channels = ["fb-1", "fb-2"].map { DeliveryWorkspace.webhook($0, url: bridge.url("/\($0)")) }
        // Two hosts, each with its own checkout of the queue; h2's copy of tin-1 was edited without a new revision.
        let first = try PostgresArchiveEndToEndTests.workspace(
            channels: channels.joined(separator: "\n"),
            database: database
        )
        let second = try PostgresArchiveEndToEndTests.workspace(
            channels: channels.joined(separator: "\n"),
            database: database
        )
        let original = "Đoàn viên phường An Hòa ra quân làm sạch bờ kè."
        try first.announce("tin-1", "publish_at: 01/12/2026 08:00", body: original)
        try second.announce("tin-1", "publish_at: 01/12/2026 08:00", body: "Bản sửa chưa tăng revision.")
        let environment = { (host: String) in ["LOA_TEST_PG_PASSWORD": password, "LOA_HOST": host] }
        // h1 records its copy before it is due; h2, with the other copy, sends nothing of it and says why.
        let early = try first.loa(["run", "--now", Date.vietnam(7)], environment: environment("h1"))
        #expect(early.status == 0, "\(early.all)")
        let stale = try second.loa(["run", "--now", Date.vietnam(9)], environment: environment("h2"))
        #expect(bridge.received.isEmpty, "\(stale.all)")
        #expect(stale.all.contains("tin-1") && stale.all.contains("revision"), "\(stale.all)")
        let hash = try Self.query(database, password, "SELECT content_hash FROM announcements")
        let late = try first.loa(["run", "--now", Date.vietnam(9, 1)], environment: environment("h1"))
        #expect(late.status == 0, "\(late.all)")
        #expect(try Self.query(database, password, "SELECT content_hash FROM announcements") == hash)
        // Both posts carry h1's text; h2 runs again and sends nothing more.
        #expect(bridge.received.count == 2)
        for request in bridge.received {
            let post = request.json?["data"] as? [String: Any]
            let text = try #require(post?["text"] as? String ?? post?["body"] as? String, "\(post ?? [:])")
            #expect(text.contains(original), "\(text)")
        }
        let again = try second.loa(["run", "--now", Date.vietnam(9, 2)], environment: environment("h2"))
        #expect(again.status == 0 && bridge.received.count == 2, "\(again.all)")
        let sent = try Self.query(database, password, "SELECT host, count(*)::text FROM attempts GROUP BY 1")
        #expect(sent == [["h1", "2"]], "\(sent)")
    }

    @Test("a direct channel (telegram): a paused host's refusal after a takeover is fenced out; the post stays sent")
    func pausedDirectHost() throws {
        let (database, password) = try PostgresServer.freshDatabase()
        let bot = try FakeBotAPI(token: TelegramTests.token)
        let workspace = try PostgresArchiveEndToEndTests.workspace(
            channels: TelegramTests.channel(bot, extra: ["timeout: 1s"]),
            database: database
        )
        try workspace.write(
            "loa.yml",
            try String(contentsOf: workspace.root.appendingPathComponent("loa.yml"), encoding: .utf8)
                .replacingOccurrences(of: "channels:\n", with: "lease: 3s\nchannels:\n")
        )
        try TelegramTests.announce(workspace, "tin-1", body: "Đoàn phường An Hòa ra quân.")
        let marker = workspace.root.appendingPathComponent("paused").path
        let h1 = try Self.start(
            workspace,
            host: "h1",
            now: Date.vietnam(9),
            password: password,
            extra: TelegramTests.environment.merging(["LOA_TEST_PAUSE_IN_FLIGHT": marker]) { $1 }
        )
        try Self.waitUntilPaused(marker)
        let h2 = try Self.start(
            workspace,
            host: "h2",
            now: Date.vietnam(9, 1),
            password: password,
            extra: TelegramTests.environment
        )
        h2.waitUntilExit()
        #expect(h2.terminationStatus == 0 && bot.messages.count == 1)
        // h1 wakes with its send about to go; the platform refuses it, and the refusal is not written.
        bot.fail("sendMessage", .answer(status: 400, body: #"{"ok":false,"error_code":400,"description":"Bad"}"#))
        try Self.resume(paused: marker)
        h1.waitUntilExit()
        #expect(bot.requests("sendMessage").count == 2 && bot.messages.count == 1)
        let delivery = try Self.query(database, password, "SELECT status, remote_id FROM deliveries")
        #expect(delivery == [["sent", "101"]], "\(delivery)")
        let attempts = try Self.query(database, password, "SELECT host, outcome FROM attempts ORDER BY id")
        #expect(attempts == [["h2", "sent"], ["h1", "failed"]], "\(attempts)")
    }

    @Test("a notice goes out under a lease of the notify channel: held by another host, it waits for the next run")
    func noticeUnderLease() throws {
        let (database, password) = try PostgresServer.freshDatabase()
        let posts = try TestBridge { _, _ in .respond(status: 400, body: #"{"error":"bad page"}"#) }
        let notices = try TestBridge { _, count in .ok(id: "n\(count)") }
        let workspace = try DeliveryWorkspace(
            channels: [
                DeliveryWorkspace.webhook("fb", url: posts.url("/fb")),
                DeliveryWorkspace.webhook("ban-chi-huy", url: notices.url("/notify")),
            ].joined(separator: "\n"),
            settings: "notify: ban-chi-huy\narchive: postgres://\(database.user):${LOA_TEST_PG_PASSWORD}@"
                + "\(database.host):\(database.port)/\(database.database)?sslmode=disable"
        )
        try workspace.announce("hong", "publish_at: 01/12/2026 08:50\nchannels: [fb]")
        let environment = { (host: String) in ["LOA_TEST_PG_PASSWORD": password, "LOA_HOST": host] }
        let early = try workspace.loa(["run", "--now", Date.vietnam(8)], environment: environment("h1"))
        #expect(early.status == 0, "\(early.all)")
        // Another host holds the notify channel for the next hour (on the runs' clock).
        _ = try Self.query(
            database,
            password,
            """
            INSERT INTO channel_leases (channel, holder, token, until)
            VALUES ('ban-chi-huy', 'h9', nextval('lease_tokens'), '\(Date.vietnam(10))')
            ON CONFLICT (channel) DO UPDATE SET holder = 'h9', token = excluded.token, until = excluded.until
            RETURNING channel
            """
        )
        let failed = try workspace.loa(["run", "--now", Date.vietnam(9)], environment: environment("h1"))
        #expect(failed.status == 1 && posts.received.count == 1, "\(failed.all)")
        #expect(notices.received.isEmpty, "the notify channel is h9's: \(failed.all)")
        let waiting = try Self.query(
            database,
            password,
            "SELECT status FROM deliveries WHERE announcement_id LIKE 'loa-notify-%'"
        )
        #expect(waiting == [["pending"]], "\(waiting)")
        // After h9's lease, any host's run sends it, once.
        let later = try workspace.loa(["run", "--now", Date.vietnam(10, 1)], environment: environment("h2"))
        #expect(notices.received.count == 1, "\(later.all)")
        let sent = try Self.query(
            database,
            password,
            "SELECT a.host, a.outcome FROM attempts a JOIN deliveries d ON d.id = a.delivery_id "
                + "WHERE d.announcement_id LIKE 'loa-notify-%'"
        )
        #expect(sent == [["h2", "sent"]], "\(sent)")
    }

    @Test("three hosts run loa engagement at once: each post read once per slot, one snapshot per metric and slot")
    func engagementOncePerSlot() throws {
        let (database, password) = try PostgresServer.freshDatabase()
        // Reads answer after 200 ms, so that the three hosts' runs overlap.
        let bridge = try TestBridge { request, count in
            request.method == "POST"
                ? .ok(id: "p\(count)")
                : .delay(0.2, .respond(status: 200, body: #"{"reactions": 12, "views": 480}"#))
        }
        let channels = (1...10).map {
            DeliveryWorkspace.webhook(
                "fb-\($0)",
                url: bridge.url("/fb-\($0)"),
                extra: ["stats_url: \(bridge.url("/stats/{remote_id}"))"]
            )
        }
        let workspace = try PostgresArchiveEndToEndTests.workspace(
            channels: channels.joined(separator: "\n"),
            database: database
        )
        for index in 1...3 { try workspace.announce("tin-\(index)", "publish_at: 01/12/2026 08:00") }
        let run = try workspace.loa(
            ["run", "--now", Date.vietnam(9)],
            environment: ["LOA_TEST_PG_PASSWORD": password, "LOA_HOST": "h1"]
        )
        #expect(run.status == 0 && bridge.received.count == 30, "\(run.all)")
        func engagement(at now: String) throws {
            let processes = try ["h1", "h2", "h3"].map { host in
                try Self.start(workspace, host: host, now: now, password: password, command: "engagement")
            }
            for process in processes { process.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        }
        // Two slots an hour apart (hourly while fresh): 30 posts read in each, once.
        try engagement(at: Date.vietnam(9, 30))
        try engagement(at: Date.vietnam(10, 31))
        let reads = bridge.received.filter { $0.method == "GET" }
        #expect(reads.count == 60, "\(reads.count) reads")
        #expect(Dictionary(grouping: reads, by: \.path).values.allSatisfy { $0.count == 2 })
        let snapshots = try Self.query(
            database,
            password,
            "SELECT count(*)::text, count(DISTINCT (delivery_id, metric, taken_at))::text FROM engagement_snapshots"
        )
        #expect(snapshots == [["120", "120"]], "\(snapshots)")
    }
}
