import Foundation

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

    /// The headings: Vietnamese, as the reports are read by officers.
    public static func headings(metrics: [String]) -> [String] {
        [
            "Mã tin", "Lần sửa", "Tiêu đề", "Chuyên mục", "Đơn vị", "Kênh", "Nền tảng", "Kỳ", "Thời gian đăng dự kiến",
            "Thời gian đăng", "Trạng thái", "Liên kết", "Số lần gửi",
        ] + metrics.map(Figures.label)
    }

    /// Writes the report in chunks to `write`.
    public func write(_ rows: [ReportRow], metrics: [String], to write: (Data) throws -> Void) throws {
        let dates = LocalDateFormat(timeZone: timeZone)
        var buffer = Data([0xEF, 0xBB, 0xBF])
        buffer.reserveCapacity(1 << 20)
        Self.appendLine(Self.headings(metrics: metrics).map(Self.text), to: &buffer)
        for row in rows {
            var cells = [
                Self.text(row.announcementID), String(row.revision), Self.text(row.title),
                Self.text(row.category.label),
                Self.text(row.unit), Self.text(row.channel), row.platform.rawValue,
                period.bucket(of: row.publishAt, in: timeZone).key, dates.dayAndTime(row.publishAt),
                row.deliveredAt.map(dates.dayAndTime) ?? "", Self.text(row.status.vietnameseLabel),
                Self.text(row.remoteURL ?? ""), String(row.attempts),
            ]
            for metric in metrics { cells.append(row.metrics[metric].map(String.init) ?? "") }
            Self.appendLine(cells, to: &buffer)
            if buffer.count > 1 << 20 {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try write(buffer)
    }

    private static func appendLine(_ cells: [String], to buffer: inout Data) {
        buffer.append(contentsOf: cells.joined(separator: ",").utf8)
        buffer.append(contentsOf: [0x0D, 0x0A])
    }

    /// A text cell, guarded against formulas and quoted when it must be.
    static func text(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The report as JSON Lines: one object per delivery with every field and the whole metric history.
public struct JSONLinesReport: Sendable {
    public init() {}

    public func write(_ rows: [ReportRow], to write: (Data) throws -> Void) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var buffer = Data()
        for row in rows {
            buffer.append(try encoder.encode(row))
            buffer.append(0x0A)
            if buffer.count > 1 << 20 {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try write(buffer)
    }
}
