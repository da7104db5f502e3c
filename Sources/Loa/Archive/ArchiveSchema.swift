import GRDB

/// The archive's tables, created and upgraded by numbered migrations.
///
/// The schema is part of Loa's interface: officers and scripts query it with `sqlite3`, so the README
/// documents every table, and a migration never changes the meaning of an existing column.
enum ArchiveSchema {
    /// Sets every delivery's `tries` from its attempts: when the column is added, and after an archive is copied
    /// in (``ArchiveCopy``).
    static let countTries = """
        UPDATE deliveries SET tries = (
            SELECT count(*) FROM attempts
            WHERE attempts.delivery_id = deliveries.id
              AND attempts.outcome != '\(AttemptRecord.Outcome.interrupted.rawValue)'
        )
        """

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE announcements (
                        id TEXT NOT NULL,
                        revision INTEGER NOT NULL,
                        content_hash TEXT NOT NULL,
                        title TEXT NOT NULL,
                        category TEXT NOT NULL,
                        unit TEXT NOT NULL,
                        publish_at DATETIME,
                        expires_at DATETIME,
                        link TEXT,
                        file TEXT NOT NULL,
                        first_seen_at DATETIME NOT NULL,
                        updated_at DATETIME NOT NULL,
                        PRIMARY KEY (id, revision)
                    );
                    CREATE INDEX announcements_by_hash ON announcements(content_hash);

                    CREATE TABLE variants (
                        id TEXT PRIMARY KEY,
                        text TEXT NOT NULL,
                        length INTEGER NOT NULL
                    );

                    CREATE TABLE deliveries (
                        id TEXT PRIMARY KEY,
                        announcement_id TEXT NOT NULL,
                        revision INTEGER NOT NULL,
                        channel TEXT NOT NULL,
                        platform TEXT NOT NULL,
                        transport TEXT NOT NULL,
                        status TEXT NOT NULL,
                        due_at DATETIME NOT NULL,
                        next_attempt_at DATETIME,
                        attempt_count INTEGER NOT NULL DEFAULT 0,
                        backoff_step INTEGER NOT NULL DEFAULT 0,
                        content_hash TEXT,
                        variant_id TEXT REFERENCES variants(id),
                        remote_id TEXT,
                        remote_url TEXT,
                        note TEXT,
                        sent_at DATETIME,
                        created_at DATETIME NOT NULL,
                        updated_at DATETIME NOT NULL,
                        UNIQUE (announcement_id, revision, channel)
                    );
                    CREATE INDEX deliveries_by_status ON deliveries(status, due_at);
                    CREATE INDEX deliveries_by_channel ON deliveries(channel, sent_at);

                    CREATE TABLE attempts (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        delivery_id TEXT NOT NULL REFERENCES deliveries(id),
                        number INTEGER NOT NULL,
                        channel TEXT NOT NULL,
                        url TEXT,
                        started_at DATETIME NOT NULL,
                        finished_at DATETIME,
                        duration_ms REAL,
                        http_status INTEGER,
                        response_headers TEXT,
                        response_body TEXT,
                        remote_id TEXT,
                        remote_url TEXT,
                        outcome TEXT NOT NULL,
                        error_class TEXT,
                        error_message TEXT,
                        next_attempt_at DATETIME
                    );
                    CREATE INDEX attempts_by_delivery ON attempts(delivery_id, number);

                    CREATE TABLE queue_files (
                        path TEXT PRIMARY KEY,
                        size INTEGER NOT NULL,
                        modified_ns INTEGER NOT NULL,
                        announcement_id TEXT,
                        revision INTEGER,
                        checked_at DATETIME NOT NULL
                    );

