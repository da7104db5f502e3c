import Foundation
import GRDB

/// Reads the rows of a report from the archive.
public struct ReportQuery: Sendable {
    public let archive: Archive
    public let timeZone: TimeZone

    public init(archive: Archive, timeZone: TimeZone) {
        self.archive = archive
        self.timeZone = timeZone
    }

    /// The deliveries the filter covers, by publish time then announcement and channel.
    public func rows(_ filter: ReportFilter, withHistory: Bool = false) throws -> [ReportRow] {
        try archive.writer.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let from = filter.from {
                conditions.append("coalesce(a.publish_at, d.due_at) >= ?")
                arguments.append(from)
            }
            if let through = filter.through {
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = timeZone
                conditions.append("coalesce(a.publish_at, d.due_at) < ?")
                arguments.append(calendar.date(byAdding: .day, value: 1, to: through) ?? through)
            }
            if let unit = filter.unit {
                conditions.append("a.unit = ?")
                arguments.append(VietnameseText.nfc(unit))
            }
            if let category = filter.category {
                conditions.append("a.category = ?")
                arguments.append(category.rawValue)
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            // Columns are read by position: by name, GRDB looks each one up, on every row.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT d.id, d.announcement_id, d.revision, d.channel, d.platform, d.transport, d.status,
                           d.due_at, d.sent_at, d.remote_url, d.attempt_count,
                           a.title, a.category, a.unit, a.publish_at
                    FROM deliveries d JOIN announcements a ON a.id = d.announcement_id AND a.revision = d.revision
                    \(whereClause)
                    ORDER BY coalesce(a.publish_at, d.due_at), d.announcement_id, d.channel
                    """,
                arguments: StatementArguments(arguments)
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
                        metrics: [:],
                        history: []
                    )
                )
            }
            guard !result.isEmpty else { return result }
            // Figures in one pass over the snapshots, oldest first, so the last value seen is the latest.
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
                if withHistory {
                    result[position].history.append(
                        ReportRow.Snapshot(
                            metric: metric,
                            value: value,
                            takenAt: snapshot["taken_at"],
                            source: snapshot["source"]
                        )
                    )
                }
            }
            return result
        }
    }
}
