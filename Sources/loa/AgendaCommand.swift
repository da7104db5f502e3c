import ArgumentParser
import Foundation
import Loa

struct AgendaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Show what will go out when over the next days, per channel, and what waits for a person.",
        discussion: """
            Each ready post at its expected time: its publish_at (or retry time), moved past the channel's quiet \
            hours and kept its minimum gap. Drafts are shown at their time, marked; posts written to the outbox \
            or held are listed as waiting for a person. Reads the queue and the archive; changes nothing.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var clock: ClockOption

    @Option(name: .long, help: "How many days ahead (1–366).")
    var days = 7

    @Flag(name: .long, help: "Print the entries as a JSON array.")
    var json = false

    func validate() throws {
        guard (1...366).contains(days) else { throw ValidationError("--days: expected 1 to 366, got \(days)") }
    }

    func run() async throws {
        let opened = try workspace.open()
        let configuration = opened.configuration
        let now = try clock.date(in: configuration.timeZone)
        let queue = opened.loadQueue()
        let path = configuration.archive
        let deliveries = try await onOwnThread { () throws -> [DeliveryRecord] in
            try ArchiveStores.openForReading(path, password: configuration.archivePassword)?.deliveries() ?? []
        }
        let entries = Agenda(configuration: configuration, now: now, days: days)
            .entries(announcements: queue.announcements, deliveries: deliveries)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            Console.writeJSON(String(decoding: try encoder.encode(entries), as: UTF8.self))
            return
        }
        Console.report(queue.diagnostics, to: .standardError)
        guard !entries.isEmpty else {
            Console.write("Nothing is due in the next \(Console.count(days, "day")), and nothing waits for a person.")
            return
        }
        let dates = LocalDateFormat(timeZone: configuration.timeZone)
        var channel: String?
        for entry in entries {
            if entry.channel != channel {
                channel = entry.channel
                Console.write(entry.channel)
            }
            let when =
                switch entry.kind {
                case .scheduled: dates.dayAndTime(entry.at)
                case .draft: "\(dates.dayAndTime(entry.at)) (draft)"
                case .waiting: "waiting for a person since \(dates.dayAndTime(entry.at))"
                }
            var line = "  \(when)  \(Console.oneLine(entry.announcement)): \(Console.oneLine(entry.title))"
            if let note = entry.note { line += " — \(Console.oneLine(note))" }
            Console.write(line)
        }
    }
}
