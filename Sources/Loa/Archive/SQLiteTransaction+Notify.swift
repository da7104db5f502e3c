import Foundation
import GRDB

/// The SQLite archive's notices to the `notify:` channel and the events they told of.
extension SQLiteTransaction {
    func unsentNotices() throws -> [Notice] {
        // Led by the notices (few, often none), each looked up among the deliveries by its id: a join led by
        // the deliveries read every owed one, a fan-out's ten thousand, into the page cache to find none.
        try Row.fetchAll(
            db,
            sql: """
                SELECT n.id, n.channel, n.title, n.body, n.created_at FROM notices n
                WHERE EXISTS (
                    SELECT 1 FROM deliveries d
                    WHERE d.announcement_id = n.id AND d.channel = n.channel
                      AND d.status IN \(DeliveryStatus.sqlList(DeliveryStatus.owed))
                )
                ORDER BY n.created_at, n.id
                """
        )
        .map { row in
            Notice(
                id: row["id"],
                channel: row["channel"],
                title: row["title"],
                body: row["body"],
                createdAt: row["created_at"]
            )
        }
    }

    func notifiedEvents(among keys: [String]) throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return Set(
            try String.fetchAll(
                db,
                sql: "SELECT key FROM notified_events WHERE key IN (SELECT value FROM json_each(?))",
                arguments: [JSONText.array(keys)]
            )
        )
    }

    func recordNotice(_ notice: Notice, events: [String]) throws {
        wroteMuch = true
        try db.execute(
            sql: "INSERT INTO notices (id, channel, title, body, created_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [notice.id, notice.channel, notice.title, notice.body, notice.createdAt]
        )
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO notified_events (key, notice_id, notified_at) VALUES (?, ?, ?)"
        )
        for key in events { try statement.execute(arguments: [key, notice.id, notice.createdAt]) }
    }
}
