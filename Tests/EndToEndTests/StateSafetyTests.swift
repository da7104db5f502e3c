import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Double posts and lost decisions at the edges of a delivery's life: ids, cancels, renames, new archives.
@Suite("loa run: no post doubled, no decision lost")
struct StateSafetyTests {
    @Test("two files with one id: neither is posted, by run as by check; once renamed, both go out")
    func duplicateIDs() throws {
        let workspace = try DeliveryWorkspace(
            channels: """
                  zalo-nhom:
                    platform: zalo
                    transport: outbox
                  fb-nhom:
                    platform: facebook
                    transport: outbox
                """
        )
        try workspace.announce("a", "id: trung-id\npublish_at: 01/12/2026 08:00", body: "Nội dung của tệp a.")
        try workspace.announce("b", "id: trung-id\npublish_at: 01/12/2026 08:00", body: "Nội dung của tệp b.")
        let check = try workspace.loa("check")
        #expect(check.status != 0)
        #expect(check.all.contains("'trung-id' is already the id of queue/a.md"))
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 1, "a rejected file makes the run exit 1: \(run.all)")
        #expect(run.all.contains("queue/b.md:1: error: id: 'trung-id' is already the id of queue/a.md"))
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("outbox").path))
        // Cron's next minutes: the same files, nothing posted, nothing said again.
        let again = try workspace.loa("run", "--now", Date.vietnam(9, 1))
        #expect(again.status == 0 && again.all.isEmpty, "\(again.all)")
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("outbox").path))
        // One of them renamed: both go out, each with its own text.
        try workspace.announce("b", "id: trung-id-2\npublish_at: 01/12/2026 08:00", body: "Nội dung của tệp b.")
        let fixed = try workspace.loa("run", "--now", Date.vietnam(9, 2))
        #expect(fixed.status == 0, "\(fixed.all)")
        for channel in ["zalo-nhom", "fb-nhom"] {
            let a = try String(
                contentsOf: workspace.root.appendingPathComponent("outbox/\(channel)/2026-12-01-trung-id/text.txt"),
                encoding: .utf8
            )
            let b = try String(
                contentsOf: workspace.root.appendingPathComponent("outbox/\(channel)/2026-12-01-trung-id-2/text.txt"),
                encoding: .utf8
            )
            #expect(a.contains("Nội dung của tệp a.") && !a.contains("tệp b"))
            #expect(b.contains("Nội dung của tệp b.") && !b.contains("tệp a"))
        }
    }

    @Test("a cancel during a run survives the retryable answer to the request in flight")
    func cancelDuringRun() throws {
        let release = Flag()
        let bridge = try TestBridge { _, count in
            guard count == 0 else { return .ok(id: "late-\(count)") }
            while !release.isSet { usleep(10_000) }
            return .respond(status: 503, body: "busy")
        }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("huy", "publish_at: 01/12/2026 08:00")
        let run = try BackgroundLoa(["run", "--now", Date.vietnam(9)], in: workspace)
        let deadline = Date().addingTimeInterval(20)
        while bridge.received.isEmpty && Date() < deadline { usleep(10_000) }
        #expect(bridge.received.count == 1)
        let cancel = try workspace.loa("cancel", "huy")
        #expect(cancel.status == 0, "\(cancel.all)")
        #expect(cancel.standardOutput.contains("cancelled huy → fb: now cancelled"))
        #expect(cancel.all.contains("a run is working now"), "the operator is told a request may be in flight")
        release.set()
        _ = run.wait()
        #expect(try workspace.statuses() == ["huy": "cancelled"])
        let attempts = try workspace.rows("SELECT outcome, http_status FROM attempts")
        #expect(attempts.count == 1 && attempts.first?["http_status"] == 503, "the attempt itself is recorded")
        // Later runs never send it.
        _ = try workspace.loa("run", "--now", Date.vietnam(10))
        _ = try workspace.loa("run", "--now", Date.vietnam(12))
        #expect(bridge.received.count == 1)
        #expect(try workspace.statuses() == ["huy": "cancelled"])
    }

    @Test("a cancel that comes after the request left, when the bridge accepts it: sent, with a note")
    func cancelTooLate() throws {
        let release = Flag()
        let bridge = try TestBridge { _, count in
            while !release.isSet { usleep(10_000) }
            return .ok(id: "p\(count)")
        }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("muon", "publish_at: 01/12/2026 08:00")
        let run = try BackgroundLoa(["run", "--now", Date.vietnam(9)], in: workspace)
        let deadline = Date().addingTimeInterval(20)
        while bridge.received.isEmpty && Date() < deadline { usleep(10_000) }
        _ = try workspace.loa("cancel", "muon")
        release.set()
        _ = run.wait()
        let row = try #require(try workspace.rows("SELECT status, note, remote_id FROM deliveries").first)
        #expect(row["status"] == "sent")
        #expect(row["remote_id"] == "p0")
        #expect((row["note"] as String?)?.contains("the cancel came after the request had left") == true)
    }

    @Test("held deliveries are printed once, also to cron; a copy with a new time is told apart from a rename")
    func heldPrintedOnce() throws {
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        let text = "Ra quân Chủ nhật xanh tại phường An Hòa."
        try workspace.announce("goc", "publish_at: 01/12/2026 08:00", body: text)
        _ = try workspace.loa("run", "--now", Date.vietnam(8, 30))
        #expect(bridge.received.count == 1)
        // The same file under a new name: a rename.
        try FileManager.default.moveItem(
            at: workspace.root.appendingPathComponent("queue/goc.md"),
            to: workspace.root.appendingPathComponent("queue/doi-ten.md")
        )
        let original = try String(
            contentsOf: workspace.root.appendingPathComponent("queue/doi-ten.md"),
            encoding: .utf8
        )
        // A copy with another publish time: maybe a repeat.
        try workspace.write(
            "queue/lap-lai.md",
            original.replacingOccurrences(of: "publish_at: 01/12/2026 08:00", with: "publish_at: 01/12/2026 08:40")
        )
        let run = try workspace.loa("run", "--now", Date.vietnam(8, 45))
        #expect(run.status == 0, "\(run.all)")
        #expect(
            run.standardOutput.contains("held        doi-ten → fb: the same content was already delivered as 'goc'")
        )
        #expect(
            run.standardOutput.contains(
                "held        lap-lai → fb: the same text was already delivered as 'goc', due at another time: if this "
                    + "copy is a repeat, `loa retry lap-lai` posts it"
            ),
            "\(run.all)"
        )
        let again = try workspace.loa("run", "--now", Date.vietnam(8, 46))
        #expect(again.all.isEmpty, "printed once: \(again.all)")
        #expect(bridge.received.count == 1)
        _ = try workspace.loa("retry", "lap-lai", "--now", Date.vietnam(8, 46))
        _ = try workspace.loa("run", "--now", Date.vietnam(8, 47))
        #expect(bridge.received.count == 2)
    }

    @Test("an announcement that cannot be rendered is reported once per change of its file, its status word whole")
    func unrenderableOnce() throws {
        let workspace = try DeliveryWorkspace(channels: "  zalo-nhom:\n    platform: zalo\n    transport: outbox")
        func write(_ body: String) throws {
            try workspace.write(
                "queue/dai.md",
                """
                ---
                title: Bản tin dài
                category: activity-news
                unit: Đoàn phường An Hòa
                publish_at: 01/12/2026 08:00
                ---
                \(body)
                """
            )
        }
        try write(String(repeating: "Đoàn viên phường An Hòa ra quân làm sạch bờ kè. ", count: 60))
        let first = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(first.status == 1)
        #expect(first.standardOutput.contains("unrenderable dai → zalo-nhom:"), "\(first.all)")
        for minute in 1...3 {
            let tick = try workspace.loa("run", "--now", Date.vietnam(9, minute))
            #expect(tick.status == 0 && tick.all.isEmpty, "minute \(minute): \(tick.all)")
        }
        // The file changed, still too long: said again, once.
        try write(String(repeating: "Đoàn viên phường An Hòa ra quân dọn vệ sinh bờ kè. ", count: 60))
        let changed = try workspace.loa("run", "--now", Date.vietnam(9, 5))
        #expect(changed.status == 1 && changed.standardOutput.contains("unrenderable dai"), "\(changed.all)")
        let quiet = try workspace.loa("run", "--now", Date.vietnam(9, 6))
        #expect(quiet.all.isEmpty, "\(quiet.all)")
    }

    @Test("tries count what reached the bridge; interrupted attempts are shown apart")
    func triesAndInterruptions() throws {
        let slow = try TestBridge { _, _ in .delay(30, .ok(id: "never")) }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: slow.url()))
        try workspace.announce("ngat", "publish_at: 01/12/2026 08:00")
        for minute in 0..<3 {
            let run = try BackgroundLoa(["run", "--now", Date.vietnam(9, minute)], in: workspace)
            let deadline = Date().addingTimeInterval(20)
            while slow.received.count <= minute && Date() < deadline { usleep(10_000) }
            kill(run.process.processIdentifier, SIGKILL)
            _ = run.wait()
        }
        #expect(slow.received.count == 3)
        slow.stop()
        let fast = try TestBridge { _, count in .ok(id: "f\(count)") }
        try workspace.write(
            "loa.yml",
            "timezone: Asia/Ho_Chi_Minh\nchannels:\n" + DeliveryWorkspace.webhook("fb", url: fast.url())
        )
        let done = try workspace.loa("run", "--now", Date.vietnam(9, 5))
        #expect(done.status == 0, "\(done.all)")
        #expect(try workspace.statuses() == ["ngat": "sent"])
        let status = try workspace.loa("status")
        #expect(status.standardOutput.contains("1 (+3 interrupted)"), "\(status.standardOutput)")
        let csv = try workspace.loa("export", "--format", "csv")
        let row = try #require(csv.standardOutput.split(separator: "\r\n").last)
        #expect(row.hasSuffix(",Đã đăng,https://bridge.test/p/f0,1"), "\(row)")
    }

    @Test("a channel renamed in loa.yml does not post again; loa channel rename moves its records")
    func channelRename() throws {
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("da-dang", "publish_at: 01/12/2026 08:00")
        try workspace.announce("cho-dang", "publish_at: 01/12/2026 10:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(bridge.received.count == 1)
        let firstID = try #require(bridge.received.first?.headers["webhook-id"])
        try workspace.write(
            "loa.yml",
            "timezone: Asia/Ho_Chi_Minh\nchannels:\n" + DeliveryWorkspace.webhook("fb-thanhdoan", url: bridge.url())
        )
        let renamed = try workspace.loa("run", "--now", Date.vietnam(9, 1))
        #expect(renamed.status == 0, "\(renamed.all)")
        #expect(
            renamed.standardOutput.contains(
                "held        da-dang → fb-thanhdoan: channel 'fb-thanhdoan' has the address of 'fb', which posted "
                    + "this already: if you renamed it, `loa channel rename fb fb-thanhdoan` moves its records"
            ),
            "\(renamed.all)"
        )
        #expect(bridge.received.count == 1, "nothing posted again under a new webhook-id")
        let move = try workspace.loa("channel", "rename", "fb", "fb-thanhdoan")
        #expect(move.status == 0, "\(move.all)")
        #expect(move.standardOutput.contains("moved 2 deliveries from 'fb' to 'fb-thanhdoan'"), "\(move.all)")
        let rows = try workspace.rows("SELECT announcement_id, channel, status, id FROM deliveries ORDER BY 1")
        #expect(rows.map { $0["channel"] as String } == ["fb-thanhdoan", "fb-thanhdoan"])
        #expect(rows.map { $0["status"] as String } == ["pending", "sent"])
        #expect(rows.last?["id"] == firstID, "the delivery keeps the id the bridge saw")
        _ = try workspace.loa("run", "--now", Date.vietnam(10))
        #expect(bridge.received.count == 2)
        #expect(try workspace.statuses() == ["da-dang": "sent", "cho-dang": "sent"])
        let refused = try workspace.loa("channel", "rename", "fb", "fb-thanhdoan")
        #expect(refused.status != 0)
    }
}

/// A flag one thread sets and another polls.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// `loa` started in the background, for tests that act while it runs.
final class BackgroundLoa {
    let process = Process()
    private let output = Pipe()

    init(_ arguments: [String], in workspace: DeliveryWorkspace, environment: [String: String] = [:]) throws {
        process.executableURL = LoaProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = workspace.root
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LOA_") }
            .merging(DeliveryWorkspace.environment) { $1 }.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits for it to end; returns its exit status and everything it printed.
    func wait() -> (status: Int32, output: String) {
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
