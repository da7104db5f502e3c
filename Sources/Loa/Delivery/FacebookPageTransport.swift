import Foundation

/// Posts straight to a Facebook Page through the Graph API.
///
/// A text or link post is one `POST /{page_id}/feed` (`message`, `link`, `fields=id,permalink_url`, so that the
/// post's id and address come back in the same answer). A photo post uploads each photo unpublished
/// (`POST /{page_id}/photos`, multipart `source`, `published=false`: invisible until attached), then makes one
/// feed post attaching them (`attached_media[i]={"media_fbid":"…"}`). The Page token goes in
/// `Authorization: Bearer`, never in an address.
struct FacebookPageTransport: DirectTransport {
    let channel: Channel

    var graph: GraphAPI { GraphAPI(channel: channel) }

    /// What a person does when the Page token stops working.
    static var reconnectWords: String { Message.reconnectFacebookPage() }

    var destination: String { "Facebook Page \(channel.pageID ?? "")" }

    private var pageID: String { channel.pageID ?? "" }

    private func endpoint(_ path: String, query: [URLQueryItem] = []) -> URL { graph.endpoint(path, query: query) }

    private func request(
        _ method: HTTPRequest.Method,
        _ url: URL,
        contentType: String? = nil,
        body: Data = Data()
    ) -> HTTPRequest {
        graph.request(method, url, contentType: contentType, body: body)
    }

    func publish(_ post: DirectPost, media: inout [String], client: DirectClient) -> DirectStep {
        for image in post.images.dropFirst(media.count) {
            let upload = uploadPhoto(image, client: client)
            guard case .published(let id, _) = upload.outcome else {
                // An unpublished photo is invisible, so an upload whose answer was lost is simply made again.
                if case .unknown(let reason) = upload.outcome {
                    return DirectStep(
                        outcome: .notSent(reason: "uploading \(image.written): \(reason)", notBefore: nil),
                        url: upload.url,
                        response: upload.response
                    )
                }
                return upload
            }
            media.append(id)
        }
        var form = FormBody()
        form.add("message", post.text)
        if let link = post.link { form.add("link", link.absoluteString) }
        for (index, id) in media.enumerated() {
            form.add("attached_media[\(index)]", "{\"media_fbid\":\(JSONText.string(id))}")
        }
        form.add("fields", "id,permalink_url")
        let url = endpoint("\(pageID)/feed")
        let response = client.send(
            request(.post, url, contentType: "application/x-www-form-urlencoded", body: form.data)
        )
        let answer = GraphAnswer(response)
        var outcome = answer.classify(publishing: true, now: Date())
        if case .published = outcome {
            guard let id = answer.object?["id"] as? String, !id.isEmpty else {
                outcome = .unknown(reason: Message.facebookNoPostID(["status": "\(response.status)"]))
                return DirectStep(outcome: outcome, url: url, response: response)
            }
            outcome = .published(id: id, url: answer.object?["permalink_url"] as? String)
        }
        return DirectStep(outcome: outcome, url: url, response: response)
    }

    /// Uploads one photo unpublished; its outcome is `published` with the photo's id when it worked.
    private func uploadPhoto(_ image: AnnouncementImage, client: DirectClient) -> DirectStep {
        let url = endpoint("\(pageID)/photos")
        var form = MultipartBody()
        form.add("published", "false")
        switch image {
        case .web(let address):
            form.add("url", address)
        case .file(let path, let file):
            do {
                let photo = try ImageFile.read(path: path, file: file)
                form.addFile("source", name: photo.name, contentType: photo.type.contentType, data: photo.data)
            } catch {
                let reason = Message.outboxCannotReadImage(["image": path, "problem": ErrorWords.describe(error)])
                return DirectStep(
                    outcome: .notSent(reason: reason, notBefore: nil),
                    url: url,
                    response: HTTPResponse(status: 0, error: TransportError(.other, reason, requestMayHaveLeft: false))
                )
            }
        }
        let response = client.send(request(.post, url, contentType: form.contentType, body: form.data))
        let answer = GraphAnswer(response)
        var outcome = answer.classify(publishing: true, now: Date())
        if case .published = outcome {
            outcome =
                (answer.object?["id"] as? String).map { .published(id: $0, url: nil) }
                ?? .notSent(reason: Message.facebookPhotoNoID(["photo": image.written]), notBefore: nil)
        } else if case .refused(let reason) = outcome {
            outcome = .refused(reason: Message.facebookPhotoRefused(["photo": image.written, "reason": reason]))
        }
        return DirectStep(outcome: outcome, url: url, response: response)
    }

    func find(_ post: DirectPost, since: Date, client: DirectClient) -> (look: DirectLook, step: DirectStep?) {
        let url = endpoint(
            "\(pageID)/published_posts",
            query: [
                URLQueryItem(name: "fields", value: "id,message,created_time,permalink_url"),
                URLQueryItem(name: "since", value: String(Int(since.timeIntervalSince1970))),
                URLQueryItem(name: "limit", value: "100"),
            ]
        )
        let response = client.send(request(.get, url))
        let answer = GraphAnswer(response)
        let outcome = answer.classify(publishing: false, now: Date())
        guard case .published = outcome, let posts = answer.object?["data"] as? [[String: Any]] else {
            let reason: String
            switch outcome {
            case .notSent(let text, _), .credentials(let text), .refused(let text), .unknown(let text): reason = text
            case .published: reason = Message.facebookListNoData()
            }
            return (.failed(reason), DirectStep(outcome: outcome, url: url, response: response))
        }
        let wanted = Self.comparable(post.text)
        let match = posts.first { ($0["message"] as? String).map(Self.comparable) == wanted }
        let look: DirectLook =
            match.flatMap { found in
                (found["id"] as? String).map { DirectLook.found(id: $0, url: found["permalink_url"] as? String) }
            } ?? .absent
        return (look, DirectStep(outcome: outcome, url: url, response: response))
    }

    /// A text as compared with a post's: NFC, line ends as `\n`, without the spaces Facebook trims at its ends.
    static func comparable(_ text: String) -> String {
        VietnameseText.nfc(text.replacingOccurrences(of: "\r\n", with: "\n"))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
