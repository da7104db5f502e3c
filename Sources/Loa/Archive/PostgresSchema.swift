import Foundation
import PostgresNIO

/// The PostgreSQL archive's tables: the SQLite archive's (``ArchiveSchema``), column for column, with
/// PostgreSQL's types: `timestamptz` for times (microseconds, UTC), `jsonb` for the latest figures and the start
/// journal, `boolean` for flags. Text compared or sorted by the archive uses the `C` collation, the byte order
/// SQLite uses, whatever the database's locale.
///
/// Migrations are numbered and named like SQLite's and run once, whichever host starts first: under a
/// session-level advisory lock, each in its own transaction, recorded in `loa_migrations`.
enum PostgresSchema {
    /// The advisory lock key of migrations (any constant; "loa:mig" in ASCII).
    static let migrationLock: Int64 = 0x6C6F_613A_6D69_67
    /// The advisory lock key of queue syncs ("loa:syn").
    static let queueSyncLock: Int64 = 0x6C6F_613A_7379_6E

    static let migrations: [(name: String, sql: String)] = [
        (
            "v1",
            """
            CREATE TABLE announcements (
                id text COLLATE "C" NOT NULL,
                revision integer NOT NULL,
                content_hash text NOT NULL,
                title text NOT NULL,
                category text NOT NULL,
                unit text COLLATE "C" NOT NULL,
                publish_at timestamptz,
                expires_at timestamptz,
                link text,
                file text NOT NULL,
                first_seen_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (id, revision)
            );
            CREATE INDEX announcements_by_hash ON announcements(content_hash);

            CREATE TABLE variants (
                id text PRIMARY KEY,
                text text NOT NULL,
                length integer NOT NULL
            );

            CREATE TABLE deliveries (
                id text COLLATE "C" PRIMARY KEY,
                announcement_id text COLLATE "C" NOT NULL,
                revision integer NOT NULL,
                channel text COLLATE "C" NOT NULL,
                platform text NOT NULL,
                transport text NOT NULL,
                status text NOT NULL,
                due_at timestamptz NOT NULL,
                next_attempt_at timestamptz,
                attempt_count integer NOT NULL DEFAULT 0,
                backoff_step integer NOT NULL DEFAULT 0,
                content_hash text,
                variant_id text REFERENCES variants(id),
                remote_id text,
                remote_url text,
                note text,
                sent_at timestamptz,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                figures jsonb,
                window_start timestamptz,
                UNIQUE (announcement_id, revision, channel)
            );
            CREATE INDEX deliveries_pending ON deliveries(due_at) WHERE status = 'pending';
            CREATE INDEX deliveries_retrying ON deliveries(next_attempt_at) WHERE status = 'retrying';
            CREATE INDEX deliveries_sending ON deliveries(due_at) WHERE status = 'sending';
            CREATE INDEX deliveries_sent_by_channel ON deliveries(channel, sent_at) WHERE status = 'sent';
            CREATE INDEX deliveries_awaiting ON deliveries(channel) WHERE status = 'awaiting_confirmation';

            CREATE TABLE attempts (
                id bigserial PRIMARY KEY,
                delivery_id text NOT NULL REFERENCES deliveries(id),
                number integer NOT NULL,
                channel text COLLATE "C" NOT NULL,
                url text,
                started_at timestamptz NOT NULL,
                finished_at timestamptz,
                duration_ms double precision,
                http_status integer,
                response_headers text,
                response_body text,
                remote_id text,
                remote_url text,
                outcome text NOT NULL,
                error_class text,
                error_message text,
                next_attempt_at timestamptz,
                host text
            );
            CREATE INDEX attempts_by_delivery ON attempts(delivery_id, number);

            CREATE TABLE queue_files (
                path text COLLATE "C" PRIMARY KEY,
                size bigint NOT NULL,
                modified_ns bigint NOT NULL,
                announcement_id text,
                revision integer,
                checked_at timestamptz NOT NULL
            );

            CREATE TABLE hosts (
                name text PRIMARY KEY,
                loa_version text NOT NULL,
                config_hash text NOT NULL,
                first_seen_at timestamptz NOT NULL,
                last_seen_at timestamptz NOT NULL
            );

            CREATE SEQUENCE lease_tokens;
            CREATE TABLE channel_leases (
                channel text COLLATE "C" PRIMARY KEY,
                holder text,
                token bigint NOT NULL DEFAULT 0,
                until timestamptz NOT NULL
            );

            CREATE TABLE settings (
                key text PRIMARY KEY,
                value text NOT NULL
            );

            CREATE TABLE engagement_snapshots (
                id bigserial PRIMARY KEY,
                delivery_id text NOT NULL REFERENCES deliveries(id),
                metric text COLLATE "C" NOT NULL,
                value bigint NOT NULL,
                taken_at timestamptz NOT NULL,
                source text NOT NULL
            );
            CREATE INDEX engagement_by_delivery ON engagement_snapshots(delivery_id, metric, taken_at);

            CREATE TABLE engagement_polls (
                delivery_id text PRIMARY KEY REFERENCES deliveries(id),
                last_polled_at timestamptz,
                unchanged_count integer NOT NULL DEFAULT 0,
                last_error text
            );

            CREATE TABLE engagement_metrics (metric text COLLATE "C" PRIMARY KEY);

            -- The latest figures of each delivery, kept as snapshots are recorded, by whatever records them (see
            -- SQLite's v3-latest-figures): a snapshot older than one recorded for the same metric does not win.
            CREATE FUNCTION loa_snapshot_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO engagement_metrics (metric) VALUES (NEW.metric) ON CONFLICT DO NOTHING;
                UPDATE deliveries
                SET figures = coalesce(figures, '{}'::jsonb) || jsonb_build_object(NEW.metric, NEW.value)
                WHERE id = NEW.delivery_id AND NOT EXISTS (
                    SELECT 1 FROM engagement_snapshots s
                    WHERE s.delivery_id = NEW.delivery_id AND s.metric = NEW.metric
                      AND (s.taken_at > NEW.taken_at OR (s.taken_at = NEW.taken_at AND s.id > NEW.id))
                );
                RETURN NULL;
            END;
            $$;
            CREATE TRIGGER engagement_snapshot_recorded AFTER INSERT ON engagement_snapshots
                FOR EACH ROW EXECUTE FUNCTION loa_snapshot_recorded();

            CREATE TABLE run_starts (
                id bigserial PRIMARY KEY,
                started_at timestamptz NOT NULL,
                deliveries jsonb NOT NULL
            );

            CREATE TABLE channels (
                id text COLLATE "C" PRIMARY KEY,
                destination text
            );
            CREATE INDEX channels_by_destination ON channels(destination);

            CREATE TABLE reminders (
                delivery_id text PRIMARY KEY REFERENCES deliveries(id) ON DELETE CASCADE,
                reminded_at timestamptz NOT NULL
            );

            CREATE TABLE confirmations (
                delivery_id text PRIMARY KEY REFERENCES deliveries(id),
                confirmed_at timestamptz NOT NULL,
                posted_at timestamptz NOT NULL,
                url text,
                note text,
                forced boolean NOT NULL DEFAULT false,
                previous_status text NOT NULL,
                previous_note text,
                previous_next_attempt_at timestamptz,
                previous_sent_at timestamptz,
                previous_remote_url text
            );

            CREATE TABLE imported_deliveries (
                unit text COLLATE "C" NOT NULL,
                delivery_id text COLLATE "C" NOT NULL,
                announcement_id text COLLATE "C" NOT NULL,
                revision integer NOT NULL,
                title text NOT NULL,
                category text NOT NULL,
                channel text COLLATE "C" NOT NULL,
                platform text NOT NULL,
                transport text NOT NULL,
                publish_at timestamptz NOT NULL,
                delivered_at timestamptz,
                status text NOT NULL,
                remote_url text,
                attempts integer NOT NULL,
                figures jsonb NOT NULL,
                file text NOT NULL,
                imported_at timestamptz NOT NULL,
                PRIMARY KEY (unit, delivery_id)
            );
            CREATE INDEX imported_deliveries_by_time ON imported_deliveries(publish_at);
            CREATE TABLE imported_snapshots (
                unit text COLLATE "C" NOT NULL,
                delivery_id text COLLATE "C" NOT NULL,
                metric text COLLATE "C" NOT NULL,
                value bigint NOT NULL,
                taken_at timestamptz NOT NULL,
                source text NOT NULL,
                PRIMARY KEY (unit, delivery_id, metric, taken_at)
            );
            """
        ),
        (
            "v2-notify",
            // The messages sent to the `notify:` channel, and the events each told of (as SQLite's v10-notify).
            """
            CREATE TABLE notices (
                id text COLLATE "C" PRIMARY KEY,
                channel text COLLATE "C" NOT NULL,
                title text NOT NULL,
                body text NOT NULL,
                created_at timestamptz NOT NULL
            );
            CREATE TABLE notified_events (
                key text COLLATE "C" PRIMARY KEY,
                notice_id text COLLATE "C" NOT NULL REFERENCES notices(id),
                notified_at timestamptz NOT NULL
            );
            """
        ),
        (
            "v3-direct-channels",
            // Photos uploaded for a post not made yet, and channels stopped for their credentials (as SQLite's
            // v13-direct-channels).
            """
            CREATE TABLE uploaded_media (
                delivery_id text NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
                position integer NOT NULL,
                image text NOT NULL,
                media_id text NOT NULL,
                uploaded_at timestamptz NOT NULL,
                PRIMARY KEY (delivery_id, position)
            );
            CREATE TABLE stopped_channels (
                channel text COLLATE "C" PRIMARY KEY,
                announcement_id text COLLATE "C" NOT NULL,
                reason text NOT NULL,
                credentials text NOT NULL,
                stopped_at timestamptz NOT NULL
            );
            """
        ),
    ]

