import Foundation

/// File paths as a person would type them: relative to the current folder when inside it.
public enum DisplayPath {
    /// The path of `url`, relative to the current directory when the file is below it.
    public static func of(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
