import ArgumentParser
import Foundation
import Loa

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Show each announcement × channel: pending, sent, retrying, failed, missed, expired, cancelled, held.",
        discussion: "The last column says why a delivery is where it is, in words a person can act on."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "Only this announcement.")
    var announcement: String?

    @Flag(name: .long, help: "Print the deliveries as a JSON array.")
    var json = false

    func run() async throws {
        let opened = try workspace.open()
        let path = opened.configuration.archive
        guard FileManager.default.fileExists(atPath: path) else {
            Console.write(
                json ? "[]" : "No archive yet at \(DisplayPath.of(URL(fileURLWithPath: path))): run `loa run` first."
            )
            return
        }
        let announcement = self.announcement
        typealias Listing = (deliveries: [DeliveryRecord], tries: [String: (tries: Int, interrupted: Int)])
        let (deliveries, tries) = try await onOwnThread { () throws -> Listing in
            guard let archive = try ArchiveStores.openForReading(path) else { return ([], [:]) }
            return (try archive.deliveries(announcement: announcement), try archive.tries())
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            Console.writeJSON(String(decoding: try encoder.encode(deliveries), as: UTF8.self))
            return
        }
        let dates = LocalDateFormat(timeZone: opened.configuration.timeZone)
        var rows = [["ANNOUNCEMENT", "REV", "CHANNEL", "STATUS", "TRIES", "WHEN", "NOTE"]]
        for delivery in deliveries {
            let when = delivery.sentAt ?? delivery.nextAttemptAt ?? delivery.dueAt
            rows.append([
                delivery.announcementId, "\(delivery.revision)", delivery.channel, delivery.status.label,
                Self.tries(tries[delivery.id]), dates.dayAndTime(when), delivery.note ?? delivery.remoteUrl ?? "",
            ])
        }
        Console.write(Console.table(rows))
    }

    /// Tries that reached the bridge (or failed to connect), and interrupted ones apart: `3`, `3 (+2 interrupted)`.
    static func tries(_ counts: (tries: Int, interrupted: Int)?) -> String {
        guard let counts else { return "0" }
        return counts.interrupted > 0 ? "\(counts.tries) (+\(counts.interrupted) interrupted)" : "\(counts.tries)"
    }
}
