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
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && !$0.hasPrefix("_") }
            .sorted()
            .map { directory.appendingPathComponent($0) }
    }
}
