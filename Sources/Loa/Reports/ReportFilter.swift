import Foundation

/// Which deliveries a report covers.
public struct ReportFilter: Sendable {
    /// The first day, from its local midnight.
    public var from: Date?
    /// The last day, up to its end.
    public var through: Date?
    public var unit: String?
    public var category: Category?
    /// A channel id or glob.
    public var channel: String?

    public init(
        from: Date? = nil,
        through: Date? = nil,
        unit: String? = nil,
        category: Category? = nil,
        channel: String? = nil
    ) {
        self.from = from
        self.through = through
        self.unit = unit
        self.category = category
        self.channel = channel
    }

    /// Why the filter cannot give the report that was meant, as a sentence naming the option; nil when it can.
    ///
    /// A unit or channel that nothing in the archive (or loa.yml) has is a typing slip far more often than a
    /// question whose answer is "nothing": it is refused with the nearest name, not answered with an empty report.
    /// `units` are the units of the archive's announcements, `channels` the channels of loa.yml and the archive.
    public func problem(units: some Collection<String>, channels: some Collection<String>, timeZone: TimeZone)
        -> String?
    {
        if let from, let through, from > through {
            let format = LocalDateFormat(timeZone: timeZone)
            return Message.filterFromAfterTo(["from": format.day(from), "to": format.day(through)])
        }
        if let unit {
            let wanted = VietnameseText.nfc(unit)
            if !units.contains(where: { VietnameseText.nfc($0) == wanted }) {
                return Message.filterNoUnit(["unit": unit]) + Self.hint(unit, among: units)
            }
        }
        if let channel, !channels.contains(where: { Glob.matches(channel, $0) }) {
            return Message.filterNoChannel(["channel": channel])
                + Self.hint(channel, among: channels)
        }
        return nil
    }

    /// " (did you mean 'x'?)" for a likely typo, else the names there are when they are few enough to read.
    private static func hint(_ word: String, among names: some Collection<String>) -> String {
        if let closest = Suggestion.closest(to: word, among: names) {
            return Message.suggestionDidYouMean(["word": closest])
        }
        guard !names.isEmpty else { return Message.filterNoneYet() }
        let sorted = names.sorted { $0.compare($1, locale: Locale(identifier: "vi_VN")) == .orderedAscending }
        guard sorted.count <= 12 else { return "" }
        return Message.filterExpectedOneOf(["names": sorted.map { "'\($0)'" }.joined(separator: ", ")])
    }

    /// The instants the filter's days cover, in milliseconds since 1970: from the first day's local midnight up
    /// to, not including, the midnight after the last day.
    public func window(timeZone: TimeZone) -> ReportWindow {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let until = through.map { calendar.date(byAdding: .day, value: 1, to: $0) ?? $0 }
        return ReportWindow(
            from: from.map { Int(($0.timeIntervalSince1970 * 1000).rounded(.down)) },
            until: until.map { Int(($0.timeIntervalSince1970 * 1000).rounded(.down)) }
        )
    }
}

/// The instants a report covers, in milliseconds since 1970; nil for no bound.
public struct ReportWindow: Sendable, Equatable {
    public var from: Int?
    public var until: Int?

    public func contains(_ milliseconds: Int) -> Bool {
        (from.map { milliseconds >= $0 } ?? true) && (until.map { milliseconds < $0 } ?? true)
    }
}
