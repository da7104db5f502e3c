import Crypto
import Foundation
import GRDB
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Photos through webhook bridges and `loa sink`.
extension PhotoTests {
    /// A photo 'tu-sach.jpg' that is really a PNG, and a few kilobytes so base64 has work to do.
    static let photo: Data = {
        var data = TestImages.png
        data.append(Data((0..<5000).map { UInt8(($0 * 31 + 7) % 256) }))
        return data
    }()

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    @Test("bridges get each photo inline with name, real type, size, sha256 and base64, or its media_base_url address")
    func webhookPayload() throws {
        let bridge = try TestBridge { _, count in .ok(id: "p\(count)") }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb-a", url: bridge.url("/a")) + "\n"
                + DeliveryWorkspace.webhook("fb-b", url: bridge.url("/b")) + "\n"
                + DeliveryWorkspace.webhook(
                    "fb-media",
                    url: bridge.url("/media"),
                    extra: ["media_base_url: https://media.example.org/loa"]
                )
        )
        try workspace.write("queue/images/tu-sach.jpg", data: Self.photo)
        try workspace.write("queue/images/ảnh 2.png", data: TestImages.png)
        try workspace.announce(
            "2026-12-01-tu-sach",
            "publish_at: 01/12/2026 08:00\nimages:\n  - images/tu-sach.jpg\n  - https://x.example/anh.jpg\n"
                + "  - ./images/ảnh 2.png"
        )
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 0, "\(run.all)")
        let requests = bridge.received
        #expect(requests.count == 3)
        for request in requests {
            let id = try #require(request.headers["webhook-id"])
            let timestamp = try #require(request.headers["webhook-timestamp"])
            #expect(
                request.headers["webhook-signature"]
                    == WebhookDeliveryTests.expectedSignature(id: id, timestamp: timestamp, body: request.body),
                "the signature covers the whole body, photos included"
            )
            let data = try #require(request.json?["data"] as? [String: Any])
            let images = try #require(data["images"] as? [[String: Any]])
            #expect(images.count == 3)
            let first = images[0]
            #expect(first["name"] as? String == "tu-sach.jpg")
            #expect(first["content_type"] as? String == "image/png", "the type is read from the bytes")
            #expect(first["bytes"] as? Int == Self.photo.count)
            #expect(first["sha256"] as? String == Self.sha256(Self.photo))
            #expect(images[1].keys.sorted() == ["url"])
            #expect(images[1]["url"] as? String == "https://x.example/anh.jpg")
            #expect(images[2]["name"] as? String == "ảnh 2.png")
            if request.path == "/media" {
                #expect(first["data"] == nil)
                #expect(first["url"] as? String == "https://media.example.org/loa/images/tu-sach.jpg")
                #expect(images[2]["url"] as? String == "https://media.example.org/loa/images/%E1%BA%A3nh%202.png")
            } else {
                #expect(first["url"] == nil)
                let encoded = try #require(first["data"] as? String)
                let bytes = try #require(Data(base64Encoded: encoded))
                #expect(bytes == Self.photo)
                #expect(Data(base64Encoded: images[2]["data"] as? String ?? "") == TestImages.png)
            }
        }
        // The same bytes went to both inline channels: one base64, not one per channel.
        let inline = requests.filter { $0.path != "/media" }.map {
            (($0.json?["data"] as? [String: Any])?["images"] as? [[String: Any]])?.first?["data"] as? String
        }
        #expect(inline.count == 2 && inline[0] == inline[1])
    }

    @Test("loa sink checks each photo's sha256, keeps the photos per post, and refuses a tampered one")
    func sinkStoresPhotos() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("loa-sink-\(UUID().uuidString).jsonl")
        let images = log.deletingPathExtension().path + "-images"
        defer {
            try? FileManager.default.removeItem(at: log)
            try? FileManager.default.removeItem(atPath: images)
        }
        let (sink, port) = try SinkTests.startSink(secret: DeliveryWorkspace.secret, log: log)
        defer { sink.terminate() }
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb", url: "http://127.0.0.1:\(port)/facebook/thanhdoan")
        )
        try workspace.write("queue/images/tu-sach.jpg", data: Self.photo)
        try workspace.announce("tu-sach", "images: [images/tu-sach.jpg]")
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 0, "\(run.all)")
        #expect(try workspace.statuses() == ["tu-sach": "sent"])
        let id: String = try #require(try workspace.rows("SELECT id FROM deliveries").first?["id"])
        let stored = URL(fileURLWithPath: images).appendingPathComponent("\(id)/1-tu-sach.jpg")
        #expect(try Data(contentsOf: stored) == Self.photo)
        let accepted = try #require(try SinkTests.logLines(log).first { $0["verdict"] as? String == "accepted" })
        let logged = try #require(
            ((accepted["payload"] as? [String: Any])?["data"] as? [String: Any])?["images"] as? [[String: Any]]
        )
        #expect(logged.first?["data"] == nil, "the log says where the photo is, not its base64")
        #expect(logged.first?["stored"] as? String == stored.path)
        // The same post with one byte of the photo changed on the way: refused, nothing stored.
        var tampered = Self.photo
        tampered[tampered.count - 1] ^= 0xFF
        let image: [String: Any] = [
            "name": "tu-sach.jpg", "content_type": "image/png", "bytes": tampered.count,
            "sha256": Self.sha256(Self.photo), "data": tampered.base64EncodedString(),
        ]
        let body = try JSONSerialization.data(withJSONObject: [
            "type": "post.create", "data": ["delivery_id": "msg_tampered", "images": [image]],
        ])
        let timestamp = String(Int(Date().timeIntervalSince1970))
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/facebook/thanhdoan")!)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("msg_tampered", forHTTPHeaderField: "webhook-id")
        request.setValue(timestamp, forHTTPHeaderField: "webhook-timestamp")
        request.setValue(
            WebhookDeliveryTests.expectedSignature(id: "msg_tampered", timestamp: timestamp, body: body),
            forHTTPHeaderField: "webhook-signature"
        )
        let (answer, status) = try SinkTests.send(request)
        #expect(status == 400)
        #expect(
            answer["error"] as? String
                == "images[0] (tu-sach.jpg): sha256 does not match its data; the photo was changed on the way"
        )
        #expect(
            !FileManager.default.fileExists(
                atPath: URL(fileURLWithPath: images).appendingPathComponent("msg_tampered").path
            )
        )
        #expect(try SinkTests.logLines(log).last?["verdict"] as? String == "rejected-image")
    }
}
