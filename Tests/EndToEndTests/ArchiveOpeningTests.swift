import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// How commands open the archive: read-only commands never write it, and a file that is not a Loa archive is
/// never taken for a new one.
@Suite("the archive: read-only commands, foreign files, new archives")
struct ArchiveOpeningTests {
    /// A Unix account that may read the workspace but not write it, made once for these tests (they run as root
    /// in CI). Nil when the tests do not run as root.
    static let reader: String? = {
        guard getuid() == 0 else { return nil }
        let name = "loa-reader"
        if getpwnam(name) == nil {
            let add = Process()
            add.executableURL = URL(fileURLWithPath: "/usr/sbin/useradd")
            add.arguments = ["--no-create-home", "--shell", "/usr/sbin/nologin", name]
            try? add.run()
            add.waitUntilExit()
        }
        return getpwnam(name) == nil ? nil : name
    }()

    /// A copy of the built `loa` that any account may run: the build folder may sit where only root can enter
    /// (a clone under /root).
    static let sharedBinary: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loa-bin-\(UUID().uuidString)")
        let copy = folder.appendingPathComponent("loa")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? FileManager.default.copyItem(at: LoaProcess.binary, to: copy)
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
        return copy
    }()

    /// Runs `loa` as `account` with `runuser`, in the workspace.
    static func loa(as account: String, _ arguments: [String], in workspace: DeliveryWorkspace) throws
        -> LoaProcess.Output
    {
        var environment = DeliveryWorkspace.environment
        environment["HOME"] = "/tmp"
        return try LoaProcess.run(
            ["-u", account, "--", sharedBinary.path] + arguments,
            in: workspace.root,
            environment: environment,
            executable: URL(fileURLWithPath: "/usr/sbin/runuser")
        )
    }

    @Test(
        "an account that can read but not write the workspace runs status, export, check and preview",
        .enabled(if: getuid() == 0, "needs root to make a second Unix account")
    )
    func readOnlyAccount() throws {
        let account = try #require(Self.reader, "useradd failed")
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("doc-quyen", "publish_at: 01/12/2026 08:00")
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 0, "\(run.all)")
        let archive = workspace.root.appendingPathComponent("archive")
        let before = try FileManager.default.contentsOfDirectory(atPath: archive.path).sorted()
        let hash = try Data(contentsOf: archive.appendingPathComponent("loa.sqlite"))
        // Twice: with the log files a run leaves beside the archive, and without them (a cleanly closed archive,
        // whose folder this account cannot write the log's index into).
        for round in 0..<2 {
            if round == 1 {
                for suffix in ["-wal", "-shm"] {
                    try? FileManager.default.removeItem(
                        atPath: archive.appendingPathComponent("loa.sqlite").path + suffix
                    )
                }
            }
            let status = try Self.loa(as: account, ["status"], in: workspace)
            #expect(status.status == 0, "round \(round): \(status.all)")
            #expect(status.standardOutput.contains("doc-quyen"))
            #expect(status.standardOutput.contains("sent"))
            #expect(!status.all.contains("readonly") && !status.all.contains("grdb"))
            let export = try Self.loa(
                as: account,
                ["export", "--format", "csv", "--output", "/tmp/loa-reader-\(UUID().uuidString).csv"],
                in: workspace
            )
            #expect(export.status == 0, "round \(round): \(export.all)")
            let check = try Self.loa(as: account, ["check"], in: workspace)
            #expect(check.status == 0, "round \(round): \(check.all)")
            let preview = try Self.loa(as: account, ["preview", "doc-quyen"], in: workspace)
            #expect(preview.status == 0, "round \(round): \(preview.all)")
        }
        #expect(try Data(contentsOf: archive.appendingPathComponent("loa.sqlite")) == hash, "nothing was written")
        let after = try FileManager.default.contentsOfDirectory(atPath: archive.path).sorted()
        #expect(Set(after).isSubset(of: Set(before)))
    }

    @Test("a zero-byte archive, a foreign SQLite file, or a file that is no database: exit 2, nothing sent")
    func foreignArchives() throws {
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("tin", "publish_at: 01/12/2026 08:00")
        try FileManager.default.createDirectory(
            at: workspace.root.appendingPathComponent("archive"),
            withIntermediateDirectories: true
        )
        // Zero bytes.
        FileManager.default.createFile(atPath: workspace.archivePath, contents: Data())
        for command in [["run", "--now", Date.vietnam(9)], ["status"], ["export", "--format", "jsonl"]] {
            let output = try workspace.loa(command)
            #expect(output.status == 2, "\(command): \(output.all)")
            #expect(
                output.standardError.contains("the archive 'archive/loa.sqlite' is empty (0 bytes)"),
                "\(output.all)"
            )
        }
        // Another program's database.
        try FileManager.default.removeItem(atPath: workspace.archivePath)
        try DatabaseQueue(path: workspace.archivePath).write {
            try $0.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Lan')")
        }
        let foreign = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(foreign.status == 2)
        #expect(foreign.standardError.contains("is an SQLite database without Loa's tables"), "\(foreign.all)")
        // Not a database at all.
        try FileManager.default.removeItem(atPath: workspace.archivePath)
        try Data(String(repeating: "Đoàn phường An Hòa\n", count: 400).utf8).write(
            to: URL(fileURLWithPath: workspace.archivePath)
        )
        let garbage = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(garbage.status == 2)
        #expect(garbage.standardError.contains("is not an SQLite database"), "\(garbage.all)")
        #expect(!garbage.all.contains("SQLite error"))
        #expect(bridge.received.isEmpty)
    }

    @Test("a new archive holds posts long past their time until --catch-up; fresh posts go out as before")
    func newArchiveCatchUp() throws {
        let bridge = try TestBridge { _, count in .ok(id: "\(count)") }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("tin-cu", "publish_at: 01/12/2026 06:00")
        try workspace.announce("tin-moi", "publish_at: 01/12/2026 08:30")
        // An operator command before the first run creates the archive; the first run still counts as first.
        _ = try workspace.loa("cancel", "chua-co")
        #expect(FileManager.default.fileExists(atPath: workspace.archivePath))
        let first = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(first.status == 0, "held posts are a person's decision, not a failure: \(first.all)")
        #expect(try workspace.statuses() == ["tin-cu": "held", "tin-moi": "sent"])
        #expect(first.standardOutput.contains("held        tin-cu → fb: this archive is new"), "\(first.all)")
        #expect(first.standardOutput.contains("`loa run --catch-up`"))
        #expect(bridge.received.count == 1)
        // Printed once: the next minute says nothing.
        let second = try workspace.loa("run", "--now", Date.vietnam(9, 1))
        #expect(second.all.isEmpty, "\(second.all)")
        #expect(bridge.received.count == 1)
        let caught = try workspace.loa("run", "--catch-up", "--now", Date.vietnam(9, 2))
        #expect(caught.status == 0, "\(caught.all)")
        #expect(try workspace.statuses() == ["tin-cu": "sent", "tin-moi": "sent"])
        #expect(bridge.received.count == 2)
        // A file added later to the same archive is not held: only a new archive holds.
        try workspace.announce("bo-sung", "publish_at: 01/12/2026 07:00")
        _ = try workspace.loa("run", "--now", Date.vietnam(9, 3))
        #expect(try workspace.statuses()["bo-sung"] == "sent")
    }

    @Test("an archive deleted while a run works: the run says so and exits 1")
    func deletedDuringRun() throws {
        let release = Flag()
        let bridge = try TestBridge { _, count in
            while !release.isSet { usleep(10_000) }
            return .ok(id: "\(count)")
        }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("xoa", "publish_at: 01/12/2026 08:00")
        let run = try BackgroundLoa(["run", "--now", Date.vietnam(9)], in: workspace)
        let deadline = Date().addingTimeInterval(20)
        while bridge.received.isEmpty && Date() < deadline { usleep(10_000) }
        try FileManager.default.removeItem(at: workspace.root.appendingPathComponent("archive"))
        release.set()
        let result = run.wait()
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("the archive was deleted or replaced while this run worked"))
    }
}
