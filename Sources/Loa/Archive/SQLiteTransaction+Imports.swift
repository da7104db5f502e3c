import Foundation
import GRDB

extension SQLiteTransaction {
    /// Takes other units' report rows into the archive as imported records, each file's rows with its name, all
    /// in one transaction: either every file is imported or nothing is.
    ///
    /// A row is keyed by its unit and delivery id, so importing a file again changes nothing, and a newer export
    /// of the same unit updates its rows and adds its new figure snapshots. Imported rows are never delivered,
    /// retried or polled, and `loa status` does not list them; every report shows them (``forEachReportRow``).
    func importRows(_ files: [(file: String, rows: [ReportRow])], now: Date) throws -> [ImportCount] {
        try inDatabase { db in
            let own = try Set(
                Row.fetchAll(
                    db,
                    sql: """
                        SELECT d.id, a.unit FROM deliveries d
                        JOIN announcements a ON a.id = d.announcement_id AND a.revision = d.revision
                        """
                ).map { "\($0[1] as String)\u{0}\($0[0] as String)" }
            )
            let select = try db.makeStatement(
                sql: """
                    SELECT announcement_id, revision, title, category, channel, platform, transport, publish_at,
                        delivered_at, status, remote_url, attempts, figures
                    FROM imported_deliveries WHERE unit = ? AND delivery_id = ?
                    """
            )
            let upsert = try db.makeStatement(
                sql: """
                    INSERT INTO imported_deliveries (unit, delivery_id, announcement_id, revision, title, category,
                        channel, platform, transport, publish_at, delivered_at, status, remote_url, attempts, figures,
                        file, imported_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (unit, delivery_id) DO UPDATE SET announcement_id = excluded.announcement_id,
                        revision = excluded.revision, title = excluded.title, category = excluded.category,
                        channel = excluded.channel, platform = excluded.platform, transport = excluded.transport,
                        publish_at = excluded.publish_at, delivered_at = excluded.delivered_at,
                        status = excluded.status, remote_url = excluded.remote_url, attempts = excluded.attempts,
                        figures = excluded.figures, file = excluded.file, imported_at = excluded.imported_at
                    """
            )
            let snapshot = try db.makeStatement(
                sql: """
                    INSERT OR IGNORE INTO imported_snapshots (unit, delivery_id, metric, value, taken_at, source)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """
            )
            var counts: [ImportCount] = []
            for (file, rows) in files {
                var count = ImportCount()
                for row in rows {
                    count.units.insert(row.unit)
                    if own.contains("\(row.unit)\u{0}\(row.deliveryID)") {
                        count.own += 1
                        continue
                    }
                    // The latest figures as the archive keeps them for its own deliveries (``FiguresColumn``).
                    let figures =
                        "{"
                        + row.metrics.sorted { $0.key < $1.key }
                        .map { JSONText.string($0.key) + ":" + String($0.value) }.joined(separator: ",") + "}"
                    let values: [DatabaseValue] = [
                        row.announcementID.databaseValue, row.revision.databaseValue, row.title.databaseValue,
                        row.category.rawValue.databaseValue, row.channel.databaseValue,
                        row.platform.rawValue.databaseValue, row.transport.rawValue.databaseValue,
                        DatabaseDate.text(row.publishAt).databaseValue,
                        DatabaseDate.text(row.deliveredAt).databaseValue,
                        row.status.rawValue.databaseValue, row.remoteURL.databaseValue, row.attempts.databaseValue,
                        figures.databaseValue,
                    ]
                    let before = try Row.fetchOne(select, arguments: [row.unit, row.deliveryID])
                    var changed = before.map { Array($0.databaseValues) != values } ?? true
                    for item in row.history {
                        try snapshot.execute(arguments: [
                            row.unit, row.deliveryID, item.metric, item.value, DatabaseDate.text(item.takenAt),
                            item.source,
                        ])
                        if db.changesCount > 0 { changed = true }
                    }
                    if changed {
                        let identity: [DatabaseValue] = [row.unit.databaseValue, row.deliveryID.databaseValue]
                        let origin: [DatabaseValue] = [file.databaseValue, DatabaseDate.text(now).databaseValue]
                        try upsert.execute(arguments: StatementArguments(identity + values + origin))
                    }
                    if before == nil {
                        count.added += 1
                    } else if changed {
                        count.updated += 1
                    } else {
                        count.unchanged += 1
                    }
                }
                counts.append(count)
            }
            return counts
        }
    }
}
