import Foundation
import GRDB
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `loa sink`, the local bridge, with `loa run` posting to it.
@Suite("loa sink")
struct SinkTests {
    /// Starts `loa sink` on a free port and returns the process and the port it reports.
    static func startSink(secret: String, log: URL) throws -> (Process, Int) {
        let process = Process()
        process.executableURL = LoaProcess.binary
        process.arguments = ["sink", "--port", "0", "--secret", secret, "--log", log.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while !text.contains("\n"), Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let range = text.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression),
            let port = Int(text[range].split(separator: ":").last ?? "")
        else {
            process.terminate()
            throw POSIXError(.ECONNREFUSED)
        }
        return (process, port)
    }

    @Test("posts reach the sink signed, are logged, deduplicated by webhook-id, and have figures")
    func sink() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("loa-sink-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let (sink, port) = try Self.startSink(secret: DeliveryWorkspace.secret, log: log)
        defer { sink.terminate() }
        let wrongSecret = "whsec_" + Data(repeating: 7, count: 24).base64EncodedString()
        let workspace = try DeliveryWorkspace(
            channels: DeliveryWorkspace.webhook("fb", url: "http://127.0.0.1:\(port)/facebook/thanhdoan") + "\n"
                + "  fb-wrong:\n    platform: facebook\n    transport: webhook\n"
                + "    url: http://127.0.0.1:\(port)/facebook/wrong\n    secret: \(wrongSecret)"
        )
        try workspace.announce("tin-1")
        try workspace.announce("tin-2")
        let run = try workspace.loa("run", "--now", Date.vietnam(9))
        #expect(run.status == 1, "the channel with the wrong secret is refused for good")
        #expect(run.standardOutput.contains("tin-1 → fb-wrong: the bridge refused the post with 401"))
        let rows = try workspace.rows(
            "SELECT channel, status, remote_id, remote_url FROM deliveries ORDER BY channel, announcement_id"
        )
        #expect(rows.map { $0["status"] as String } == ["sent", "sent", "failed", "failed"])
        let remoteID: String = try #require(rows.first?["remote_id"])
        #expect((rows.first?["remote_url"] as String?) == "http://127.0.0.1:\(port)/posts/\(remoteID)")
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["path"] as? String == "/facebook/thanhdoan")
        #expect(first["duplicate"] as? Bool == false)
        let payload = try #require(first["payload"] as? [String: Any])
        #expect((payload["data"] as? [String: Any])?["unit"] as? String == "Đoàn phường An Hòa")
        // A repeat of a webhook-id gets the first post's id back and is logged as a duplicate.
        let body = Data(#"{"type":"post.create"}"#.utf8)
        let timestamp = Int(Date().timeIntervalSince1970)
        let id = try #require(first["webhook_id"] as? String)
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/facebook/thanhdoan")!)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue(id, forHTTPHeaderField: "webhook-id")
        request.setValue(String(timestamp), forHTTPHeaderField: "webhook-timestamp")
        request.setValue(
            WebhookDeliveryTests.expectedSignature(id: id, timestamp: String(timestamp), body: body),
            forHTTPHeaderField: "webhook-signature"
        )
        let (answer, status) = try Self.send(request)
        #expect(status == 200)
        #expect(answer["id"] as? String == first["remote_id"] as? String)
        let relogged = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(relogged.count == 3)
        #expect(relogged.last?.contains(#""duplicate":true"#) == true)
        // Figures for a post it knows, 404 for one it does not.
        let (figures, figuresStatus) = try Self.send(
            URLRequest(url: URL(string: "http://127.0.0.1:\(port)/stats/\(remoteID)")!)
        )
        #expect(figuresStatus == 200)
        #expect(Set(figures.keys) == ["reactions", "comments", "shares", "views"])
        #expect((figures["views"] as? Int ?? 0) > 0)
        let (_, missing) = try Self.send(URLRequest(url: URL(string: "http://127.0.0.1:\(port)/stats/0_0")!))
        #expect(missing == 404)
    }

    /// One request through URLSession, waited for.
    static func send(_ request: URLRequest) throws -> ([String: Any], Int) {
        final class Box: @unchecked Sendable {
            var result: ([String: Any], Int) = ([:], 0)
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, _ in
            let object = data.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] } ?? [:]
            box.result = (object, (response as? HTTPURLResponse)?.statusCode ?? 0)
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 10)
        return box.result
    }
}
