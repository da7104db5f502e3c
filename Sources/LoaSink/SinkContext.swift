import Foundation
import Hummingbird
import Synchronization

/// The request context of the sink's routes: Hummingbird's core values, and the record of what the sink decided,
/// which the logging middleware reads once the route has answered.
struct SinkContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Shared by the route and the middleware (the context itself is passed by value).
    let record = RequestRecord()

    init(source: Source) {
        coreContext = .init(source: source)
    }
}

/// What a route decided about one request, for its line in the log.
final class RequestRecord: Sendable {
    private let fields = Mutex<[String: String]>([:])
    private let body = Mutex<Data?>(nil)

    /// Sets a field of the log line (`verdict`, `webhook_id`, `remote_id`…).
    func set(_ name: String, _ value: String) {
        fields.withLock { $0[name] = value }
    }

    /// The request's body, logged as JSON when it is JSON, else as text.
    func keep(body data: Data) {
        body.withLock { $0 = data }
    }

    var values: [String: String] { fields.withLock { $0 } }
    var payload: Data? { body.withLock { $0 } }
}

/// Writes one log line per request, whatever happened to it: answered by a route, refused with an error, or
/// matching no route at all.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = SinkContext
    let log: SinkLog?

    func handle(
        _ request: Request,
        context: SinkContext,
        next: (Request, SinkContext) async throws -> Response
    ) async throws -> Response {
        let receivedAt = Date()
        do {
            let response = try await next(request, context)
            write(request, context.record, status: response.status.code, at: receivedAt)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            if context.record.values["verdict"] == nil {
                context.record.set("verdict", Self.verdict(forStatus: status))
            }
            write(request, context.record, status: status, at: receivedAt)
            throw error
        }
    }

    /// The verdict of a request refused before a route could decide.
    static func verdict(forStatus status: Int) -> String {
        switch status {
        case 200..<300: "ok"
        case 404: "not-found"
        case 405: "method-not-allowed"
        case 413: "too-large"
        case 400..<500: "bad-request"
        default: "error"
        }
    }

    private func write(_ request: Request, _ record: RequestRecord, status: Int, at receivedAt: Date) {
        var line: [String: Any] = [
            "received_at": receivedAt.formatted(.iso8601),
            "method": request.method.rawValue,
            "path": request.uri.path,
            "status": status,
        ]
        for (name, value) in record.values { line[name] = value }
        if line["verdict"] == nil { line["verdict"] = Self.verdict(forStatus: status) }
        if let verdict = line["verdict"] as? String, verdict == "accepted" || verdict == "duplicate" {
            line["duplicate"] = verdict == "duplicate"
        }
        if let payload = record.payload {
            line["payload"] =
                (try? JSONSerialization.jsonObject(with: payload, options: [.fragmentsAllowed]))
                ?? String(decoding: payload, as: UTF8.self)
        }
        log?.record(line)
    }
}
