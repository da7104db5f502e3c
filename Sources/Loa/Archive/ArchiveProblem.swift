import Foundation
import GRDB

/// An error from opening, reading or writing the archive, said in words that name the archive file: never a bare
/// "SQLite error 26".
public struct ArchiveProblem: Error, CustomStringConvertible, Sendable {
    /// The archive as the user would type its path.
    public var path: String
    /// What happened, as the rest of a sentence about the archive ("is locked by another program").
    public var reason: String

    /// `the archive 'archive/loa.sqlite' is not a Loa archive …`
    public var description: String { "the archive '\(path)' \(reason)" }

    /// The words for `error` on the archive at `path`; nil when `error` did not come from SQLite.
    public init?(_ error: any Error, archive: String) {
        guard let error = error as? DatabaseError else { return nil }
        path = DisplayPath.of(URL(fileURLWithPath: archive))
        reason = Self.reason(error, archive: archive)
    }

    /// What happened to the archive at `archive`, as the rest of a sentence about it.
    static func reason(_ error: DatabaseError, archive: String) -> String {
        let message = error.message ?? ""
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return "is not a Loa archive (it is not an SQLite database); move it away, or set `archive:` in loa.yml"
        case .SQLITE_CORRUPT:
            return "is damaged (SQLite found it corrupt); restore it from a backup"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "is locked by another program; try again once that program has finished"
        case .SQLITE_FULL:
            return "cannot be written: the disk is full"
        case .SQLITE_READONLY:
            return "cannot be written: the file or its folder is read-only"
        case .SQLITE_PERM, .SQLITE_AUTH:
            return "cannot be used: permission denied"
        case .SQLITE_IOERR:
            return "could not be read or written (an input/output error: a failing disk, or one that is full)"
        case .SQLITE_NOMEM:
            return "could not be read: the machine ran out of memory"
        case .SQLITE_CANTOPEN:
            let folder = URL(fileURLWithPath: archive).deletingLastPathComponent().path
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
                return "cannot be opened: its folder '\(DisplayPath.of(URL(fileURLWithPath: folder)))' does not exist"
            }
            if let problem = FileProblem.notAFile(archive), FileManager.default.fileExists(atPath: archive) {
                return "cannot be opened: \(problem)"
            }
            return "cannot be opened: check that it and its folder can be read and written"
        case .SQLITE_ERROR where message.contains("no such table") || message.contains("no such column"):
            return "is not a Loa archive, or was made by another version of Loa (\(message))"
        default:
            return message.isEmpty ? "could not be used" : "could not be used: \(message)"
        }
    }
}
