import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lock that keeps two `loa run` from working at once: `flock` on a file beside the archive.
///
/// The kernel releases it when the process ends however it ends, `kill -9` included, so a crash never leaves a
/// stale lock behind.
public final class RunLock {
    private let descriptor: Int32
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Why the lock could not be taken.
    public enum Failure: Error, CustomStringConvertible {
        case held(path: String)
        case unavailable(path: String, reason: String)

        public var description: String {
            switch self {
            case .held(let path): Message.lockHeld(["path": path])
            case .unavailable(let path, let reason): Message.lockUnavailable(["path": path, "reason": reason])
            }
        }
    }

    /// Takes the lock at once, or fails with `.held` when another process has it.
    public static func acquire(path: String) throws(Failure) -> RunLock {
        try take(path, waiting: false)
    }

    /// Takes the lock, waiting for a run that holds it to end (for operator commands that must not interleave
    /// with a run's writes).
    public static func waitFor(path: String) throws(Failure) -> RunLock {
        try take(path, waiting: true)
    }

    private static func take(_ path: String, waiting: Bool) throws(Failure) -> RunLock {
        try? FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .unavailable(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, waiting ? LOCK_EX : LOCK_EX | LOCK_NB) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw waiting ? .unavailable(path: path, reason: reason) : .held(path: path)
        }
        return RunLock(descriptor: descriptor, path: path)
    }

    /// Whether a run holds the lock at `path` now; false when there is no lock file or it cannot be read.
    public static func isHeld(path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        flock(descriptor, LOCK_UN)
        return false
    }
}
