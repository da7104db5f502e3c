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
        guard (0...65535).contains(port) else { throw ValidationError(Message.sinkBadPort()) }
        guard let idle = DurationText.parse(idleTimeout), idle > 0, idle <= 24 * 3600 else {
            throw ValidationError(Message.sinkBadIdleTimeout(["text": idleTimeout]))
        }
        if let secret = resolvedSecret, WebhookSigner(secret: secret) == nil {
            throw ValidationError(Message.sinkBadSecret())
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
        let verifying = resolvedSecret == nil ? Message.sinkNotVerifying() : Message.sinkVerifying()
        let logPath = log
        let imagesPath = images ?? Self.imagesFolder(forLog: log)
        sink.imagesFolder = URL(fileURLWithPath: imagesPath)
        do {
            try await sink.run { port in
                let values = ["port": "\(port)", "verifying": verifying, "log": logPath, "images": imagesPath]
                Console.write("loa sink: " + Message.sinkListening(values))
            }
        } catch let problem as FileProblem {
            Console.write("loa sink: \(problem)", to: .standardError)
            throw ExitStatus.code(ExitStatus.usage)
        }
    }
}
