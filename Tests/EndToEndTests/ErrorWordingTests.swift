import Foundation
import GRDB
import Testing

/// Errors said in words that name the file and what happened: never an SQLite code, a Foundation error domain, or
/// a misleading cause.
@Suite("error wording")
struct ErrorWordingTests {
    static let outbox = "  zalo-phuong:\n    platform: zalo\n    transport: outbox"

    static func expectNoRawError(_ output: LoaProcess.Output, sourceLocation: SourceLocation = #_sourceLocation) {
        for raw in ["SQLite error", "Error Domain", "NSCocoaErrorDomain", "Out of memory"] {
            #expect(!output.all.contains(raw), "\(output.all)", sourceLocation: sourceLocation)
        }
    }

    @Test("a file that is not an SQLite database in the archive's place is named and said to be no Loa archive")
    func foreignArchive() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("tin-1")
        try workspace.write(
            "archive/loa.sqlite",
            String(repeating: "Đây không phải là cơ sở dữ liệu của Loa.\n", count: 200)
        )
        let message = "the archive 'archive/loa.sqlite' is not a Loa archive"
        for arguments in [["status"], ["run", "--now", Date.vietnam(9)], ["export", "--format", "csv"]] {
            let output = try LoaProcess.run(arguments, in: workspace.root, environment: DeliveryWorkspace.environment)
            #expect(output.status != 0, "\(arguments)")
            #expect(output.standardError.contains(message), "\(arguments): \(output.all)")
            Self.expectNoRawError(output)
        }
    }

    @Test("an archive another program holds locked is named and said to be locked")
    func lockedArchive() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("tin-1")
        #expect(try workspace.loa("run", "--now", Date.vietnam(9)).status == 0)
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        configuration.prepareDatabase { try $0.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") }
        let holder = try DatabaseQueue(path: workspace.archivePath, configuration: configuration)
        try holder.inDatabase { try $0.execute(sql: "BEGIN EXCLUSIVE") }
        defer { try? holder.inDatabase { try $0.execute(sql: "ROLLBACK") } }
        let output = try workspace.loa("status")
        #expect(output.status != 0)
        #expect(
            output.standardError.contains("the archive 'archive/loa.sqlite' is locked by another program"),
            "\(output.all)"
        )
        Self.expectNoRawError(output)
    }

    @Test("an archive that cannot grow (file size limit, as a full disk) is named, with what happened")
    func archiveCannotBeWritten() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("tin-1")
        let output = try LoaProcess.run(
            [
                "-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\"", LoaProcess.binary.path, "run", "--now",
                Date.vietnam(9),
            ],
            in: workspace.root,
            environment: DeliveryWorkspace.environment,
            executable: URL(fileURLWithPath: "/bin/sh")
        )
        #expect(output.status != 0)
        #expect(output.standardError.contains("the archive 'archive/loa.sqlite' "), "\(output.all)")
        #expect(
            output.standardError.contains("the disk is full")
                || output.standardError.contains("could not be read or written"),
            "\(output.all)"
        )
        Self.expectNoRawError(output)
    }

    @Test("a folder where a template or the credentials file should be is said to be a folder, not 'not UTF-8'")
    func foldersInPlaceOfFiles() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("tin-1")
        try FileManager.default.removeItem(at: workspace.root.appendingPathComponent("templates/zalo.mustache"))
        for folder in ["templates/zalo.mustache", "credentials"] {
            try FileManager.default.createDirectory(
                at: workspace.root.appendingPathComponent(folder),
                withIntermediateDirectories: true
            )
        }
        let check = try workspace.loa("check")
        #expect(check.status == 2)
        for file in ["templates/zalo.mustache", "credentials"] {
            #expect(
                check.standardOutput.contains("\(file): error: cannot be read: it is a folder, not a file"),
                "\(check.all)"
            )
        }
        #expect(!check.all.contains("UTF-8"), "\(check.all)")
        Self.expectNoRawError(check)
    }

    @Test("an answer whose headers are too large is said to be so, with the limit, not 'Out of memory'")
    func hugeAnswerHeaders() throws {
        let bridge = try TestBridge { _, _ in
            .respond(
                status: 200,
                headers: ["Content-Type": "application/json", "X-Qua-Lon": String(repeating: "a", count: 2_000_000)],
                body: #"{"id":"1"}"#
            )
        }
        defer { bridge.stop() }
        let workspace = try DeliveryWorkspace(channels: DeliveryWorkspace.webhook("fb", url: bridge.url()))
        try workspace.announce("tin-1")
        let run = try workspace.loa("run", "--now", Date.vietnam(9), "--verbose")
        Self.expectNoRawError(run)
        let message: String? = try workspace.rows("SELECT error_message FROM attempts").first?["error_message"]
        let text = try #require(message)
        #expect(text.contains("the answer's headers were too large"), "\(text)")
        #expect(text.contains("100 KiB"), "\(text)")
        #expect(!text.contains("Out of memory"), "\(text)")
        #expect(run.standardOutput.contains("headers were too large"), "\(run.all)")
    }
}
