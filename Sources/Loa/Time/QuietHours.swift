import Foundation

/// A daily window in local time during which a channel posts nothing: `22:00-06:00` (or `22h-6h`).
///
/// The window may wrap past midnight. A post due inside it waits until the window ends.
public struct QuietHours: Sendable, Hashable, CustomStringConvertible {
    /// Minutes after local midnight at which the window opens.
    public let start: Int
    /// Minutes after local midnight at which the window closes.
    public let end: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Self.minutes(parts[0]), let end = Self.minutes(parts[1]), start != end
        else { return nil }
        self.start = start
        self.end = end
    }

    public var description: String { "\(Self.clock(start))-\(Self.clock(end))" }

    /// Whether a minute of the local day falls inside the window.
    public func contains(minuteOfDay minute: Int) -> Bool {
        start < end ? (start..<end).contains(minute) : (minute >= start || minute < end)
    }

    /// `22:00`, `22h`, `6h30`, `6g30` (``TimeOfDay``); `24:00` is midnight.
    private static func minutes(_ text: Substring) -> Int? {
        TimeOfDay(text, allowing24: true).map { $0.minutes % (24 * 60) }
    }

    private static func clock(_ minutes: Int) -> String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
