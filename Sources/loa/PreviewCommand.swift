import ArgumentParser
import Foundation
import Loa

struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: Message.previewAbstract()
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp(Message.previewAnnouncement()))
    var announcement: String

    @Option(name: .long, help: ArgumentHelp(Message.previewChannel()))
    var channel: String?

    @Flag(name: .long, help: ArgumentHelp(Message.optionJSON()))
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
                    Message.previewNoSuchChannel([
                        "channel": channel, "id": target.id, "channels": names.joined(separator: ", "),
                    ])
                )
            }
        }
        let renderer = opened.renderer()
        var variants: [Shown] = []
        var failures: [(Channel, RenderFailure)] = []
        for channel in channels {
            switch renderer.render(target, for: channel) {
            case .success(let variant):
                variants.append(
                    Shown(
                        variant: variant,
                        transport: channel.transport,
                        publishAt: target.publishAt,
                        draft: target.status == .draft,
                        droppedHashtags: Renderer.droppedHashtags(target.hashtags, kept: variant.hashtags)
                    )
                )
            case .failure(let failure): failures.append((channel, failure))
            }
        }
        let images = ImageListing(target)
        if json {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let listed = variants.map { shown in
                var shown = shown
                shown.images = images.entries
                return shown
            }
            Console.writeJSON(String(decoding: try encoder.encode(listed), as: UTF8.self))
        } else {
            Console.write(Self.when(target, LocalDateFormat(timeZone: configuration.timeZone)))
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
            Message.previewNoAnnouncement(["id": announcement, "folder": DisplayPath.of(configuration.queueDirectory)])
                + (Suggestion.closest(to: announcement, among: ids).map { Message.previewDidYouMean(["name": $0]) }
                    ?? "")
        )
    }

    /// A variant with how its channel sends it, when, and what goes with it; in JSON, the variant's fields,
    /// `transport`, `publish_at` (null for the next run), `draft`, `dropped_hashtags` and `images`.
    struct Shown: Encodable {
        var variant: Variant
        var transport: TransportKind
        var publishAt: Date?
        var draft: Bool
        /// The announcement's hashtags, as written, that this platform's variant does not carry.
        var droppedHashtags: [String]
        var images: [ImageListing.Entry] = []

        enum CodingKeys: String, CodingKey {
            case transport, images, draft
            case publishAt = "publish_at"
            case droppedHashtags = "dropped_hashtags"
        }

        func encode(to encoder: any Encoder) throws {
            try variant.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(transport, forKey: .transport)
            try container.encode(publishAt, forKey: .publishAt)
            try container.encode(draft, forKey: .draft)
            try container.encode(droppedHashtags, forKey: .droppedHashtags)
            try container.encode(images, forKey: .images)
        }
    }

    /// When the announcement goes out, and whether it is a draft: `2026-12-05-ca-phe · scheduled for 05/12/2026
    /// 07:30 · draft: not sent until its file says `status: ready``.
    static func when(_ announcement: Announcement, _ dates: LocalDateFormat) -> String {
        var parts = [
            Console.oneLine(announcement.id),
            announcement.publishAt.map { Message.previewScheduled(["when": dates.dayAndTime($0)]) }
                ?? Message.previewNotScheduled(),
        ]
        if announcement.status == .draft { parts.append(Message.draftNote()) }
        return parts.joined(separator: " · ")
    }

    static func describe(_ shown: Shown) -> String {
        let variant = shown.variant
        var header = "── \(variant.channel) · \(variant.platform.rawValue) · \(shown.transport.rawValue) · "
        header += Message.previewCharacters(["length": "\(variant.length)", "limit": "\(variant.limit)"])
        if variant.truncated { header += " · " + Message.previewCut() }
        var text = header + "\n" + variant.text + "\n"
        if !shown.droppedHashtags.isEmpty {
            let dropped = shown.droppedHashtags.map(Console.oneLine).joined(separator: ", ")
            text += Message.previewHashtagsDropped(["platform": variant.platform.rawValue, "hashtags": dropped]) + "\n"
        }
        return text
    }
}
