import Foundation

/// Where every command and stage gets its archive: the store that `archive:` in loa.yml names. One place decides,
/// so a second store is chosen here and nowhere else. Today every location is an SQLite file.
public enum ArchiveStores {
    /// The archive at `location`, created and brought up to date if needed, for a command that writes.
    public static func open(_ location: String) throws -> any Archive {
        try SQLiteArchive(path: location)
    }

    /// The archive at `location` for reading only, never created, migrated or written; nil when there is none.
    public static func openForReading(_ location: String) throws -> (any Archive)? {
        try SQLiteArchive.openForReading(path: location)
    }

    /// A copy of the archive at `location` that may be written freely and keeps nothing (`loa run --dry-run`).
    public static func scratchCopy(of location: String) throws -> any Archive {
        try SQLiteArchive.scratchCopy(of: location)
    }
}
