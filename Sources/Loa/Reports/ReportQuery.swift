import Foundation
import GRDB

/// Reads the rows of a report from the archive.
public struct ReportQuery: Sendable {
    public let archive: SQLiteArchive
    public let timeZone: TimeZone

    public init(archive: SQLiteArchive, timeZone: TimeZone) {
        self.archive = archive
        self.timeZone = timeZone
    }

    /// The deliveries the filter covers, by publish time then announcement and channel.
    public func rows(_ filter: ReportFilter, withHistory: Bool = false) throws -> [ReportRow] {
        try archive.database.read { db in
            let (whereClause, arguments) = Self.conditions(filter, timeZone: timeZone)
            // Columns are read by position: by name, GRDB looks each one up, on every row.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT d.id, d.announcement_id, d.revision, d.channel, d.platform, d.transport, d.status,
                           d.due_at, d.sent_at, d.remote_url, \(DeliveryRecord.triesSQL(deliveryID: "d.id")),
                           a.title, a.category, a.unit, a.publish_at, d.figures
                    FROM deliveries d JOIN announcements a ON a.id = d.announcement_id AND a.revision = d.revision
                    \(whereClause)
                    ORDER BY \(Self.announcementOrder("a.")), d.channel
                    """,
                arguments: arguments
            )
            var result: [ReportRow] = []
            var index: [String: Int] = [:]
            while let row = try rows.next() {
                let channel: String = row[3]
                if let pattern = filter.channel, !Glob.matches(pattern, channel) { continue }
                let id: String = row[0]
                index[id] = result.count
                let category: String = row[12]
                let publishText: String? = row[14]
                let dueText: String = row[7]
                result.append(
                    ReportRow(
                        deliveryID: id,
                        announcementID: row[1],
                        revision: row[2],
                        title: row[11],
                        category: Category(rawValue: category) ?? .activityNews,
                        unit: row[13],
                        channel: channel,
                        platform: Platform(rawValue: row[4]) ?? .plain,
                        transport: TransportKind(rawValue: row[5]) ?? .webhook,
                        publishAt: DatabaseDate.parse(publishText ?? dueText) ?? Date(timeIntervalSince1970: 0),
                        deliveredAt: (row[8] as String?).flatMap(DatabaseDate.parse),
                        status: DeliveryStatus(rawValue: row[6]) ?? .pending,
                        remoteURL: row[9],
                        attempts: row[10],
                        metrics: withHistory ? [:] : FiguresColumn.figures(row[15]),
                        history: []
                    )
                )
            }
            guard withHistory, !result.isEmpty else { return result }
            // Figures and their history in one pass over the snapshots, oldest first, so the last value seen is
            // the latest.
            let snapshots = try Row.fetchCursor(
                db,
                sql:
                    "SELECT delivery_id, metric, value, taken_at, source FROM engagement_snapshots ORDER BY taken_at, id"
            )
            while let snapshot = try snapshots.next() {
                guard let position = index[snapshot["delivery_id"]] else { continue }
                let metric: String = snapshot["metric"]
                let value: Int = snapshot["value"]
                result[position].metrics[metric] = value
                result[position].history.append(
                    ReportRow.Snapshot(
                        metric: metric,
                        value: value,
                        takenAt: snapshot["taken_at"],
                        source: snapshot["source"]
                    )
                )
            }
            return result
        }
    }

    /// The order of a report: announcements by publish time (or when Loa first saw them, for those published on
    /// sight), then id and revision; within one, deliveries by channel. The columns of `announcements`, with
    /// `prefix` before each (`a.` in a join).
    static func announcementOrder(_ prefix: String = "") -> String {
        "coalesce(\(prefix)publish_at, \(prefix)first_seen_at), \(prefix)id, \(prefix)revision"
    }

    /// The `WHERE` clause and its arguments for a filter's dates, unit and category, over `deliveries d` joined
    /// with `announcements a`. Channel patterns are matched by the caller, with ``Glob``.
    static func conditions(_ filter: ReportFilter, timeZone: TimeZone) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        let window = window(filter, timeZone: timeZone)
        if let from = window.from {
            conditions.append("coalesce(a.publish_at, d.due_at) >= ?")
            arguments.append(DatabaseDate.text(Date(timeIntervalSince1970: Double(from) / 1000)))
        }
        if let until = window.until {
            conditions.append("coalesce(a.publish_at, d.due_at) < ?")
            arguments.append(DatabaseDate.text(Date(timeIntervalSince1970: Double(until) / 1000)))
        }
        let (announcementConditions, announcementArguments) = announcementTerms(filter)
        conditions += announcementConditions
        arguments += announcementArguments
        return (
            conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), StatementArguments(arguments)
        )
    }

    /// The `WHERE` clause and its arguments for a filter's unit and category, over `announcements`.
    static func announcementConditions(_ filter: ReportFilter) -> (String, StatementArguments) {
        let (conditions, arguments) = announcementTerms(filter)
        return (
            conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), StatementArguments(arguments)
        )
    }

    private static func announcementTerms(_ filter: ReportFilter) -> ([String], [any DatabaseValueConvertible]) {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let unit = filter.unit {
            conditions.append("unit = ?")
            arguments.append(VietnameseText.nfc(unit))
        }
        if let category = filter.category {
            conditions.append("category = ?")
            arguments.append(category.rawValue)
        }
        return (conditions, arguments)
    }

    /// The instants a filter's dates cover, in milliseconds since 1970: from the first day's local midnight
    /// up to, not including, the midnight after the last day.
    static func window(_ filter: ReportFilter, timeZone: TimeZone) -> ReportWindow {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let until = filter.through.map { calendar.date(byAdding: .day, value: 1, to: $0) ?? $0 }
        return ReportWindow(
            from: filter.from.map { Int(($0.timeIntervalSince1970 * 1000).rounded(.down)) },
            until: until.map { Int(($0.timeIntervalSince1970 * 1000).rounded(.down)) }
        )
    }

    /// How many deliveries a filter covers.
    static func count(_ filter: ReportFilter, timeZone: TimeZone, _ db: Database) throws -> Int {
        let (whereClause, arguments) = conditions(filter, timeZone: timeZone)
        return try Int.fetchOne(
            db,
            sql: """
                SELECT count(*) FROM deliveries d
                JOIN announcements a ON a.id = d.announcement_id AND a.revision = d.revision \(whereClause)
                """,
            arguments: arguments
        ) ?? 0
    }
}

/// The instants a report covers, in milliseconds since 1970; nil for no bound.
struct ReportWindow {
    var from: Int?
    var until: Int?

    func contains(_ milliseconds: Int) -> Bool {
        (from.map { milliseconds >= $0 } ?? true) && (until.map { milliseconds < $0 } ?? true)
    }
}
