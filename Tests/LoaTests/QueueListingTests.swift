import Foundation
import Testing

@testable import Loa

@Suite("The queue's listing")
struct QueueListingTests {
    @Test("the fingerprint ignores the folder's order and changes with any name, size or modification time")
    func fingerprint() throws {
        let workspace = try TemporaryWorkspace()
        for name in ["b-tin.md", "a-mô-hình.md", "c-chính-sách.md"] {
            _ = try workspace.write("queue/\(name)", "---\ntitle: \(name)\n---\nNội dung.\n")
        }
        _ = try workspace.write("queue/.an.md", "hidden")
        _ = try workspace.write("queue/ghi-chu.txt", "not a queue file")
        let folder = workspace.url("queue").path
        let first = try Queue.Listing(directory: folder)
        #expect(first.count == 3)
        #expect(first.sortedFiles().map(\.name) == ["a-mô-hình.md", "b-tin.md", "c-chính-sách.md"])
        #expect(
            first.files(named: ["c-chính-sách.md", "a-mô-hình.md"]).map(\.name) == ["a-mô-hình.md", "c-chính-sách.md"]
        )
        let unchanged = try Queue.Listing(directory: folder).fingerprint
        #expect(unchanged == first.fingerprint)

        // A new modification time, the same size.
        let file = workspace.url("queue/b-tin.md").path
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_796_086_800)],
            ofItemAtPath: file
        )
        let touched = try Queue.Listing(directory: folder).fingerprint
        #expect(touched != unchanged)
        // Another size.
        _ = try workspace.write("queue/b-tin.md", "---\ntitle: b\n---\nNội dung dài hơn.\n")
        let grown = try Queue.Listing(directory: folder).fingerprint
        #expect(grown != touched)
        // A rename.
        try FileManager.default.moveItem(atPath: file, toPath: workspace.url("queue/d-tin.md").path)
        let renamed = try Queue.Listing(directory: folder).fingerprint
        #expect(renamed != grown)
        // Gone.
        try FileManager.default.removeItem(atPath: workspace.url("queue/d-tin.md").path)
        #expect(try Queue.Listing(directory: folder).count == 2)
        #expect(try Queue.Listing(directory: folder).fingerprint != renamed)
    }
}
