import Foundation

/// The images of the announcements a run sends to bridges, each file read, hashed and encoded once.
///
/// A fan-out sends one announcement to many channels: its photos are read once, their SHA-256 and base64 worked
/// out once, and each channel's payload takes them as it needs (the bytes inline, or the address under its
/// `media_base_url`). Announcements without local images cost nothing here.
struct WebhookImages: Sendable {
    /// The payload's `images` by announcement id, carried whole.
    private var inline: [String: [WebhookPayload.Image]] = [:]
    /// The files read, by announcement id, for channels with a `media_base_url`.
    private var files: [String: [AnnouncementImage.Loaded]] = [:]

    /// Reads the images of every announcement in `planned` that has local ones; an announcement whose files can no
    /// longer be read (moved or deleted since the queue was read) is in `unreadable`, with the reason.
    static func load(_ planned: [PlannedDelivery]) -> (images: WebhookImages, unreadable: [String: String]) {
        var images = WebhookImages()
        var unreadable: [String: String] = [:]
        // Whether some channel of the announcement takes the bytes inline, which is what base64 is needed for.
        var needsData: [String: Bool] = [:]
        var announcements: [String: Announcement] = [:]
        for item in planned where !item.announcement.images.isEmpty {
            let id = item.announcement.id
            announcements[id] = item.announcement
            needsData[id] = (needsData[id] ?? false) || item.channel.mediaBaseURL == nil
        }
        for (id, announcement) in announcements {
            var loaded: [AnnouncementImage.Loaded] = []
            for entry in announcement.imageEntries {
                switch entry {
                case .web(let address):
                    loaded.append(.web(address))
                case .file(let path, let file):
                    do {
                        loaded.append(.file(try ImageFile.read(path: path, file: file)))
                    } catch {
                        unreadable[id] = "cannot read the image '\(path)': \(error)"
                    }
                }
            }
            guard unreadable[id] == nil else { continue }
            images.files[id] = loaded
            if needsData[id] == true {
                images.inline[id] = loaded.map { image in
                    switch image {
                    case .web(let address): WebhookPayload.Image(url: address)
                    case .file(let file): WebhookPayload.Image(file: file)
                    }
                }
            }
        }
        return (images, unreadable)
    }

    /// The payload's `images` for `announcement` sent to `channel`.
    func payload(for announcement: Announcement, channel: Channel) -> [WebhookPayload.Image] {
        guard !announcement.images.isEmpty else { return [] }
        guard let base = channel.mediaBaseURL else {
            return inline[announcement.id] ?? []
        }
        return (files[announcement.id] ?? []).map { image in
            switch image {
            case .web(let address): WebhookPayload.Image(url: address)
            case .file(let file): WebhookPayload.Image(file: file, mediaBaseURL: base)
            }
        }
    }
}

extension AnnouncementImage {
    /// An entry of `images:` ready to send: a web address, or the file read whole.
    enum Loaded: Sendable {
        case web(String)
        case file(ImageFile)
    }
}
