import ArgumentParser
import Foundation
import Loa

struct AgendaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: Message.agendaAbstract(),
        discussion: Message.agendaDiscussion()
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var clock: ClockOption

    @Option(name: .long, help: ArgumentHelp(Message.agendaDays()))
    var days = 7

    @Flag(name: .long, help: ArgumentHelp(Message.optionJSON()))
    var json = false

    func validate() throws {
        guard (1...366).contains(days) else { throw ValidationError(Message.agendaDaysRange(["days": "\(days)"])) }
    }

    func run() async throws {
        let opened = try workspace.open()
        let configuration = opened.configuration
        let now = try clock.date(in: configuration.timeZone)
        let queue = opened.loadQueue()
        let path = configuration.archive
        let (deliveries, stopped) = try await onOwnThread { () throws -> ([DeliveryRecord], [StoppedChannel]) in
            guard let archive = try ArchiveStores.openForReading(path, password: configuration.archivePassword) else {
                return ([], [])
            }
            return (try archive.deliveries(), try archive.read { try $0.stoppedChannels() })
        }
        let entries = Agenda(configuration: configuration, now: now, days: days)
            .entries(announcements: queue.announcements, deliveries: deliveries, stopped: stopped)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            Console.writeJSON(String(decoding: try encoder.encode(entries), as: UTF8.self))
            return
        }
        Console.report(queue.diagnostics, to: .standardError)
        guard !entries.isEmpty else {
            Console.write(Message.agendaNothing(["days": Message.countDay.count(days)]))
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
                case .draft: Message.agendaDraft(["when": dates.dayAndTime(entry.at)])
                case .waiting: Message.agendaWaiting(["when": dates.dayAndTime(entry.at)])
                }
            var line = "  \(when)  \(Console.oneLine(entry.announcement)): \(Console.oneLine(entry.title))"
            if let note = entry.note { line += " — \(Console.oneLine(note))" }
            Console.write(line)
        }
    }
}
