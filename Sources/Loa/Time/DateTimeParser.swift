import Foundation

/// Reads the date-times an officer writes in a queue file or on the command line.
///
/// Three forms are accepted, and never a month-first one:
/// - ISO 8601 with an offset or `Z`: `2026-01-05T08:00:00+07:00`, `2026-01-05T01:00Z`;
/// - `yyyy-MM-dd HH:mm` (or with `T`, or with seconds), in the configured time zone;
/// - `dd/MM/yyyy HH:mm` (or with seconds), in the configured time zone.
/// The time of day may be written the Vietnamese way too: `7h30`, `7g30`, `19h` (``TimeOfDay``).
public struct DateTimeParser: Sendable {
    /// The zone that local times are read in.
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Why a text is not a date-time Loa accepts.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case unrecognised(String)
        case dateOnly(String)
        case outOfRange(String, component: String)
        /// A year outside ``DateTimeParser/years``.
        case yearOutOfRange(String)
        /// A local time the zone skips, as when clocks jump forward for daylight saving time.
        case skippedTime(String, zone: String)

        public var description: String {
            switch self {
            case .unrecognised(let text): Message.dateUnrecognised(["text": text])
            case .dateOnly(let text): Message.dateOnly(["text": text])
            case .outOfRange(let text, let component):
                Message.dateOutOfRange(["text": text, "component": Self.word(component)])
            case .yearOutOfRange(let text):
                Message.dateYearOutOfRange([
                    "text": text, "lower": "\(DateTimeParser.years.lowerBound)",
                    "upper": "\(DateTimeParser.years.upperBound)",
                ])
            case .skippedTime(let text, let zone): Message.dateSkippedTime(["text": text, "zone": zone])
            }
        }

