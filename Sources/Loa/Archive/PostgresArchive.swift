import Foundation
import PostgresNIO

/// The archive in a PostgreSQL database, for several hosts sharing one archive (`archive: postgres://…`).
///
/// The same records as ``SQLiteArchive``, the same named operations (``PostgresTransaction``), and the same
/// conformance suite. One connection per process, used synchronously through ``PostgresSession``; a `write` is
/// one transaction at PostgreSQL's default isolation (READ COMMITTED: each operation is one statement or a few,
/// written so that a row another host changed in between is read again), a `read` one snapshot (REPEATABLE READ,
/// READ ONLY), so an export sees the archive as it was when it started.
public final class PostgresArchive: Archive, @unchecked Sendable {
    let session: PostgresSession
    /// One transaction at a time on the connection; a `read` or `write` started inside another (on the same
    /// thread) joins it.
    private let lock = NSRecursiveLock()
    private var depth = 0
    /// A scratch archive (`loa run --dry-run`), or a new database a copy goes into until ``keep()``, keeps one
    /// transaction open from start to end and rolls it back;
    /// each `read` and `write` is a savepoint in it.
    private var scratch: Bool

    private init(session: PostgresSession, scratch: Bool) {
        self.session = session
        self.scratch = scratch
    }

    /// Connects to the archive at `location`, and creates or brings its tables up to date (once, whichever
    /// host comes first).
    public static func open(_ location: PostgresLocation, password: Secret?) throws -> PostgresArchive {
        let session = try PostgresSession.connect(location, password: password)
        try PostgresSchema.migrate(session)
        return PostgresArchive(session: session, scratch: false)
    }

    /// The archive at `location` for reading only, never created or migrated; nil when the database has no Loa
    /// tables yet.
    public static func openForReading(_ location: PostgresLocation, password: Secret?) throws -> PostgresArchive? {
        let session = try PostgresSession.connect(location, password: password)
        try PostgresSchema.checkForeign(session)
        let applied = try PostgresSchema.appliedMigrations(session)
        if applied.isEmpty { return nil }
        guard try PostgresSchema.isCurrent(session) else { throw PostgresArchiveError(location, .outdated) }
        try session.execute("SET default_transaction_read_only = on")
        return PostgresArchive(session: session, scratch: false)
    }

    /// The archive at `location` as it is, in a transaction that is never committed: written freely, and gone
    /// when the run ends (`loa run --dry-run`). Its tables must exist already, or be created by this connection
    /// inside the same transaction.
    public static func scratch(_ location: PostgresLocation, password: Secret?) throws -> PostgresArchive {
        let session = try PostgresSession.connect(location, password: password)
        try PostgresSchema.checkForeign(session)
        try session.execute("BEGIN")
        if try !PostgresSchema.isCurrent(session) {
            // Made inside the transaction, so rolled back with the rest.
            for migration in PostgresSchema.migrations {
                for statement in PostgresSchema.statements(migration.sql) { try session.execute(statement) }
            }
        }
        return PostgresArchive(session: session, scratch: true)
    }

    /// The archive at `location` for a copy into it (`loa archive copy`). A database with Loa's tables is opened
    /// and brought up to date as ``open(_:password:)`` does; one without them gets them inside one transaction
    /// that lasts until ``keep()``, as a scratch archive's does, so that a copy that fails leaves the database
    /// as it was, without tables.
    static func openForCopy(_ location: PostgresLocation, password: Secret?) throws -> PostgresArchive {
        let session = try PostgresSession.connect(location, password: password)
        try PostgresSchema.checkForeign(session)
        guard try PostgresSchema.appliedMigrations(session).isEmpty else {
            try PostgresSchema.migrate(session)
            return PostgresArchive(session: session, scratch: false)
        }
        // Under the migrations' lock, held to the transaction's end: a host that starts on the database meanwhile
        // waits, then finds the tables made (or none, if the copy failed).
        try session.execute("BEGIN")
        try session.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
        guard try PostgresSchema.appliedMigrations(session).isEmpty else {
            try session.execute("ROLLBACK")
            try PostgresSchema.migrate(session)
            return PostgresArchive(session: session, scratch: false)
        }
        try PostgresSchema.create(session)
        return PostgresArchive(session: session, scratch: true)
    }

    /// Commits what was written since ``openForCopy(_:password:)`` made the tables; nothing to do otherwise.
    func keep() throws {
        lock.lock()
        defer { lock.unlock() }
        guard scratch else { return }
        try session.execute("COMMIT")
        scratch = false
    }

    deinit {
        if scratch { _ = try? session.execute("ROLLBACK") }
    }

    public func read<T>(_ work: (any ArchiveReading) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work)
    }

    public func write<T>(_ work: (any ArchiveWriting) throws -> T) throws -> T {
        try transaction(begin: "BEGIN", work)
    }

    private func transaction<T>(begin: String, _ work: (PostgresTransaction) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let transaction = PostgresTransaction(session)
        if depth > 0 {
            depth += 1
            defer { depth -= 1 }
            return try work(transaction)
        }
        let (start, commit, rollback) =
            scratch
            ? ("SAVEPOINT loa", "RELEASE SAVEPOINT loa", "ROLLBACK TO SAVEPOINT loa")
            : (begin, "COMMIT", "ROLLBACK")
        try session.execute(start)
        depth = 1
        defer { depth = 0 }
        let result: T
        do {
            result = try work(transaction)
        } catch {
            _ = try? session.execute(rollback)
            throw error
        }
        try session.execute(commit)
        return result
    }
}
