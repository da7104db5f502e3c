import Foundation
import HTTPTypes
import Hummingbird
import Loa
import Logging
import Synchronization

/// A local bridge for trying Loa and for tests: `loa sink`.
///
/// It listens on 127.0.0.1, verifies Standard Webhooks signatures when it has the secret (401 otherwise),
/// deduplicates by `webhook-id`, appends every request it receives to a JSON Lines log, answers
/// `{"id": …, "url": …}`, and serves engagement figures at `GET /stats/{id}` that grow as a post ages.
public struct Sink: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port; the one taken is passed to `onReady`.
    public var port: Int
    public var secret: Secret?
    /// Where each received request is appended, one JSON object a line.
    public var logFile: URL?
    /// How far a `webhook-timestamp` may be from the sink's clock.
    public var tolerance: TimeInterval = 300

    public init(port: Int, secret: Secret? = nil, logFile: URL? = nil) {
        self.port = port
        self.secret = secret
        self.logFile = logFile
    }

    /// Serves until the process is interrupted (SIGINT or SIGTERM).
    public func run(onReady: @escaping @Sendable (Int) -> Void) async throws {
        let store = try SinkStore(logFile: logFile)
        let signer = secret.flatMap(WebhookSigner.init(secret:))
        let tolerance = self.tolerance
        let host = self.host
        let boundPort = PortBox()
        let router = Router()
        router.get("stats/{id}") { _, context -> Response in
            let id = try context.parameters.require("id")
            guard let post = await store.post(remoteID: id) else {
                return Self.json(.notFound, ["error": "no post \(id)"])
            }
            return Self.json(.ok, Self.figures(for: id, age: Date().timeIntervalSince(post.receivedAt)))
        }
        router.get("posts/{id}") { _, context -> Response in
            let id = try context.parameters.require("id")
            guard let post = await store.post(remoteID: id) else {
                return Self.json(.notFound, ["error": "no post \(id)"])
            }
            return Response(
                status: .ok,
                headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: post.payload))
            )
        }
        router.post("**") { request, context -> Response in
            var request = request
            let buffer = try await request.collectBody(upTo: 1 << 20)
            let body = Data(buffer.readableBytesView)
            guard let id = request.headers[HTTPField.Name("webhook-id")!], !id.isEmpty else {
                return Self.json(.badRequest, ["error": "missing webhook-id"])
            }
            if let signer {
                let timestamp = request.headers[HTTPField.Name("webhook-timestamp")!].flatMap(Int.init)
                let signature = request.headers[HTTPField.Name("webhook-signature")!] ?? ""
                guard let timestamp, abs(Date().timeIntervalSince1970 - Double(timestamp)) <= tolerance else {
                    return Self.json(.unauthorized, ["error": "webhook-timestamp missing or too far from now"])
                }
                guard signer.verify(id: id, timestamp: timestamp, body: body, header: signature) else {
                    return Self.json(.unauthorized, ["error": "bad signature"])
                }
            }
            let path = request.uri.path
            let (remoteID, isNew) = await store.receive(webhookID: id, path: path, payload: body, now: Date())
            let port = boundPort.value.withLock { $0 }
            if isNew { print("post \(remoteID) ← \(path) (\(id))") }
            return Self.json(.ok, ["id": remoteID, "url": "http://\(host):\(port)/posts/\(remoteID)"])
        }
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "loa-sink"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                boundPort.value.withLock { $0 = port }
                onReady(port)
            },
            logger: {
                var logger = Logger(label: "loa-sink")
                logger.logLevel = .warning
                return logger
            }()
        )
        try await application.runService()
    }

    /// Figures that grow with a post's age, the same for the same post and age.
    static func figures(for id: String, age: TimeInterval) -> [String: Int] {
        let seed = id.unicodeScalars.reduce(7) { ($0 &* 31 &+ Int($1.value)) & 0xFFFF }
        let hours = max(0, age) / 3600
        let views = Int(Double(40 + seed % 60) * (1 + hours).squareRoot() * 10)
        return [
            "views": views,
            "reactions": views / 25 + seed % 7,
            "comments": views / 160 + seed % 3,
            "shares": views / 300,
        ]
    }

    static func json(_ status: HTTPResponse.Status, _ object: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(object)) ?? Data("{}".utf8)
        return Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}

/// The port the server bound, known once it runs.
private final class PortBox: Sendable {
    let value = Mutex(0)
}
