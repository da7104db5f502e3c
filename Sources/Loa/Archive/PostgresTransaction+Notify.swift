import Foundation
import PostgresNIO

/// The PostgreSQL archive's notices to the `notify:` channel and the events they told of.
extension PostgresTransaction {
    func unsentNotices() throws -> [Notice] {
        try rows(
            """
            SELECT n.id, n.channel, n.title, n.body, n.created_at FROM notices n
            JOIN deliveries d ON d.announcement_id = n.id AND d.channel = n.channel
            WHERE d.status IN \(unescaped: DeliveryStatus.sqlList(DeliveryStatus.owed))
            ORDER BY n.created_at, n.id
            """
        )
        .map { row in
            let (id, channel, title, body, createdAt) = try row.decode((String, String, String, String, Date).self)
            return Notice(id: id, channel: channel, title: title, body: body, createdAt: createdAt)
        }
    }

    func notifiedEvents(among keys: [String]) throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return Set(
            try rows("SELECT key FROM notified_events WHERE key = ANY(\(keys))").map { try $0.decode(String.self) }
        )
    }

    func recordNotice(_ notice: Notice, events: [String]) throws {
        try rows(
            """
            INSERT INTO notices (id, channel, title, body, created_at)
            VALUES (\(notice.id), \(notice.channel), \(notice.title), \(notice.body), \(notice.createdAt))
            """
        )
        for key in events {
            try rows(
                """
                INSERT INTO notified_events (key, notice_id, notified_at)
                VALUES (\(key), \(notice.id), \(notice.createdAt)) ON CONFLICT DO NOTHING
                """
            )
        }
    }
}
