import Foundation

/// A month, quarter or year named the way people say it: `11/2026`, `IV/2026` (or `4/2026`), `2026`.
///
/// `loa export --month`, `--quarter` and `--year` take one instead of `--from` and `--to`.
public struct CalendarPeriod: Sendable, Equatable {
    public let period: ReportPeriod
    public let year: Int
    /// The month (1–12) or the quarter (1–4); 1 for a year.
    public let number: Int

    /// The period `text` names, read as a `period`; nil when it names none.
    ///
    /// A month is `MM/yyyy` (`11/2026`, `3/2026`) or `yyyy-MM`; a quarter is a Roman or Arabic numeral, with or
    /// without `Q`, before the year (`IV/2026`, `4/2026`, `Q4/2026`) or `yyyy-Q4`; a year is `yyyy`.
    public init?(_ text: String, as period: ReportPeriod) {
        let text = text.trimmingCharacters(in: .whitespaces)
        let parts: (number: Substring, year: Substring)
        if period == .year {
            parts = ("1", Substring(text))
        } else if let slash = text.firstIndex(of: "/") {
            parts = (text[..<slash], text[text.index(after: slash)...])
        } else if let dash = text.firstIndex(of: "-") {
            parts = (text[text.index(after: dash)...], text[..<dash])
        } else {
            return nil
        }
        guard parts.year.count == 4, let year = Int(parts.year), DateTimeParser.years.contains(year) else {
            return nil
        }
        let number: Int?
        switch period {
        case .month:
            number = parts.number.count <= 2 && parts.number.allSatisfy(\.isASCII) ? Int(parts.number) : nil
        case .quarter:
            var numeral = parts.number.uppercased()
            if numeral.hasPrefix("Q") { numeral.removeFirst() }
            number = ["I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4][numeral]
        case .year:
            number = 1
        }
        guard let number, (1...(period == .month ? 12 : 4)).contains(number) else { return nil }
        self.period = period
        self.year = year
        self.number = number
    }

    /// What a `period` is written as, for an error message.
    public static func expected(_ period: ReportPeriod) -> String {
        switch period {
        case .month: Message.periodExpectedMonth()
        case .quarter: Message.periodExpectedQuarter()
        case .year: Message.periodExpectedYear()
        }
    }

    /// The first and last month it covers, 1–12.
    public var months: ClosedRange<Int> {
        switch period {
        case .month: number...number
        case .quarter: (number - 1) * 3 + 1...number * 3
        case .year: 1...12
        }
    }

    /// Its first day and its last day, each at local midnight in `timeZone`: a ``ReportFilter``'s `from` and
    /// `through`.
    public func days(in timeZone: TimeZone) -> (first: Date, last: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let first = calendar.date(from: DateComponents(year: year, month: months.lowerBound, day: 1)) ?? Date()
        let next = calendar.date(byAdding: .month, value: months.count, to: first) ?? first
        let last = calendar.date(byAdding: .day, value: -1, to: next) ?? first
        return (first, last)
    }

    /// `Tháng 11/2026`, `Quý IV/2026`, `Năm 2026`: the label reports give the same period.
    public var label: String {
        switch period {
        case .month: "Tháng \(number)/\(year)"
        case .quarter: "Quý \(["I", "II", "III", "IV"][number - 1])/\(year)"
        case .year: "Năm \(year)"
        }
    }
}