        /// The part of a date-time named `component` (day, month, hour, minute, offset), in the language.
        private static func word(_ component: String) -> String {
            let message: Message? =
                switch component {
                case "day": .dateDay
                case "month": .dateMonth
                case "hour": .dateHour
                case "minute": .dateMinute
                case "offset": .dateOffset
                default: nil
                }
            return message?() ?? component
        }
    }

    /// Parses a date-time in one of the accepted forms.
    public func parse(_ raw: String) -> Result<Date, Failure> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let fields = Fields(text) else { return .failure(.unrecognised(text)) }
        guard let hour = fields.hour, let minute = fields.minute else { return .failure(.dateOnly(text)) }
        return resolve(fields, hour: hour, minute: minute, text: text)
    }

    /// Parses a date-time, or a time of day alone (`19h`, `07:30`) as that time on the local day of `today`:
    /// for options such as `loa confirm --at`, where the day is most often today.
    public func parse(_ raw: String, orTimeOn today: Date) -> Result<Date, Failure> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let time = TimeOfDay(text) else { return parse(text) }
        var components = calendar.dateComponents([.year, .month, .day], from: today)
        components.hour = time.hour
        components.minute = time.minute
        guard let date = calendar.date(from: components) else { return .failure(.unrecognised(text)) }
        return .success(date)
    }

    /// Parses a calendar day (`yyyy-MM-dd` or `dd/MM/yyyy`) as its first instant in the configured zone.
    public func parseDay(_ raw: String) -> Result<Date, Failure> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let fields = Fields(text), fields.hour == nil, fields.offsetSeconds == nil else {
            return .failure(.unrecognised(text))
        }
        return resolve(fields, hour: 0, minute: 0, text: text)
    }

    /// The years Loa accepts: a year such as 0001 or 9999 is a typing slip, and formats and sorts badly.
    public static let years = 2000...2999

    private func resolve(_ fields: Fields, hour: Int, minute: Int, text: String) -> Result<Date, Failure> {
        guard Self.years.contains(fields.year) else { return .failure(.yearOutOfRange(text)) }
        guard (1...12).contains(fields.month) else { return .failure(.outOfRange(text, component: "month")) }
        guard (0...23).contains(hour) else { return .failure(.outOfRange(text, component: "hour")) }
        guard (0...59).contains(minute), (0...59).contains(fields.second) else {
            return .failure(.outOfRange(text, component: "minute"))
        }
        var components = DateComponents()
        components.year = fields.year
        components.month = fields.month
        components.day = fields.day
        components.hour = hour
        components.minute = minute
        components.second = fields.second
        var zoned = calendar
        if let offset = fields.offsetSeconds {
            guard let zone = TimeZone(secondsFromGMT: offset) else {
                return .failure(.outOfRange(text, component: "offset"))
            }
            zoned.timeZone = zone
        }
        guard let date = zoned.date(from: components),
            zoned.component(.day, from: date) == fields.day,
            zoned.component(.month, from: date) == fields.month
        else { return .failure(.outOfRange(text, component: "day")) }
        // A time the zone skips comes back moved (02:30 on a spring-forward night reads as 03:30): say so.
        guard
            fields.offsetSeconds != nil
                || (zoned.component(.hour, from: date) == hour && zoned.component(.minute, from: date) == minute)
        else { return .failure(.skippedTime(text, zone: timeZone.identifier)) }
        return .success(date)
    }

    /// The numbers of a date-time, split by hand: the forms are few and a regex engine buys nothing.
    private struct Fields {
        var year = 0
        var month = 0
        var day = 0
        var hour: Int?
        var minute: Int?
        var second = 0
        var offsetSeconds: Int?

        init?(_ text: String) {
            var scanner = DigitScanner(text)
            guard let first = scanner.number() else { return nil }
            if scanner.take("-") {
                // yyyy-MM-dd
                guard first.digits == 4, let month = scanner.number(), month.digits <= 2, scanner.take("-"),
                    let day = scanner.number(), day.digits <= 2
                else { return nil }
                (year, self.month, self.day) = (first.value, month.value, day.value)
            } else if scanner.take("/") {
                // dd/MM/yyyy
                guard first.digits <= 2, let month = scanner.number(), month.digits <= 2, scanner.take("/"),
                    let year = scanner.number(), year.digits == 4
                else { return nil }
                (self.year, self.month, day) = (year.value, month.value, first.value)
            } else {
                return nil
            }
            if scanner.isAtEnd { return }
            guard scanner.take("T") || scanner.take("t") || scanner.skipSpaces() else { return nil }
            guard let time = TimeOfDay.read(&scanner) else { return nil }
            (self.hour, self.minute) = (time.hour, time.minute)
            if scanner.take(":") {
                guard let second = scanner.number(), second.digits == 2 else { return nil }
                self.second = second.value
                if scanner.take(".") || scanner.take(",") { _ = scanner.number() }
            }
            _ = scanner.skipSpaces()
            if scanner.isAtEnd { return }
            if scanner.take("Z") || scanner.take("z") {
                offsetSeconds = 0
            } else if let sign = scanner.takeSign(), let hours = scanner.number() {
                var minutes = 0
                var offsetHours = hours.value
                if hours.digits == 4 {
                    (offsetHours, minutes) = (hours.value / 100, hours.value % 100)
                } else if scanner.take(":") {
                    guard let value = scanner.number(), value.digits == 2 else { return nil }
                    minutes = value.value
                } else if hours.digits > 2 {
                    return nil
                }
                guard offsetHours <= 14, minutes < 60 else { return nil }
                offsetSeconds = sign * (offsetHours * 3600 + minutes * 60)
            } else {
                return nil
            }
            guard scanner.isAtEnd else { return nil }
        }
    }
}

/// A cursor over ASCII digits and separators.
struct DigitScanner {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    var isAtEnd: Bool { position == scalars.count }

    mutating func number() -> (value: Int, digits: Int)? {
        var value = 0
        var digits = 0
        while position < scalars.count, let digit = scalars[position].asciiDigit, digits < 9 {
            value = value * 10 + digit
            digits += 1
            position += 1
        }
        return digits == 0 ? nil : (value, digits)
    }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard position < scalars.count, scalars[position] == scalar else { return false }
        position += 1
        return true
    }

    mutating func takeSign() -> Int? {
        if take("+") { return 1 }
        if take("-") || take("\u{2212}") { return -1 }
        return nil
    }

    /// Skips spaces and reports whether there were any.
    mutating func skipSpaces() -> Bool {
        let start = position
        while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
        return position > start
    }
}

extension Unicode.Scalar {
    fileprivate var asciiDigit: Int? {
        ("0"..."9").contains(self) ? Int(value - 48) : nil
    }
}
