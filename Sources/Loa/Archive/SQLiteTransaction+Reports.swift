import Foundation
import GRDB

extension SQLiteTransaction {
    /// The units and channels reports can be filtered by, so that a name nothing has is caught before an empty
    /// report is written.
    func reportNames() throws -> ReportNames {
        try inDatabase { db in
            ReportNames(
                units: try String.fetchAll(
                    db,
                    sql: "SELECT unit FROM announcements UNION SELECT unit FROM imported_deliveries ORDER BY 1"
                ),
                channels: try String.fetchAll(
                    db,
                    sql: "SELECT channel FROM deliveries UNION SELECT channel FROM imported_deliveries ORDER BY 1"
                )
            )
        }
    }

    /// Every metric the archive has a figure of, in report order (``Figures/ordered(_:)``): the figure columns
    /// every format shows, whichever rows a filter keeps.
    func reportMetrics() throws -> [String] {
        try inDatabase { db in
            Figures.ordered(
                try String.fetchAll(
                    db,
                    sql: "SELECT metric FROM engagement_metrics UNION SELECT metric FROM imported_snapshots"
                )
            )
        }
    }

    /// How many deliveries a filter's days, unit and category cover (its channel pattern aside): the length of a
    /// progress bar.
    func reportCount(_ filter: ReportFilter, timeZone: TimeZone) throws -> Int {
        try inDatabase { db in
            let window = filter.window(timeZone: timeZone)
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let from = window.from {
                conditions.append("coalesce(a.publish_at, d.due_at) >= ?")
                arguments.append(DatabaseDate.text(Date(timeIntervalSince1970: Double(from) / 1000)))
            }
            if let until = window.until {
                conditions.append("coalesce(a.publish_at, d.due_at) < ?")
                arguments.append(DatabaseDate.text(Date(timeIntervalSince1970: Double(until) / 1000)))
            }
            let (announcementConditions, announcementArguments) = Self.announcementTerms(filter, prefix: "a.")
            conditions += announcementConditions
            arguments += announcementArguments
            let own =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM deliveries d
                        JOIN announcements a ON a.id = d.announcement_id AND a.revision = d.revision
                        \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                        """,
                    arguments: StatementArguments(arguments)
                ) ?? 0
            let (importedConditions, importedArguments) = Self.importedTerms(filter, window: window)
            let imported =
                try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM imported_deliveries \(importedConditions)",
                    arguments: importedArguments
                ) ?? 0
            return own + imported
        }
    }

    /// The deliveries a filter covers, in report order, each with its latest figures; with `history`, every
    /// figure snapshot too (for JSON Lines).
    func reportRows(_ filter: ReportFilter, timeZone: TimeZone, history: Bool = false) throws -> [ReportRow] {
        var rows: [ReportRow] = []
        try forEachReportRow(filter, timeZone: timeZone) { rows.append($0) }
        guard history, !rows.isEmpty else { return rows }
        // By delivery id for this archive's rows, by unit and delivery id for imported ones.
        var index: [String: Int] = [:]
        for (position, row) in rows.enumerated() {
            index[row.imported ? row.unit + "\u{0}" + row.deliveryID : row.deliveryID] = position
        }
        try inDatabase { db in
            // Oldest first, so the last value seen is the latest.
            let snapshots = try Row.fetchCursor(
                db,
                sql: """
                    SELECT delivery_id, metric, value, taken_at, source, 0 FROM engagement_snapshots
                    UNION ALL
                    SELECT unit || char(0) || delivery_id, metric, value, taken_at, source, 1 FROM imported_snapshots
                    ORDER BY 4, 6
                    """
            )
            while let snapshot = try snapshots.next() {
                guard let position = index[snapshot[0]] else { continue }
                let metric: String = snapshot[1]
                let value: Int = snapshot[2]
                rows[position].metrics[metric] = value
                rows[position].history.append(
                    ReportRow.Snapshot(metric: metric, value: value, takenAt: snapshot[3], source: snapshot[4])
                )
            }
            // The host of each delivery's latest attempt: the last one seen, in attempt order.
            let hosts = try Row.fetchCursor(
                db,
                sql: "SELECT delivery_id, host FROM attempts WHERE host IS NOT NULL ORDER BY delivery_id, number"
            )
            while let attempt = try hosts.next() {
                guard let position = index[attempt[0]], !rows[position].imported else { continue }
                rows[position].host = attempt[1]
            }
        }
        return rows
    }

    /// Calls `body` with each delivery a filter covers, in report order, without holding them all: an export of
    /// any length runs in the memory of one row.
    ///
    /// The order of a report: announcements by publish time (or when Loa first saw them, for those published on
    /// sight), then id and revision; within one, deliveries by channel. Announcements are read in that order and
    /// each one's deliveries along the index, so nothing is sorted as a whole, and columns are read as bytes
    /// (``RawRows``); the latest figures come with each delivery (``FiguresColumn``).
    func forEachReportRow(
        _ filter: ReportFilter,
        timeZone: TimeZone,
        _ body: (ReportRow) throws -> Void
    ) throws {
        try inDatabase { db in
            let window = filter.window(timeZone: timeZone)
            let (conditions, arguments) = Self.announcementTerms(filter, prefix: "")
            let announcements = try RawRows(
                db,
                sql: """
                    SELECT id, revision, title, category, unit, publish_at FROM announcements
                    \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                    ORDER BY coalesce(publish_at, first_seen_at), id, revision
                    """,
                arguments: StatementArguments(arguments)
            )
            let deliveries = try RawRows(
                db,
                sql: """
                    SELECT id, channel, platform, transport, due_at, sent_at, status, remote_url, tries, figures
                    FROM deliveries
                    WHERE announcement_id = ? AND revision = ? ORDER BY channel
                    """
            )
            // Channels are few and repeat on every announcement: each is made a `String` once.
            var channels: [(bytes: [UInt8], name: String, included: Bool)] = []
            func channel(_ bytes: UnsafeRawBufferPointer?) -> (name: String, included: Bool) {
                let bytes = bytes ?? UnsafeRawBufferPointer(start: nil, count: 0)
                if let known = channels.first(where: { $0.bytes.elementsEqual(bytes) }) {
                    return (known.name, known.included)
                }
                let name = String(decoding: bytes, as: UTF8.self)
                let included = filter.channel.map { Glob.matches($0, name) } ?? true
                channels.append((Array(bytes), name, included))
                return (name, included)
            }
            // Other units' deliveries (`loa import`), merged into the order as this archive's own go by.
            var imported = try Self.importedRows(db, filter, window: window)[...]
            func emitImported(before row: ReportRow?) throws {
                while let next = imported.first, row.map({ Self.precedes(next, $0) }) ?? true {
                    try body(next)
                    imported = imported.dropFirst()
                }
            }
            while try announcements.next() {
                guard let idBytes = announcements.bytes(0) else { continue }
                let published = announcements.bytes(5).flatMap(DatabaseDate.milliseconds)
                let revision = announcements.int(1)
                deliveries.reset()
                deliveries.bind(1, text: idBytes)
                deliveries.bind(2, int: revision)
                // Made once the first delivery passes the filter, then shared by the announcement's rows.
                var announcement: (id: String, title: String, category: Category, unit: String)?
                while try deliveries.next() {
                    guard let time = published ?? deliveries.bytes(4).flatMap(DatabaseDate.milliseconds),
                        window.contains(time)
                    else { continue }
                    let (channelName, included) = channel(deliveries.bytes(1))
                    guard included else { continue }
                    if announcement == nil {
                        announcement = (
                            id: String(decoding: idBytes, as: UTF8.self), title: announcements.string(2) ?? "",
                            category: Category(rawValue: announcements.string(3) ?? "") ?? .activityNews,
                            unit: announcements.string(4) ?? ""
                        )
                    }
                    guard let shared = announcement else { continue }
                    let row = ReportRow(
                        deliveryID: deliveries.string(0) ?? "",
                        announcementID: shared.id,
                        revision: revision,
                        title: shared.title,
                        category: shared.category,
                        unit: shared.unit,
                        channel: channelName,
                        platform: Platform(rawValue: deliveries.string(2) ?? "") ?? .plain,
                        transport: TransportKind(rawValue: deliveries.string(3) ?? "") ?? .webhook,
                        publishAt: Date(timeIntervalSince1970: Double(time) / 1000),
                        deliveredAt: deliveries.date(5),
                        status: Self.status(deliveries.bytes(6)),
                        remoteURL: deliveries.string(7),
                        attempts: deliveries.int(8),
                        metrics: deliveries.bytes(9).map(FiguresColumn.figures) ?? [:],
                        history: []
                    )
                    if !imported.isEmpty { try emitImported(before: row) }
                    try body(row)
                }
            }
            try emitImported(before: nil)
        }
    }

    /// Whether `a` comes before `b` in a report: by publish time, announcement, revision, channel, then unit.
    private static func precedes(_ a: ReportRow, _ b: ReportRow) -> Bool {
        (a.publishAt, a.announcementID, a.revision, a.channel, a.unit)
            < (b.publishAt, b.announcementID, b.revision, b.channel, b.unit)
    }

    /// The imported deliveries a filter covers, in report order.
    private static func importedRows(_ db: Database, _ filter: ReportFilter, window: ReportWindow) throws -> [ReportRow]
    {
        let (conditions, arguments) = importedTerms(filter, window: window)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT unit, delivery_id, announcement_id, revision, title, category, channel, platform, transport,
                    publish_at, delivered_at, status, remote_url, attempts, figures
                FROM imported_deliveries \(conditions)
                ORDER BY publish_at, announcement_id, revision, channel, unit
                """,
            arguments: arguments
        )
        var result: [ReportRow] = []
        while let row = try rows.next() {
            let channel: String = row[6]
            if let pattern = filter.channel, !Glob.matches(pattern, channel) { continue }
            let publishText: String = row[9]
            result.append(
                ReportRow(
                    deliveryID: row[1],
                    announcementID: row[2],
                    revision: row[3],
                    title: row[4],
                    category: Category(rawValue: row[5]) ?? .activityNews,
                    unit: row[0],
                    channel: channel,
                    platform: Platform(rawValue: row[7]) ?? .plain,
                    transport: TransportKind(rawValue: row[8]) ?? .webhook,
                    publishAt: DatabaseDate.parse(publishText) ?? Date(timeIntervalSince1970: 0),
                    deliveredAt: (row[10] as String?).flatMap(DatabaseDate.parse),
                    status: DeliveryStatus(rawValue: row[11]) ?? .pending,
                    remoteURL: row[12],
                    attempts: row[13],
                    metrics: FiguresColumn.figures(row[14] as String?),
                    history: [],
                    imported: true
                )
            )
        }
        return result
    }

