import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One entry of an announcement's `images:`: a web address, or a file beside the queue file.
public enum AnnouncementImage: Sendable, Hashable {
    /// An `http(s)` address, passed on as written.
    case web(String)
    /// A file: `path` as written relative to the queue file's folder (`images/tu-sach.jpg`), `file` where it is.
    case file(path: String, file: URL)

    /// Whether an `images:` entry is a web address rather than a file.
    public static func isWebAddress(_ entry: String) -> Bool {
        entry.hasPrefix("https://") || entry.hasPrefix("http://")
    }

    /// The entry `entry` of the announcement read from `queueFile`.
    public init(_ entry: String, queueFile: URL) {
        if Self.isWebAddress(entry) {
            self = .web(entry)
        } else {
            let folder = queueFile.deletingLastPathComponent()
            self = .file(path: Self.normalized(entry), file: folder.appendingPathComponent(entry))
        }
    }

    /// The file's name (`tu-sach.jpg`), or the address's last part.
    public var name: String {
        switch self {
        case .web(let address): URL(string: address)?.lastPathComponent ?? address
        case .file(let path, _): (path as NSString).lastPathComponent
        }
    }

    /// The address a platform fetches the image from: a web image's own, or a local one's path under
    /// `mediaBaseURL` (a channel's `media_base_url`, where the queue's images are published); nil for a local
    /// image without one.
    public func address(mediaBaseURL: String?) -> String? {
        switch self {
        case .web(let address): return address
        case .file(let path, _): return mediaBaseURL.map { $0 + WebhookPayload.Image.encodedPath(path) }
        }
    }

    /// As written in the queue file, for messages and listings.
    public var written: String {
        switch self {
        case .web(let address): address
        case .file(let path, _): path
        }
    }

    /// A relative path without `.` parts and with `x/..` pairs removed: `./images/a.jpg` is `images/a.jpg`, the
    /// path a `media_base_url` server holds the file at.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}

extension Announcement {
    /// The entries of `images:`, in order.
    public var imageEntries: [AnnouncementImage] {
        images.map { AnnouncementImage($0, queueFile: file) }
    }
}

/// An image file read whole, for a bridge or the outbox: its bytes, kind and digest.
public struct ImageFile: Sendable {
    /// The path as written relative to the queue file's folder.
    public var path: String
    /// The file's name, as `tu-sach.jpg`.
    public var name: String
    public var type: ImageType
    public var data: Data
    /// SHA-256 of the bytes, in lower-case hexadecimal.
    public var sha256: String

    /// Reads the file of `path` (as written) at `file`; the problem says why it cannot serve as an image.
    public static func read(path: String, file: URL) throws(FileProblem) -> ImageFile {
        if let problem = FileProblem.notAFile(file.path) { throw FileProblem(problem) }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw FileProblem(FileProblem.readProblem(file.path))
        }
        guard let type = ImageType.sniff(data) else {
            throw FileProblem(Message.imageNotAnImage())
        }
        return ImageFile(
            path: path,
            name: (path as NSString).lastPathComponent,
            type: type,
            data: data,
            sha256: digest(data)
        )
    }

    /// SHA-256 of `data` in lower-case hexadecimal, as the bridge payload's `sha256` gives it.
    public static func digest(_ data: Data) -> String {
        Hex.string(SHA256.hash(data: data))
    }

    /// The size and kind of the image at `path`, read from its first bytes only (a run checks every due
    /// announcement's images, and a photo is megabytes); the problem says why it cannot be read.
    public static func inspect(_ path: String) -> Result<(size: Int, type: ImageType?), FileProblem> {
        if let problem = FileProblem.notAFile(path) { return .failure(FileProblem(problem)) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(FileProblem(FileProblem.reason(errno: errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(FileProblem(FileProblem.reason(errno: errno))) }
        guard let head = readPrefix(descriptor, count: ImageType.signatureLength) else {
            return .failure(FileProblem(FileProblem.reason(errno: errno)))
        }
        return .success((Int(status.st_size), ImageType.sniff(head)))
    }
}

/// Up to `count` bytes from the start of an open file; nil when reading fails (`errno` says why).
private func readPrefix(_ descriptor: Int32, count: Int) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
        let got = bytes.withUnsafeMutableBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            return read(descriptor, base + filled, count - filled)
        }
        if got < 0, errno == EINTR { continue }
        guard got >= 0 else { return nil }
        if got == 0 { break }
        filled += got
    }
    return Array(bytes.prefix(filled))
}
