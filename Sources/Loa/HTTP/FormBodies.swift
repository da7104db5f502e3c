import Foundation

/// An `application/x-www-form-urlencoded` body.
struct FormBody {
    private var pairs: [String] = []

    mutating func add(_ name: String, _ value: String) {
        pairs.append(Self.encode(name) + "=" + Self.encode(value))
    }

    var data: Data { Data(pairs.joined(separator: "&").utf8) }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )

    /// Everything but ASCII letters, digits and `-._~` percent-encoded, as forms are.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}

/// A `multipart/form-data` body, for uploading files.
struct MultipartBody {
    let boundary = "loa-" + UUID().uuidString
    private var body = Data()

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func add(_ name: String, _ value: String) {
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    mutating func addFile(_ name: String, name fileName: String, contentType: String, data: Data) {
        let safeName = fileName.replacingOccurrences(of: "\"", with: "_").replacingOccurrences(of: "\r", with: "_")
            .replacingOccurrences(of: "\n", with: "_")
        body += Data(
            ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(safeName)\"\r\n"
                + "Content-Type: \(contentType)\r\n\r\n").utf8
        )
        body += data
        body += Data("\r\n".utf8)
    }

    var data: Data { body + Data("--\(boundary)--\r\n".utf8) }
}
