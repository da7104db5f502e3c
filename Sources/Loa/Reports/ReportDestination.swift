import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `loa export --output` may write a report: never over a file of the workspace, over another existing file
/// only when asked, and only into a folder that exists.
///
/// A mistyped `--output archive/loa.sqlite` had replaced the whole delivery history with a CSV file.
public enum ReportDestination {
    /// Why a report must not be written to `file`, as a sentence; nil when it may.
    ///
    /// `replacing` is `--force`: it allows replacing an existing file, never a file of the workspace.
    public static func problem(writing file: URL, in configuration: Configuration, replacing: Bool) -> String? {
        let shown = DisplayPath.of(file)
        if case .success(.folder) = FileProblem.kind(of: file.path) {
            return Message.reportIsFolder(["path": shown])
        }
        if let role = workspaceRole(of: file, in: configuration) {
            return Message.reportWorkspaceFile(["path": shown, "role": role])
        }
        let folder = file.deletingLastPathComponent()
        let folderShown = DisplayPath.of(folder)
        switch FileProblem.kind(of: folder.path) {
        case .success(.folder):
            break
        case .success:
            return Message.fileNotAFolder(["path": folderShown])
        case .failure(let error):
            if error.code == .ENOENT { return Message.fileNoFolder(["folder": folderShown]) }
            return Message.reportFolderUnusable([
                "folder": folderShown, "problem": FileProblem.reason(errno: error.code.rawValue),
            ])
        }
        // Anything there, a link to nowhere included.
        if !replacing, case .success = FileProblem.kind(of: file.path, followingLinks: false) {
            return Message.reportExists(["path": shown])
        }
        return nil
    }

    /// What `file` is in the workspace ("the archive", "loa.yml", "in the queue folder"…); nil for other files.
    ///
    /// Paths are compared with symbolic links resolved, and an existing file also by its inode, so neither a link
    /// nor a second name for the same file gets past.
    static func workspaceRole(of file: URL, in configuration: Configuration) -> String? {
        let target = resolved(file)
        let archives = Set(
            [
                URL(fileURLWithPath: configuration.archive),
                configuration.archive.hasPrefix("/")
                    ? URL(fileURLWithPath: configuration.archive)
                    : configuration.root.appendingPathComponent(configuration.archive),
            ].map(resolved)
        )
        var files: [(String, String)] = [
            (resolved(configuration.file), Message.roleConfig(["name": configuration.file.lastPathComponent])),
            (resolved(configuration.credentialsFile), Message.roleCredentials()),
        ]
        for archive in archives {
            files.append((archive, Message.roleArchive()))
            // SQLite's -wal, -shm and -journal, and the run lock (.lock), live beside the archive under its name.
            let name = (archive as NSString).lastPathComponent
            let folder = (archive as NSString).deletingLastPathComponent
            if (target as NSString).deletingLastPathComponent == folder,
                (target as NSString).lastPathComponent.hasPrefix(name)
            {
                return Message.roleArchiveCompanion()
            }
        }
        if let match = files.first(where: { $0.0 == target }) { return match.1 }
        let folders = [
            (configuration.queueDirectory, Message.roleInQueue()),
            (configuration.templatesDirectory, Message.roleInTemplates()),
            (configuration.root.appendingPathComponent("outbox"), Message.roleInOutbox()),
        ]
        for (folder, role) in folders {
            let path = resolved(folder)
            if target == path || target.hasPrefix(path.hasSuffix("/") ? path : path + "/") { return role }
        }
        // A hard link (or any other name) to one of the workspace's files.
        return files.first { FileProblem.sameFile(file.path, $0.0) }?.1
    }

    /// The path with symbolic links resolved, as far as it exists.
    private static func resolved(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let parent = url.standardizedFileURL.deletingLastPathComponent()
        guard parent.path != path else { return path }
        return (resolved(parent) as NSString).appendingPathComponent(url.lastPathComponent)
    }
}
