import Foundation
import Testing

/// Photos as `loa preview` and `loa status` list them.
extension PhotoTests {
    @Test("loa preview and loa status list each variant's images, type read from the file, with their sizes")
    func listings() throws {
        let workspace = try DeliveryWorkspace(channels: "  zalo-nhom:\n    platform: zalo\n    transport: outbox")
        try workspace.write("queue/images/tu-sach.jpg", data: Self.photo)
        try workspace.write("queue/images/ket-nap.jpg", data: TestImages.jpeg)
        try workspace.announce(
            "2026-12-01-tu-sach",
            "publish_at: 01/12/2026 08:00\nimages: [images/tu-sach.jpg, https://x.example/anh.jpg, images/ket-nap.jpg]"
        )
        let preview = try workspace.loa("preview", "2026-12-01-tu-sach")
        #expect(preview.status == 0, "\(preview.all)")
        #expect(
            preview.standardOutput.contains(
                "🖼 1. images/tu-sach.jpg · image/png · \(Self.grouped(Self.photo.count)) bytes\n"
                    + "🖼 2. https://x.example/anh.jpg\n🖼 3. images/ket-nap.jpg · image/jpeg · 134 bytes\n"
            ),
            "\(preview.standardOutput)"
        )
        let previewJSON = try workspace.loa("preview", "2026-12-01-tu-sach", "--json")
        let variants = try #require(
            try JSONSerialization.jsonObject(with: Data(previewJSON.standardOutput.utf8)) as? [[String: Any]]
        )
        let listed = try #require(variants.first?["images"] as? [[String: Any]])
        #expect(
            listed.map { $0["image"] as? String }
                == ["images/tu-sach.jpg", "https://x.example/anh.jpg", "images/ket-nap.jpg"]
        )
        #expect(listed.first?["content_type"] as? String == "image/png")
        #expect(listed.first?["bytes"] as? Int == Self.photo.count)
        #expect(variants.first?["text"] is String, "the variant's own fields are all still there")
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 0, "\(run.all)")
        let status = try workspace.loa("status")
        let lines = status.standardOutput.split(separator: "\n")
        #expect(lines.first?.contains("WHEN") == true && lines.first?.contains("IMAGES") == true)
        #expect(
            lines.contains { $0.contains("2026-12-01-tu-sach") && $0.contains("tu-sach.jpg, anh.jpg, ket-nap.jpg") },
            "\(status.standardOutput)"
        )
        let statusJSON = try workspace.loa("status", "--json")
        let deliveries = try #require(
            try JSONSerialization.jsonObject(with: Data(statusJSON.standardOutput.utf8)) as? [[String: Any]]
        )
        let images = try #require(deliveries.first?["images"] as? [[String: Any]])
        #expect(images.map { $0["image"] as? String }.count == 3)
        #expect(deliveries.first?["status"] as? String == "awaiting_confirmation")
    }

    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        return digits.enumerated().map { offset, digit in
            (offset > 0 && (digits.count - offset) % 3 == 0 ? "," : "") + String(digit)
        }.joined()
    }
}