    /// The `WHERE` clause and arguments for a filter over `imported_deliveries` (its channel pattern aside).
    private static func importedTerms(_ filter: ReportFilter, window: ReportWindow) -> (String, StatementArguments) {
        var (conditions, arguments) = announcementTerms(filter, prefix: "")
        if let from = window.from {
            conditions.append("publish_at >= ?")
            arguments.append(DatabaseDate.text(Date(timeIntervalSince1970: Double(from) / 1000)))
        }
        if let until = window.until {
            conditions.append("publish_at < ?")
            arguments.append(DatabaseDate.text(Date(timeIntervalSince1970: Double(until) / 1000)))
        }
        return (
            conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), StatementArguments(arguments)
        )
    }

    /// The statuses by their bytes in the archive, compared without making a `String` per row.
    private static let statuses = DeliveryStatus.allCases.map { (bytes: Array($0.rawValue.utf8), status: $0) }

    private static func status(_ bytes: UnsafeRawBufferPointer?) -> DeliveryStatus {
        guard let bytes else { return .pending }
        return statuses.first { $0.bytes.elementsEqual(bytes) }?.status ?? .pending
    }

    /// The conditions and arguments for a filter's unit and category, over `announcements` (with `prefix`, such as
    /// `a.` in a join).
    private static func announcementTerms(
        _ filter: ReportFilter,
        prefix: String
    ) -> ([String], [any DatabaseValueConvertible]) {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let unit = filter.unit {
            conditions.append("\(prefix)unit = ?")
            arguments.append(VietnameseText.nfc(unit))
        }
        if let category = filter.category {
            conditions.append("\(prefix)category = ?")
            arguments.append(category.rawValue)
        }
        return (conditions, arguments)
    }
}
