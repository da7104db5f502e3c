import CLoaSystem
import Foundation
import GRDB
import Synchronization

/// The SQLite archive: delivery state, every attempt, and (later) engagement snapshots.
///
/// It is opened in WAL mode, so a reader such as `sqlite3` or `loa status` never blocks a run, and every change
/// is one transaction, so a run killed at any instant leaves a consistent file behind.
public final class Archive: Sendable {
    /// The database; `any DatabaseWriter` so tests can use an in-memory queue.
    public let writer: any DatabaseWriter
    /// The write-ahead log, opened for ``startLogWriteback()`` when first asked; -1 until then.
    private let log = Mutex<Int32>(-1)

    /// Opens (creating if needed) the archive at `path`, and brings its schema up to date.
    public convenience init(path: String) throws {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL with synchronous=NORMAL survives a process crash intact; a power cut may lose the last
            // transactions, which only means re-sending with the same delivery id.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Checkpoint after 32 MiB of log rather than 4 MiB: a large fan-out then copies each page into the
            // database once, at the end, instead of again and again while it writes.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
        }
        try self.init(writer: DatabasePool(path: path, configuration: configuration))
    }

    /// The archive at `path` for reading only, without creating or migrating it; nil when there is none.
    ///
    /// An archive written by an older Loa is brought up to date first, as `loa run` would.
    public static func openForReading(path: String) throws -> Archive? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        let reader = try DatabaseQueue(path: path, configuration: configuration)
        if try !reader.read(ArchiveSchema.migrator.hasCompletedMigrations) {
            try reader.close()
            _ = try Archive(path: path)
            return Archive(reader: try DatabaseQueue(path: path, configuration: configuration))
        }
        return Archive(reader: reader)
    }

    private init(reader: DatabaseQueue) {
        self.writer = reader
    }

    deinit {
        log.withLock { if $0 >= 0 { close($0) } }
    }

    /// Asks the system to start writing the write-ahead log to disk now, without waiting for it.
    ///
    /// For long runs of writes (a fan-out's answers): when the archive closes, SQLite syncs the log before it
    /// copies it into the database, and that sync then waits for whatever the log got since its last one, which
    /// after 10,000 answers was 15–20 ms of a 0.6 s run. Started as the log grows, it has little left to wait for.
    /// Does nothing for an archive in memory, or where the system cannot.
    func startLogWriteback() {
        guard let pool = writer as? DatabasePool else { return }
        log.withLock { file in
            if file < 0 { file = open(pool.path + "-wal", O_RDONLY | O_CLOEXEC) }
            if file >= 0 { _ = loa_start_writeback(file) }
        }
    }

    /// Sent deliveries of an announcement's revision whose content differs from `contentHash`.
    public func deliveriesEdited(announcement: String, revision: Int, contentHash: String) throws -> [DeliveryRecord] {
        try writer.read { db in
            try DeliveryRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM deliveries
                    WHERE announcement_id = ? AND revision = ? AND status IN ('sent', 'awaiting_confirmation')
                      AND content_hash IS NOT NULL AND content_hash != ?
                    ORDER BY channel
                    """,
                arguments: [announcement, revision, contentHash]
            )
        }
    }

    /// An archive on an existing database, such as an in-memory `DatabaseQueue` in tests.
    public init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try ArchiveSchema.migrator.migrate(writer)
    }

    // MARK: Settings

    public func setting(_ key: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key])
        }
    }

    public func setSetting(_ key: String, _ value: String) throws {
        try writer.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    // MARK: Deliveries

    /// Every delivery, newest announcement first, optionally of one announcement or channel pattern.
    public func deliveries(announcement: String? = nil) throws -> [DeliveryRecord] {
        try writer.read { db in
            if let announcement {
                return try DeliveryRecord.fetchAll(
                    db,
                    sql: "SELECT * FROM deliveries WHERE announcement_id = ? ORDER BY revision, channel",
                    arguments: [announcement]
                )
            }
            return try DeliveryRecord.fetchAll(
                db,
                sql: "SELECT * FROM deliveries ORDER BY due_at DESC, announcement_id, revision, channel"
            )
        }
    }

    /// The attempts of one delivery, in order.
    public func attempts(of deliveryID: String) throws -> [AttemptRecord] {
        try writer.read { db in
            try AttemptRecord.fetchAll(
                db,
                sql: "SELECT * FROM attempts WHERE delivery_id = ? ORDER BY number",
                arguments: [deliveryID]
            )
        }
    }

    /// Applies an operator's change to the deliveries of an announcement; returns those it changed.
    public func update(
        announcement: String,
        channels: [String]?,
        _ change: (inout DeliveryRecord) -> Bool
    ) throws -> [DeliveryRecord] {
        try writer.write { db in
            var changed: [DeliveryRecord] = []
            let rows = try DeliveryRecord.fetchAll(
                db,
                sql: "SELECT * FROM deliveries WHERE announcement_id = ? ORDER BY revision DESC, channel",
                arguments: [announcement]
            )
            // Only the newest revision is acted on: older ones are history.
            let newest = rows.map(\.revision).max()
            for var row in rows where row.revision == newest {
                if let channels, !channels.contains(where: { Glob.matches($0, row.channel) }) { continue }
                if change(&row) {
                    try row.update(db)
                    changed.append(row)
                }
            }
            return changed
        }
    }
}
