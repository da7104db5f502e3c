import Foundation

/// The report as CSV, for machines and for Excel on Windows: RFC 4180, UTF-8 with a byte-order mark, CRLF line
/// ends, the columns of ``ReportColumn/list(metrics:period:timeZone:channelNames:)``.
///
/// A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so a
/// title can never run as a formula when the file is opened (CSV injection).
public struct CSVReport: Sendable {
    public let timeZone: TimeZone
    public let period: ReportPeriod
    /// Each channel's name in loa.yml, by id.
    public let channelNames: [String: String]

    public init(timeZone: TimeZone, period: ReportPeriod, channelNames: [String: String] = [:]) {
        self.timeZone = timeZone
        self.period = period
        self.channelNames = channelNames
    }

    /// Writes the report from the archive, row by row as the archive reads them, in chunks of about 1 MiB to
    /// `write`; returns how many rows it wrote. No row is held after it is written, however long the period.
    public func write(
        from archive: any Archive,
        filter: ReportFilter,
        progress: ((Int, Int) -> Void)? = nil,
        to write: (Data) throws -> Void
    ) throws -> Int {
        let columns = ReportColumn.list(
            metrics: try archive.reportMetrics(),
            period: period,
            timeZone: timeZone,
            channelNames: channelNames
        )
        // Counted only for a progress bar: the count is a query of its own.
        let total = progress == nil ? 0 : try archive.reportCount(filter, timeZone: timeZone)
        var out = CSVBuffer(format: LocalDateFormat(timeZone: timeZone))
        out.bytes.append(contentsOf: [0xEF, 0xBB, 0xBF])
        out.line(columns.map { CSVBuffer.cell($0.heading) })
        var count = 0
        try archive.forEachReportRow(filter, timeZone: timeZone) { row in
            for (index, column) in columns.enumerated() {
                if index > 0 { out.comma() }
                out.value(column.value(row))
            }
            out.bytes.append(contentsOf: [0x0D, 0x0A])
            count += 1
            if out.bytes.count > 1 << 20 {
                try write(Data(out.bytes))
                out.bytes.removeAll(keepingCapacity: true)
                progress?(count, total)
            }
        }
        try write(Data(out.bytes))
        // The total counts channels a `--channel` pattern leaves out; the bar ends full all the same.
        progress?(count, count)
        return count
    }

    /// `--by-unit`: a line per unit, those that posted nothing too, in the columns of ``UnitSummary/headings``;
    /// a figure never recorded is an empty cell.
    public func write(_ units: UnitSummary, to write: (Data) throws -> Void) throws {
        var out = CSVBuffer(format: LocalDateFormat(timeZone: timeZone))
        out.bytes.append(contentsOf: [0xEF, 0xBB, 0xBF])
        out.line(units.headings.map(CSVBuffer.cell))
        for line in units.lines {
            out.value(.text(line.unit))
            for number in [line.announcements, line.posts] + line.postsPerPeriod {
                out.comma()
                out.value(.number(number))
            }
            for figure in [line.interactions, line.views] {
                out.comma()
                out.value(figure.map(ReportValue.number) ?? .empty)
            }
            out.bytes.append(contentsOf: [0x0D, 0x0A])
        }
        try write(Data(out.bytes))
    }

    /// A text cell, guarded against formulas and quoted when it must be (``CSVBuffer/value(_:)``).
    static func text(_ value: String) -> String {
        String(decoding: CSVBuffer.cell(value), as: UTF8.self)
    }
}

/// The bytes of a CSV file being written, with a writer for each kind of cell.
struct CSVBuffer {
    var bytes: [UInt8] = []
    let format: LocalDateFormat

    init(format: LocalDateFormat) {
        self.format = format
        bytes.reserveCapacity(1 << 21)
    }

    /// A cell: text guarded and quoted, numbers in digits, instants as `yyyy-MM-dd HH:mm`, an address as text.
    mutating func value(_ value: ReportValue) {
        switch value {
        case .text(var text), .address(var text):
            text.withUTF8 { Self.escape(UnsafeRawBufferPointer($0), into: &bytes) }
        case .number(let number):
            integer(number)
        case .date(let date):
            local(Int(date.timeIntervalSince1970.rounded(.down)))
        case .empty:
            break
        }
    }

    mutating func comma() { bytes.append(44) }

    mutating func line(_ cells: [[UInt8]]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { comma() }
            bytes.append(contentsOf: cell)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// `=`, `+`, `-`, `@`, tab and carriage return: a cell starting with one may run as a formula.
    private static let formulaStarts: Set<UInt8> = [61, 43, 45, 64, 9, 13]

    /// A quote, a comma or a line end.
    private static func needsQuoting(_ byte: UInt8) -> Bool {
        byte == 34 || byte == 44 || byte == 10 || byte == 13
    }

    /// The bytes of a text cell, for headings and labels prepared once.
    static func cell(_ text: String) -> [UInt8] {
        var buffer: [UInt8] = []
        var text = text
        text.withUTF8 { escape(UnsafeRawBufferPointer($0), into: &buffer) }
        return buffer
    }

    private static func escape(_ source: UnsafeRawBufferPointer, into bytes: inout [UInt8]) {
        guard let first = source.first else { return }
        let guarded = formulaStarts.contains(first)
        let needsQuotes = source.contains(where: needsQuoting)
        if needsQuotes { bytes.append(34) }
        if guarded { bytes.append(39) }
        if needsQuotes {
            for byte in source {
                bytes.append(byte)
                if byte == 34 { bytes.append(34) }
            }
            bytes.append(34)
        } else {
            bytes.append(contentsOf: source)
        }
    }

    /// `yyyy-MM-dd HH:mm`: the one form every locale's Excel reads as the same date (`07/12/2026` is 12 July in
    /// an English-locale Excel).
    private mutating func local(_ seconds: Int) {
        let parts = format.components(unixSeconds: seconds)
        bytes.append(contentsOf: String(parts.year).utf8)
        bytes.append(45)
        two(parts.month)
        bytes.append(45)
        two(parts.day)
        bytes.append(32)
        two(parts.hour)
        bytes.append(58)
        two(parts.minute)
    }

    private mutating func two(_ value: Int) {
        bytes.append(UInt8(48 + value / 10 % 10))
        bytes.append(UInt8(48 + value % 10))
    }
}
