import Foundation
import Loa

/// The images of an announcement as `loa preview` and `loa status` list them: each entry as written, with the
/// kind and size read from the file (never from its name).
struct ImageListing: Sendable {
    /// One image, for `--json`.
    struct Entry: Encodable, Sendable {
        /// As written in `images:`.
        var image: String
        /// The MIME type read from the file's first bytes; nil for a web address or a file that is no image.
        var contentType: String?
        var bytes: Int?

        enum CodingKeys: String, CodingKey {
            case image, bytes
            case contentType = "content_type"
        }
    }

    var entries: [Entry]

    init(_ announcement: Announcement) {
        entries = announcement.imageEntries.map { entry in
            switch entry {
            case .web(let address):
                return Entry(image: address)
            case .file(let path, let file):
                guard case .success(let found) = ImageFile.inspect(file.path) else { return Entry(image: path) }
                return Entry(image: path, contentType: found.type?.contentType, bytes: found.size)
            }
        }
    }

    /// One line per image after a variant's text: `🖼 1. images/tu-sach.jpg · image/png · 183,204 bytes`.
    var lines: String {
        entries.enumerated().map { index, entry in
            var line = "🖼 \(index + 1). \(Console.oneLine(entry.image))"
            if let contentType = entry.contentType { line += " · \(contentType)" }
            if let bytes = entry.bytes { line += " · \(ImageLimits.exact(bytes))" }
            return line + "\n"
        }.joined()
    }

    /// The images' names in one cell: `tu-sach.jpg, anh-2.jpg`.
    var names: String {
        entries.map { Console.oneLine(($0.image as NSString).lastPathComponent) }.joined(separator: ", ")
    }
}
