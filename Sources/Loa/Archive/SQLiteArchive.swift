import CLoaSystem
import Foundation
import GRDB
import Synchronization

/// The embedded archive: one SQLite file, the default.
///
/// It is opened in WAL mode, so a reader such as `sqlite3` or `loa status` never blocks a run, and every change
/// is one transaction, so a run killed at any instant leaves a consistent file behind. Runs on one host are kept
/// apart by the run lock (a `flock` beside the file), so its writes need no claims: SQLite's writer lock
/// serialises them.
public final class SQLiteArchive: Archive {
    /// The database; `any DatabaseWriter` so tests can use an in-memory queue.
    let database: any DatabaseWriter
    /// The write-ahead log, opened for ``startLogWriteback()`` when first asked; -1 until then.
    private let log = Mutex<Int32>(-1)

    /// Opens (creating if needed) the archive at `path`, and brings its schema up to date.
    ///
    /// An existing file must be a Loa archive: a zero-byte file, or an SQLite database with other tables, is
    /// refused (``ArchiveError``) rather than taken as a new archive, since a new archive would post again every
    /// announcement still inside its window.
    public convenience init(path: String) throws {
        let existed = FileManager.default.fileExists(atPath: path)
        if existed { try ArchiveError.checkFile(path) }
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
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw ArchiveError(path: path, opening: error)
        }
        do {
            if existed { try ArchiveError.checkTables(pool, path: path) }
            try ArchiveSchema.migrator.migrate(pool)
        } catch {
            throw ArchiveError(path: path, opening: error)
        }
        self.init(database: pool)
    }

    /// The archive at `path` for reading only, without creating, migrating or writing it; nil when there is none.
    ///
    /// For `loa status`, `loa export`, `loa preview` and `loa check`, which an account that may read the workspace
    /// but not write it must be able to run. SQLite reads a WAL database only where it can open or create the
    /// log's index beside it; where it can do neither (no run working, and a folder this account cannot write),
    /// the archive is read as an immutable file, which is what it is while no run works.
    public static func openForReading(path: String) throws -> SQLiteArchive? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        try ArchiveError.checkFile(path)
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        func open(_ location: String) throws -> DatabaseQueue {
            let reader = try DatabaseQueue(path: location, configuration: configuration)
            _ = try reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
            return reader
        }
        let reader: DatabaseQueue
        do {
            reader = try open(path)
        } catch {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard !FileManager.default.isWritableFile(atPath: folder),
                !FileManager.default.fileExists(atPath: path + "-wal")
            else { throw ArchiveError(path: path, opening: error) }
            do {
                reader = try open("file:\(Self.uriPath(path))?immutable=1")
            } catch {
                throw ArchiveError(path: path, opening: error)
            }
        }
        let current: Bool
        do {
            try ArchiveError.checkTables(reader, path: path)
            current = try reader.read(ArchiveSchema.migrator.hasCompletedMigrations)
        } catch {
            throw ArchiveError(path: path, opening: error)
        }
        guard current else { throw ArchiveError(path: path, .outdated) }
        return SQLiteArchive(database: reader)
    }

    /// A file path as the path of an SQLite `file:` URI: `?` and `#` would end it, `%` starts an escape.
    private static func uriPath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
    }

    private init(database: any DatabaseWriter) {
        self.database = database
    }

    /// An archive on an existing database, such as an in-memory `DatabaseQueue` in tests.
    convenience init(database: any DatabaseWriter, migrating: Bool) throws {
        if migrating { try ArchiveSchema.migrator.migrate(database) }
        self.init(database: database)
    }

    /// An archive in memory holding what the file at `path` holds (nothing when there is none), for a dry run:
    /// it may be written freely and is gone when the run ends.
    public static func scratchCopy(of path: String) throws -> SQLiteArchive {
        do {
            try ArchiveError.checkFile(path)
            let copy = try DatabaseQueue()
            if FileManager.default.fileExists(atPath: path) {
                var configuration = GRDB.Configuration()
                configuration.readonly = true
                try DatabaseQueue(path: path, configuration: configuration).backup(to: copy)
            }
            return try SQLiteArchive(database: copy, migrating: true)
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw ArchiveError(path: path, opening: error)
        }
    }

    public func read<T>(_ work: (any ArchiveReading) throws -> T) throws -> T {
        try database.read { db in try work(SQLiteTransaction(db)) }
    }

    public func write<T>(_ work: (any ArchiveWriting) throws -> T) throws -> T {
        var wroteMuch = false
        let result = try database.write { db in
            let transaction = SQLiteTransaction(db)
            let result = try work(transaction)
            wroteMuch = transaction.wroteMuch
            return result
        }
        // Answers and announcements recorded can make a log of thousands of pages, which the run's end must sync.
        if wroteMuch { startLogWriteback() }
        return result
    }

    deinit {
        log.withLock { if $0 >= 0 { close($0) } }
    }

    /// Asks the system to start writing the write-ahead log to disk now, without waiting for it.
    ///
    /// For long runs of writes (a fan-out's answers): when the archive closes, SQLite syncs the log before it
    /// copies it into the database, and that sync then waits for whatever the log got since its last one (after a
    /// fan-out's answers, a noticeable part of the run; bench/README.md). Started as the log grows, it has little
    /// left to wait for.
    /// Does nothing for an archive in memory, or where the system cannot.
    func startLogWriteback() {
        guard let pool = database as? DatabasePool else { return }
        log.withLock { file in
            if file < 0 { file = open(pool.path + "-wal", O_RDONLY | O_CLOEXEC) }
            if file >= 0 { _ = loa_start_writeback(file) }
        }
    }
}
