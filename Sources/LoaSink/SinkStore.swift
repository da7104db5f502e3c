import Foundation
import Loa

/// What the sink has received: posts by delivery id.
actor SinkStore {
    struct Post {
        let remoteID: String
        let receivedAt: Date
        let payload: Data
    }

    private var posts: [String: Post] = [:]
    private var byRemoteID: [String: String] = [:]
    private var counter = 0

    /// Records a post, or recognises a repeat by its delivery id; returns the remote id and whether it is new.
    func receive(webhookID: String, payload: Data, now: Date) -> (remoteID: String, isNew: Bool) {
        if let existing = posts[webhookID] { return (existing.remoteID, false) }
        counter += 1
        let remoteID = "1_\(counter)"
        posts[webhookID] = Post(remoteID: remoteID, receivedAt: now, payload: payload)
        byRemoteID[remoteID] = webhookID
        return (remoteID, true)
    }

    /// The stored post with this remote id.
    func post(remoteID: String) -> Post? {
        byRemoteID[remoteID].flatMap { posts[$0] }
    }
}
