import Foundation
import Loa

/// The photos of a post the sink received: checked against the digests Loa sent, and kept on disk.
///
/// Each image object carrying `data` must decode from base64 to exactly `bytes` bytes whose SHA-256 is `sha256`;
/// otherwise the post is refused (400), as a bridge must refuse a photo damaged or changed on the way. Images given
/// by address (`url`, without `data`) are not downloaded: the sink works without a network.
enum SinkImages {
    /// One photo received with its bytes.
    struct Received {
        /// Its place in `images`, from 1.
        var position: Int
        var name: String
        var data: Data
    }

    /// Why a payload's photos are refused, said to the sender.
    struct Refusal: Error {
        var reason: String
    }

    /// The photos of a payload with their bytes, or why the payload is refused.
    static func verify(_ payload: [String: Any]) -> Result<[Received], Refusal> {
        func refuse(_ reason: String) -> Result<[Received], Refusal> { .failure(Refusal(reason: reason)) }
        guard let data = payload["data"] as? [String: Any], let images = data["images"] else { return .success([]) }
        guard let list = images as? [Any] else { return refuse(Message.sinkImagesNotList()) }
        var received: [Received] = []
        for (index, item) in list.enumerated() {
            let field = "images[\(index)]"
            if item is String { continue }  // an address, as Loa sent before photos travelled
            guard let image = item as? [String: Any] else {
                return refuse(Message.sinkImageNotObject(["field": field]))
            }
            guard let encoded = image["data"] else { continue }
            let name = (image["name"] as? String) ?? "image"
            guard let text = encoded as? String, let bytes = Data(base64Encoded: text) else {
                return refuse(Message.sinkImageNotBase64(["field": field, "name": name]))
            }
            guard let sha256 = image["sha256"] as? String else {
                return refuse(Message.sinkImageNoSHA(["field": field, "name": name]))
            }
            if let declared = image["bytes"] as? Int, declared != bytes.count {
                return refuse(
                    Message.sinkImageBytes([
                        "field": field, "name": name, "count": "\(bytes.count)", "declared": "\(declared)",
                    ])
                )
            }
            guard ImageFile.digest(bytes) == sha256.lowercased() else {
                return refuse(Message.sinkImageChanged(["field": field, "name": name]))
            }
            received.append(Received(position: index + 1, name: name, data: bytes))
        }
        return .success(received)
    }

    /// Writes the photos of the post `webhookID` into `folder/<webhook-id>/` as `1-tu-sach.jpg`, …; returns the
    /// paths by position. A repeat of the post writes the same files again.
    static func store(_ images: [Received], webhookID: String, in folder: URL) throws -> [Int: String] {
        guard !images.isEmpty else { return [:] }
        let postFolder = folder.appendingPathComponent(safeName(webhookID))
        try FileManager.default.createDirectory(at: postFolder, withIntermediateDirectories: true)
        var paths: [Int: String] = [:]
        for image in images {
            let file = postFolder.appendingPathComponent("\(image.position)-\(safeName(image.name))")
            try image.data.write(to: file, options: .atomic)
            paths[image.position] = file.path
        }
        return paths
    }

    /// A name that stays one file inside its folder, whatever a sender wrote: no `/`, no leading dot.
    static func safeName(_ name: String) -> String {
        let cleaned = name.map { $0 == "/" || $0 == "\\" || $0.isNewline || $0 == "\0" ? "_" : $0 }
        let text = String(cleaned).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return text.isEmpty ? "image" : String(text.prefix(200))
    }

    /// The payload as logged: each photo's `data` replaced by where it was stored (a log line of megabytes of
    /// base64 helps nobody).
    static func forLog(_ payload: [String: Any], stored: [Int: String]) -> [String: Any] {
        guard var data = payload["data"] as? [String: Any], let list = data["images"] as? [Any] else { return payload }
        data["images"] = list.enumerated().map { index, item -> Any in
            guard var image = item as? [String: Any], image["data"] != nil else { return item }
            image.removeValue(forKey: "data")
            if let path = stored[index + 1] { image["stored"] = path }
            return image
        }
        var logged = payload
        logged["data"] = data
        return logged
    }
}