                    CREATE TABLE settings (
                        key TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("v2-engagement") { db in
            try db.execute(
                sql: """
                    CREATE TABLE engagement_snapshots (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        delivery_id TEXT NOT NULL REFERENCES deliveries(id),
                        metric TEXT NOT NULL,
                        value INTEGER NOT NULL,
                        taken_at DATETIME NOT NULL,
                        source TEXT NOT NULL
                    );
                    CREATE INDEX engagement_by_delivery ON engagement_snapshots(delivery_id, metric, taken_at);

                    CREATE TABLE engagement_polls (
                        delivery_id TEXT PRIMARY KEY REFERENCES deliveries(id),
                        last_polled_at DATETIME,
                        unchanged_count INTEGER NOT NULL DEFAULT 0,
                        last_error TEXT
                    );
                    """
            )
        }
        migrator.registerMigration("v3-latest-figures") { db in
            // Reports read the latest figures of every delivery; looking them up among the snapshots took most of
            // an export's time. The archive keeps them instead, as the snapshots are recorded, by a trigger, so
            // anything that records a snapshot (Loa, a script, `sqlite3`) keeps them right. A snapshot older than
            // one already recorded for the same metric does not replace it.
            try db.execute(
                sql: """
                    ALTER TABLE deliveries ADD COLUMN figures TEXT;
                    CREATE TABLE engagement_metrics (metric TEXT PRIMARY KEY) WITHOUT ROWID;
                    CREATE TRIGGER engagement_snapshot_recorded AFTER INSERT ON engagement_snapshots
                    BEGIN
                        INSERT OR IGNORE INTO engagement_metrics (metric) VALUES (NEW.metric);
                        UPDATE deliveries
                        SET figures = json_patch(coalesce(figures, '{}'), json_object(NEW.metric, NEW.value))
                        WHERE id = NEW.delivery_id AND NOT EXISTS (
                            SELECT 1 FROM engagement_snapshots s
                            WHERE s.delivery_id = NEW.delivery_id AND s.metric = NEW.metric
                              AND (s.taken_at > NEW.taken_at OR (s.taken_at = NEW.taken_at AND s.id > NEW.id))
                        );
                    END;
                    INSERT INTO engagement_metrics (metric) SELECT DISTINCT metric FROM engagement_snapshots;
                    UPDATE deliveries SET figures = (
                        SELECT json_group_object(metric, value) FROM engagement_snapshots s
                        WHERE s.delivery_id = deliveries.id AND NOT EXISTS (
                            SELECT 1 FROM engagement_snapshots t
                            WHERE t.delivery_id = s.delivery_id AND t.metric = s.metric
                              AND (t.taken_at > s.taken_at OR (t.taken_at = s.taken_at AND t.id > s.id))
                        )
                    )
                    WHERE id IN (SELECT delivery_id FROM engagement_snapshots);
                    """
            )
        }
        migrator.registerMigration("v4-partial-indexes") { db in
            // Each index lists only the rows its query looks for: what is due (`pending` by `due_at`, `retrying` by
            // `next_attempt_at`, and `sending`), and what was sent, per channel, for the minimum gap. A delivery
            // then enters and leaves them as its status moves, the sent ones (nearly all, after a year) weigh on no
            // index, and a fan-out rewrites three index entries a delivery instead of six.
            try db.execute(
                sql: """
                    DROP INDEX deliveries_by_status;
                    DROP INDEX deliveries_by_channel;
                    CREATE INDEX deliveries_pending ON deliveries(due_at) WHERE status = 'pending';
                    CREATE INDEX deliveries_retrying ON deliveries(next_attempt_at) WHERE status = 'retrying';
                    CREATE INDEX deliveries_sending ON deliveries(due_at) WHERE status = 'sending';
                    CREATE INDEX deliveries_sent_by_channel ON deliveries(channel, sent_at) WHERE status = 'sent';
                    """
            )
        }
        migrator.registerMigration("v5-start-journal") { db in
            // The record that a run's requests may have left: one row per batch of starts, each delivery with its
            // attempt count before the attempt. A run removes its rows when every outcome is recorded; the next run
            // turns what a killed one left into `sending` deliveries (see `DeliveryRecord.recordStarting`).
            try db.execute(
                sql: """
                    CREATE TABLE run_starts (
                        id INTEGER PRIMARY KEY,
                        started_at DATETIME NOT NULL,
                        deliveries TEXT NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("v6-channels") { db in
            // Each channel id the archive has seen, with a hash of where its posts land: a channel that appears
            // under a new id with the destination of one that left loa.yml is the same channel renamed, and must
            // not post again what the old id posted.
            try db.execute(
                sql: """
                    CREATE TABLE channels (
                        id TEXT PRIMARY KEY,
                        destination TEXT
                    );
                    CREATE INDEX channels_by_destination ON channels(destination);
                    INSERT OR IGNORE INTO channels (id) SELECT DISTINCT channel FROM deliveries;
                    """
            )
        }
        migrator.registerMigration("v7-reminders") { db in
            // When a person was last reminded of a post waiting in the outbox: the first reminder comes
            // `remind_after` after it was written, then one a day while it waits.
            try db.execute(
                sql: """
                    CREATE TABLE reminders (
                        delivery_id TEXT PRIMARY KEY REFERENCES deliveries(id) ON DELETE CASCADE,
                        reminded_at DATETIME NOT NULL
                    );
                    CREATE INDEX deliveries_awaiting ON deliveries(channel) WHERE status = 'awaiting_confirmation';
                    """
            )
        }
        migrator.registerMigration("v8-operator-actions") { db in
            // `window_start`: when `loa retry` gave a delivery a fresh window; `missed_after` counts from the later
            // of it and `publish_at`, since the operator has decided the post should still go out.
            // `confirmations`: each post confirmed by hand, with what the delivery was before, so that
            // `loa confirm --undo` puts it back as it was (a post confirmed by mistake before it was written must
            // be written again, not left waiting for a confirmation).
            try db.execute(
                sql: """
                    ALTER TABLE deliveries ADD COLUMN window_start DATETIME;
                    CREATE TABLE confirmations (
                        delivery_id TEXT PRIMARY KEY REFERENCES deliveries(id),
                        confirmed_at DATETIME NOT NULL,
                        posted_at DATETIME NOT NULL,
                        url TEXT,
                        note TEXT,
                        forced INTEGER NOT NULL DEFAULT 0,
                        previous_status TEXT NOT NULL,
                        previous_note TEXT,
                        previous_next_attempt_at DATETIME,
                        previous_sent_at DATETIME,
                        previous_remote_url TEXT
                    );
                    """
            )
        }
        migrator.registerMigration("v9-imports") { db in
            // Deliveries of other units' archives, taken in by `loa import` from their JSON Lines exports: kept
            // apart from `deliveries`, so nothing that delivers, retries, polls or lists work ever sees them, and
            // read by reports beside this archive's own. Keyed by unit and delivery id: two wards may both have
            // an announcement `2026-12-01-tin` on a channel `zalo-doan-phuong`.
            try db.execute(
                sql: """
                    CREATE TABLE imported_deliveries (
                        unit TEXT NOT NULL,
                        delivery_id TEXT NOT NULL,
                        announcement_id TEXT NOT NULL,
                        revision INTEGER NOT NULL,
                        title TEXT NOT NULL,
                        category TEXT NOT NULL,
                        channel TEXT NOT NULL,
                        platform TEXT NOT NULL,
                        transport TEXT NOT NULL,
                        publish_at DATETIME NOT NULL,
                        delivered_at DATETIME,
                        status TEXT NOT NULL,
                        remote_url TEXT,
                        attempts INTEGER NOT NULL,
                        figures TEXT NOT NULL,
                        file TEXT NOT NULL,
                        imported_at DATETIME NOT NULL,
                        PRIMARY KEY (unit, delivery_id)
                    );
                    CREATE INDEX imported_deliveries_by_time ON imported_deliveries(publish_at);
                    CREATE TABLE imported_snapshots (
                        unit TEXT NOT NULL,
                        delivery_id TEXT NOT NULL,
                        metric TEXT NOT NULL,
                        value INTEGER NOT NULL,
                        taken_at DATETIME NOT NULL,
                        source TEXT NOT NULL,
                        PRIMARY KEY (unit, delivery_id, metric, taken_at)
                    );
                    """
            )
        }
        migrator.registerMigration("v10-notify") { db in
            // The messages sent to the `notify:` channel, kept with their text so that a later run can retry one
            // (its delivery is an ordinary row of `deliveries`, with the notice's id as announcement id), and the
            // events each told of, so that no event is told twice.
            try db.execute(
                sql: """
                    CREATE TABLE notices (
                        id TEXT PRIMARY KEY,
                        channel TEXT NOT NULL,
                        title TEXT NOT NULL,
                        body TEXT NOT NULL,
                        created_at DATETIME NOT NULL
                    );
                    CREATE TABLE notified_events (
                        key TEXT PRIMARY KEY,
                        notice_id TEXT NOT NULL REFERENCES notices(id),
                        notified_at DATETIME NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("v11-several-hosts") { db in
            // Several hosts may share a PostgreSQL archive; the SQLite one keeps the same columns, so that an
            // archive copied from one store to the other keeps who made each attempt. `hosts`: each host that ran
            // on the archive, with its Loa version and a hash of its loa.yml, templates and queue.
            // `channel_leases`: which host may send on a channel until when, and the token that fences its writes.
            try db.execute(
                sql: """
                    ALTER TABLE attempts ADD COLUMN host TEXT;
                    CREATE TABLE hosts (
                        name TEXT PRIMARY KEY,
                        loa_version TEXT NOT NULL,
                        config_hash TEXT NOT NULL,
                        first_seen_at DATETIME NOT NULL,
                        last_seen_at DATETIME NOT NULL
                    );
                    CREATE TABLE channel_leases (
                        channel TEXT PRIMARY KEY,
                        holder TEXT,
                        token INTEGER NOT NULL DEFAULT 0,
                        until DATETIME NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("v12-tries") { db in
            // Each delivery's tries (its attempts that were not interrupted), kept beside it as its attempts are
            // recorded, so that a report reads them with the row instead of counting attempts once a delivery:
            // that count was a third of a 100,000-row export.
            try db.execute(
                sql: """
                    ALTER TABLE deliveries ADD COLUMN tries INTEGER NOT NULL DEFAULT 0;
                    \(countTries);
                    """
            )
        }
        migrator.registerMigration("v13-direct-channels") { db in
            // `uploaded_media`: the photos a direct transport uploaded (unpublished, invisible) for a post not made
            // yet, so that a later run's retry attaches them instead of uploading again. `stopped_channels`: direct
            // channels whose credentials stopped working, left alone by every run until a person mends them; the
            // credentials column is a fingerprint, never a secret.
            try db.execute(
                sql: """
                    CREATE TABLE uploaded_media (
                        delivery_id TEXT NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        image TEXT NOT NULL,
                        media_id TEXT NOT NULL,
                        uploaded_at DATETIME NOT NULL,
                        PRIMARY KEY (delivery_id, position)
                    );
                    CREATE TABLE stopped_channels (
                        channel TEXT PRIMARY KEY,
                        announcement_id TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        credentials TEXT NOT NULL,
                        stopped_at DATETIME NOT NULL
                    );
                    """
            )
        }
        return migrator
    }
}
