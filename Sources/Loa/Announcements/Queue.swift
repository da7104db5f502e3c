import CLoaSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The announcements waiting in `queue/`: every `*.md` file directly inside it.
///
/// Files whose names start with `.` or `_` are skipped, so an officer can park a half-written file as
/// `_nhap.md`. One bad file never stops the others from being read.
public struct Queue: Sendable {
    /// The announcements that parsed without errors, in file name order.
    public var announcements: [Announcement]
    /// Every problem in every file.
    public var diagnostics: [Diagnostic]
    /// How many files were read.
    public var fileCount: Int

    /// Reads every queue file of a configuration.
    public static func load(_ configuration: Configuration) -> Queue {
        load(
            directory: configuration.queueDirectory,
            parser: AnnouncementParser(configuration)
        )
    }

    /// Reads every queue file in `directory` with `parser`.
    public static func load(directory: URL, parser: AnnouncementParser) -> Queue {
        let files: [URL]
        do {
            files = try queueFiles(in: directory)
        } catch let error as FolderError {
            return Queue(announcements: [], diagnostics: [error.diagnostic], fileCount: 0)
        } catch {
            return Queue(announcements: [], diagnostics: [FolderError(directory.path, EIO).diagnostic], fileCount: 0)
        }
        let outcomes = files.map { parser.parse(file: $0) }
        var diagnostics = outcomes.flatMap(\.diagnostics)
        let claims = zip(files, outcomes).compactMap { file, outcome in
            outcome.announcement.map { (file: DisplayPath.of(file), id: $0.id) }
        }
        let duplicates = DuplicateIDs(claims)
        diagnostics += duplicates.diagnostics()
        let announcements = outcomes.compactMap(\.announcement).filter { !duplicates.contains($0.id) }
        return Queue(announcements: announcements, diagnostics: diagnostics, fileCount: files.count)
    }

    /// Why the queue folder cannot be listed: the configuration error `loa check` and `loa run` both report (exit 2).
    public struct FolderError: Error, CustomStringConvertible, Sendable {
        public var diagnostic: Diagnostic
        public var description: String { diagnostic.description }

        init(_ directory: String, _ code: Int32) {
            let message: String
            var hint = Message.queueCreateHint()
            switch code {
            case ENOENT:
                message = Message.queueMissing()
            case ENOTDIR:
                message = Message.queueIsFile()
                hint = Message.queueIsFileHint()
            default:
                message = Message.queueUnreadable(["problem": FileProblem.reason(errno: code)])
                hint = Message.queueUnreadableHint()
            }
            diagnostic = Diagnostic(
                area: .configuration,
                file: DisplayPath.of(URL(fileURLWithPath: directory)),
                message: message,
                hint: hint
            )
        }
    }

    /// The announcement with this id, or in this file.
    public func find(_ idOrPath: String) -> Announcement? {
        if let match = announcements.first(where: { $0.id == idOrPath }) { return match }
        let path = URL(fileURLWithPath: idOrPath).standardizedFileURL.path
        return announcements.first { $0.file.standardizedFileURL.path == path }
    }

    /// The queue files in a folder, sorted by name.
    public static func queueFiles(in directory: URL) throws -> [URL] {
        try queueFileNames(in: directory.path).map { directory.appendingPathComponent($0) }
    }

    /// The names of the queue files in a folder, sorted by their UTF-8 bytes.
    public static func queueFileNames(in directory: String) throws -> [String] {
        try stampedFiles(in: directory).map(\.name)
    }

    /// A queue file's name in its folder, size and modification time, as `loa run` compares them between runs.
    struct StampedFile {
        var name: String
        var size: Int64
        var modifiedNanoseconds: Int64
    }

    /// The queue files in a folder with their stamps, sorted by the names' UTF-8 bytes.
    static func stampedFiles(in directory: String) throws -> [StampedFile] {
        try Listing(directory: directory).sortedFiles()
    }

    /// A folder's queue files and their stamps, as listed in C: `readdir` and `fstatat` relative to the folder (a
    /// cron tick over 10,000 delivered files had spent most of its time building URLs, comparing names as Unicode
    /// and looking up each full path). Nothing is sorted or turned into Swift strings until asked for: a tick
    /// that finds the listing unchanged needs only its fingerprint.
    final class Listing {
        private let entries: UnsafeMutablePointer<loa_queue_entry>?
        /// How many queue files the folder holds.
        let count: Int

        init(directory: String) throws {
            var entries: UnsafeMutablePointer<loa_queue_entry>?
            let count = loa_queue_list(directory, &entries)
            guard count >= 0 else { throw FolderError(directory, errno) }
            self.entries = entries
            self.count = count
        }

        deinit {
            loa_queue_list_free(entries, count)
        }

        /// Equal for two listings of the same names, sizes and modification times, in whatever order.
        var fingerprint: String {
            var sum: UInt64 = 0
            var xorAll: UInt64 = 0
            loa_queue_fingerprint(entries, count, &sum, &xorAll)
            return "\(count)-\(String(sum, radix: 16))-\(String(xorAll, radix: 16))"
        }

        /// Every file, sorted by the names' bytes.
        func sortedFiles() -> [StampedFile] {
            guard let entries else { return [] }
            loa_queue_list_sort(entries, count)
            return UnsafeBufferPointer(start: entries, count: count).map(Self.file)
        }

        /// The files with these names, sorted by the names' bytes.
        func files(named names: Set<String>) -> [StampedFile] {
            guard let entries, !names.isEmpty else { return [] }
            return UnsafeBufferPointer(start: entries, count: count).lazy.map(Self.file)
                .filter { names.contains($0.name) }
                .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        }

        private static func file(_ entry: loa_queue_entry) -> StampedFile {
            StampedFile(name: String(cString: entry.name), size: entry.size, modifiedNanoseconds: entry.modified_ns)
        }
    }
}
