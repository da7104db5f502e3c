import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file replaced whole or not at all: written to a temporary file in the same folder, synced, and renamed over
/// the destination only once complete.
///
/// A report interrupted half-way (killed, disk full) must not leave a shorter file that ends on a clean row and
/// looks complete, in place of last month's good one. The temporary file is hidden (`.NAME.…​.part`) and removed
/// when writing fails; only a killed process can leave one behind.
public final class AtomicFile {
    /// The file replaced when ``commit()`` is called.
    public let destination: URL
    /// Where the bytes go until then.
    public let temporary: URL
    private var descriptor: Int32
    private var finished = false

    /// Starts a file that will replace `destination`; throws when its folder is missing or cannot be written.
    public init(destination: URL, mode: mode_t = 0o666) throws(FileProblem) {
        self.destination = destination
        let folder = destination.deletingLastPathComponent()
        let shown = DisplayPath.of(folder)
        switch FileProblem.kind(of: folder.path) {
        case .success(.folder):
            break
        case .success:
            throw FileProblem("'\(shown)' is not a folder")
        case .failure(let error):
            if error.code == .ENOENT { throw FileProblem("the folder '\(shown)' does not exist") }
            throw FileProblem("the folder '\(shown)' cannot be used: \(FileProblem.reason(errno: error.code.rawValue))")
        }
        let suffix = UUID().uuidString.prefix(8).lowercased()
        temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(suffix).part")
        // 0666 less the umask by default, as any file a program creates: a report is meant to be shared. Secrets
        // ask for 0600, set from the first byte on.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw FileProblem("cannot write in the folder '\(shown)': \(FileProblem.reason(errno: errno))")
        }
        self.descriptor = descriptor
    }

    deinit {
        if !finished { discard() }
    }

    /// Appends bytes to the temporary file.
    public func write(_ data: Data) throws(FileProblem) {
        if let failure = Self.writeAll(data, to: descriptor) { throw writeProblem(failure) }
    }

    /// Writes `data` whole to an open file, going on after interrupted calls; returns the errno of a failure.
    public static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// Syncs the temporary file and renames it over the destination.
    public func commit() throws(FileProblem) {
        guard !finished else { return }
        if fsync(descriptor) != 0 { throw writeProblem(errno) }
        close(descriptor)
        descriptor = -1
        guard rename(temporary.path, destination.path) == 0 else {
            let failure = errno
            discard()
            throw FileProblem("cannot write '\(DisplayPath.of(destination))': \(FileProblem.reason(errno: failure))")
        }
        finished = true
    }

    /// Removes the temporary file; the destination is left as it was.
    public func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary.path)
        finished = true
    }

    /// Replaces `destination` with `data` in one step.
    public static func write(_ data: Data, to destination: URL, mode: mode_t = 0o666) throws(FileProblem) {
        let file = try AtomicFile(destination: destination, mode: mode)
        try file.write(data)
        try file.commit()
    }

    private func writeProblem(_ code: Int32) -> FileProblem {
        discard()
        let shown = DisplayPath.of(destination)
        return FileProblem("cannot write '\(shown)': \(FileProblem.reason(errno: code)); '\(shown)' was not changed")
    }
}

/// `write(2)`, named apart from ``AtomicFile/write(_:)``.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
