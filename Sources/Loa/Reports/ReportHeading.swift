import Foundation

/// What a report is about, as its title says: whose it is, which days it covers, and the filters used.
public struct ReportHeading: Sendable, Equatable {
    /// `Báo cáo truyền thông`, then the organisation and the unit filter when there are any.
    public var title: String
    /// `Tháng 11/2026`, `Từ 01/11/2026 đến 30/11/2026` or `Toàn bộ lưu trữ`.
    public var range: String
    /// The filters used, one phrase each (`Chuyên mục: Tin hoạt động`); empty for none.
    public var filters: [String]
    /// When the report was made.
    public var generated: Date

    public init(title: String, range: String, filters: [String], generated: Date) {
        self.title = title
        self.range = range
        self.filters = filters
        self.generated = generated
    }

    /// The heading of a report over `filter`: `named` is the month, quarter or year it was asked for, if any.
    public init(
        filter: ReportFilter,
        named: CalendarPeriod?,
        organisation: String?,
        timeZone: TimeZone,
        generated: Date
    ) {
        let dates = LocalDateFormat(timeZone: timeZone)
        let range: String =
            switch (named, filter.from, filter.through) {
            case (let named?, _, _): named.label
            case (nil, let from?, let through?): "Từ \(dates.day(from)) đến \(dates.day(through))"
            case (nil, let from?, nil): "Từ \(dates.day(from))"
            case (nil, nil, let through?): "Đến \(dates.day(through))"
            case (nil, nil, nil): "Toàn bộ lưu trữ"
            }
        var filters: [String] = []
        if let unit = filter.unit { filters.append("Đơn vị: \(VietnameseText.nfc(unit))") }
        if let category = filter.category { filters.append("Chuyên mục: \(category.label)") }
        if let channel = filter.channel { filters.append("Kênh: \(channel)") }
        let whose = [organisation, filter.unit.map(VietnameseText.nfc)].compactMap { $0 }.filter { !$0.isEmpty }
        self.init(
            title: (["Báo cáo truyền thông"] + whose).joined(separator: " – "),
            range: range,
            filters: filters,
            generated: generated
        )
    }

    /// The range and the filters in one line: `Tháng 11/2026 · Chuyên mục: Tin hoạt động`.
    public var scope: String {
        ([range] + filters).joined(separator: " · ")
    }
}
