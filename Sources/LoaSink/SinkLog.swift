import Foundation
import Loa
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The sink's JSON Lines log: one object per request received, with its verdict.
///
/// It is opened, and its first line (`"verdict": "started"`) written, before the sink listens: a log that cannot
/// be written (a folder, a read-only or full disk) stops the sink at once rather than leaving it serving with
/// nothing recorded. A write that fails later is said on standard error, once until writing works again.
final class SinkLog: Sendable {
    private let file: URL
    private let descriptor: Int32
    /// Whether the last write failed, so that a failing disk is reported once, not once per request.
    private let failing = Mutex(false)

    /// Opens (creating if needed) the log at `file` and writes its `started` line.
    init(file: URL, now: Date = Date()) throws(FileProblem) {
        self.file = file
        let shown = DisplayPath.of(file)
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FileProblem(Message.sinkLogOption(["log": shown, "problem": Self.folderProblem(folder)]))
        }
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileProblem(Message.sinkLogOption(["log": shown, "problem": FileProblem.reason(errno: errno)]))
        }
        let started = Self.line(["started_at": now.formatted(.iso8601), "verdict": "started"])
        if let failure = AtomicFile.writeAll(started, to: descriptor) {
            close(descriptor)
            throw FileProblem(Message.sinkLogOption(["log": shown, "problem": FileProblem.reason(errno: failure)]))
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Appends one request's line; a failure is reported on standard error.
    func record(_ fields: [String: Any]) {
        let failure = AtomicFile.writeAll(Self.line(fields), to: descriptor)
        let report = failing.withLock { wasFailing -> Bool in
            defer { wasFailing = failure != nil }
            return failure != nil && !wasFailing
        }
        if report, let failure {
            let message =
                "loa sink: "
                + Message.sinkLogWrite(["log": DisplayPath.of(file), "problem": FileProblem.reason(errno: failure)])
                + "\n"
            FileHandle.standardError.write(Data(message.utf8))
        }
    }

    /// Why a folder cannot be made: the nearest part of its path that is a file, or "permission denied".
    private static func folderProblem(_ folder: URL) -> String {
        var ancestor = folder.standardizedFileURL
        while ancestor.path != "/" {
            if case .success(let kind) = FileProblem.kind(of: ancestor.path) {
                if kind != .folder { return Message.sinkFileNotFolder(["path": DisplayPath.of(ancestor)]) }
                return Message.sinkFolderNotThere(["folder": DisplayPath.of(folder)])
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
        return Message.sinkFolderNotCreated(["folder": DisplayPath.of(folder)])
    }

    /// One JSON object and a line break.
    static func line(_ fields: [String: Any]) -> Data {
        let data =
            (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return data + Data("\n".utf8)
    }
}
