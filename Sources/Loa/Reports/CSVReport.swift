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

    /// Writes the report in chunks to `write`, telling `progress` how many rows are done out of how many.
    public func write(
        _ rows: [ReportRow],
        metrics: [String],
        progress: ((Int, Int) -> Void)? = nil,
        to write: (Data) throws -> Void
    ) throws {
        let dates = LocalDateFormat(timeZone: timeZone)
        var buffer = Data([0xEF, 0xBB, 0xBF])
        buffer.reserveCapacity(1 << 20)
        Self.appendLine(Self.headings(metrics: metrics).map(Self.text), to: &buffer)
        var done = 0
        for row in rows {
            var cells = [
                Self.text(row.announcementID), String(row.revision), Self.text(row.title),
                Self.text(row.category.label),
                Self.text(row.unit), Self.text(row.channel), row.platform.rawValue,
                period.bucket(of: row.publishAt, dates).key, dates.dayAndTime(row.publishAt),
                row.deliveredAt.map(dates.dayAndTime) ?? "", Self.text(row.status.vietnameseLabel),
                Self.text(row.remoteURL ?? ""), String(row.attempts),
            ]
            for metric in metrics { cells.append(row.metrics[metric].map(String.init) ?? "") }
            Self.appendLine(cells, to: &buffer)
            if buffer.count > 1 << 20 {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
                progress?(done, rows.count)
            }
            done += 1
        }
        try write(buffer)
        progress?(rows.count, rows.count)
    }

    private static func appendLine(_ cells: [String], to buffer: inout Data) {
        buffer.append(contentsOf: cells.joined(separator: ",").utf8)
        buffer.append(contentsOf: [0x0D, 0x0A])
    }

    /// A text cell, guarded against formulas and quoted when it must be.
    ///
    /// Works on UTF-8 bytes: character by character, this was most of an export's time.
    static func text(_ value: String) -> String {
        let utf8 = value.utf8
        let guarded = utf8.first.map { [61, 43, 45, 64, 9, 13].contains($0) } ?? false
        var needsQuotes = false
        var hasQuote = false
        for byte in utf8 {
            switch byte {
            case 34: hasQuote = true; needsQuotes = true
            case 44, 10, 13: needsQuotes = true
            default: continue
            }
        }
        if !needsQuotes { return guarded ? "'" + value : value }
        var bytes: [UInt8] = [34]
        bytes.reserveCapacity(utf8.count + 4)
        if guarded { bytes.append(39) }
        if hasQuote {
            for byte in utf8 {
                bytes.append(byte)
                if byte == 34 { bytes.append(34) }
            }
        } else {
            bytes.append(contentsOf: utf8)
        }
        bytes.append(34)
        return String(decoding: bytes, as: UTF8.self)
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
