import Foundation
import Testing

@testable import Loa

@Suite("Photos in a run, with a fake bridge")
struct PhotoDeliveryTests {
    /// A workspace with an outbox channel and a webhook channel, and one announcement with a photo for both.
    static func workspace() throws -> (TemporaryWorkspace, Workspace) {
        let workspace = try TemporaryWorkspace()
        try workspace.writeConfig(
            extraChannels:
                "  bridge:\n    platform: facebook\n    transport: webhook\n    url: https://bridge.example/h\n"
                + "    secret: whsec_YWJjZGVmZ2hpams=",
            settings: "archive: archive/loa.sqlite"
        )
        try workspace.write("queue/images/tu-sach.jpg", data: TestImages.jpeg)
        try workspace.write(
            "queue/tin.md",
            "---\ntitle: Tủ sách\ncategory: activity-news\nunit: Đoàn\nchannels: [fb-thanhdoan, bridge]\n"
                + "images: [images/tu-sach.jpg]\n---\nNội dung.\n"
        )
        try workspace.write(
            "queue/khac.md",
            "---\ntitle: Tin khác\ncategory: activity-news\nunit: Đoàn\nchannels: [bridge]\n---\nNội dung.\n"
        )
        let (opened, diagnostics) = Workspace.open(configFile: workspace.url("loa.yml"), environment: [:])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return (workspace, try #require(opened))
    }

    @Test("a photo gone after the queue was read holds back its own post (retried, io), not the others")
    func photoGoneBeforeSending() throws {
        let (workspace, opened) = try Self.workspace()
        final class Sent: @unchecked Sendable { var bodies: [Data] = [] }
        let sent = Sent()
        var run = DeliveryRun(
            workspace: opened,
            exchange: FakeExchange(status: 200) { sent.bodies.append($0.body) },
            now: Date()
        )
        let photo = workspace.url("queue/images/tu-sach.jpg")
        // Outbox posts are written before bridge requests are built: the photo goes between the two.
        run.onEvent = { event in
            if event.kind == .written { try? FileManager.default.removeItem(at: photo) }
        }
        let report = try run.perform()
        #expect(report.count(.written) == 1)
        #expect(report.count(.sent) == 1)
        #expect(sent.bodies.count == 1)
        let retried = try #require(report.events.first { $0.kind == .retrying })
        #expect(retried.announcement == "tin")
        #expect(retried.detail == "cannot read the image 'images/tu-sach.jpg': it does not exist")
        let archive = try SQLiteArchive(path: workspace.url("archive/loa.sqlite").path)
        let delivery = try #require(try archive.deliveries(announcement: "tin").first { $0.channel == "bridge" })
        #expect(delivery.status == .retrying)
        let attempt = try #require(try archive.attempts(of: delivery.id).first)
        #expect(attempt.outcome == .retry)
        #expect(attempt.errorClass == "io")
    }

    @Test("the outbox folder holds text.txt and the photos in order, byte for byte")
    func outboxFolder() throws {
        let (workspace, opened) = try Self.workspace()
        let report = try DeliveryRun(workspace: opened, exchange: FakeExchange(status: 200) { _ in }, now: Date())
            .perform()
        let written = try #require(report.events.first { $0.kind == .written })
        let posts = try FileManager.default.contentsOfDirectory(atPath: workspace.url("outbox/fb-thanhdoan").path)
        #expect(posts.count == 1)
        let post = try #require(posts.first)
        #expect(post.hasSuffix("-tin") && post.count == "yyyy-MM-dd-tin".count)
        #expect(written.detail.contains("outbox/fb-thanhdoan/\(post)/"))
        let root = workspace.url("outbox/fb-thanhdoan/\(post)")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(files == ["1-tu-sach.jpg", "text.txt"])
        #expect(try Data(contentsOf: root.appendingPathComponent("1-tu-sach.jpg")) == TestImages.jpeg)
        #expect(written.detail.contains("(text.txt and 1 photo), then run `loa confirm tin"))
    }

    @Test("an id that starts with the post's day does not get the day twice")
    func folderNames() {
        #expect(OutboxWriter.folderName(day: "2026-12-01", id: "2026-12-01-tin") == "2026-12-01-tin")
        #expect(OutboxWriter.folderName(day: "2026-12-01", id: "2026-12-01") == "2026-12-01")
        #expect(OutboxWriter.folderName(day: "2026-12-01", id: "tin") == "2026-12-01-tin")
        #expect(OutboxWriter.folderName(day: "2026-12-05", id: "2026-12-01-tin") == "2026-12-05-2026-12-01-tin")
        #expect(OutboxWriter.folderName(day: "2026-12-01", id: "2026-12-012") == "2026-12-01-2026-12-012")
    }
}
