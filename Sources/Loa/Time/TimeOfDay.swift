import Foundation

/// A time of day as officers write it: `07:30`, `7:30`, and the Vietnamese `7h30`, `7g30` (giờ), `19h`, `19g`.
///
/// One reader for every place Loa takes a time of day (`publish_at`, `--now`, `--at`, `quiet_hours`), so that
/// what one accepts the others accept too.
public struct TimeOfDay: Sendable, Hashable {
    public var hour: Int
    public var minute: Int

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Minutes after midnight.
    public var minutes: Int { hour * 60 + minute }

    /// Reads a whole text as a time of day; `allowing24` also takes `24:00` (the end of a day, for a window).
    /// Hours and minutes are checked: `25h`, `7h60` are nil.
    public init?(_ text: some StringProtocol, allowing24: Bool = false) {
        var scanner = DigitScanner(String(text).trimmingCharacters(in: .whitespaces))
        guard let parsed = Self.read(&scanner), scanner.isAtEnd else { return nil }
        let limit = allowing24 ? 24 : 23
        guard parsed.hour <= limit, parsed.minute <= 59, parsed.hour * 60 + parsed.minute <= limit * 60 + 59,
            parsed.hour < 24 || parsed.minute == 0
        else { return nil }
        self = parsed
    }

    /// Reads a time of day at the scanner's position, its ranges unchecked: `7:30` (minutes in two digits),
    /// `7h30`, `7g30`, `7h`, `19g`; nil (the scanner moved) when there is none.
    static func read(_ scanner: inout DigitScanner) -> TimeOfDay? {
        guard let hour = scanner.number(), hour.digits <= 2 else { return nil }
        if scanner.take(":") {
            guard let minute = scanner.number(), minute.digits == 2 else { return nil }
            return TimeOfDay(hour: hour.value, minute: minute.value)
        }
        guard scanner.take("h") || scanner.take("H") || scanner.take("g") || scanner.take("G") else { return nil }
        guard let minute = scanner.number() else { return TimeOfDay(hour: hour.value, minute: 0) }
        guard minute.digits == 2 else { return nil }
        return TimeOfDay(hour: hour.value, minute: minute.value)
    }
}
