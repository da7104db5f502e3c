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

    @Option(name: .long, help: "Only this category: policy-update, model-practice or activity-news.")
    var category: String?

    @Option(name: .long, help: "Only this channel (an id or a glob).")
    var channel: String?

    @Option(name: .long, help: "The file to write (default: standard output, except for xlsx).")
    var output: String?

    func validate() throws {
        guard ReportPeriod(rawValue: period) != nil else {
            throw ValidationError("--period: '\(period)' is not one of month, quarter, year")
        }
        if let category, Loa.Category(rawValue: category) == nil {
            throw ValidationError(
                "--category: '\(category)' is not one of policy-update, model-practice, activity-news"
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
            category: category.flatMap(Loa.Category.init(rawValue:)),
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
        guard FileManager.default.fileExists(atPath: configuration.archive) else {
            Console.write(
                "loa export: no archive yet at \(DisplayPath.of(URL(fileURLWithPath: configuration.archive))); run `loa run` first",
                to: .standardError
            )
            throw ExitStatus.code(ExitStatus.rejected)
        }
        let count = try await onOwnThread {
            guard let archive = try Archive.openForReading(path: configuration.archive) else { return 0 }
            if format == .csv {
                // Streamed from the archive: no report rows are held, however long the period.
                let sink = try OutputSink(output)
                defer { sink.close() }
                return try CSVReport(timeZone: configuration.timeZone, period: period)
                    .write(from: archive, filter: filter, progress: showProgress, to: sink.write)
            }
            let rows = try ReportQuery(archive: archive, timeZone: configuration.timeZone)
                .rows(filter, withHistory: format == .jsonl)
            if format == .xlsx {
                let metrics = Figures.ordered(rows.flatMap(\.metrics.keys))
                let file =
                    output
                    ?? FileManager.default.temporaryDirectory.appendingPathComponent("loa-\(UUID().uuidString).xlsx")
                try XLSXReport(timeZone: configuration.timeZone, period: period).write(rows, metrics: metrics, to: file)
                if output == nil {
                    FileHandle.standardOutput.write(try Data(contentsOf: file))
                    try? FileManager.default.removeItem(at: file)
                }
                return rows.count
            }
            let sink = try OutputSink(output)
            defer { sink.close() }
            if format == .jsonl {
                try JSONLinesReport().write(rows, progress: showProgress, to: sink.write)
            } else {
                let page = try HTMLReport(timeZone: configuration.timeZone, period: period)
                    .render(rows, range: range, generated: Date())
                try sink.write(Data(page.utf8))
            }
            return rows.count
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

/// Standard output or a file, written in chunks.
private final class OutputSink {
    private let handle: FileHandle
    private let ownsHandle: Bool

    init(_ file: URL?) throws {
        if let file {
            FileManager.default.createFile(atPath: file.path, contents: nil)
            handle = try FileHandle(forWritingTo: file)
            ownsHandle = true
        } else {
            handle = .standardOutput
            ownsHandle = false
        }
    }

    func write(_ data: Data) throws {
        try handle.write(contentsOf: data)
    }

    func close() {
        if ownsHandle { try? handle.close() }
    }
}
