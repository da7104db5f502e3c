import Foundation
import Loa

/// What the sink has received: posts by delivery id, and the JSON Lines log it appends to.
actor SinkStore {
    struct Post {
        let remoteID: String
        let receivedAt: Date
        let payload: Data
    }

    private var posts: [String: Post] = [:]
    private var byRemoteID: [String: String] = [:]
    private var counter = 0
    private let log: FileHandle?

    init(logFile: URL?) throws {
        if let logFile {
            try FileManager.default.createDirectory(
                at: logFile.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            if !FileManager.default.fileExists(atPath: logFile.path) {
                FileManager.default.createFile(atPath: logFile.path, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: logFile)
            try handle.seekToEnd()
            log = handle
        } else {
            log = nil
        }
    }

    /// Records a post, or recognises a repeat by its delivery id; returns the remote id and whether it is new.
    func receive(webhookID: String, path: String, payload: Data, now: Date) -> (remoteID: String, isNew: Bool) {
        let existing = posts[webhookID]
        let remoteID: String
        if let existing {
            remoteID = existing.remoteID
        } else {
            counter += 1
            remoteID = "1_\(counter)"
            posts[webhookID] = Post(remoteID: remoteID, receivedAt: now, payload: payload)
            byRemoteID[remoteID] = webhookID
        }
        var line: [String: Any] = [
            "received_at": now.formatted(.iso8601),
            "webhook_id": webhookID,
            "path": path,
            "duplicate": existing != nil,
            "remote_id": remoteID,
        ]
        line["payload"] = (try? JSONSerialization.jsonObject(with: payload)) ?? String(decoding: payload, as: UTF8.self)
        if let log,
            let data = try? JSONSerialization.data(
                withJSONObject: line,
                options: [.sortedKeys, .withoutEscapingSlashes]
            )
        {
            log.write(data + Data("\n".utf8))
        }
        return (remoteID, existing == nil)
    }

    /// The stored post with this remote id.
    func post(remoteID: String) -> Post? {
        byRemoteID[remoteID].flatMap { posts[$0] }
    }
}
