import Foundation
import PostgresNIO

/// The PostgreSQL archive's reports and imports, as SQLite's (SQLiteTransaction+Reports.swift,
/// SQLiteTransaction+Imports.swift): the same rows in the same order, other units' imported rows merged in.
extension PostgresTransaction {
    func reportNames() throws -> ReportNames {
        ReportNames(
            units: try rows("SELECT unit FROM announcements UNION SELECT unit FROM imported_deliveries ORDER BY 1")
                .map { try $0.decode(String.self) },
            channels: try rows(
                "SELECT channel FROM deliveries UNION SELECT channel FROM imported_deliveries ORDER BY 1"
            ).map { try $0.decode(String.self) }
        )
    }

    func reportMetrics() throws -> [String] {
        Figures.ordered(
            try rows("SELECT metric FROM engagement_metrics UNION SELECT metric FROM imported_snapshots").map {
                try $0.decode(String.self)
            }
        )
    }

    /// A filter's unit, category and window as SQL conditions over an announcement's columns (`prefix`) and the
    /// time expression `time`, with their binds.
    private static func terms(
        _ filter: ReportFilter,
        timeZone: TimeZone,
        prefix: String,
        time: String
    ) -> (String, PostgresBindings) {
        var conditions: [String] = []
        var binds = PostgresBindings()
        if let unit = filter.unit {
            binds.append(VietnameseText.nfc(unit))
            conditions.append("\(prefix)unit = $\(binds.count)")
        }
        if let category = filter.category {
            binds.append(category.rawValue)
            conditions.append("\(prefix)category = $\(binds.count)")
        }
        let window = filter.window(timeZone: timeZone)
        if let from = window.from {
            binds.append(Date(timeIntervalSince1970: Double(from) / 1000))
            conditions.append("\(time) >= $\(binds.count)")
        }
        if let until = window.until {
            binds.append(Date(timeIntervalSince1970: Double(until) / 1000))
            conditions.append("\(time) < $\(binds.count)")
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), binds)
    }

    func reportCount(_ filter: ReportFilter, timeZone: TimeZone) throws -> Int {
        let (own, ownBinds) = Self.terms(
            filter,
            timeZone: timeZone,
            prefix: "a.",
            time: "coalesce(a.publish_at, d.due_at)"
        )
        let count =
            try rows(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT count(*) FROM deliveries d
                        JOIN announcements a ON a.id = d.announcement_id AND a.revision = d.revision \(own)
                        """,
                    binds: ownBinds
                )
            ).first?.decode(Int.self) ?? 0
        let (imported, importedBinds) = Self.terms(filter, timeZone: timeZone, prefix: "", time: "publish_at")
        let importedCount =
            try rows(
                PostgresQuery(unsafeSQL: "SELECT count(*) FROM imported_deliveries \(imported)", binds: importedBinds)
            ).first?.decode(Int.self) ?? 0
        return count + importedCount
    }

    func reportRows(_ filter: ReportFilter, timeZone: TimeZone, history: Bool) throws -> [ReportRow] {
        var result: [ReportRow] = []
        try forEachReportRow(filter, timeZone: timeZone) { result.append($0) }
        guard history, !result.isEmpty else { return result }
        var index: [String: Int] = [:]
        for (position, row) in result.enumerated() {
            index[row.imported ? row.unit + "\u{0}" + row.deliveryID : row.deliveryID] = position
        }
        // Oldest first, so the last value seen is the latest.
        for snapshot in try rows(
            """
            SELECT '' AS unit, delivery_id, metric, value, taken_at, source, 0 AS imported FROM engagement_snapshots
            UNION ALL
            SELECT unit, delivery_id, metric, value, taken_at, source, 1 FROM imported_snapshots
            ORDER BY 5, 7
            """
        ) {
            let (unit, id, metric, value, takenAt, source, imported) = try snapshot.decode(
                (String, String, String, Int, Date, String, Int).self
            )
            guard let position = index[imported == 1 ? unit + "\u{0}" + id : id] else { continue }
            result[position].metrics[metric] = value
            result[position].history.append(
                ReportRow.Snapshot(metric: metric, value: value, takenAt: takenAt, source: source)
            )
        }
        // The host of each delivery's latest attempt: the last one seen, in attempt order.
        for attempt in try rows(
            "SELECT delivery_id, host FROM attempts WHERE host IS NOT NULL ORDER BY delivery_id, number"
        ) {
            let (id, host) = try attempt.decode((String, String).self)
            guard let position = index[id], !result[position].imported else { continue }
            result[position].host = host
        }
        return result
    }

    func forEachReportRow(_ filter: ReportFilter, timeZone: TimeZone, _ body: (ReportRow) throws -> Void) throws {
        var imported = try importedRows(filter, timeZone: timeZone)[...]
        func emitImported(before row: ReportRow?) throws {
            while let next = imported.first, row.map({ Self.precedes(next, $0) }) ?? true {
                try body(next)
                imported = imported.dropFirst()
            }
        }
        let (conditions, binds) = Self.terms(
            filter,
            timeZone: timeZone,
            prefix: "a.",
            time: "coalesce(a.publish_at, d.due_at)"
        )
        // A cursor in the read's transaction, fetched a page at a time: an export of any length runs in the
        // memory of one page.
        try rows(
            PostgresQuery(
                unsafeSQL: """
                    DECLARE loa_report NO SCROLL CURSOR FOR
                    SELECT d.id, a.id AS announcement, a.revision, a.title, a.category, a.unit,
                        coalesce(a.publish_at, d.due_at) AS time, d.channel, d.platform, d.transport, d.sent_at,
                        d.status, d.remote_url,
                        (SELECT count(*) FROM attempts t WHERE t.delivery_id = d.id
                            AND t.outcome != '\(AttemptRecord.Outcome.interrupted.rawValue)') AS tries,
                        d.figures::text AS figures
                    FROM announcements a JOIN deliveries d ON d.announcement_id = a.id AND d.revision = a.revision
                    \(conditions)
                    ORDER BY coalesce(a.publish_at, a.first_seen_at), a.id, a.revision, d.channel
                    """,
                binds: binds
            )
        )
        defer { _ = try? rows("CLOSE loa_report") }
        while true {
            let page = try rows("FETCH 2000 FROM loa_report")
            if page.isEmpty { break }
            for row in page {
                let cells = row.makeRandomAccess()
                let channel = try cells["channel"].decode(String.self)
                if let pattern = filter.channel, !Glob.matches(pattern, channel) { continue }
                let report = ReportRow(
                    deliveryID: try cells["id"].decode(String.self),
                    announcementID: try cells["announcement"].decode(String.self),
                    revision: try cells["revision"].decode(Int.self),
                    title: try cells["title"].decode(String.self),
                    category: Category(rawValue: try cells["category"].decode(String.self)) ?? .activityNews,
                    unit: try cells["unit"].decode(String.self),
                    channel: channel,
                    platform: Platform(rawValue: try cells["platform"].decode(String.self)) ?? .plain,
                    transport: TransportKind(rawValue: try cells["transport"].decode(String.self)) ?? .webhook,
                    publishAt: try cells["time"].decode(Date.self),
                    deliveredAt: try cells["sent_at"].decode(Date?.self),
                    status: DeliveryStatus(rawValue: try cells["status"].decode(String.self)) ?? .pending,
                    remoteURL: try cells["remote_url"].decode(String?.self),
                    attempts: try cells["tries"].decode(Int.self),
                    metrics: FiguresColumn.figures(try cells["figures"].decode(String?.self)),
                    history: []
                )
                if !imported.isEmpty { try emitImported(before: report) }
                try body(report)
            }
        }
        try emitImported(before: nil)
    }

    /// Whether `a` comes before `b` in a report: by publish time, announcement, revision, channel, then unit.
    private static func precedes(_ a: ReportRow, _ b: ReportRow) -> Bool {
        (a.publishAt, a.announcementID, a.revision, a.channel, a.unit)
            < (b.publishAt, b.announcementID, b.revision, b.channel, b.unit)
    }

    /// The imported deliveries a filter covers, in report order.
    private func importedRows(_ filter: ReportFilter, timeZone: TimeZone) throws -> [ReportRow] {
        let (conditions, binds) = Self.terms(filter, timeZone: timeZone, prefix: "", time: "publish_at")
        return try rows(
            PostgresQuery(
                unsafeSQL: """
                    SELECT unit, delivery_id, announcement_id, revision, title, category, channel, platform, transport,
                        publish_at, delivered_at, status, remote_url, attempts, figures::text AS figures
                    FROM imported_deliveries \(conditions)
                    ORDER BY publish_at, announcement_id, revision, channel, unit
                    """,
                binds: binds
            )
        ).compactMap { row -> ReportRow? in
            let cells = row.makeRandomAccess()
            let channel = try cells["channel"].decode(String.self)
            if let pattern = filter.channel, !Glob.matches(pattern, channel) { return nil }
            return ReportRow(
                deliveryID: try cells["delivery_id"].decode(String.self),
                announcementID: try cells["announcement_id"].decode(String.self),
                revision: try cells["revision"].decode(Int.self),
                title: try cells["title"].decode(String.self),
                category: Category(rawValue: try cells["category"].decode(String.self)) ?? .activityNews,
                unit: try cells["unit"].decode(String.self),
                channel: channel,
                platform: Platform(rawValue: try cells["platform"].decode(String.self)) ?? .plain,
                transport: TransportKind(rawValue: try cells["transport"].decode(String.self)) ?? .webhook,
                publishAt: try cells["publish_at"].decode(Date.self),
                deliveredAt: try cells["delivered_at"].decode(Date?.self),
                status: DeliveryStatus(rawValue: try cells["status"].decode(String.self)) ?? .pending,
                remoteURL: try cells["remote_url"].decode(String?.self),
                attempts: try cells["attempts"].decode(Int.self),
                metrics: FiguresColumn.figures(try cells["figures"].decode(String.self)),
                history: [],
                imported: true
            )
        }
    }

    func importRows(_ files: [(file: String, rows: [ReportRow])], now: Date) throws -> [ImportCount] {
        let own = Set(
            try rows(
                """
                SELECT d.id, a.unit FROM deliveries d
                JOIN announcements a ON a.id = d.announcement_id AND a.revision = d.revision
                """
            ).map { row in
                let (id, unit) = try row.decode((String, String).self)
                return "\(unit)\u{0}\(id)"
            }
        )
        func milliseconds(_ date: Date?) -> Int64? {
            date.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
        }
        var counts: [ImportCount] = []
        for (file, reportRows) in files {
            var count = ImportCount()
            for row in reportRows {
                count.units.insert(row.unit)
                if own.contains("\(row.unit)\u{0}\(row.deliveryID)") {
                    count.own += 1
                    continue
                }
                let figures =
                    "{"
                    + row.metrics.sorted { $0.key < $1.key }
                    .map { JSONText.string($0.key) + ":" + String($0.value) }.joined(separator: ",") + "}"
                let before = try rows(
                    """
                    SELECT announcement_id, revision, title, category, channel, platform, transport, publish_at,
                        delivered_at, status, remote_url, attempts, figures::text AS figures
                    FROM imported_deliveries WHERE unit = \(row.unit) AND delivery_id = \(row.deliveryID)
                    """
                ).first
                var changed = true
                if let before {
                    let cells = before.makeRandomAccess()
                    changed =
                        try cells["announcement_id"].decode(String.self) != row.announcementID
                        || cells["revision"].decode(Int.self) != row.revision
                        || cells["title"].decode(String.self) != row.title
                        || cells["category"].decode(String.self) != row.category.rawValue
                        || cells["channel"].decode(String.self) != row.channel
                        || cells["platform"].decode(String.self) != row.platform.rawValue
                        || cells["transport"].decode(String.self) != row.transport.rawValue
                        || milliseconds(cells["publish_at"].decode(Date.self)) != milliseconds(row.publishAt)
                        || milliseconds(cells["delivered_at"].decode(Date?.self)) != milliseconds(row.deliveredAt)
                        || cells["status"].decode(String.self) != row.status.rawValue
                        || cells["remote_url"].decode(String?.self) != row.remoteURL
                        || cells["attempts"].decode(Int.self) != row.attempts
                        || FiguresColumn.figures(cells["figures"].decode(String.self)) != row.metrics
                }
                for item in row.history {
                    let inserted = try rows(
                        """
                        INSERT INTO imported_snapshots (unit, delivery_id, metric, value, taken_at, source)
                        VALUES (\(row.unit), \(row.deliveryID), \(item.metric), \(item.value), \(item.takenAt),
                            \(item.source))
                        ON CONFLICT DO NOTHING
                        """
                    )
                    if (inserted.metadata.rows ?? 0) > 0 { changed = true }
                }
                if changed {
                    try rows(
                        """
                        INSERT INTO imported_deliveries (unit, delivery_id, announcement_id, revision, title, category,
                            channel, platform, transport, publish_at, delivered_at, status, remote_url, attempts,
                            figures, file, imported_at)
                        VALUES (\(row.unit), \(row.deliveryID), \(row.announcementID), \(row.revision), \(row.title),
                            \(row.category.rawValue), \(row.channel), \(row.platform.rawValue),
                            \(row.transport.rawValue), \(row.publishAt), \(row.deliveredAt), \(row.status.rawValue),
                            \(row.remoteURL), \(row.attempts), \(figures)::jsonb, \(file), \(now))
                        ON CONFLICT (unit, delivery_id) DO UPDATE SET announcement_id = excluded.announcement_id,
                            revision = excluded.revision, title = excluded.title, category = excluded.category,
                            channel = excluded.channel, platform = excluded.platform, transport = excluded.transport,
                            publish_at = excluded.publish_at, delivered_at = excluded.delivered_at,
                            status = excluded.status, remote_url = excluded.remote_url, attempts = excluded.attempts,
                            figures = excluded.figures, file = excluded.file, imported_at = excluded.imported_at
                        """
                    )
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
