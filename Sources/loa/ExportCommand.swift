import ArgumentParser
import Foundation
import Loa

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the archive for reports: CSV, XLSX, JSON Lines, or an HTML report with charts.",
        discussion: """
            One row per delivery: the announcement, its unit, category and channel, when it was due and posted, \
            its status and address, the attempts, and the latest value of each engagement figure. Dates are \
            yyyy-MM-dd or dd/MM/yyyy, inclusive, in loa.yml's time zone, and filter on the publish time. CSV, \
            JSON Lines and HTML go to standard output without --output.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx, jsonl, html
    }

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: "csv, xlsx, jsonl or html.")
    var format: Format

    @Option(name: .long, help: "The first day (yyyy-MM-dd or dd/MM/yyyy).")
    var from: String?

    @Option(name: .long, help: "The last day, included.")
    var to: String?

    @Option(name: .long, help: "Group by month, quarter or year (default: month).")
    var period: String = "month"

    @Option(name: .long, help: "Only this unit, as written in the queue files.")
    var unit: String?

    @Option(
        name: .long,
        help: "Only this category: policy-update, model-practice or activity-news, or its Vietnamese label."
    )
    var category: String?

    @Option(name: .long, help: "Only this channel (an id or a glob).")
    var channel: String?

    @Option(name: .long, help: "The file to write (default: standard output, except for xlsx); never a workspace file.")
    var output: String?

    @Flag(name: .long, help: "Replace the --output file if it exists (a file of the workspace is never replaced).")
    var force = false

    func validate() throws {
        guard ReportPeriod(rawValue: period) != nil else {
            throw ValidationError("--period: '\(period)' is not one of month, quarter, year")
        }
        if let category, Loa.Category(written: category) == nil {
            throw ValidationError(
                "--category: '\(category)' is not one of policy-update, model-practice, activity-news (or their "
                    + "Vietnamese labels)\(Suggestion.didYouMean(category, among: Loa.Category.writtenNames))"
            )
        }
        if format == .xlsx, output == nil, Console.Stream.standardOutput.isTerminal {
            throw ValidationError("--format xlsx needs --output FILE (a workbook is not readable on a terminal)")
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
            case .failure: throw ValidationError("--\(name): '\(text)' is not a day; expected yyyy-MM-dd or dd/MM/yyyy")
            }
        }
        let filter = ReportFilter(
            from: try day(from, "from"),
            through: try day(to, "to"),
            unit: unit,
            category: category.flatMap(Loa.Category.init(written:)),
            channel: channel
        )
        let format = self.format
        let period = ReportPeriod(rawValue: period) ?? .month
        let output = self.output.map { URL(fileURLWithPath: $0) }
        let range = rangeLabel(filter, LocalDateFormat(timeZone: configuration.timeZone))
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
        guard FileManager.default.fileExists(atPath: configuration.archive) else {
            Console.write(
                "loa export: no archive yet at \(DisplayPath.of(URL(fileURLWithPath: configuration.archive))); run `loa run` first",
                to: .standardError
            )
            throw ExitStatus.code(ExitStatus.rejected)
        }
        if let channel {
            let path = configuration.archive
            let archived = try await onOwnThread { try ArchiveStores.openForReading(path)?.channelsWithDeliveries() }
            if let problem = configuration.problem(withChannel: channel, alsoKnown: archived ?? []) {
                Console.write("loa export: --channel: \(problem)", to: .standardError)
                throw ExitStatus.code(ExitStatus.usage)
            }
        }
        let count: Int
        do {
            count = try await onOwnThread {
                guard let archive = try SQLiteArchive.openForReading(path: configuration.archive) else { return 0 }
                // A file is written whole or not at all: the previous report stays until the new one is complete.
                let sink = try OutputSink(output)
                if format == .csv {
                    // Streamed from the archive: no report rows are held, however long the period.
                    let count = try CSVReport(timeZone: configuration.timeZone, period: period)
                        .write(from: archive, filter: filter, progress: showProgress, to: sink.write)
                    try sink.finish()
                    return count
                }
                let rows = try ReportQuery(archive: archive, timeZone: configuration.timeZone)
                    .rows(filter, withHistory: format == .jsonl)
                switch format {
                case .xlsx:
                    let metrics = Figures.ordered(rows.flatMap(\.metrics.keys))
                    try sink.write(
                        try XLSXReport(timeZone: configuration.timeZone, period: period).bytes(rows, metrics: metrics)
                    )
                case .jsonl:
                    try JSONLinesReport().write(rows, progress: showProgress, to: sink.write)
                case .html, .csv:
                    let page = try HTMLReport(timeZone: configuration.timeZone, period: period)
                        .render(rows, range: range, generated: Date())
                    try sink.write(Data(page.utf8))
                }
                try sink.finish()
                return rows.count
            }
        } catch let problem as FileProblem {
            Console.write("loa export: \(problem)", to: .standardError)
            throw ExitStatus.code(ExitStatus.rejected)
        }
        if let output, Console.Stream.standardError.isTerminal {
            Console.write(
                "wrote \(DisplayPath.of(output)): \(count) \(count == 1 ? "delivery" : "deliveries")",
                to: .standardError
            )
        }
    }

    private func rangeLabel(_ filter: ReportFilter, _ dates: LocalDateFormat) -> String {
        switch (filter.from, filter.through) {
        case (let from?, let through?): "Từ \(dates.day(from)) đến \(dates.day(through))"
        case (let from?, nil): "Từ \(dates.day(from))"
        case (nil, let through?): "Đến \(dates.day(through))"
        case (nil, nil): "Toàn bộ lưu trữ"
        }
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
