import Foundation

/// The periods reports are grouped by: month, quarter or year, in the configured time zone.
public enum ReportPeriod: String, Sendable, CaseIterable {
    case month
    case quarter
    case year

    /// A sortable key (`2026-12`, `2026-Q4`, `2026`) and a Vietnamese label (`Tháng 12/2026`, `Quý IV/2026`).
    public func bucket(of date: Date, in timeZone: TimeZone) -> (key: String, label: String) {
        bucket(of: date, LocalDateFormat(timeZone: timeZone))
    }

    /// The same, with a formatter made once for many dates.
    public func bucket(of date: Date, _ format: LocalDateFormat) -> (key: String, label: String) {
        let parts = format.components(date)
        let year = parts.year
        let month = parts.month
        switch self {
        case .month:
            return ("\(year)-\(month < 10 ? "0" : "")\(month)", "Tháng \(month)/\(year)")
        case .quarter:
            let quarter = (month - 1) / 3 + 1
            return ("\(year)-Q\(quarter)", "Quý \(["I", "II", "III", "IV"][quarter - 1])/\(year)")
        case .year:
            return ("\(year)", "Năm \(year)")
        }
    }
}

/// Numbers and dates as Vietnamese readers write them.
public enum VietnameseNumber {
    /// `1250` → `1.250`.
    public static func format(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ".")
    }
}
