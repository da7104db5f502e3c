import Foundation

/// The city's view of its units (`loa export --by-unit`): for each unit, its posts in each period of the report,
/// the announcements and posts in all, and their interactions and views; a unit that posted nothing in the range
/// has its line too, with zeros, since that is what a city looks for.
///
/// The units are those of the report's rows, those `units:` in loa.yml names, and every unit the archive has seen
/// (its own announcements and imported exports, any time), written in NFC; ones that differ only in NFC are one.
public struct UnitSummary: Sendable, Equatable {
    /// A period column: a sortable key (`2026-11`) and its Vietnamese label (`Tháng 11/2026`).
    public struct Period: Sendable, Equatable {
        public var key: String
        public var label: String
    }

    public struct Line: Sendable, Equatable {
        public var unit: String
        /// Announcements with at least one post in the range.
        public var announcements: Int
        /// Posts on channels (one announcement on three channels is three).
        public var posts: Int
        /// Posts in each of ``UnitSummary/periods``, in order.
        public var postsPerPeriod: [Int]
        /// Reactions, comments and shares added up; nil when none was ever recorded for the unit's posts.
        public var interactions: Int?
        /// Views added up; nil when none was ever recorded.
        public var views: Int?

        /// Whether the unit posted nothing in the range.
        public var isSilent: Bool { posts == 0 }
    }

    public let periods: [Period]
    /// One line per unit, in Vietnamese alphabetical order.
    public let lines: [Line]

    /// The summary of `rows` (posted ones count), with a line for each of `knownUnits` too; the periods run from
    /// `from` through `through` when given, else over the rows' own.
    public init(
        _ rows: [ReportRow],
        knownUnits: [String],
        period: ReportPeriod,
        timeZone: TimeZone,
        from: Date? = nil,
        through: Date? = nil
    ) {
        let format = LocalDateFormat(timeZone: timeZone)
        let posted = rows.filter(\.isPosted)
        var periods: [Period] = []
        var seen: Set<String> = []
        func add(_ date: Date) {
            let bucket = period.bucket(of: date, format)
            if seen.insert(bucket.key).inserted { periods.append(Period(key: bucket.key, label: bucket.label)) }
        }
        let dates = posted.map(\.publishAt)
        if let first = from ?? dates.min(), let last = through ?? dates.max(), first <= last {
            // Every month between the two ends, so a period with no post still has its column.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            var month = calendar.date(from: calendar.dateComponents([.year, .month], from: first)) ?? first
            while month <= last {
                add(month)
                guard let next = calendar.date(byAdding: .month, value: 1, to: month) else { break }
                month = next
            }
            add(last)
        }
        periods.sort { $0.key < $1.key }
        self.periods = periods
        let column = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1.key, $0) })

        var units: [String: [ReportRow]] = [:]
        for unit in knownUnits + rows.map(\.unit) { units[VietnameseText.nfc(unit), default: []] = [] }
        for row in posted { units[VietnameseText.nfc(row.unit), default: []].append(row) }
        let vietnamese = Locale(identifier: "vi_VN")
        lines = units.keys.sorted { $0.compare($1, locale: vietnamese) == .orderedAscending }.map { unit in
            let rows = units[unit] ?? []
            var perPeriod = [Int](repeating: 0, count: periods.count)
            for row in rows {
                if let index = column[period.bucket(of: row.publishAt, format).key] { perPeriod[index] += 1 }
            }
            let interactions = rows.compactMap(HTMLReport.interactions)
            let views = rows.compactMap { $0.metrics["views"] }
            return Line(
                unit: unit,
                announcements: Set(rows.map(\.announcementID)).count,
                posts: rows.count,
                postsPerPeriod: perPeriod,
                interactions: interactions.isEmpty ? nil : Figures.sum(interactions),
                views: views.isEmpty ? nil : Figures.sum(views)
            )
        }
    }

    /// The units that posted nothing in the range.
    public var silentUnits: [String] { lines.filter(\.isSilent).map(\.unit) }

    /// The column headings, in Vietnamese, as every format writes them.
    public var headings: [String] {
        ["Đơn vị", "Tin bài đã đăng", "Lượt đăng"] + periods.map(\.label) + ["Tương tác", "Lượt xem"]
    }
}
