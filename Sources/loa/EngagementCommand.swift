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
        abstract:
            "Record figures read off a post by hand: loa engagement record ID --channel C reactions=12 views=1.250",
        discussion: """
            Numbers may have dots between thousands (1.250). Metric names are checked against reactions, \
            comments, shares, views and those recorded before: an unknown one (likes) is refused with the name \
            meant, unless --new-metric.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var clock: ClockOption

    @Argument(help: "The announcement's id.")
    var announcement: String

    @Option(name: .long, help: "The channel the post is on.")
    var channel: String

    @Argument(help: "Figures as name=number: reactions=12 comments=3 shares=1 views=1.250.")
    var figures: [String]

    @Flag(name: .long, help: "Record a metric that no figure was recorded under before.")
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
        Console.write("recorded \(announcement) → \(channel): \(list)")
    }
}
