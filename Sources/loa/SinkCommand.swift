import ArgumentParser
import Foundation
import Loa
import LoaSink

struct SinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sink",
        abstract: "Run a local bridge for trying Loa: verifies signatures, logs posts, answers ids and figures.",
        discussion: """
            Listens on 127.0.0.1. Point a webhook channel's url at http://127.0.0.1:PORT/<anything> and its \
            stats_url at http://127.0.0.1:PORT/stats/{remote_id}. With --secret (or $LOA_SINK_SECRET), requests \
            whose Standard Webhooks signature does not verify get 401. Every request is appended to the log as \
            one JSON object a line with its verdict (accepted, duplicate, rejected-signature, rejected-timestamp, \
            rejected-image, missing-webhook-id, bad-json, stats, post, not-found…), after a first "started" line; a log that \
            cannot be written stops the sink at once (exit 2). Repeats of a webhook-id are answered with the first \
            post's id. Photos sent inline are checked against their sha256 (a mismatch gets 400, verdict \
            rejected-image) and kept in --images, a folder per post (<webhook-id>/1-name.jpg); the log shows where \
            instead of the base64. A connection idle for --idle-timeout is closed.
            """
    )

    @Option(name: .long, help: "The port to listen on; 0 picks a free one.")
    var port = 8787

    @Option(name: .long, help: "The whsec_… secret to verify signatures with (default: $LOA_SINK_SECRET).")
    var secret: String?

    @Option(name: .long, help: "The JSON Lines log of received requests.")
    var log = "sink-log.jsonl"

    @Option(
        name: .long,
        help:
            "Where received photos are kept, a folder per post (default: beside the log, named after it: sink-log-images)."
    )
    var images: String?

    @Option(name: .long, help: "Close a connection idle this long (500ms, 30s, 2m; default 30s).")
    var idleTimeout = "30s"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port: expected 0 to 65535") }
        guard let idle = DurationText.parse(idleTimeout), idle > 0, idle <= 24 * 3600 else {
            throw ValidationError("--idle-timeout: '\(idleTimeout)' is not a duration from 1ms to 24h (500ms, 30s, 2m)")
        }
        if let secret = resolvedSecret, WebhookSigner(secret: secret) == nil {
            throw ValidationError("--secret: expected whsec_ followed by base64")
        }
    }

    /// The default photo folder: beside the log, named after it (`sink-log.jsonl` → `sink-log-images`).
    static func imagesFolder(forLog log: String) -> String {
        let url = URL(fileURLWithPath: log)
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(base)-images").path
    }

    private var resolvedSecret: Secret? {
        (secret ?? ProcessInfo.processInfo.environment["LOA_SINK_SECRET"]).map(Secret.init)
    }

    func run() async throws {
        var sink = Sink(port: port, secret: resolvedSecret, logFile: URL(fileURLWithPath: log))
        sink.idleTimeout = DurationText.parse(idleTimeout) ?? sink.idleTimeout
        let verifying = resolvedSecret == nil ? "not verifying signatures" : "verifying signatures"
        let logPath = log
        let imagesPath = images ?? Self.imagesFolder(forLog: log)
        sink.imagesFolder = URL(fileURLWithPath: imagesPath)
        do {
            try await sink.run { port in
                Console.write(
                    "loa sink: listening on http://127.0.0.1:\(port) (\(verifying), log: \(logPath), photos: \(imagesPath))"
                )
            }
        } catch let problem as FileProblem {
            Console.write("loa sink: \(problem)", to: .standardError)
            throw ExitStatus.code(ExitStatus.usage)
        }
    }
}
