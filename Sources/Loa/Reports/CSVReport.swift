import Foundation
import GRDB

/// The report as CSV for Excel on Windows: RFC 4180, UTF-8 with a byte-order mark, CRLF line ends.
///
/// A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so a
/// title can never run as a formula when the file is opened (CSV injection).
public struct CSVReport: Sendable {
    public let timeZone: TimeZone
    public let period: ReportPeriod

    public init(timeZone: TimeZone, period: ReportPeriod) {
        self.timeZone = timeZone
        self.period = period
    }

    /// Writes the report straight from the archive, in chunks to `write`; returns how many rows it wrote.
    ///
    /// Rows go from SQLite into the output buffer without report rows or `String`s in between: text columns
    /// are escaped as bytes, dates are read and written by arithmetic, labels are prepared once. Announcements
    /// are read in report order and each one's deliveries along the index, so nothing is sorted as a whole; the
    /// latest figures come with each delivery (``FiguresColumn``).
    public func write(
        from archive: Archive,
        filter: ReportFilter,
        progress: ((Int, Int) -> Void)? = nil,
        to write: (Data) throws -> Void
    ) throws -> Int {
        try archive.writer.read { db in
            let metrics = Figures.ordered(try String.fetchAll(db, sql: "SELECT metric FROM engagement_metrics"))
            let metricBytes = metrics.map { Array($0.utf8) }
            // Counted only for a progress bar: the count is a query of its own.
            let total = progress == nil ? 0 : try ReportQuery.count(filter, timeZone: timeZone, db)
            let window = ReportQuery.window(filter, timeZone: timeZone)
            let (announcementFilter, arguments) = ReportQuery.announcementConditions(filter)
            let announcements = try RawRows(
                db,
                sql: """
                    SELECT id, revision, title, category, unit, publish_at FROM announcements
                    \(announcementFilter) ORDER BY \(ReportQuery.announcementOrder())
                    """,
                arguments: arguments
            )
            let deliveries = try RawRows(
                db,
                sql: """
                    SELECT channel, platform, due_at, sent_at, status, remote_url,
                        \(DeliveryRecord.triesSQL(deliveryID: "deliveries.id")), figures FROM deliveries
                    WHERE announcement_id = ? AND revision = ? ORDER BY channel
                    """
            )
            var out = CSVBuffer(format: LocalDateFormat(timeZone: timeZone), period: period)
            out.bytes.append(contentsOf: [0xEF, 0xBB, 0xBF])
            out.line(
                ReportColumn.list(metrics: metrics, period: period, timeZone: timeZone).map {
                    CSVBuffer.cell($0.heading)
                }
            )
            let categories = Dictionary(
                uniqueKeysWithValues: Category.allCases.map { ($0.rawValue, CSVBuffer.cell($0.label)) }
            )
            let statuses = DeliveryStatus.allCases.map {
                (raw: Array($0.rawValue.utf8), label: CSVBuffer.cell($0.vietnameseLabel))
            }
            var count = 0
            while try announcements.next() {
                guard let id = announcements.bytes(0) else { continue }
                let category = categories[announcements.string(3) ?? ""] ?? []
                let published = announcements.bytes(5).flatMap(DatabaseDate.milliseconds)
                deliveries.reset()
                deliveries.bind(1, text: id)
                deliveries.bind(2, int: announcements.int(1))
                while try deliveries.next() {
                    guard let time = published ?? deliveries.bytes(2).flatMap(DatabaseDate.milliseconds),
                        window.contains(time)
                    else { continue }
                    if let pattern = filter.channel, !Glob.matches(pattern, deliveries.string(0) ?? "") { continue }
                    out.text(id)
                    out.comma()
                    out.integer(announcements.int(1))
                    out.comma()
                    out.text(announcements.bytes(2))
                    out.comma()
                    out.bytes.append(contentsOf: category)
                    out.comma()
                    out.text(announcements.bytes(4))
                    out.comma()
                    out.text(deliveries.bytes(0))
                    out.comma()
                    out.text(deliveries.bytes(1))
                    out.comma()
                    out.periodAndTime(milliseconds: time)
                    out.comma()
                    if let sent = deliveries.bytes(3).flatMap(DatabaseDate.milliseconds) {
                        out.time(milliseconds: sent)
                    }
                    out.comma()
                    if let status = deliveries.bytes(4) {
                        out.bytes.append(contentsOf: statuses.first { $0.raw.elementsEqual(status) }?.label ?? [])
                    }
                    out.comma()
                    out.text(deliveries.bytes(5))
                    out.comma()
                    out.integer(deliveries.int(6))
                    for value in FiguresColumn.values(deliveries.bytes(7), metricBytes) {
                        out.comma()
                        if let value { out.integer(value) }
                    }
                    out.bytes.append(contentsOf: [0x0D, 0x0A])
                    count += 1
                    if out.bytes.count > 1 << 20 {
                        try write(Data(out.bytes))
                        out.bytes.removeAll(keepingCapacity: true)
                        progress?(count, total)
                    }
                }
            }
            try write(Data(out.bytes))
            // The total counts channels a `--channel` pattern leaves out; the bar ends full all the same.
            progress?(count, count)
            return count
        }
    }

    /// A text cell, guarded against formulas and quoted when it must be (``CSVBuffer/text(_:)``).
    static func text(_ value: String) -> String {
        String(decoding: CSVBuffer.cell(value), as: UTF8.self)
    }
}

/// The report as JSON Lines: one object per delivery with every field and the whole metric history.
public struct JSONLinesReport: Sendable {
    public init() {}

    public func write(
        _ rows: [ReportRow],
        progress: ((Int, Int) -> Void)? = nil,
        to write: (Data) throws -> Void
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var buffer = Data()
        for (done, row) in rows.enumerated() {
            buffer.append(try encoder.encode(row))
            buffer.append(0x0A)
            if buffer.count > 1 << 20 {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
                progress?(done, rows.count)
            }
        }
        try write(buffer)
        progress?(rows.count, rows.count)
    }
}

/// The bytes of a CSV file being written, with the cell writers the streaming export uses.
struct CSVBuffer {
    var bytes: [UInt8] = []
    let format: LocalDateFormat
    let period: ReportPeriod

    init(format: LocalDateFormat, period: ReportPeriod) {
        self.format = format
        self.period = period
        bytes.reserveCapacity(1 << 21)
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

    /// A text cell from UTF-8 bytes: a leading formula character disarmed with `'`, quoted when needed.
    mutating func text(_ source: UnsafeRawBufferPointer?) {
        guard let source else { return }
        Self.escape(source, into: &bytes)
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

    /// The period's year and, by month or quarter, its number within the year (each a cell), a comma, then
    /// `yyyy-MM-dd HH:mm`, of an instant in milliseconds since 1970.
    mutating func periodAndTime(milliseconds: Int) {
        let seconds = Self.seconds(milliseconds)
        let parts = format.components(unixSeconds: seconds)
        bytes.append(contentsOf: String(parts.year).utf8)
        switch period {
        case .month:
            comma()
            integer(parts.month)
        case .quarter:
            comma()
            integer((parts.month - 1) / 3 + 1)
        case .year:
            break
        }
        comma()
        local(seconds)
    }

    /// `yyyy-MM-dd HH:mm` of an instant in milliseconds since 1970.
    mutating func time(milliseconds: Int) {
        local(Self.seconds(milliseconds))
    }

    /// Whole seconds, rounded down, of milliseconds since 1970.
    private static func seconds(_ milliseconds: Int) -> Int {
        milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
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
