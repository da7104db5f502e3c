import Foundation
import HTTPTypes
import Hummingbird
import Loa
import Logging
import Synchronization

/// A local bridge for trying Loa and for tests: `loa sink`.
///
/// It listens on 127.0.0.1, verifies Standard Webhooks signatures when it has the secret (401 otherwise),
/// checks each photo carried inline against its `sha256` and keeps it (``imagesFolder``), deduplicates by
/// `webhook-id`, appends every request it receives to a JSON Lines log with its verdict,
/// answers `{"id": …, "url": …}`, and serves engagement figures at `GET /stats/{id}` that grow as a post ages.
/// A connection left idle longer than ``idleTimeout`` is closed, so idle clients cannot pile up.
public struct Sink: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port; the one taken is passed to `onReady`.
    public var port: Int
    public var secret: Secret?
    /// Where each received request is appended, one JSON object a line.
    public var logFile: URL?
    /// How far a `webhook-timestamp` may be from the sink's clock.
    public var tolerance: TimeInterval = 300
    /// How long a connection may wait without a request before the sink closes it.
    public var idleTimeout: TimeInterval = 30
    /// Where received photos are kept, a folder per post (`<webhook-id>/1-tu-sach.jpg`); nil keeps none.
    public var imagesFolder: URL?

    /// The largest request body the sink reads: ten 10 MB photos in base64, and the text.
    public static let maximumBody = 160 << 20

    /// The verdicts a log line can carry, besides those of requests refused before a route (see
    /// `RequestLogMiddleware.verdict(forStatus:)`): `not-found`, `method-not-allowed`, `too-large`.
    public enum Verdict: String, Sendable {
        case accepted, duplicate, stats, post
        case missingWebhookID = "missing-webhook-id"
        case rejectedTimestamp = "rejected-timestamp"
        case rejectedSignature = "rejected-signature"
        case badJSON = "bad-json"
        case rejectedImage = "rejected-image"
        case notFound = "not-found"
    }

    public init(port: Int, secret: Secret? = nil, logFile: URL? = nil) {
        self.port = port
        self.secret = secret
        self.logFile = logFile
    }

    /// Opens the log (a ``FileProblem`` when it cannot be written), then serves until the process is interrupted
    /// (SIGINT or SIGTERM).
    public func run(onReady: @escaping @Sendable (Int) -> Void) async throws {
        let log: SinkLog?
        if let logFile { log = try SinkLog(file: logFile) } else { log = nil }
        let store = SinkStore()
        let signer = secret.flatMap(WebhookSigner.init(secret:))
        let tolerance = self.tolerance
        let host = self.host
        let imagesFolder = self.imagesFolder
        let boundPort = PortBox()
        let router = Router(context: SinkContext.self)
        router.add(middleware: RequestLogMiddleware(log: log))
        router.get("stats/{id}") { _, context -> Response in
            let id = try context.parameters.require("id")
            guard let post = await store.post(remoteID: id) else {
                return Self.json(.notFound, ["error": Message.sinkNoPost(["id": id])], context, .notFound)
            }
            let figures = Self.figures(for: id, age: Date().timeIntervalSince(post.receivedAt))
            return Self.json(.ok, figures, context, .stats)
        }
        router.get("posts/{id}") { _, context -> Response in
            let id = try context.parameters.require("id")
            guard let post = await store.post(remoteID: id) else {
                return Self.json(.notFound, ["error": Message.sinkNoPost(["id": id])], context, .notFound)
            }
            context.record.set("verdict", Verdict.post.rawValue)
            return Response(
                status: .ok,
                headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: post.payload))
            )
        }
        router.post("**") { request, context -> Response in
            var request = request
            let buffer = try await request.collectBody(upTo: Self.maximumBody)
            let body = Data(buffer.readableBytesView)
            context.record.keep(body: body)
            guard let id = request.headers[HTTPField.Name("webhook-id")!], !id.isEmpty else {
                return Self.json(.badRequest, ["error": Message.sinkMissingID()], context, .missingWebhookID)
            }
            context.record.set("webhook_id", id)
            if let signer {
                let timestamp = request.headers[HTTPField.Name("webhook-timestamp")!].flatMap(Int.init)
                let signature = request.headers[HTTPField.Name("webhook-signature")!] ?? ""
                guard let timestamp, abs(Date().timeIntervalSince1970 - Double(timestamp)) <= tolerance else {
                    let error = ["error": Message.sinkBadTimestamp()]
                    return Self.json(.unauthorized, error, context, .rejectedTimestamp)
                }
                guard signer.verify(id: id, timestamp: timestamp, body: body, header: signature) else {
                    return Self.json(.unauthorized, ["error": Message.sinkBadSignature()], context, .rejectedSignature)
                }
            }
            guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
                return Self.json(.badRequest, ["error": Message.sinkNotJSON()], context, .badJSON)
            }
            let images: [SinkImages.Received]
            switch SinkImages.verify(object) {
            case .success(let verified): images = verified
            case .failure(let refusal):
                return Self.json(.badRequest, ["error": refusal.reason], context, .rejectedImage)
            }
            if !images.isEmpty {
                var stored: [Int: String] = [:]
                if let imagesFolder {
                    do {
                        stored = try SinkImages.store(images, webhookID: id, in: imagesFolder)
                    } catch {
                        let problem = Message.sinkCannotStore(["problem": FileProblem.reason(of: error)])
                        return Self.json(.internalServerError, ["error": problem], context, .rejectedImage)
                    }
                }
                let logged = SinkImages.forLog(object, stored: stored)
                if let data = try? JSONSerialization.data(withJSONObject: logged, options: [.withoutEscapingSlashes]) {
                    context.record.keep(body: data)
                }
            }
            let path = request.uri.path
            let (remoteID, isNew) = await store.receive(webhookID: id, payload: body, now: Date())
            context.record.set("remote_id", remoteID)
            let port = boundPort.value.withLock { $0 }
            if isNew {
                // Written at once (print would hold it in a buffer when the output is a pipe or a log file).
                let line = Message.sinkReceived(["remote_id": remoteID, "path": path, "id": id])
                FileHandle.standardOutput.write(Data((VisibleText.escaped(line) + "\n").utf8))
            }
            let answer = ["id": remoteID, "url": "http://\(host):\(port)/posts/\(remoteID)"]
            return Self.json(.ok, answer, context, isNew ? .accepted : .duplicate)
        }
        let application = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(idleTimeout * 1e9)))),
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

    /// A JSON answer, its verdict noted for the log.
    static func json(
        _ status: HTTPResponse.Status,
        _ object: some Encodable,
        _ context: SinkContext,
        _ verdict: Verdict
    ) -> Response {
        context.record.set("verdict", verdict.rawValue)
        return json(status, object)
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
