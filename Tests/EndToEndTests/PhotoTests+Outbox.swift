import Foundation
import Testing

/// Photos in outbox folders.
extension PhotoTests {
    @Test("outbox: the post's folder holds text.txt and the photos in order, byte for byte; a revision replaces it")
    func outboxFolder() throws {
        let workspace = try DeliveryWorkspace(channels: "  zalo-nhom:\n    platform: zalo\n    transport: outbox")
        try workspace.write("queue/images/tu-sach.jpg", data: Self.photo)
        try workspace.write("queue/images/ket-nap.jpg", data: TestImages.jpeg)
        try workspace.announce(
            "2026-12-01-tu-sach",
            "publish_at: 01/12/2026 08:00\nimages: [images/tu-sach.jpg, https://x.example/anh.jpg, images/ket-nap.jpg]"
        )
        let run = try workspace.loa("run", "--now", Date.vietnam(9), "--verbose")
        #expect(run.status == 0, "\(run.all)")
        #expect(
            run.standardOutput.contains(
                "2026-12-01-tu-sach → zalo-nhom: post it by hand from outbox/zalo-nhom/2026-12-01-tu-sach/ (text.txt and 2 photos)"
            ),
            "\(run.standardOutput)"
        )
        let folder = workspace.root.appendingPathComponent("outbox/zalo-nhom/2026-12-01-tu-sach")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["1-tu-sach.jpg", "3-ket-nap.jpg", "images.txt", "text.txt"])
        #expect(try Data(contentsOf: folder.appendingPathComponent("1-tu-sach.jpg")) == Self.photo)
        #expect(try Data(contentsOf: folder.appendingPathComponent("3-ket-nap.jpg")) == TestImages.jpeg)
        #expect(
            try String(contentsOf: folder.appendingPathComponent("images.txt"), encoding: .utf8)
                == "2: https://x.example/anh.jpg\n"
        )
        let text = try String(contentsOf: folder.appendingPathComponent("text.txt"), encoding: .utf8)
        #expect(text.hasPrefix("[Tin hoạt động] Tin hoạt động 2026-12-01-tu-sach\n"))
        let status = try workspace.loa("status")
        #expect(status.standardOutput.contains("post it by hand from outbox/zalo-nhom/2026-12-01-tu-sach/"))
        // A new revision with fewer photos replaces the folder: no photo of the old one lingers.
        try workspace.announce(
            "2026-12-01-tu-sach",
            "publish_at: 01/12/2026 08:00\nrevision: 2\nimages: [images/ket-nap.jpg]"
        )
        let second = try workspace.loa("run", "--now", Date.vietnam(9, 5))
        #expect(second.status == 0, "\(second.all)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["1-ket-nap.jpg", "text.txt"]
        )
    }
}
