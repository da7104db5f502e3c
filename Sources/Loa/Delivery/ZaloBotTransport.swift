import Foundation

/// Posts into a Zalo group or chat through the Zalo Bot Platform (experimental: group chats are in beta on Zalo's
/// side), whose API is Telegram-like: `{api_base}/bot<TOKEN>/<method>`, answers `{"ok": …, "result": …}` or
/// `{"ok": false, "error_code", "description"}`, classified as Telegram's are (``BotAnswer``).
///
/// The bot sends photos by address only: each photo is one `sendPhoto` with the image's web address, or the
/// channel's `media_base_url` plus the image's path (as webhook channels do), then the text is one `sendMessage`
/// (up to 2,000 characters, the Zalo profile's limit). What went out is kept in `media`, so a retry sends only what
/// is left within a run, and a text that fails after the photos went out is left to a person
/// (``BotTextAfterPhotos``). Zalo cannot list a chat's messages to a bot, so a lost answer makes the delivery `unconfirmed`.
struct ZaloBotTransport: DirectTransport {
    let channel: Channel

    var api: BotAPI { BotAPI(channel: channel) }
    var chat: String { channel.chatID ?? "" }
    var destination: String { "Zalo chat \(chat)" }

    func publish(_ post: DirectPost, media: inout [UploadedMedia], client: DirectClient) -> DirectStep {
        for image in post.images.dropFirst(media.count) {
            guard let address = image.address(mediaBaseURL: channel.mediaBaseURL) else {
                return DirectStep(
                    outcome: .refused(
                        reason: Message.zaloLocalPhoto(["photo": image.written])
                    ),
                    url: api.shown("sendPhoto"),
                    response: HTTPResponse(status: 0)
                )
            }
            var step = send("sendPhoto", json: ["chat_id": chat, "photo": address], client: client)
            guard case .published(let id, _) = step.outcome else {
                // Some photos are out already: sending them again would show them twice.
                if let first = media.first?.id {
                    step.outcome = .unknown(
                        reason: Message.zaloPhotosPartly([
                            "n": "\(media.count)", "first": first, "photo": image.written,
                            "reason": Self.reason(step.outcome),
                        ])
                    )
                }
                return step
            }
            media.append(UploadedMedia(image: address, id: id))
        }
        let text = { send("sendMessage", json: ["chat_id": chat, "text": post.text], client: client) }
        guard let first = media.first?.id else { return text() }
        return BotTextAfterPhotos.send(firstMessage: first, address: nil, text)
    }

    private func send(_ method: String, json: [String: Any], client: DirectClient) -> DirectStep {
        let response = client.send(api.request(method, json: json))
        let answer = BotAnswer(response, platform: api.platformName, chat: chat)
        var outcome = answer.classify(publishing: true)
        if case .published = outcome {
            outcome =
                answer.messageID.map { .published(id: $0, url: nil) }
                ?? .unknown(reason: Message.botNoMessageID(["platform": "Zalo", "status": "\(response.status)"]))
        }
        return DirectStep(outcome: outcome, url: api.shown(method), response: response)
    }

    private static func reason(_ outcome: DirectOutcome) -> String {
        switch outcome {
        case .notSent(let reason, _), .refused(let reason), .credentials(let reason), .unknown(let reason): reason
        case .published: Message.zaloNoFailure()
        }
    }

    func find(_ post: DirectPost, since: Date, client: DirectClient) -> (look: DirectLook, step: DirectStep?) {
        (.cannotLook, nil)
    }
}
