import Foundation

/// Posts straight to a Telegram channel or group through the Bot API.
///
/// Every message is sent without a parse mode, so `<`, `&` and `_` in a post are never read as markup. A text post
/// is one `sendMessage`. One photo is `sendPhoto` with the text as its caption when the text fits a caption (1,024
/// UTF-16 code units), else the photo and then the text as a message. Several photos are one `sendMediaGroup` (an
/// album of up to 10), captioned when the text fits, else followed by the text. Local photos are uploaded
/// (multipart), web ones given by address. The remote id is the first message's id; a public channel's post has the
/// address `https://t.me/<name>/<id>`, a private one's `https://t.me/c/<id without -100>/<id>` (for its members).
///
/// The Bot API cannot list a channel's posts, so a lost answer cannot be looked for: the delivery becomes
/// `unconfirmed` and a person looks. A post made of photos then text that fails after its photos went out is left
/// to a person too (``BotTextAfterPhotos``): the photos are never sent twice.
struct TelegramTransport: DirectTransport {
    let channel: Channel

    /// The longest caption, in UTF-16 code units.
    static let captionLimit = 1_024

    var api: BotAPI { BotAPI(channel: channel) }
    var chat: String { channel.chatID ?? "" }
    var destination: String { "Telegram chat \(chat)" }

    /// Whether `text` fits in a photo's caption, counted as Telegram counts (UTF-16 code units).
    static func fitsCaption(_ text: String) -> Bool { text.utf16.count <= captionLimit }

    func publish(_ post: DirectPost, media: inout [UploadedMedia], client: DirectClient) -> DirectStep {
        let caption = Self.fitsCaption(post.text) && !post.images.isEmpty
        if !post.images.isEmpty, media.isEmpty {
            let step = sendPhotos(post.images, caption: caption ? post.text : nil, client: client)
            guard case .published(let id, _) = step.outcome else { return step }
            if caption { return step }
            media.append(UploadedMedia(image: "album", id: id))
        }
        let text = { send("sendMessage", json: ["chat_id": chat, "text": post.text], client: client) }
        guard let first = media.first?.id else { return text() }
        return BotTextAfterPhotos.send(firstMessage: first, address: address(of: first), text)
    }

    /// The photos as one message (`sendPhoto`) or one album (`sendMediaGroup`), with this caption.
    private func sendPhotos(_ images: [AnnouncementImage], caption: String?, client: DirectClient) -> DirectStep {
        var form = MultipartBody()
        form.add("chat_id", chat)
        var items: [[String: String]] = []
        for (index, image) in images.enumerated() {
            let value: String
            switch image {
            case .web(let address):
                value = address
            case .file(let path, let file):
                do {
                    let photo = try ImageFile.read(path: path, file: file)
                    // One photo is the `photo` field itself; an album's are named in its `media` list.
                    let name = images.count == 1 ? "photo" : "photo\(index)"
                    form.addFile(name, name: photo.name, contentType: photo.type.contentType, data: photo.data)
                    value = images.count == 1 ? "" : "attach://\(name)"
                } catch {
                    let reason = Message.outboxCannotReadImage(["image": path, "problem": ErrorWords.describe(error)])
                    return DirectStep(
                        outcome: .notSent(reason: reason, notBefore: nil),
                        url: api.shown("sendPhoto"),
                        response: HTTPResponse(
                            status: 0,
                            error: TransportError(.other, reason, requestMayHaveLeft: false)
                        )
                    )
                }
            }
            var item = ["type": "photo", "media": value]
            if index == 0, let caption { item["caption"] = caption }
            items.append(item)
        }
        let method: String
        if images.count == 1 {
            method = "sendPhoto"
            if case .web(let address) = images[0] { form.add("photo", address) }
            if let caption { form.add("caption", caption) }
        } else {
            method = "sendMediaGroup"
            let json = (try? JSONSerialization.data(withJSONObject: items, options: [.sortedKeys])) ?? Data()
            form.add("media", String(decoding: json, as: UTF8.self))
        }
        return send(method, contentType: form.contentType, body: form.data, client: client)
    }

    private func send(_ method: String, json: [String: Any], client: DirectClient) -> DirectStep {
        let body = (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data()
        return send(method, contentType: "application/json", body: body, client: client)
    }

    private func send(_ method: String, contentType: String, body: Data, client: DirectClient) -> DirectStep {
        let response = client.send(api.request(method, contentType: contentType, body: body))
        let answer = BotAnswer(response, platform: api.platformName, chat: chat)
        var outcome = answer.classify(publishing: true)
        if case .published = outcome {
            if let id = answer.messageID {
                outcome = .published(id: id, url: address(of: id))
            } else {
                outcome = .unknown(
                    reason: Message.botNoMessageID(["platform": api.platformName, "status": "\(response.status)"])
                )
            }
        }
        return DirectStep(outcome: outcome, url: api.shown(method), response: response)
    }

    /// The post's address: `https://t.me/<name>/<id>` for a public channel, `https://t.me/c/<n>/<id>` for a
    /// private one's members (its id without `-100`); nil for other chats.
    func address(of id: String) -> String? {
        if chat.hasPrefix("@") { return "https://t.me/\(chat.dropFirst())/\(id)" }
        if chat.hasPrefix("-100") { return "https://t.me/c/\(chat.dropFirst(4))/\(id)" }
        return nil
    }

    func find(_ post: DirectPost, since: Date, client: DirectClient) -> (look: DirectLook, step: DirectStep?) {
        (.cannotLook, nil)
    }
}
