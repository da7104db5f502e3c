import ArgumentParser
import Foundation
import Loa
import LoaSink

struct SinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sink",
        abstract: Message.sinkAbstract(),
        discussion: Message.sinkDiscussion()
    )

    @Option(name: .long, help: ArgumentHelp(Message.sinkPort()))
    var port = 8787

    @Option(name: .long, help: ArgumentHelp(Message.sinkSecret()))
    var secret: String?

    @Option(name: .long, help: ArgumentHelp(Message.sinkLog()))
    var log = "sink-log.jsonl"

    @Option(
        name: .long,
        help:
            ArgumentHelp(Message.sinkImages())
    )
    var images: String?

    @Option(name: .long, help: ArgumentHelp(Message.sinkIdleTimeout()))
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
