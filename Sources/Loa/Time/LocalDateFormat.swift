import Foundation

/// Writes dates the way Vietnamese readers expect them: `05/01/2026`, `08:00`, in the configured zone.
///
/// The wall-clock fields come from the zone's offset at that instant and plain arithmetic, not from
/// `Calendar`: an export formats hundreds of thousands of dates, and `Calendar` was most of its time.
public struct LocalDateFormat: Sendable {
    private let timeZone: TimeZone
    /// The zone's offset when it never changes (Asia/Ho_Chi_Minh has had no DST since 1975).
    private let fixedOffset: Int?

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        let now = Date()
        // Samples a month apart across two years either side: a zone with DST shows two offsets.
        let offsets = stride(from: -24, through: 24, by: 1).map {
            timeZone.secondsFromGMT(for: now.addingTimeInterval(Double($0) * 30.5 * 86_400))
        }
        fixedOffset = Set(offsets).count == 1 ? offsets.first : nil
    }

    /// Year, month, day, hour, minute and second on the local wall clock.
    public func components(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        components(unixSeconds: Int((date.timeIntervalSince1970).rounded(.down)))
    }

    /// The same, for a whole number of seconds since 1970.
    func components(unixSeconds: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let offset = fixedOffset ?? timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(unixSeconds)))
        let parts = UTCTime.components(seconds: unixSeconds + offset)
        return (parts.0, parts.1, parts.2, parts.3, parts.4, parts.5)
    }

    /// `dd/MM/yyyy`.
    public func day(_ date: Date) -> String {
        let parts = components(date)
        return "\(pad(parts.day))/\(pad(parts.month))/\(parts.year)"
    }

    /// `HH:mm`.
    public func time(_ date: Date) -> String {
        let parts = components(date)
        return "\(pad(parts.hour)):\(pad(parts.minute))"
    }

    /// `dd/MM/yyyy HH:mm`.
    public func dayAndTime(_ date: Date) -> String {
        let parts = components(date)
        return "\(pad(parts.day))/\(pad(parts.month))/\(parts.year) \(pad(parts.hour)):\(pad(parts.minute))"
    }

    /// `yyyy-MM-dd`, for file names that sort by date.
    public func sortableDay(_ date: Date) -> String {
        let parts = components(date)
        return "\(parts.year)-\(pad(parts.month))-\(pad(parts.day))"
    }

    /// Minutes after local midnight.
    public func minuteOfDay(_ date: Date) -> Int {
        let parts = components(date)
        return parts.hour * 60 + parts.minute
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
