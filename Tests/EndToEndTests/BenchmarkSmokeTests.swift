import Crypto
import Foundation
import GRDB
import Testing

/// The benchmark's fan-out in miniature (10 announcements × 10 channels), so `bench/` keeps working: its
/// generator, Loa against the generated workspace, and the curl baseline's requests, all checked for honesty.
@Suite("bench/ smoke test")
struct BenchmarkSmokeTests {
    @Test("the fan-out benchmark's workspace delivers 100 signed posts, and its curl baseline sends the same 100")
    func fanOut() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return }
        let bridge = try TestBridge { _, count in .ok(id: "b\(count)") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loa-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        generate.arguments = [
            LoaProcess.packageRoot.appendingPathComponent("bench/generate.py").path, "fanout", "--out", folder.path,
            "--url", "http://127.0.0.1:\(bridge.port)", "--announcements", "10", "--channels", "10", "--concurrency",
            "4",
        ]
        generate.standardOutput = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        #expect(generate.terminationStatus == 0)
        let run = try LoaProcess.run(["run"], in: folder)
        #expect(run.status == 0, "\(run.all)")
        let fromLoa = bridge.received
        #expect(fromLoa.count == 100)
        for request in fromLoa {
            let id = try #require(request.headers["webhook-id"])
            let timestamp = try #require(request.headers["webhook-timestamp"])
            #expect(
                request.headers["webhook-signature"]
                    == WebhookDeliveryTests.expectedSignature(id: id, timestamp: timestamp, body: request.body)
            )
            #expect(request.body.count > 1_000)
        }
        var configuration = Configuration()
        configuration.readonly = true
        let sent = try DatabaseQueue(
            path: folder.appendingPathComponent("archive/loa.sqlite").path,
            configuration: configuration
        )
        .read { try Int.fetchOne($0, sql: "SELECT count(*) FROM deliveries WHERE status = 'sent'") }
        #expect(sent == 100)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else { return }
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = [
            "--silent", "--parallel", "--parallel-max", "4", "--config",
            folder.appendingPathComponent("curl.config").path,
        ]
        curl.standardOutput = FileHandle.nullDevice
        try curl.run()
        curl.waitUntilExit()
        #expect(curl.terminationStatus == 0)
        let fromCurl = Array(bridge.received.dropFirst(100))
        #expect(fromCurl.count == 100)
        // The baseline sends the same deliveries, signed the same way, with bodies of the same size.
        #expect(
            Set(fromCurl.compactMap { $0.headers["webhook-id"] })
                == Set(fromLoa.compactMap { $0.headers["webhook-id"] })
        )
        for request in fromCurl {
            let id = try #require(request.headers["webhook-id"])
            let timestamp = try #require(request.headers["webhook-timestamp"])
            #expect(
                request.headers["webhook-signature"]
                    == WebhookDeliveryTests.expectedSignature(id: id, timestamp: timestamp, body: request.body)
            )
        }
        let loaSizes = fromLoa.map(\.body.count).reduce(0, +) / 100
        let curlSizes = fromCurl.map(\.body.count).reduce(0, +) / 100
        #expect(abs(loaSizes - curlSizes) < 20, "loa \(loaSizes) bytes, curl \(curlSizes) bytes on average")
    }
}
