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
    public var description: String { Message.archiveSays(["path": path, "reason": reason]) }

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
            return Message.archiveNotSQLite()
        case .SQLITE_CORRUPT:
            return Message.archiveCorrupt()
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return Message.archiveLocked()
        case .SQLITE_FULL:
            return Message.archiveDiskFull()
        case .SQLITE_READONLY:
            return Message.archiveReadOnly()
        case .SQLITE_PERM, .SQLITE_AUTH:
            return Message.archivePermission()
        case .SQLITE_IOERR:
            return Message.archiveIOError()
        case .SQLITE_NOMEM:
            return Message.archiveNoMemory()
        case .SQLITE_CANTOPEN:
            let folder = URL(fileURLWithPath: archive).deletingLastPathComponent().path
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
                return Message.archiveNoFolder(["folder": DisplayPath.of(URL(fileURLWithPath: folder))])
            }
            if let problem = FileProblem.notAFile(archive), FileManager.default.fileExists(atPath: archive) {
                return Message.archiveCannotOpen(["problem": problem])
            }
            return Message.archiveCannotOpenCheck()
        case .SQLITE_ERROR where message.contains("no such table") || message.contains("no such column"):
            return Message.archiveOtherVersion(["problem": message])
        default:
            return message.isEmpty ? Message.archiveUnusable() : Message.archiveUnusableBecause(["problem": message])
        }
    }
}
