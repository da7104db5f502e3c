import ArgumentParser
import Foundation
import Loa

struct EngagementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engagement",
        abstract: "Refresh the engagement figures of sent posts, or record figures read by hand.",
        subcommands: [EngagementRefreshCommand.self, EngagementRecordCommand.self],
        defaultSubcommand: EngagementRefreshCommand.self
    )
}

struct EngagementRefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Read the figures of sent posts whose turn has come, from their channels' stats_url.",
        discussion: """
            Fresh posts are read hourly, older ones less often, posts over 30 days never (see \
            engagement_schedule in loa.yml). Safe to run from cron: it reads only what is due, and prints only \
            warnings when not on a terminal. Exit codes: 0 success; 1 a bridge's answer could not be used.
            """
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
            var summary = "\(report.read) posts read, \(report.snapshots) figures stored"
            if report.retrying > 0 { summary += ", \(report.retrying) to read again next run" }
            if !report.warnings.isEmpty { summary += ", \(Console.count(report.warnings.count, "answer")) unusable" }
            Console.write(summary)
        }
        if !report.warnings.isEmpty { throw ExitStatus.code(ExitStatus.rejected) }
    }
}

struct EngagementRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record figures read off a post by hand: loa engagement record ID --channel C reactions=12 views=480"
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var clock: ClockOption

    @Argument(help: "The announcement's id.")
    var announcement: String

    @Option(name: .long, help: "The channel the post is on.")
    var channel: String

    @Argument(help: "Figures as name=number: reactions=12 comments=3 shares=1 views=480.")
    var figures: [String]

    func validate() throws {
        if case .failure(let problem) = Figures.parse(arguments: figures) { throw ValidationError(problem.description) }
    }

    func run() async throws {
        let opened = try workspace.open()
        guard case .success(let values) = Figures.parse(arguments: figures) else { return }
        let now = try clock.date(in: opened.configuration.timeZone)
        let (path, announcement, channel) = (opened.configuration.archive, self.announcement, self.channel)
        do {
            _ = try await onOwnThread {
                try EngagementLedger.record(
                    values,
                    announcement: announcement,
                    channel: channel,
                    at: now,
                    in: ArchiveStores.open(path)
                )
            }
        } catch let refusal as EngagementLedger.Refusal {
            Console.write("loa engagement record: \(refusal)", to: .standardError)
            throw ExitStatus.code(ExitStatus.rejected)
        }
        let list = Figures.ordered(values.keys).map { "\($0)=\(values[$0] ?? 0)" }.joined(separator: " ")
        Console.write("recorded \(announcement) → \(channel): \(list)")
    }
}
