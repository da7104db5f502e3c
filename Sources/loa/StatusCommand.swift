import ArgumentParser
import Foundation
import Loa

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            Message.statusAbstract(),
        discussion: Message.statusDiscussion()
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp(Message.statusOnly()))
    var announcement: String?

    @Flag(name: .long, help: ArgumentHelp(Message.optionJSON()))
    var json = false

    @OptionGroup var clock: ClockOption

    func run() async throws {
        let opened = try workspace.open()
        let path = opened.configuration.archive
        guard ArchiveStores.isShared(path) || FileManager.default.fileExists(atPath: path) else {
            Console.write(
                json ? "[]" : Message.statusNoArchive(["path": DisplayPath.of(URL(fileURLWithPath: path))])
            )
            return
        }
        let announcement = self.announcement
        typealias Listing = (
            deliveries: [DeliveryRecord], tries: [String: (tries: Int, interrupted: Int)],
            images: [String: ImageListing], hosts: [HostRecord], shared: [String], stopped: [StoppedChannel]
        )
        let configuration = opened.configuration
        let now = try clock.date(in: configuration.timeZone)
        let (deliveries, tries, images, hosts, shared, stopped) = try await onOwnThread { () throws -> Listing in
            guard let archive = try ArchiveStores.openForReading(path, password: configuration.archivePassword) else {
                return ([], [:], [:], [], [], [])
            }
            let deliveries = try archive.deliveries(announcement: announcement)
            var shared: [String] = []
            if ArchiveStores.isShared(path) {
                shared = try archive.read { archive in
                    let started = try archive.startedDeliveries()
                    let sending = try archive.deliveries(announcement: nil).filter { $0.status == .sending }
                    return SharedArchiveStatus.lines(
                        leases: try archive.channelLeases(),
                        started: started,
                        deliveries: try archive.deliveries(ids: started.map(\.delivery)) + sending,
                        now: now,
                        dates: LocalDateFormat(timeZone: configuration.timeZone)
                    )
                }
            }
            return (
                deliveries, try archive.tries(), Self.images(of: Set(deliveries.map(\.announcementId)), configuration),
                try archive.read { try $0.hosts() }, shared, try archive.read { try $0.stoppedChannels() }
            )
        }
        // Hosts sharing the archive that run different copies: said on standard error, so `--json` stays clean.
        for line in HostRegistry.disagreements(hosts) { Console.write(line, to: .standardError) }
        // Stopped channels: after the table, or on standard error with `--json`.
        let stops = ChannelStopListing.lines(stopped, configuration: configuration)
        if json {
            // Leases and orphaned sends, on a shared archive: on standard error, so that the JSON stays clean.
            if !shared.isEmpty { Console.write(shared.joined(separator: "\n"), to: .standardError) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            let listed = deliveries.map { WithImages(delivery: $0, images: images[$0.announcementId]?.entries ?? []) }
            Console.writeJSON(String(decoding: try encoder.encode(listed), as: UTF8.self))
            for line in stops { Console.write(line, to: .standardError) }
            return
        }
        let dates = LocalDateFormat(timeZone: opened.configuration.timeZone)
        var rows = [Message.statusColumns().split(separator: "|").map(String.init)]
        for delivery in deliveries {
            let when = delivery.sentAt ?? delivery.nextAttemptAt ?? delivery.dueAt
            rows.append([
                delivery.announcementId, "\(delivery.revision)", delivery.channel, delivery.status.label,
                Self.tries(tries[delivery.id]), dates.dayAndTime(when), images[delivery.announcementId]?.names ?? "",
                delivery.note ?? delivery.remoteUrl ?? "",
            ])
        }
        Console.write(Console.table(rows))
        // Leases and orphaned sends, on a shared archive, below the table.
        if !shared.isEmpty { Console.write("\n" + shared.joined(separator: "\n")) }
        for line in stops { Console.write(line) }
    }

    /// The images of the announcements `ids`, as their queue files name them now (none for a file gone from the
    /// queue, or one that no longer parses).
    static func images(of ids: Set<String>, _ configuration: Configuration) -> [String: ImageListing] {
        guard !ids.isEmpty else { return [:] }
        var listings: [String: ImageListing] = [:]
        for announcement in Queue.load(configuration).announcements where ids.contains(announcement.id) {
            if !announcement.images.isEmpty { listings[announcement.id] = ImageListing(announcement) }
        }
        return listings
    }

    /// A delivery in `--json`, with its announcement's images.
    struct WithImages: Encodable {
        var delivery: DeliveryRecord
        var images: [ImageListing.Entry]

        enum CodingKeys: String, CodingKey {
            case images
        }

        func encode(to encoder: any Encoder) throws {
            try delivery.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(images, forKey: .images)
        }
    }

    /// Tries that reached the bridge (or failed to connect), and interrupted ones apart: `3`, `3 (+2 interrupted)`.
    static func tries(_ counts: (tries: Int, interrupted: Int)?) -> String {
        guard let counts else { return "0" }
        guard counts.interrupted > 0 else { return "\(counts.tries)" }
        return Message.statusInterrupted(["tries": "\(counts.tries)", "n": "\(counts.interrupted)"])
    }
}
