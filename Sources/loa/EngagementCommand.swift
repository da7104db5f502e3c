import ArgumentParser
import Foundation
import Loa

struct EngagementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engagement",
        abstract: Message.engagementAbstract(),
        subcommands: [EngagementRefreshCommand.self, EngagementRecordCommand.self],
        defaultSubcommand: EngagementRefreshCommand.self
    )
}

struct EngagementRefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: Message.engagementRefreshAbstract(),
        discussion: Message.engagementRefreshDiscussion()
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var clock: ClockOption

    func run() async throws {
        let opened = try workspace.open()
        var refresh = EngagementRefresh(workspace: opened, now: try clock.date(in: opened.configuration.timeZone))
        let terminal = Console.Stream.standardError.isTerminal
        if terminal { refresh.onProgress = { done, total in Console.progress(done, total, label: "engagement") } }
        let job = refresh
        let report = try await onOwnThread { try job.perform() }
        for warning in report.warnings { Console.write("warning: \(Console.oneLine(warning))", to: .standardError) }
        if Console.Stream.standardOutput.isTerminal {
            var summary = Message.engagementSummary(["read": "\(report.read)", "stored": "\(report.snapshots)"])
            if report.retrying > 0 { summary += Message.engagementReadAgain.count(report.retrying) }
            if !report.warnings.isEmpty { summary += Message.engagementUnusable.count(report.warnings.count) }
            Console.write(summary)
        }
        if !report.warnings.isEmpty { throw ExitStatus.code(ExitStatus.rejected) }
    }
}

struct EngagementRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract:
            Message.engagementRecordAbstract(),
        discussion: Message.engagementRecordDiscussion()
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var clock: ClockOption

    @Argument(help: ArgumentHelp(Message.argumentAnnouncement()))
    var announcement: String

    @Option(name: .long, help: ArgumentHelp(Message.engagementRecordChannel()))
    var channel: String

    @Argument(help: ArgumentHelp(Message.engagementRecordFigures()))
    var figures: [String]

    @Flag(name: .long, help: ArgumentHelp(Message.engagementRecordNewMetric()))
    var newMetric = false

    func validate() throws {
        if case .failure(let problem) = Figures.parse(arguments: figures) { throw ValidationError(problem.description) }
    }

    func run() async throws {
        let opened = try workspace.open()
        guard case .success(let values) = Figures.parse(arguments: figures) else { return }
        let now = try clock.date(in: opened.configuration.timeZone)
        let (path, announcement, channel) = (opened.configuration.archive, self.announcement, self.channel)
        let password = opened.configuration.archivePassword
        let archive = try await onOwnThread { try ArchiveStores.open(path, password: password) }
        let archived = try await onOwnThread { try archive.channelsWithDeliveries() }
        if let problem = opened.configuration.problem(withChannel: channel, alsoKnown: archived) {
            Console.write("loa engagement record: --channel: \(problem)", to: .standardError)
            throw ExitStatus.code(ExitStatus.usage)
        }
        if !newMetric {
            let recorded = try await onOwnThread { try archive.recordedMetrics() }
            let known = MetricNames.standard + recorded
            let problems = Figures.ordered(values.keys).compactMap { MetricNames.problem(with: $0, known: known) }
            if !problems.isEmpty {
                for problem in problems { Console.write("loa engagement record: \(problem)", to: .standardError) }
                throw ExitStatus.code(ExitStatus.usage)
            }
        }
        do {
            _ = try await onOwnThread {
                try EngagementLedger.record(values, announcement: announcement, channel: channel, at: now, in: archive)
            }
        } catch let refusal as EngagementLedger.Refusal {
            Console.write("loa engagement record: \(refusal)", to: .standardError)
            throw ExitStatus.code(ExitStatus.rejected)
        }
        let list = Figures.ordered(values.keys).map { "\($0)=\(values[$0] ?? 0)" }.joined(separator: " ")
        Console.write(Message.engagementRecorded(["id": announcement, "channel": channel, "figures": list]))
    }
}
