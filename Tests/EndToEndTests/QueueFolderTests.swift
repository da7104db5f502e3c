import Foundation
import Testing

/// The queue folder and the odd things it can hold, through `loa run` and `loa check`.
@Suite("queue folder")
struct QueueFolderTests {
    static let outbox = "  zalo-phuong:\n    platform: zalo\n    transport: outbox"

    @Test("a missing queue folder, or a file in its place: run and check both exit 2 with the same clear message")
    func missingOrNotAFolder() throws {
        let cases: [(String, (DeliveryWorkspace) throws -> Void)] = [
            (
                "queue: error: the queue folder does not exist",
                { try FileManager.default.removeItem(at: $0.root.appendingPathComponent("queue")) }
            ),
            (
                "queue: error: the queue folder is not a folder (it is a file)",
                { workspace in
                    try FileManager.default.removeItem(at: workspace.root.appendingPathComponent("queue"))
                    try workspace.write("queue", "not a folder\n")
                }
            ),
        ]
        for (message, prepare) in cases {
            let workspace = try DeliveryWorkspace(channels: Self.outbox)
            try prepare(workspace)
            let run = try workspace.loa("run", "--now", Date.vietnam(9))
            #expect(run.status == 2, "\(run.all)")
            #expect(run.standardError.contains(message), "\(run.all)")
            let check = try workspace.loa("check")
            #expect(check.status == 2, "\(check.all)")
            #expect(check.standardOutput.contains(message), "\(check.all)")
            for output in [run, check] {
                #expect(!output.all.contains("NSCocoaErrorDomain") && !output.all.contains("Error Domain"))
            }
        }
    }

    @Test("dangling links, link loops and folders named *.md are reported: once per change by run, always by check")
    func unreadableEntries() throws {
        let workspace = try DeliveryWorkspace(channels: Self.outbox)
        try workspace.announce("tin-tot")
        let queue = workspace.root.appendingPathComponent("queue")
        try FileManager.default.createSymbolicLink(
            atPath: queue.appendingPathComponent("mat.md").path,
            withDestinationPath: "da-xoa.md"
        )
        try FileManager.default.createSymbolicLink(
            atPath: queue.appendingPathComponent("vong.md").path,
            withDestinationPath: "vong.md"
        )
        try FileManager.default.createDirectory(
            at: queue.appendingPathComponent("thu-muc.md"),
            withIntermediateDirectories: false
        )
        let expected = [
            "queue/mat.md: error: cannot be read: it is a symbolic link to 'da-xoa.md', which does not exist",
            "queue/thu-muc.md: error: cannot be read: it is a folder, not a file",
            "queue/vong.md: error: cannot be read: it is a symbolic link that leads back to itself",
        ]
        let first = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(first.status == 1, "\(first.all)")
        for line in expected { #expect(first.standardError.contains(line), "\(first.all)") }
        #expect(try workspace.statuses()["tin-tot"] == "awaiting_confirmation", "the good file is still posted")
        let second = try workspace.loa("run", "--now", Date.vietnam(9, 1))
        #expect(second.status == 0, "\(second.all)")
        #expect(!second.all.contains("cannot be read"), "\(second.all)")
        for _ in 0..<2 {
            let check = try workspace.loa("check")
            #expect(check.status == 1, "\(check.all)")
            for line in expected { #expect(check.standardOutput.contains(line), "\(check.all)") }
        }
        // A change to one of them (the link now leads somewhere else that is missing) is reported again.
        try FileManager.default.removeItem(at: queue.appendingPathComponent("mat.md"))
        try FileManager.default.createSymbolicLink(
            atPath: queue.appendingPathComponent("mat.md").path,
            withDestinationPath: "van-mat.md"
        )
        let third = try workspace.loa("run", "--now", Date.vietnam(9, 2))
        #expect(third.status == 1, "\(third.all)")
        #expect(third.standardError.contains("symbolic link to 'van-mat.md', which does not exist"), "\(third.all)")
        #expect(!third.standardError.contains("thu-muc.md"), "\(third.all)")
    }
}
