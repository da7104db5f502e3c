/// A table `loa archive copy` moves, with its columns as both stores have them (``ArchiveSchema``,
/// ``PostgresSchema``), in an order that inserts each row after the rows it refers to.
///
/// A column added to the archive must be added here too: `ArchiveCopyTests` compares this list with both stores'
/// tables and fails on any column that neither is copied nor is named in ``notCopied``.
struct CopiedTable: Sendable {
    /// How a column's values are kept: SQLite keeps times as text, flags as numbers and JSON as text, PostgreSQL
    /// as `timestamptz`, `boolean` and `jsonb`.
    enum Kind: Sendable {
        case text, integer, real, time, json, flag
    }

    struct Column: Sendable {
        var name: String
        var kind: Kind
    }

    var name: String
    var columns: [Column]
    /// The primary key: rows are read in its order (bytes for text), so both stores hash them alike.
    var key: [String]
    /// The column PostgreSQL numbers itself (`bigserial`): its sequence continues after the copied ids.
    var numbered: String?

    init(_ name: String, key: [String], numbered: String? = nil, _ columns: [(String, Kind)]) {
        self.name = name
        self.key = key
        self.numbered = numbered
        self.columns = columns.map { Column(name: $0.0, kind: $0.1) }
    }

    /// The key's columns with their kinds.
    var keyColumns: [Column] { key.compactMap { name in columns.first { $0.name == name } } }

    /// Rows inserted by one statement.
    static let batchSize = 500

    /// The columns and tables that are not copied, and why: each store's own bookkeeping, or what the
    /// destination derives from the copied rows.
    static let notCopied: [String: String] = [
        "channel_leases": "claims of runs in progress; a new archive starts with none",
        "deliveries.tries": "the SQLite archive counts it again from the copied attempts",
        "grdb_migrations": "each store records its own migrations",
        "loa_migrations": "each store records its own migrations",
        "sqlite_sequence": "SQLite's own numbering, kept by SQLite",
    ]

    static let all: [CopiedTable] = [
        CopiedTable("settings", key: ["key"], [("key", .text), ("value", .text)]),
        CopiedTable(
            "hosts",
            key: ["name"],
            [
                ("name", .text), ("loa_version", .text), ("config_hash", .text), ("first_seen_at", .time),
                ("last_seen_at", .time),
            ]
        ),
        CopiedTable("channels", key: ["id"], [("id", .text), ("destination", .text)]),
        CopiedTable(
            "queue_files",
            key: ["path"],
            [
                ("path", .text), ("size", .integer), ("modified_ns", .integer), ("announcement_id", .text),
                ("revision", .integer), ("checked_at", .time),
            ]
        ),
        CopiedTable(
            "announcements",
            key: ["id", "revision"],
            [
                ("id", .text), ("revision", .integer), ("content_hash", .text), ("title", .text), ("category", .text),
                ("unit", .text), ("publish_at", .time), ("expires_at", .time), ("link", .text), ("file", .text),
                ("first_seen_at", .time), ("updated_at", .time),
            ]
        ),
        CopiedTable("variants", key: ["id"], [("id", .text), ("text", .text), ("length", .integer)]),
        CopiedTable(
            "deliveries",
            key: ["id"],
            [
                ("id", .text), ("announcement_id", .text), ("revision", .integer), ("channel", .text),
                ("platform", .text), ("transport", .text), ("status", .text), ("due_at", .time),
                ("next_attempt_at", .time), ("attempt_count", .integer), ("backoff_step", .integer),
                ("content_hash", .text), ("variant_id", .text), ("remote_id", .text), ("remote_url", .text),
                ("note", .text), ("sent_at", .time), ("created_at", .time), ("updated_at", .time),
                ("figures", .json), ("window_start", .time),
            ]
        ),
        CopiedTable(
            "attempts",
            key: ["id"],
            numbered: "id",
            [
                ("id", .integer), ("delivery_id", .text), ("number", .integer), ("channel", .text), ("url", .text),
                ("started_at", .time), ("finished_at", .time), ("duration_ms", .real), ("http_status", .integer),
                ("response_headers", .text), ("response_body", .text), ("remote_id", .text), ("remote_url", .text),
                ("outcome", .text), ("error_class", .text), ("error_message", .text), ("next_attempt_at", .time),
                ("host", .text),
            ]
        ),
        CopiedTable("engagement_metrics", key: ["metric"], [("metric", .text)]),
        CopiedTable(
            "engagement_snapshots",
            key: ["id"],
            numbered: "id",
            [
                ("id", .integer), ("delivery_id", .text), ("metric", .text), ("value", .integer),
                ("taken_at", .time), ("source", .text),
            ]
        ),
        CopiedTable(
            "engagement_polls",
            key: ["delivery_id"],
            [("delivery_id", .text), ("last_polled_at", .time), ("unchanged_count", .integer), ("last_error", .text)]
        ),
        CopiedTable(
            "run_starts",
            key: ["id"],
            numbered: "id",
            [("id", .integer), ("started_at", .time), ("deliveries", .json)]
        ),
        CopiedTable("reminders", key: ["delivery_id"], [("delivery_id", .text), ("reminded_at", .time)]),
        CopiedTable(
            "confirmations",
            key: ["delivery_id"],
            [
                ("delivery_id", .text), ("confirmed_at", .time), ("posted_at", .time), ("url", .text),
                ("note", .text), ("forced", .flag), ("previous_status", .text), ("previous_note", .text),
                ("previous_next_attempt_at", .time), ("previous_sent_at", .time), ("previous_remote_url", .text),
            ]
        ),
        CopiedTable(
            "imported_deliveries",
            key: ["unit", "delivery_id"],
            [
                ("unit", .text), ("delivery_id", .text), ("announcement_id", .text), ("revision", .integer),
                ("title", .text), ("category", .text), ("channel", .text), ("platform", .text),
                ("transport", .text), ("publish_at", .time), ("delivered_at", .time), ("status", .text),
                ("remote_url", .text), ("attempts", .integer), ("figures", .json), ("file", .text),
                ("imported_at", .time),
            ]
        ),
        CopiedTable(
            "imported_snapshots",
            key: ["unit", "delivery_id", "metric", "taken_at"],
            [
                ("unit", .text), ("delivery_id", .text), ("metric", .text), ("value", .integer),
                ("taken_at", .time), ("source", .text),
            ]
        ),
        CopiedTable(
            "notices",
            key: ["id"],
            [("id", .text), ("channel", .text), ("title", .text), ("body", .text), ("created_at", .time)]
        ),
        CopiedTable(
            "notified_events",
            key: ["key"],
            [("key", .text), ("notice_id", .text), ("notified_at", .time)]
        ),
        CopiedTable(
            "uploaded_media",
            key: ["delivery_id", "position"],
            [
                ("delivery_id", .text), ("position", .integer), ("image", .text), ("media_id", .text),
                ("uploaded_at", .time),
            ]
        ),
        CopiedTable(
            "stopped_channels",
            key: ["channel"],
            [
                ("channel", .text), ("announcement_id", .text), ("reason", .text), ("credentials", .text),
                ("stopped_at", .time),
            ]
        ),
    ]
}
