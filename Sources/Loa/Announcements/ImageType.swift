/// The kind of an image file, told by its first bytes (its magic number), never by its name: a PNG saved as
/// `anh.jpg` is a PNG, and a text file named `anh.jpg` is no image at all.
public enum ImageType: String, Sendable, Hashable, CaseIterable {
    case jpeg
    case png
    case gif
    case webp

    /// How many leading bytes ``sniff(_:)`` needs to tell every kind.
    public static let signatureLength = 12

    /// The MIME type a bridge or a platform expects.
    public var contentType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .gif: "image/gif"
        case .webp: "image/webp"
        }
    }

    /// The name people know the kind by, for messages.
    public var displayName: String {
        switch self {
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .gif: "GIF"
        case .webp: "WebP"
        }
    }

    /// The kind of image whose file starts with `bytes`, or nil when it is none Loa sends.
    public static func sniff(_ bytes: some Collection<UInt8>) -> ImageType? {
        let head = Array(bytes.prefix(signatureLength))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + signature.count && Array(head[offset..<(offset + signature.count)]) == signature
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        return nil
    }
}
