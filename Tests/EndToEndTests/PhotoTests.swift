import Foundation
import Testing

/// Photos through every path: `loa check` and `loa run` hold them to the platforms' limits, bridges get them in the
/// payload, outbox posts get them beside the text.
@Suite("Photos, end to end")
struct PhotoTests {
    @Test("a text file named .jpg: loa check names file, line and image (exit 1); loa run reports it once")
    func textNamedJPEG() throws {
        let workspace = try DeliveryWorkspace(channels: "  fb-nhom:\n    platform: facebook\n    transport: outbox")
        try workspace.write("queue/images/tu-sach.jpg", data: TestImages.png)
        try workspace.write("queue/images/ghi-chu.jpg", "Đây là ghi chú, không phải ảnh.\n")
        try workspace.announce("tu-sach", "publish_at: 01/12/2026 08:00\nimages:\n  - images/tu-sach.jpg")
        try workspace.announce("ghi-chu", "publish_at: 01/12/2026 08:00\nimages:\n  - images/ghi-chu.jpg")
        let check = try workspace.loa("check")
        #expect(check.status == 1, "\(check.all)")
        #expect(
            check.all.contains(
                "queue/ghi-chu.md:9: error: images[0]: 'images/ghi-chu.jpg' is not a JPEG, PNG, GIF or WebP image"
            ),
            "\(check.all)"
        )
        #expect(!check.all.contains("tu-sach.md"), "a PNG named .jpg is an image")
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 1)
        #expect(run.standardError.contains("queue/ghi-chu.md:9: error: images[0]"), "\(run.all)")
        #expect(try workspace.statuses() == ["tu-sach": "awaiting_confirmation"])
        let again = try workspace.loa("run", "--now", Date.vietnam(9, 1))
        #expect(again.status == 0)
        #expect(again.all.isEmpty, "a rejected file is reported in the run that first sees it")
    }
}