    /// Brings the database's tables up to date: takes the migration lock (waiting while another host migrates),
    /// applies each migration not yet recorded in a transaction of its own, and lets the lock go.
    static func migrate(_ session: PostgresSession) throws {
        try session.execute("SELECT pg_advisory_lock(\(migrationLock))")
        defer { _ = try? session.execute("SELECT pg_advisory_unlock(\(migrationLock))") }
        try checkForeign(session)
        try session.execute(
            "CREATE TABLE IF NOT EXISTS loa_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL)"
        )
        let applied = try appliedMigrations(session)
        for migration in migrations where !applied.contains(migration.name) {
            try session.execute("BEGIN")
            do {
                for statement in statements(migration.sql) { try session.execute(statement) }
                try session.query("INSERT INTO loa_migrations (name, applied_at) VALUES (\(migration.name), now())")
                try session.execute("COMMIT")
            } catch {
                _ = try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Makes every table in the transaction the caller has begun, and records the migrations as applied: for a
    /// new database that must be left without tables if the transaction is rolled back.
    static func create(_ session: PostgresSession) throws {
        try session.execute(
            "CREATE TABLE IF NOT EXISTS loa_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL)"
        )
        for migration in migrations {
            for statement in statements(migration.sql) { try session.execute(statement) }
            try session.query("INSERT INTO loa_migrations (name, applied_at) VALUES (\(migration.name), now())")
        }
    }

    /// A script's statements, one by one: the extended protocol postgres-nio speaks takes one statement at a time.
    /// Splits at each `;` outside a `$$` body.
    static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inBody = false
        var previous: Character = " "
        for character in script {
            current.append(character)
            if character == "$" && previous == "$" { inBody.toggle() }
            if character == ";" && !inBody {
                let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if statement != ";" { statements.append(statement) }
                current = ""
            }
            previous = character
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { statements.append(last) }
        return statements
    }

    /// The names of the migrations the database has; empty when it has no Loa tables.
    static func appliedMigrations(_ session: PostgresSession) throws -> Set<String> {
        let exists = try session.query("SELECT to_regclass('loa_migrations') IS NOT NULL")
        guard try exists.first?.decode(Bool.self) == true else { return [] }
        return Set(try session.query("SELECT name FROM loa_migrations").map { try $0.decode(String.self) })
    }

    /// Whether every migration this Loa knows is applied.
    static func isCurrent(_ session: PostgresSession) throws -> Bool {
        Set(migrations.map(\.name)).isSubset(of: try appliedMigrations(session))
    }

    /// Refuses a database whose schema has tables, none of them Loa's: a new archive there would mix with
    /// another program's data.
    static func checkForeign(_ session: PostgresSession) throws {
        let counts = try session.query(
            """
            SELECT count(*), count(*) FILTER (WHERE table_name = 'loa_migrations') FROM information_schema.tables
            WHERE table_schema = current_schema()
            """
        )
        guard let row = counts.first else { return }
        let (tables, loa) = try row.decode((Int, Int).self)
        if tables > 0 && loa == 0 { throw PostgresArchiveError(session.location, .foreign) }
    }
}
