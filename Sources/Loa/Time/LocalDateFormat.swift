import Foundation

/// Writes dates the way Vietnamese readers expect them: `05/01/2026`, `08:00`, in the configured zone.
public struct LocalDateFormat: Sendable {
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// `dd/MM/yyyy`.
    public func day(_ date: Date) -> String {
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        return "\(pad(parts.day ?? 0))/\(pad(parts.month ?? 0))/\(parts.year ?? 0)"
    }

    /// `HH:mm`.
    public func time(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return "\(pad(parts.hour ?? 0)):\(pad(parts.minute ?? 0))"
    }

    /// `dd/MM/yyyy HH:mm`.
    public func dayAndTime(_ date: Date) -> String { "\(day(date)) \(time(date))" }

    /// `yyyy-MM-dd`, for file names that sort by date.
    public func sortableDay(_ date: Date) -> String {
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        return "\(parts.year ?? 0)-\(pad(parts.month ?? 0))-\(pad(parts.day ?? 0))"
    }

    /// Minutes after local midnight.
    public func minuteOfDay(_ date: Date) -> Int {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
