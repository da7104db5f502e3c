import Foundation
import GRDB

/// Why an archive cannot be used, in words that name the file and say what to do.
///
/// A file that is not a Loa archive is never taken as a new one: a new archive knows of no post already made,
/// and would post again everything still inside its window.
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file holds no bytes (cut short, or made by `touch` or a failed copy).
        case empty
        /// An SQLite database, but with tables that are not Loa's.
        case foreign
        /// Not an SQLite database at all.
        case notADatabase
        /// Made by an older Loa, and this command may not bring it up to date.
        case outdated
        /// SQLite could not open or read it; the reason in words, as the rest of a sentence about the archive.
        case unreadable(String)
    }

    /// The archive's path as given in loa.yml, resolved.
    public var path: String
    public var kind: Kind

    public init(path: String, _ kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// The error of opening the archive, from what SQLite or the system said, in ``ArchiveProblem``'s words.
    init(path: String, opening error: any Error) {
        self.path = path
        if let error = error as? ArchiveError {
            self = error
        } else if let error = error as? DatabaseError {
            kind =
                error.resultCode == .SQLITE_NOTADB
                ? .notADatabase : .unreadable(ArchiveProblem.reason(error, archive: path))
        } else {
            kind = .unreadable(Message.archiveFolderNotMade(["problem": FileProblem.reason(of: error)]))
        }
    }

    /// `the archive 'archive/loa.sqlite' is empty (0 bytes) …`, as ``ArchiveProblem`` words the archive's problems.
    public var description: String {
        let file = DisplayPath.of(URL(fileURLWithPath: path))
        switch kind {
        case .empty:
            return Message.archiveEmpty(["path": file])
        case .foreign:
            return Message.archiveForeign(["path": file])
        case .notADatabase:
            return Message.archiveSays(["path": file, "reason": Message.archiveNotSQLite()])
        case .outdated:
            return Message.archiveOutdated(["path": file])
        case .unreadable(let reason):
            return Message.archiveSays(["path": file, "reason": reason])
        }
    }

    /// Refuses a zero-byte file before SQLite would take it for a new, empty database.
    static func checkFile(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        if isFolder.boolValue {
            throw ArchiveError(path: path, .unreadable(Message.archiveIsFolder()))
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if (attributes?[.size] as? NSNumber)?.intValue == 0 { throw ArchiveError(path: path, .empty) }
    }

    /// Refuses a database that has tables, none of them Loa's. One with no tables at all is what a first run
    /// killed before it made its tables leaves, and is taken as new.
    static func checkTables(_ database: any DatabaseReader, path: String) throws {
        let (tables, loa) = try database.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0,
                try db.tableExists("grdb_migrations") && db.tableExists("deliveries")
            )
        }
        if tables > 0 && !loa { throw ArchiveError(path: path, .foreign) }
    }
}
