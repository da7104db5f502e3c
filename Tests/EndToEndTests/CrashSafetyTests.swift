import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `kill -9` at any instant, and runs that overlap: nothing lost, nothing posted under two ids, nothing twice.
@Suite("loa run: crashes and overlapping runs")
struct CrashSafetyTests {
    @Test("kill -9 in the middle of a run, then another run: each delivery received, under one id, never after success")
    func killMidRun() throws {
        let slow = try TestBridge { _, count in .delay(0.3, .ok(id: "s\(count)")) }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb", url: slow.url(), extra: ["concurrency: 2"])
        )
        let count = 16
        for index in 1...count { try workspace.announce("tin-\(index)") }
        // Start a run and kill it while requests are in flight.
        let process = Process()
        process.executableURL = LoaProcess.binary
        process.arguments = ["run", "--now", Date.vietnam(9)]
        process.currentDirectoryURL = workspace.root
        process.environment = ProcessInfo.processInfo.environment.merging(DeliveryWorkspace.environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while slow.received.count < 5 && Date() < deadline { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let beforeCrash = slow.received
        #expect(beforeCrash.count >= 5 && beforeCrash.count < count, "killed mid-run")
        slow.stop()
        // The next run, against a healthy bridge at the same address family.
        let fast = try TestBridge { _, index in .ok(id: "f\(index)") }
        try workspace.write(
            "loa.yml",
            "timezone: Asia/Ho_Chi_Minh\nchannels:\n"
                + DeliveryWorkspace.webhook("fb", url: fast.url(), extra: ["concurrency: 2"])
        )
        let second = try workspace.loa("run", "--now", Date.vietnam(9, 1))
        #expect(second.status == 0, "\(second.all)")
        let statuses = try workspace.statuses()
        #expect(statuses.count == count)
        #expect(statuses.values.allSatisfy { $0 == "sent" })
        // Every delivery reached a bridge at least once, each announcement under a single id.
        var idsByAnnouncement: [String: Set<String>] = [:]
        for request in beforeCrash + fast.received {
            let data = request.json?["data"] as? [String: Any]
            let announcement = try #require(data?["announcement_id"] as? String)
            idsByAnnouncement[announcement, default: []].insert(try #require(request.headers["webhook-id"]))
        }
        #expect(idsByAnnouncement.count == count)
        #expect(idsByAnnouncement.values.allSatisfy { $0.count == 1 })
        // Interrupted attempts are marked as such; none is left 'started'.
        let started =
            try workspace.rows("SELECT count(*) AS n FROM attempts WHERE outcome = 'started'").first?["n"] as Int?
        #expect(started == 0)
        // Requests in flight at the kill were journaled before they left: the next run recorded them as interrupted
        // and left no journal behind.
        let interrupted =
            try workspace.rows("SELECT count(*) AS n FROM attempts WHERE outcome = 'interrupted'").first?["n"] as Int?
        #expect((interrupted ?? 0) >= 1)
        let journal = try workspace.rows("SELECT count(*) AS n FROM run_starts").first?["n"] as Int?
        #expect(journal == 0)
        // Nothing is sent again after success.
        let received = fast.received.count
        let third = try workspace.loa("run", "--now", Date.vietnam(9, 2))
        #expect(third.status == 0)
        #expect(fast.received.count == received)
    }

    @Test("two runs started together: each delivery is received once")
    func overlappingRuns() throws {
        let bridge = try TestBridge { _, count in .delay(0.05, .ok(id: "\(count)")) }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb", url: bridge.url(), extra: ["concurrency: 2"])
        )
        for index in 1...12 { try workspace.announce("tin-\(index)") }
        let outputs = try (0..<2).map { _ -> Process in
            let process = Process()
            process.executableURL = LoaProcess.binary
            process.arguments = ["run", "--now", Date.vietnam(9), "--verbose"]
            process.currentDirectoryURL = workspace.root
            process.environment = ProcessInfo.processInfo.environment.merging(DeliveryWorkspace.environment) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in outputs { process.waitUntilExit() }
        #expect(outputs.allSatisfy { $0.terminationStatus == 0 })
        // A run may start after the first finished; either way nothing is posted twice.
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        let ids = bridge.received.compactMap { $0.headers["webhook-id"] }
        #expect(ids.count == 12)
        #expect(Set(ids).count == 12)
        #expect(try workspace.statuses().values.allSatisfy { $0 == "sent" })
    }

    @Test("a run that finds the lock held exits 0 at once, and says so only with --verbose")
    func lockHeld() throws {
        let workspace = try DeliveryWorkspace(channels: "  z:\n    platform: zalo\n    transport: outbox")
        try FileManager.default.createDirectory(
            at: workspace.root.appendingPathComponent("archive"),
            withIntermediateDirectories: true
        )
        let path = workspace.root.appendingPathComponent("archive/loa.sqlite.lock").path
        let descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX) == 0)
        let quiet = try workspace.loa("run")
        #expect(quiet.status == 0)
        #expect(quiet.all.isEmpty)
        let verbose = try workspace.loa("run", "--verbose")
        #expect(verbose.status == 0)
        #expect(verbose.standardOutput.contains("another loa run is working"))
    }
}
