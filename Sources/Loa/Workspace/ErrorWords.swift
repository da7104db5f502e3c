import Foundation

/// An error in words a person can act on, for every place Loa prints one it did not make itself.
///
/// Loa's own errors say themselves. A Foundation or system file error becomes what happened to which file
/// ("the folder 'Báo cáo' does not exist"), never `Error Domain=NSCocoaErrorDomain Code=4` or a bare errno; the
/// archive's SQLite errors are put in words by `ArchiveProblem`, which knows the archive's path.
public enum ErrorWords {
    /// The words for `error`; `path` is the file the caller was working on, used when the error names none.
    public static func describe(_ error: any Error, path: String? = nil) -> String {
        if error is FileProblem { return String(describing: error) }
        let nsError = error as NSError
        let isFileError =
            error is POSIXError || error is CocoaError || nsError.domain == NSCocoaErrorDomain
            || nsError.domain == NSPOSIXErrorDomain
        // Any other error is one of Loa's own, or a library's that says itself.
        guard isFileError else { return String(describing: error) }
        guard let file = (nsError.userInfo[NSFilePathErrorKey] as? String) ?? path else {
            return FileProblem.reason(of: error)
        }
        return aboutFile(file, error)
    }

    /// What went wrong with `path`: a folder on its way that is missing or is a file, or the reason the system
    /// gave.
    private static func aboutFile(_ path: String, _ error: any Error) -> String {
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent()
        var folder = parent
        // The nearest folder on the way that exists says what is wrong: a missing one, or a file in the way.
        while folder.path != "/" {
            switch FileProblem.kind(of: folder.path) {
            case .success(.folder):
                if folder.path == parent.path { return "'\(DisplayPath.of(url))': \(FileProblem.reason(of: error))" }
                return Message.fileNoFolder(["folder": DisplayPath.of(parent)])
            case .success:
                return Message.fileNotAFolder(["path": DisplayPath.of(folder)])
            case .failure(let failure) where failure.code == .ENOENT || failure.code == .ENOTDIR:
                folder = folder.deletingLastPathComponent()
            case .failure:
                return "'\(DisplayPath.of(url))': \(FileProblem.reason(of: error))"
            }
        }
        return "'\(DisplayPath.of(url))': \(FileProblem.reason(of: error))"
    }
}
