import ArgumentParser
import Foundation
import Loa

struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Print each channel's variant of an announcement, its length against the limit, and its images."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The announcement: its id, or the path of its file.")
    var announcement: String

    @Option(name: .long, help: "Only this channel (an id or a glob).")
    var channel: String?

    @Flag(name: .long, help: "Print the variants as a JSON array.")
    var json = false

    func run() async throws {
        let opened = try workspace.open()
        let configuration = opened.configuration
        let target = try find(in: opened)
        var channels = configuration.channels(matching: target.channelPatterns)
        if let channel {
            channels = channels.filter { Glob.matches(channel, $0.id) }
            if channels.isEmpty {
                let names = configuration.channels(matching: target.channelPatterns).map(\.id)
                throw ValidationError(
                    "--channel \(channel): \(target.id) is not posted to such a channel (its channels: \(names.joined(separator: ", ")))"
                )
            }
        }
        let renderer = opened.renderer()
        var variants: [Shown] = []
        var failures: [(Channel, RenderFailure)] = []
        for channel in channels {
            switch renderer.render(target, for: channel) {
            case .success(let variant): variants.append(Shown(variant: variant, transport: channel.transport))
            case .failure(let failure): failures.append((channel, failure))
            }
        }
        let images = ImageListing(target)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let listed = variants.map { shown in
                var shown = shown
                shown.images = images.entries
                return shown
            }
            Console.writeJSON(String(decoding: try encoder.encode(listed), as: UTF8.self))
        } else {
            for variant in variants { Console.write(Self.describe(variant) + images.lines) }
        }
        for (channel, failure) in failures {
            let diagnostic = Diagnostic(
                area: .queue,
                file: DisplayPath.of(target.file),
                line: target.bodyLine,
                field: channel.id,
                message: failure.description,
                hint: failure.hint
            )
            Console.write(diagnostic.description, to: .standardError)
        }
        if !failures.isEmpty { throw ExitStatus.code(ExitStatus.rejected) }
    }

    private func find(in workspace: Workspace) throws -> Announcement {
        let configuration = workspace.configuration
        let parser = AnnouncementParser(configuration)
        let asFile = URL(fileURLWithPath: announcement)
        if announcement.hasSuffix(".md"), FileManager.default.fileExists(atPath: asFile.path) {
            let outcome = parser.parse(file: asFile)
            Console.report(outcome.diagnostics, to: .standardError)
            guard let parsed = outcome.announcement else { throw ExitStatus.code(ExitStatus.rejected) }
            return parsed
        }
        let queue = Queue.load(directory: configuration.queueDirectory, parser: parser)
        if let found = queue.find(announcement) { return found }
        let ownProblems = queue.diagnostics.filter {
            $0.file.hasSuffix("/\(announcement).md") || $0.file == "\(announcement).md"
        }
        if !ownProblems.isEmpty {
            Console.report(ownProblems, to: .standardError)
            throw ExitStatus.code(ExitStatus.rejected)
        }
        let ids = queue.announcements.map(\.id)
        throw ValidationError(
            "no announcement '\(announcement)' in \(DisplayPath.of(configuration.queueDirectory))"
                + (Suggestion.closest(to: announcement, among: ids).map { "; did you mean '\($0)'?" } ?? "")
        )
    }

    /// A variant with how its channel sends it and the images that go with it; in JSON, the variant's fields,
    /// `transport` and `images`.
    struct Shown: Encodable {
        var variant: Variant
        var transport: TransportKind
        var images: [ImageListing.Entry] = []

        enum CodingKeys: String, CodingKey { case transport, images }

        func encode(to encoder: any Encoder) throws {
            try variant.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(transport, forKey: .transport)
            try container.encode(images, forKey: .images)
        }
    }

    static func describe(_ shown: Shown) -> String {
        let variant = shown.variant
        var header = "── \(variant.channel) · \(variant.platform.rawValue) · \(shown.transport.rawValue) · "
        header += "\(variant.length)/\(variant.limit) characters"
        if variant.truncated { header += " · cut to fit" }
        return header + "\n" + variant.text + "\n"
    }
}
