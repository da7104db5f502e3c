import ArgumentParser
import Foundation
import Loa

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: Message.exportAbstract(),
        discussion: Message.exportDiscussion()
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx, jsonl, html
    }

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp(Message.exportFormat()))
    var format: Format

    @Option(name: .long, help: ArgumentHelp(Message.exportFrom()))
    var from: String?

    @Option(name: .long, help: ArgumentHelp(Message.exportTo()))
    var to: String?

    @Option(name: .long, help: ArgumentHelp(Message.exportMonth()))
    var month: String?

    @Option(name: .long, help: ArgumentHelp(Message.exportQuarter()))
    var quarter: String?

    @Option(name: .long, help: ArgumentHelp(Message.exportYear()))
    var year: String?

    @Option(
        name: .long,
        help: ArgumentHelp(Message.exportPeriod())
    )
    var period: ReportPeriod?

    @Option(name: .long, help: ArgumentHelp(Message.exportUnit()))
    var unit: String?

    @Option(
        name: .long,
        help: ArgumentHelp(Message.exportCategory())
    )
    var category: Loa.Category?

    @Option(name: .long, help: ArgumentHelp(Message.previewChannel()))
    var channel: String?

    @Flag(name: .long, help: ArgumentHelp(Message.exportByUnit(), discussion: Message.exportByUnitDiscussion()))
    var byUnit = false

    @Option(name: .long, help: ArgumentHelp(Message.exportOutput()))
    var output: String?

    @Flag(name: .long, help: ArgumentHelp(Message.exportForce()))
    var force = false

    func validate() throws {
        let named = [("--month", month), ("--quarter", quarter), ("--year", year)].filter { $0.1 != nil }.map(\.0)
        if named.count > 1 {
            throw ValidationError(
                Message.exportSeveralPeriods(["options": named.joined(separator: Message.exportAnd())])
            )
        }
        if let option = named.first {
            let dates = [("--from", from), ("--to", to)].filter { $0.1 != nil }.map(\.0)
            if !dates.isEmpty {
                throw ValidationError(
                    Message.exportPeriodAndDays([
                        "option": option, "days": dates.joined(separator: Message.exportAnd()),
                    ])
                )
            }
        }
        _ = try calendarPeriod()
        if byUnit, format == .jsonl {
            throw ValidationError(Message.exportByUnitJSONL())
        }
        if format == .xlsx, output == nil, Console.Stream.standardOutput.isTerminal {
            throw ValidationError(Message.exportXLSXNeedsOutput())
        }
    }

    func run() async throws {
        let opened = try workspace.open()
        let configuration = opened.configuration
        let dates = DateTimeParser(timeZone: configuration.timeZone)
        func day(_ text: String?, _ name: String) throws -> Date? {
            guard let text else { return nil }
            switch dates.parseDay(text) {
            case .success(let date): return date
            case .failure: throw ValidationError(Message.exportNotADay(["option": name, "text": text]))
            }
        }
        let named = try calendarPeriod()
        let days = named?.days(in: configuration.timeZone)
        let filter = ReportFilter(
            from: try days?.first ?? day(from, "from"),
            through: try days?.last ?? day(to, "to"),
            unit: unit,
            category: category,
            channel: channel
        )
        let format = self.format
        let channelNames = Dictionary(
            configuration.channels.compactMap { channel in channel.name.map { (channel.id, $0) } },
            uniquingKeysWith: { first, _ in first }
        )
        let period = self.period ?? named?.period ?? .month
        let output = self.output.map { URL(fileURLWithPath: $0) }
        let heading = ReportHeading(
            filter: filter,
            named: named,
            organisation: configuration.organisation,
            timeZone: configuration.timeZone,
            generated: Date()
        )
        // A progress bar on a terminal, when the report goes to a file (not to the terminal itself).
        var progress: (@Sendable (Int, Int) -> Void)?
        if output != nil, Console.Stream.standardError.isTerminal {
            progress = { @Sendable done, total in Console.progress(done, total, label: "export") }
        }
        let showProgress = progress
        if let output, let problem = ReportDestination.problem(writing: output, in: configuration, replacing: force) {
            Console.write("loa export: --output: \(problem)", to: .standardError)
            throw ExitStatus.code(ExitStatus.usage)
        }
        guard
            ArchiveStores.isShared(configuration.archive)
                || FileManager.default.fileExists(atPath: configuration.archive)
        else {
            let shown = DisplayPath.of(URL(fileURLWithPath: configuration.archive))
            Console.write("loa export: " + Message.exportNoArchive(["path": shown]), to: .standardError)
            throw ExitStatus.code(ExitStatus.rejected)
        }
        if let channel {
            let path = configuration.archive
            let archived = try await onOwnThread {
                try ArchiveStores.openForReading(path, password: configuration.archivePassword)?
                    .channelsWithDeliveries()
            }
            if let problem = configuration.problem(withChannel: channel, alsoKnown: archived ?? []) {
                Console.write("loa export: --channel: \(problem)", to: .standardError)
                throw ExitStatus.code(ExitStatus.usage)
            }
        }
        let count: Int
        do {
            count = try await onOwnThread {
                guard
                    let archive = try ArchiveStores.openForReading(
                        configuration.archive,
                        password: configuration.archivePassword
                    )
                else { return 0 }
                // Names are read only when a filter needs them: on a large archive, they are a query of their own.
                let needsNames = filter.unit != nil || filter.channel != nil || byUnit
                let known = needsNames ? try archive.reportNames() : ReportNames(units: [], channels: [])
                if let problem = filter.problem(
                    units: known.units,
                    channels: Set(known.channels + configuration.channels.map(\.id)),
                    timeZone: configuration.timeZone
                ) {
                    throw FilterProblem(description: problem)
                }
                // A file is written whole or not at all: the previous report stays until the new one is complete.
                let sink = try OutputSink(output)
                // With --unit, only that unit has a line; else every unit the archive or loa.yml knows.
                let units = { (rows: [ReportRow]) in
                    UnitSummary(
                        rows,
                        knownUnits: filter.unit == nil ? known.units + configuration.units : [],
                        period: period,
                        timeZone: configuration.timeZone,
                        from: filter.from,
                        through: filter.through
                    )
                }
                if byUnit, format == .csv {
                    let rows = try archive.reportRows(filter, timeZone: configuration.timeZone, history: false)
                    try CSVReport(timeZone: configuration.timeZone, period: period, channelNames: channelNames)
                        .write(units(rows), to: sink.write)
                    try sink.finish()
                    return rows.count
                }
                if format == .csv {
                    // Streamed from the archive: no report rows are held, however long the period.
                    let count = try CSVReport(
                        timeZone: configuration.timeZone,
                        period: period,
                        channelNames: channelNames
                    )
                    .write(from: archive, filter: filter, progress: showProgress, to: sink.write)
                    try sink.finish()
                    return count
                }
                let rows = try archive.reportRows(filter, timeZone: configuration.timeZone, history: format == .jsonl)
                switch format {
                case .xlsx:
                    try sink.write(
                        try XLSXReport(timeZone: configuration.timeZone, period: period, channelNames: channelNames)
                            .bytes(
                                rows,
                                metrics: try archive.reportMetrics(),
                                heading: heading,
                                units: byUnit ? units(rows) : nil
                            )
                    )
                case .jsonl:
                    try JSONLinesReport().write(rows, progress: showProgress, to: sink.write)
                case .html, .csv:
                    let page = try HTMLReport(
                        timeZone: configuration.timeZone,
                        period: period,
                        channelNames: channelNames,
                        units: byUnit ? units(rows) : nil
                    )
                    .render(rows, heading: heading)
                    try sink.write(Data(page.utf8))
                }
                try sink.finish()
                return rows.count
            }
        } catch let problem as FilterProblem {
            Console.write("loa export: \(problem)", to: .standardError)
            throw ExitStatus.code(ExitStatus.usage)
        } catch let problem as FileProblem {
            Console.write("loa export: \(problem)", to: .standardError)
            throw ExitStatus.code(ExitStatus.rejected)
        }
        if let output, Console.Stream.standardError.isTerminal {
            Console.write(Message.exportWrote.count(count, ["path": DisplayPath.of(output)]), to: .standardError)
        }
    }

    /// The month, quarter or year of `--month`, `--quarter` or `--year`; nil without one.
    private func calendarPeriod() throws -> CalendarPeriod? {
        for (option, text, period, word) in [
            ("month", month, ReportPeriod.month, Message.exportPeriodMonth),
            ("quarter", quarter, .quarter, .exportPeriodQuarter), ("year", year, .year, .exportPeriodYear),
        ] {
            guard let text else { continue }
            guard let named = CalendarPeriod(text, as: period) else {
                let values = [
                    "option": option, "text": text, "period": word(), "expected": CalendarPeriod.expected(period),
                ]
                throw ValidationError(Message.exportNotAPeriod(values))
            }
            return named
        }
        return nil
    }
}

/// A filter that would give an empty report by mistake (``ReportFilter/problem(units:channels:timeZone:)``).
private struct FilterProblem: Error, CustomStringConvertible {
    var description: String
}

extension ReportPeriod: ExpressibleByArgument {}

/// `--category` takes what a queue file's `category:` takes: the id, or the Vietnamese label with or without
/// diacritics (one rule, `Category(written:)`).
extension Loa.Category: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(written: argument)
    }
}

/// Standard output, or a file replaced whole once the report is complete (``AtomicFile``).
private final class OutputSink {
    private let file: AtomicFile?

    init(_ destination: URL?) throws {
        if let destination { file = try AtomicFile(destination: destination) } else { file = nil }
    }

    func write(_ data: Data) throws {
        if let file { try file.write(data) } else { try FileHandle.standardOutput.write(contentsOf: data) }
    }

    /// Puts the file in place; without this call (an error on the way), the destination is left as it was.
    func finish() throws {
        try file?.commit()
    }
}
