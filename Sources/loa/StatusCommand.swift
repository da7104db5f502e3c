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
        let deliveries = try await onOwnThread { try Archive(path: path).deliveries(announcement: announcement) }
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
                "\(delivery.attemptCount)", dates.dayAndTime(when), delivery.note ?? delivery.remoteUrl ?? "",
            ])
        }
        Console.write(Console.table(rows))
    }
}
