import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `loa sink`, the local bridge, with `loa run` posting to it.
@Suite("loa sink")
struct SinkTests {
    /// Starts `loa sink` on a free port and returns the process and the port it reports.
    static func startSink(
        secret: String,
        log: URL,
        _ extra: [String] = [],
        environment: [String: String] = [:]
    ) throws -> (Process, Int) {
        let process = Process()
        process.executableURL = LoaProcess.binary
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.arguments = ["sink", "--port", "0", "--secret", secret, "--log", log.path] + extra
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
        let lines = try Self.logLines(log)
        #expect(
            lines.map { $0["verdict"] as? String ?? "" }.sorted() == [
                "accepted", "accepted", "rejected-signature", "rejected-signature", "started",
            ]
        )
        #expect(lines.first?["verdict"] as? String == "started")
        let first = try #require(lines.first { $0["verdict"] as? String == "accepted" })
        #expect(first["path"] as? String == "/facebook/thanhdoan")
        #expect(first["status"] as? Int == 200)
        let refused = try #require(lines.first { $0["verdict"] as? String == "rejected-signature" })
        #expect(refused["path"] as? String == "/facebook/wrong")
        #expect(refused["status"] as? Int == 401)
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
        let relogged = try Self.logLines(log)
        #expect(relogged.count == 6)
        #expect(relogged.last?["duplicate"] as? Bool == true)
        #expect(relogged.last?["verdict"] as? String == "duplicate")
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

    /// The log's lines as JSON objects.
    static func logLines(_ log: URL) throws -> [[String: Any]] {
        try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test("every request is logged with its verdict, refused ones and unknown addresses included")
    func verdicts() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("loa-sink-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let (sink, port) = try Self.startSink(secret: DeliveryWorkspace.secret, log: log)
        defer { sink.terminate() }
        func post(_ body: String, id: String?, signed: Bool = true, timestamp: Int = Int(Date().timeIntervalSince1970))
            throws -> Int
        {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/zalo/phuong")!)
            request.httpMethod = "POST"
            request.httpBody = Data(body.utf8)
            if let id {
                request.setValue(id, forHTTPHeaderField: "webhook-id")
                request.setValue(String(timestamp), forHTTPHeaderField: "webhook-timestamp")
                if signed {
                    request.setValue(
                        WebhookDeliveryTests.expectedSignature(
                            id: id,
                            timestamp: String(timestamp),
                            body: Data(body.utf8)
                        ),
                        forHTTPHeaderField: "webhook-signature"
                    )
                }
            }
            return try Self.send(request).1
        }
        #expect(try post(#"{"type":"post.create"}"#, id: "msg_1") == 200)
        #expect(try post(#"{"type":"post.create"}"#, id: "msg_1") == 200)
        #expect(try post("không phải JSON", id: "msg_2") == 400)
        #expect(try post(#"{"type":"post.create"}"#, id: "msg_3", signed: false) == 401)
        #expect(try post(#"{"type":"post.create"}"#, id: "msg_4", timestamp: 1_000_000_000) == 401)
        #expect(try post(#"{"type":"post.create"}"#, id: nil) == 400)
        #expect(try Self.send(URLRequest(url: URL(string: "http://127.0.0.1:\(port)/stats/1_1")!)).1 == 200)
        #expect(try Self.send(URLRequest(url: URL(string: "http://127.0.0.1:\(port)/stats/9_9")!)).1 == 404)
        #expect(try Self.send(URLRequest(url: URL(string: "http://127.0.0.1:\(port)/khong-co")!)).1 == 404)
        let lines = try Self.logLines(log)
        #expect(
            lines.map { $0["verdict"] as? String ?? "?" } == [
                "started", "accepted", "duplicate", "bad-json", "rejected-signature", "rejected-timestamp",
                "missing-webhook-id", "stats", "not-found", "not-found",
            ]
        )
        #expect(lines.dropFirst().map { $0["status"] as? Int ?? 0 } == [200, 200, 400, 401, 401, 400, 200, 404, 404])
        #expect(lines.last?["path"] as? String == "/khong-co")
        #expect(lines.last?["method"] as? String == "GET")
        #expect(lines[3]["payload"] as? String == "không phải JSON")
    }

    @Test("a log that cannot be written stops the sink at start with exit 2 and says why")
    func unwritableLog() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loa-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("a file".utf8).write(to: folder.appendingPathComponent("tep"))
        let cases: [(String, String)] = [
            (folder.path, "it is a folder"),
            (folder.appendingPathComponent("tep/log.jsonl").path, "is a file, not a folder"),
            ("/dev/full", "the disk is full"),
        ]
        for (path, reason) in cases {
            let process = Process()
            process.executableURL = LoaProcess.binary
            process.arguments = ["sink", "--port", "0", "--log", path]
            // Standard error to a file, read once the process is gone (a pipe read could be interrupted).
            let errorFile = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
            _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
            let error = try FileHandle(forWritingTo: errorFile)
            defer { try? error.close() }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = error
            try process.run()
            let deadline = Date().addingTimeInterval(15)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            let stillServing = process.isRunning
            if stillServing { process.terminate() }
            process.waitUntilExit()
            let message = String(decoding: try Data(contentsOf: errorFile), as: UTF8.self)
            #expect(!stillServing, "\(path): the sink must not serve without its log")
            #expect(process.terminationStatus == 2, "\(path): \(message)")
            #expect(message.contains("loa sink: --log: cannot write the log"), "\(path): \(message)")
            #expect(message.contains(reason), "\(path): \(message)")
            #expect(!message.contains("Error Domain"), "\(message)")
        }
    }

    @Test("a connection left idle is closed by the sink after --idle-timeout")
    func idleConnectionsAreClosed() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("loa-sink-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let (sink, port) = try Self.startSink(secret: DeliveryWorkspace.secret, log: log, ["--idle-timeout", "300ms"])
        defer { sink.terminate() }
        let closed = try Self.secondsUntilClosed(port: port, limit: 10)
        let closedAfter = try #require(closed, "still open after 10 s")
        #expect(closedAfter >= 0.2 && closedAfter < 3, "closed after \(closedAfter) s")
        let bad = try LoaProcess.run(["sink", "--idle-timeout", "soon"], in: FileManager.default.temporaryDirectory)
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("--idle-timeout: 'soon' is not a duration"))
    }

    /// Opens a TCP connection, sends nothing, and waits for the server to close it; nil if it is still open after
    /// `limit` seconds.
    static func secondsUntilClosed(port: Int, limit: Int) throws -> TimeInterval? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: limit, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let start = Date()
        var byte: UInt8 = 0
        let received = recv(socket, &byte, 1, 0)
        return received == 0 ? Date().timeIntervalSince(start) : nil
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
