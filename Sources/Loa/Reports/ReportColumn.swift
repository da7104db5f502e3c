import Foundation

/// A cell of the deliveries list before a format writes it.
public enum ReportValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    /// An instant, written as the local wall-clock time.
    case date(Date)
    /// A post's address: a hyperlink where the format has them and it is a web address, text otherwise.
    case address(String)
    case empty
}

/// One column of the deliveries list: its heading and how it reads a row.
///
/// CSV and the workbook's list sheet write exactly these columns, in this order, so a new column is added here
/// once and appears in both.
public struct ReportColumn: Sendable {
    public let heading: String
    public let value: @Sendable (ReportRow) -> ReportValue

    public init(_ heading: String, _ value: @escaping @Sendable (ReportRow) -> ReportValue) {
        self.heading = heading
        self.value = value
    }

    /// The columns of the deliveries list: the announcement, where and how it went, then each metric.
    ///
    /// The period is split into a year and a month or quarter (numbers): a text such as `2026-11` is silently
    /// turned into a date by Excel. With `.year` there is no second period column.
    ///
    /// A channel is shown by its name in loa.yml (`channelNames`, by id), or its id when it has none, and by its
    /// id in the next column, for machines.
    public static func list(
        metrics: [String],
        period: ReportPeriod,
        timeZone: TimeZone,
        channelNames: [String: String] = [:]
    ) -> [ReportColumn] {
        let format = LocalDateFormat(timeZone: timeZone)
        var columns = [
            ReportColumn("Mã tin") { .text($0.announcementID) },
            ReportColumn("Lần sửa") { .number($0.revision) },
            ReportColumn("Tiêu đề") { .text($0.title) },
            ReportColumn("Chuyên mục") { .text($0.category.label) },
            ReportColumn("Đơn vị") { .text($0.unit) },
            ReportColumn("Kênh") { .text(channelNames[$0.channel] ?? $0.channel) },
            ReportColumn("Mã kênh") { .text($0.channel) },
            ReportColumn("Nền tảng") { .text($0.platform.rawValue) },
            ReportColumn("Năm") { .number(format.components($0.publishAt).year) },
        ]
        switch period {
        case .month:
            columns.append(ReportColumn("Tháng") { .number(format.components($0.publishAt).month) })
        case .quarter:
            columns.append(ReportColumn("Quý") { .number((format.components($0.publishAt).month - 1) / 3 + 1) })
        case .year:
            break
        }
        columns += [
            ReportColumn("Thời gian đăng dự kiến") { .date($0.publishAt) },
            ReportColumn("Thời gian đăng") { $0.deliveredAt.map(ReportValue.date) ?? .empty },
            ReportColumn("Trạng thái") { .text($0.status.vietnameseLabel) },
            ReportColumn("Liên kết") { $0.remoteURL.map(ReportValue.address) ?? .empty },
            ReportColumn("Số lần gửi") { .number($0.attempts) },
        ]
        columns += metrics.map { metric in
            ReportColumn(Figures.label(metric)) { $0.metrics[metric].map(ReportValue.number) ?? .empty }
        }
        return columns
    }
}
