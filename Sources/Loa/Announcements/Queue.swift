import CLoaSystem
import Foundation

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
            parser: AnnouncementParser(timeZone: configuration.timeZone, channelIDs: configuration.channels.map(\.id))
        )
    }

    /// Reads every queue file in `directory` with `parser`.
    public static func load(directory: URL, parser: AnnouncementParser) -> Queue {
        let files: [URL]
        do {
            files = try queueFiles(in: directory)
        } catch {
            return Queue(
                announcements: [],
                diagnostics: [
                    Diagnostic(
                        area: .configuration,
                        file: DisplayPath.of(directory),
                        message: "the queue folder cannot be read",
                        hint: "create it, or set `queue:` in loa.yml"
                    )
                ],
                fileCount: 0
            )
        }
        var announcements: [Announcement] = []
        var diagnostics: [Diagnostic] = []
        var firstFileByID: [String: URL] = [:]
        for file in files {
            let outcome = parser.parse(file: file)
            diagnostics += outcome.diagnostics
            guard let announcement = outcome.announcement else { continue }
            if let first = firstFileByID[announcement.id] {
                diagnostics.append(
                    Diagnostic(
                        area: .queue,
                        file: DisplayPath.of(file),
                        line: 1,
                        field: "id",
                        message: "'\(announcement.id)' is already the id of \(DisplayPath.of(first))",
                        hint: "give one of them another `id:`; neither is posted until then"
                    )
                )
                announcements.removeAll { $0.id == announcement.id }
                continue
            }
            firstFileByID[announcement.id] = file
            announcements.append(announcement)
        }
        return Queue(announcements: announcements, diagnostics: diagnostics, fileCount: files.count)
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
    ///
    /// Listed and stamped in C (`readdir` and `fstatat` relative to the folder), sorted by bytes: a cron tick over
    /// 10,000 delivered files spent most of its time building URLs, comparing names as Unicode and looking up
    /// each full path.
    static func stampedFiles(in directory: String) throws -> [StampedFile] {
        var entries: UnsafeMutablePointer<loa_queue_entry>?
        let count = loa_queue_list(directory, &entries)
        guard count >= 0 else {
            // The same error, in Foundation's words, as any other folder Loa cannot read.
            _ = try FileManager.default.contentsOfDirectory(atPath: directory)
            return []
        }
        defer { loa_queue_list_free(entries, count) }
        guard let entries else { return [] }
        return UnsafeBufferPointer(start: entries, count: count).map {
            StampedFile(name: String(cString: $0.name), size: $0.size, modifiedNanoseconds: $0.modified_ns)
        }
    }
}
