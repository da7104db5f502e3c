import CLoaSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file or folder could not be used, said in words: never a Foundation error domain or a bare errno.
public struct FileProblem: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    /// What a failed system call's `errno` means for a file, as the end of a sentence ("cannot write …: reason").
    public static func reason(errno code: Int32) -> String {
        switch code {
        case ENOENT: Message.fileNotExist()
        case EACCES, EPERM: Message.filePermissionDenied()
        case ENOSPC: Message.fileDiskFull()
        case EDQUOT: Message.fileQuota()
        case EROFS: Message.fileReadOnly()
        case EISDIR: Message.fileIsFolder()
        case ENOTDIR: Message.filePathNotFolder()
        case ELOOP: Message.fileLinkLoop()
        case EFBIG: Message.fileTooBig()
        case ENAMETOOLONG: Message.fileNameTooLong()
        case EIO: Message.fileIOError()
        default: String(cString: strerror(code)).lowercased()
        }
    }

    /// The words for a Foundation file error, from the system error beneath it (never "Error Domain=…").
    public static func reason(of error: any Error) -> String {
        if let posix = error as? POSIXError { return reason(errno: posix.code.rawValue) }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return reason(errno: Int32(nsError.code)) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError { return reason(of: underlying) }
        guard nsError.domain == NSCocoaErrorDomain else { return Message.fileCouldNotBeDone() }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return reason(errno: ENOENT)
        case .fileWriteNoPermission, .fileReadNoPermission: return reason(errno: EACCES)
        case .fileWriteOutOfSpace: return reason(errno: ENOSPC)
        case .fileWriteVolumeReadOnly: return reason(errno: EROFS)
        case .fileWriteFileExists: return Message.fileInTheWay()
        default: return Message.fileCouldNotBeDone()
        }
    }

    /// Why a text file that failed to load could not be used: "cannot be read: it is a folder, not a file",
    /// "cannot be read: permission denied", or "is not UTF-8 text".
    public static func unreadableText(_ path: String) -> String {
        if let problem = notAFile(path) { return Message.diagCannotRead(["problem": problem]) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return Message.diagCannotRead(["problem": reason(errno: errno)]) }
        close(descriptor)
        return Message.diagNotUTF8()
    }

    /// Why the file at `path` could not be read, found by opening it again.
    public static func readProblem(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return reason(errno: errno) }
        close(descriptor)
        return Message.fileCouldNotBeRead()
    }

    /// What can be at a path.
    public enum Kind: Sendable, Equatable {
        case file, folder, other, symbolicLink
    }

    /// What is at `path` (a link followed unless `followingLinks` is false), or the `errno` of why nothing is.
    public static func kind(of path: String, followingLinks: Bool = true) -> Result<Kind, POSIXError> {
        switch loa_file_kind(path, followingLinks ? 1 : 0) {
        case 0: .success(.file)
        case 1: .success(.folder)
        case 3: .success(.symbolicLink)
        case 2: .success(.other)
        default: .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
        }
    }

    /// Whether two paths lead to the same file (the same device and inode).
    public static func sameFile(_ left: String, _ right: String) -> Bool {
        loa_same_file(left, right) != 0
    }

    /// What is at `path` when it is not a regular file: "a folder", "a symbolic link to 'x', which does not exist",
    /// "a symbolic link that leads back to itself"; nil for a regular file (or a link to one).
    public static func notAFile(_ path: String) -> String? {
        let failure: Int32
        switch kind(of: path) {
        case .success(.file): return nil
        case .success(.folder): return Message.fileFolderNotFile()
        case .success: return Message.fileNotRegular()
        case .failure(let error): failure = error.code.rawValue
        }
        guard case .success(.symbolicLink) = kind(of: path, followingLinks: false) else {
            return reason(errno: failure)
        }
        if failure == ELOOP { return Message.fileLinkLoop() }
        if failure == ENOENT {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            return Message.fileLinkMissing(["target": target])
        }
        return reason(errno: failure)
    }
}
