import Foundation

/// Where every command and stage gets its archive: the store that `archive:` in loa.yml names. One place decides:
/// a `postgres://` URL is a PostgreSQL archive (``PostgresArchive``), anything else the path of an SQLite file
/// (``SQLiteArchive``).
///
/// `password` is the PostgreSQL password as the configuration resolved it (``Configuration/archivePassword``);
/// an SQLite file has none.
public enum ArchiveStores {
    /// The archive at `location`, created and brought up to date if needed, for a command that writes.
    public static func open(_ location: String, password: Secret? = nil) throws -> any Archive {
        if let postgres = try postgresLocation(location) {
            return try PostgresArchive.open(postgres, password: password)
        }
        return try SQLiteArchive(path: location)
    }

    /// The archive at `location` for reading only, never created, migrated or written; nil when there is none.
    public static func openForReading(_ location: String, password: Secret? = nil) throws -> (any Archive)? {
        if let postgres = try postgresLocation(location) {
            return try PostgresArchive.openForReading(postgres, password: password)
        }
        return try SQLiteArchive.openForReading(path: location)
    }

    /// A copy of the archive at `location` that may be written freely and keeps nothing (`loa run --dry-run`).
    public static func scratchCopy(of location: String, password: Secret? = nil) throws -> any Archive {
        if let postgres = try postgresLocation(location) {
            return try PostgresArchive.scratch(postgres, password: password)
        }
        return try SQLiteArchive.scratchCopy(of: location)
    }

    /// The archive at `location` for `loa archive copy` to copy into: a new PostgreSQL database gets its tables in
    /// the copy's own transaction (``PostgresArchive/openForCopy(_:password:)``), an SQLite file is opened as for
    /// any command that writes.
    static func openForCopy(_ location: String, password: Secret?) throws -> any Archive {
        if let postgres = try postgresLocation(location) {
            return try PostgresArchive.openForCopy(postgres, password: password)
        }
        return try SQLiteArchive(path: location)
    }

    /// Whether `location` names a PostgreSQL archive, shared by several hosts, rather than an SQLite file.
    public static func isShared(_ location: String) -> Bool {
        PostgresLocation.isURL(location)
    }

    private static func postgresLocation(_ location: String) throws -> PostgresLocation? {
        guard PostgresLocation.isURL(location) else { return nil }
        switch PostgresLocation.parse(location) {
        case .success(let parsed): return parsed.location
        case .failure(let problem): throw ArchiveLocationError(problem: problem)
        }
    }
}

/// An `archive:` URL Loa cannot use (the loader refuses it first; this is for callers that skip the loader).
public struct ArchiveLocationError: Error, CustomStringConvertible {
    public var problem: PostgresLocation.Problem
    public var description: String { "the archive URL \(problem.message)" }
}
