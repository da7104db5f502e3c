import Crypto
import Foundation

/// A hash of what a host runs: its loa.yml, every template and every queue file, names and contents. Hosts
/// sharing an archive are meant to run the same workspace; a host whose hash differs has a stale or edited copy.
public enum WorkspaceHash {
    /// SHA-256 over loa.yml, then each file under the templates and queue folders in path order (its path relative
    /// to its folder, then its bytes), as 64 hexadecimal digits. A file that cannot be read counts by its name.
    public static func of(_ configuration: Configuration) -> String {
        var hash = SHA256()
        func add(_ label: String, _ file: URL) {
            hash.update(data: Data((label + "\u{0}").utf8))
            if let bytes = try? Data(contentsOf: file) {
                hash.update(data: Data("\(bytes.count)\u{0}".utf8))
                hash.update(data: bytes)
            }
        }
        add("loa.yml", configuration.file)
        for (name, folder) in [
            ("templates", configuration.templatesDirectory), ("queue", configuration.queueDirectory),
        ] {
            for path in files(under: folder) { add(name + "/" + path, folder.appendingPathComponent(path)) }
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The regular files under `folder`, as paths relative to it, in byte order; hidden ones left out.
    static func files(under folder: URL) -> [String] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder,
                includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles]
            )
        else { return [] }
        let base = folder.standardizedFileURL.path
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            paths.append(path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : url.lastPathComponent)
        }
        return paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
